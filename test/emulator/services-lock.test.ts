// LockService: acquisition, contention with a simulated other execution, release at the end of an execution.
import { createEnv } from '../../emulator/env';
import { createLockService, LockState, LOCK_TIMEOUT_MESSAGE } from '../../emulator/services/lock';

function setup() {
  const env = createEnv();
  const states = { document: new LockState(), script: new LockState(), user: new LockState() };
  return { env, states, ...createLockService(env, states, 'execution-test') };
}

describe('LockService', () => {
  it('acquires, reports and releases a free lock, counting acquisitions', () => {
    const { LockService, locks } = setup();
    const lock = LockService.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(lock.tryLock(1000)).toBe(true);
    expect(locks.acquisitions.document).toBe(1);
    expect(locks.heldBy('document')).toBe('this execution');
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.heldBy('document')).toBeNull();
  });

  it('fails at once, without waiting, when another execution holds the lock', () => {
    const { LockService, locks } = setup();
    locks.holdByAnotherExecution('script');
    const lock = LockService.getScriptLock();
    const started = Date.now();
    expect(lock.tryLock(30000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lock.hasLock()).toBe(false);
    lock.releaseLock();
    expect(locks.heldBy('script')).toBe('another execution');
    locks.release('script');
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    expect(locks.acquisitions.script).toBe(1);
  });

  it('keeps the three locks independent', () => {
    const { LockService, locks } = setup();
    locks.holdByAnotherExecution('document');
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getDocumentLock()!.tryLock(0)).toBe(false);
  });

  it('releases this execution\'s locks when the execution ends, not another\'s', () => {
    const { LockService, locks } = setup();
    LockService.getDocumentLock()!.waitLock(10);
    locks.holdByAnotherExecution('user');
    locks.endExecution();
    expect(locks.heldBy('document')).toBeNull();
    expect(locks.heldBy('user')).toBe('another execution');
  });

  it('is seen as held by another execution from a second emulator sharing the lock', () => {
    const env = createEnv();
    const shared = { document: new LockState(), script: new LockState(), user: new LockState() };
    const a = createLockService(env, shared, 'a');
    const b = createLockService(env, shared, 'b');
    expect(a.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(b.LockService.getScriptLock().tryLock(0)).toBe(false);
    expect(b.locks.heldBy('script')).toBe('another execution');
  });

  it('refuses to simulate another holder while this execution holds the lock, and bad timeouts', () => {
    const { LockService, locks } = setup();
    const lock = LockService.getScriptLock();
    lock.tryLock(0);
    expect(() => locks.holdByAnotherExecution('script')).toThrow('held by this execution');
    expect(() => lock.tryLock(-1)).toThrow('timeoutInMillis');
  });
});
