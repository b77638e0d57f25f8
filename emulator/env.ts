// Shared state of one emulated Apps Script execution environment: auth mode, call counting, clock.

/** Mirrors ScriptApp.AuthMode; CUSTOM_FUNCTION marks code running inside a custom function call. */
export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface CallCounter {
  /** Calls per "Class.method", e.g. "Range.getValues". */
  readonly calls: Map<string, number>;
  count(name: string): void;
  total(prefix?: string): number;
  reset(): void;
}

export function createCallCounter(): CallCounter {
  const calls = new Map<string, number>();
  return {
    calls,
    count(name) {
      calls.set(name, (calls.get(name) ?? 0) + 1);
    },
    total(prefix) {
      let sum = 0;
      for (const [name, n] of calls) if (prefix === undefined || name.startsWith(prefix)) sum += n;
      return sum;
    },
    reset() {
      calls.clear();
    },
  };
}

export interface EmulatorEnv {
  authMode: AuthModeName;
  counter: CallCounter;
  /** Script time zone (Session.getScriptTimeZone()). */
  timeZone: string;
  now(): Date;
  /** Set while a custom function runs: the calling cell, as "Sheet!A1". */
  customFunctionCell: string | null;
  /** Records an access that the current auth mode forbids, then throws Google's message. */
  denied(service: string): never;
}

export function createEnv(options: { timeZone?: string; now?: () => Date } = {}): EmulatorEnv {
  const env: EmulatorEnv = {
    authMode: 'FULL',
    counter: createCallCounter(),
    timeZone: options.timeZone ?? 'Etc/UTC',
    now: options.now ?? (() => new Date()),
    customFunctionCell: null,
    denied(service: string): never {
      // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
      throw new Error(`You do not have permission to call ${service}`);
    },
  };
  return env;
}
