// Emulated LockService: document, script and user locks, with another execution simulated by tests.
import type { EmulatorEnv } from '../env';

export type LockKind = 'document' | 'script' | 'user';

/** Who holds one lock: an execution id, or null. Shared by every emulator that shares the lock's scope. */
export class LockState {
  holder: string | null = null;
}

export interface LockStates {
  document: LockState;
  script: LockState;
  user: LockState;
}

/** The id that stands for "some other execution of this script" (another user, a trigger, a second tab). */
export const ANOTHER_EXECUTION = 'another-execution';
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

function checkTimeout(method: string, timeoutInMillis: unknown): void {
  const n = Number(timeoutInMillis);
  if (timeoutInMillis === undefined || !Number.isFinite(n) || n < 0) {
    throw new Error(`Invalid argument: timeoutInMillis (Lock.${method})`);
  }
}

/**
 * Lock (https://developers.google.com/apps-script/reference/lock/lock). Waiting is not simulated:
 * a lock held by another execution stays held for the whole timeout, so tryLock answers false and
 * waitLock throws at once instead of sleeping.
 */
export class Lock {
  readonly #env: EmulatorEnv;
  readonly #state: LockState;
  readonly #execution: string;
  readonly #onAcquire: () => void;

  constructor(env: EmulatorEnv, state: LockState, execution: string, onAcquire: () => void) {
    this.#env = env;
    this.#state = state;
    this.#execution = execution;
    this.#onAcquire = onAcquire;
  }

  #acquire(): boolean {
    if (this.#state.holder === this.#execution) return true; // "no effect if the lock has already been acquired"
    if (this.#state.holder !== null) return false;
    this.#state.holder = this.#execution;
    this.#onAcquire();
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.#env.counter.count('Lock.tryLock');
    checkTimeout('tryLock', timeoutInMillis);
    return this.#acquire();
  }

  waitLock(timeoutInMillis: number): void {
    this.#env.counter.count('Lock.waitLock');
    checkTimeout('waitLock', timeoutInMillis);
    if (!this.#acquire()) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /** "This method has no effect if the lock has not been acquired." */
  releaseLock(): void {
    this.#env.counter.count('Lock.releaseLock');
    if (this.#state.holder === this.#execution) this.#state.holder = null;
  }

  hasLock(): boolean {
    this.#env.counter.count('Lock.hasLock');
    return this.#state.holder === this.#execution;
  }
}

export interface LockServiceApi {
  getDocumentLock(): Lock | null;
  getScriptLock(): Lock;
  getUserLock(): Lock;
}

/** What tests and the playground use to observe and disturb locking. */
export interface LockControl {
  /** Successful acquisitions (free to held) by this emulator's executions, per lock. */
  readonly acquisitions: Record<LockKind, number>;
  /** Simulates another execution holding the lock; throws when this execution holds it. */
  holdByAnotherExecution(kind: LockKind): void;
  /** Frees the lock, whoever holds it. */
  release(kind: LockKind): void;
  heldBy(kind: LockKind): 'this execution' | 'another execution' | null;
  /** Ends the current execution: Apps Script releases its locks when a script terminates. */
  endExecution(): void;
}

export function createLockService(
  env: EmulatorEnv,
  states: LockStates,
  execution: string,
): { LockService: LockServiceApi; locks: LockControl } {
  const acquisitions: Record<LockKind, number> = { document: 0, script: 0, user: 0 };
  const kinds: LockKind[] = ['document', 'script', 'user'];
  const open = (method: string, kind: LockKind): Lock => {
    env.counter.count(`LockService.${method}`);
    return new Lock(env, states[kind], execution, () => {
      acquisitions[kind] += 1;
    });
  };
  const locks: LockControl = {
    acquisitions,
    holdByAnotherExecution(kind) {
      if (states[kind].holder === execution) throw new Error(`The ${kind} lock is held by this execution`);
      states[kind].holder = ANOTHER_EXECUTION;
    },
    release(kind) {
      states[kind].holder = null;
    },
    heldBy(kind) {
      const holder = states[kind].holder;
      if (holder === null) return null;
      return holder === execution ? 'this execution' : 'another execution';
    },
    endExecution() {
      for (const kind of kinds) if (states[kind].holder === execution) states[kind].holder = null;
    },
  };
  const LockService: LockServiceApi = {
    getDocumentLock: () => open('getDocumentLock', 'document'),
    getScriptLock: () => open('getScriptLock', 'script'),
    getUserLock: () => open('getUserLock', 'user'),
  };
  return { LockService, locks };
}
