// Emulated Session: script time zone, locale and the (usually hidden) active and effective users.
import type { EmulatorEnv } from '../env';

/** User (https://developers.google.com/apps-script/reference/base/user). */
export class User {
  readonly #env: EmulatorEnv;
  readonly #email: string;

  constructor(env: EmulatorEnv, email: string) {
    this.#env = env;
    this.#email = email;
  }

  getEmail(): string {
    this.#env.counter.count('User.getEmail');
    return this.#email;
  }
}

export interface SessionOptions {
  /**
   * getActiveUser().getEmail(): '' by default, as for a consumer account using someone else's
   * add-on (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   */
  activeUserEmail?: string;
  /** getEffectiveUser().getEmail(): '' by default so the add-on never relies on it. */
  effectiveUserEmail?: string;
  locale?: string;
}

export interface SessionApi {
  getScriptTimeZone(): string;
  getActiveUser(): User;
  getEffectiveUser(): User;
  getActiveUserLocale(): string;
  getTemporaryActiveUserKey(): string;
}

/** Session (https://developers.google.com/apps-script/reference/base/session). */
export function createSession(env: EmulatorEnv, options: SessionOptions = {}): SessionApi {
  return {
    getScriptTimeZone() {
      env.counter.count('Session.getScriptTimeZone');
      return env.timeZone;
    },
    getActiveUser() {
      env.counter.count('Session.getActiveUser');
      return new User(env, options.activeUserEmail ?? '');
    },
    getEffectiveUser() {
      env.counter.count('Session.getEffectiveUser');
      return new User(env, options.effectiveUserEmail ?? '');
    },
    getActiveUserLocale() {
      env.counter.count('Session.getActiveUserLocale');
      return options.locale ?? 'en';
    },
    getTemporaryActiveUserKey() {
      env.counter.count('Session.getTemporaryActiveUserKey');
      return 'emulator-temporary-user-key';
    },
  };
}
