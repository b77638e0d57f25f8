// Emulated ScriptApp: the AuthMode enum and time-based triggers, recorded for tests and the playground.
import type { AuthModeName, EmulatorEnv } from '../env';

/** https://developers.google.com/apps-script/reference/script/auth-mode; values are the names. */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const satisfies Record<AuthModeName, AuthModeName>);

export const EventType = Object.freeze({ CLOCK: 'CLOCK' } as const);
export const TriggerSource = Object.freeze({ CLOCK: 'CLOCK' } as const);

/** One installed trigger, as recorded data. */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: 'CLOCK';
  /** For after(ms) and at(date): when it fires once. For recurring ones: the first firing. */
  dueAt: Date;
  /** For everyMinutes / everyHours: the period in milliseconds. */
  everyMs: number | null;
  createdAt: Date;
  /** How many times the emulator ran it (runTrigger); Apps Script keeps fired one-off triggers listed. */
  runs: number;
}

/**
 * Editor add-ons may hold one trigger of each type per user per document, and time-driven
 * triggers may not run more than once an hour
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
 */
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
const HOUR_MS = 3600 * 1000;

/** Trigger (https://developers.google.com/apps-script/reference/script/trigger). */
export class Trigger {
  readonly #env: EmulatorEnv;
  readonly record: TriggerRecord;

  constructor(env: EmulatorEnv, record: TriggerRecord) {
    this.#env = env;
    this.record = record;
  }

  getUniqueId(): string {
    this.#env.counter.count('Trigger.getUniqueId');
    return this.record.id;
  }

  getHandlerFunction(): string {
    this.#env.counter.count('Trigger.getHandlerFunction');
    return this.record.handlerFunction;
  }

  getEventType(): 'CLOCK' {
    this.#env.counter.count('Trigger.getEventType');
    return this.record.eventType;
  }

  getTriggerSource(): 'CLOCK' {
    this.#env.counter.count('Trigger.getTriggerSource');
    return 'CLOCK';
  }

  getTriggerSourceId(): null {
    this.#env.counter.count('Trigger.getTriggerSourceId');
    return null;
  }
}

/** ClockTriggerBuilder (https://developers.google.com/apps-script/reference/script/clock-trigger-builder), subset. */
export class ClockTriggerBuilder {
  readonly #env: EmulatorEnv;
  readonly #create: (dueAt: Date, everyMs: number | null) => Trigger;
  #dueAt: Date | null = null;
  #everyMs: number | null = null;

  constructor(env: EmulatorEnv, create: (dueAt: Date, everyMs: number | null) => Trigger) {
    this.#env = env;
    this.#create = create;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.#env.counter.count('ClockTriggerBuilder.after');
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: durationMilliseconds');
    this.#dueAt = new Date(this.#env.now().getTime() + ms);
    this.#everyMs = null;
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    this.#env.counter.count('ClockTriggerBuilder.at');
    const time = new Date(date as Date).getTime();
    if (Number.isNaN(time)) throw new Error('Invalid argument: date');
    this.#dueAt = new Date(time);
    this.#everyMs = null;
    return this;
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    this.#env.counter.count('ClockTriggerBuilder.everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Invalid argument: minutes must be 1, 5, 10, 15 or 30');
    return this.#every(n * 60 * 1000);
  }

  everyHours(n: number): ClockTriggerBuilder {
    this.#env.counter.count('ClockTriggerBuilder.everyHours');
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: hours');
    return this.#every(n * HOUR_MS);
  }

  #every(ms: number): ClockTriggerBuilder {
    if (ms < HOUR_MS) throw new Error('Add-ons cannot create time-based triggers that run more than once an hour.');
    this.#everyMs = ms;
    this.#dueAt = new Date(this.#env.now().getTime() + ms);
    return this;
  }

  create(): Trigger {
    this.#env.counter.count('ClockTriggerBuilder.create');
    if (this.#dueAt === null) throw new Error('The trigger needs a time: call after(), at(), everyMinutes() or everyHours().');
    return this.#create(this.#dueAt, this.#everyMs);
  }
}

/** TriggerBuilder (https://developers.google.com/apps-script/reference/script/trigger-builder): time-based only. */
export class TriggerBuilder {
  readonly #env: EmulatorEnv;
  readonly #clock: () => ClockTriggerBuilder;

  constructor(env: EmulatorEnv, clock: () => ClockTriggerBuilder) {
    this.#env = env;
    this.#clock = clock;
  }

  timeBased(): ClockTriggerBuilder {
    this.#env.counter.count('TriggerBuilder.timeBased');
    return this.#clock();
  }
}

export interface ScriptAppApi {
  readonly AuthMode: typeof AuthMode;
  readonly EventType: typeof EventType;
  readonly TriggerSource: typeof TriggerSource;
  newTrigger(functionName: string): TriggerBuilder;
  getProjectTriggers(): Trigger[];
  deleteTrigger(trigger: Trigger): void;
}

/**
 * ScriptApp with the add-on trigger rules. Managing triggers needs authorization (and the
 * script.scriptapp scope), so it is refused outside AuthMode.FULL. `triggers` is this document's list.
 */
export function createScriptApp(env: EmulatorEnv, triggers: TriggerRecord[]): ScriptAppApi {
  let next = triggers.length;
  const guard = (method: string): void => {
    if (env.authMode !== 'FULL') env.denied(`ScriptApp.${method}`);
  };
  return {
    AuthMode,
    EventType,
    TriggerSource,
    newTrigger(functionName) {
      env.counter.count('ScriptApp.newTrigger');
      guard('newTrigger');
      if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
      return new TriggerBuilder(
        env,
        () =>
          new ClockTriggerBuilder(env, (dueAt, everyMs) => {
            if (triggers.some((t) => t.eventType === 'CLOCK')) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
            next += 1;
            const record: TriggerRecord = {
              id: `trigger-${next}`,
              handlerFunction: functionName,
              eventType: 'CLOCK',
              dueAt,
              everyMs,
              createdAt: env.now(),
              runs: 0,
            };
            triggers.push(record);
            return new Trigger(env, record);
          }),
      );
    },
    getProjectTriggers() {
      env.counter.count('ScriptApp.getProjectTriggers');
      guard('getProjectTriggers');
      return triggers.map((record) => new Trigger(env, record));
    },
    deleteTrigger(trigger) {
      env.counter.count('ScriptApp.deleteTrigger');
      guard('deleteTrigger');
      if (!(trigger instanceof Trigger)) throw new Error('Invalid argument: trigger');
      const at = triggers.findIndex((t) => t.id === trigger.record.id);
      if (at >= 0) triggers.splice(at, 1);
    },
  };
}
