// Emulated PropertiesService: document, script and user stores of strings with Google's size quotas.
import type { EmulatorEnv } from '../env';
import { utf8Length } from './bytes';

/**
 * Limits from https://developers.google.com/apps-script/guides/services/quotas
 * ("Properties value size 9 KB / val", "Properties total storage 500 KB / property store").
 * Sizes are UTF-8 bytes; the store total counts keys and values (measured behaviour, see
 * https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa).
 */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const STORE_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export type PropertyStoreKind = 'document' | 'script' | 'user';

/** The persistent data behind one property store; outlives the Properties objects handed to scripts. */
export class PropertyStore {
  readonly data = new Map<string, string>();

  bytes(data: ReadonlyMap<string, string> = this.data): number {
    let total = 0;
    for (const [key, value] of data) total += utf8Length(key) + utf8Length(value);
    return total;
  }

  /** Applies a change atomically: nothing is written when a quota would be exceeded. */
  commit(next: Map<string, string>): void {
    for (const value of next.values()) {
      if (utf8Length(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    }
    if (this.bytes(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(STORE_QUOTA_MESSAGE);
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }
}

export interface PropertyStores {
  document: PropertyStore;
  script: PropertyStore;
  user: PropertyStore;
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Invalid argument: key');
  return String(key);
}

/**
 * Properties as documented at https://developers.google.com/apps-script/reference/properties/properties:
 * values are stored as strings ("Data types that are not already strings are automatically converted",
 * https://developers.google.com/apps-script/guides/properties), setters return `this` for chaining.
 */
export class Properties {
  readonly #env: EmulatorEnv;
  readonly #store: PropertyStore;
  readonly #kind: PropertyStoreKind;

  constructor(env: EmulatorEnv, store: PropertyStore, kind: PropertyStoreKind) {
    this.#env = env;
    this.#store = store;
    this.#kind = kind;
  }

  #enter(method: string, writes: boolean): void {
    this.#env.counter.count(`Properties.${method}`);
    const mode = this.#env.authMode;
    if (mode === 'NONE') this.#env.denied(`Properties.${method}`);
    // Stores other than script properties are refused in custom functions when obtained (see
    // PropertiesService below); a custom function never writes, so script properties are read-only there.
    if (mode === 'CUSTOM_FUNCTION' && (writes || this.#kind !== 'script')) this.#env.denied(`Properties.${method}`);
  }

  getProperty(key: string): string | null {
    this.#enter('getProperty', false);
    return this.#store.data.get(checkKey(key)) ?? null;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): Record<string, string> {
    this.#enter('getProperties', false);
    return Object.fromEntries(this.#store.data);
  }

  getKeys(): string[] {
    this.#enter('getKeys', false);
    return [...this.#store.data.keys()];
  }

  setProperty(key: string, value: unknown): Properties {
    this.#enter('setProperty', true);
    const next = new Map(this.#store.data);
    next.set(checkKey(key), String(value));
    this.#store.commit(next);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.#enter('setProperties', true);
    if (typeof properties !== 'object' || properties === null) throw new Error('Invalid argument: properties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.#store.data);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.#store.commit(next);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.#enter('deleteProperty', true);
    this.#store.data.delete(checkKey(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.#enter('deleteAllProperties', true);
    this.#store.data.clear();
    return this;
  }
}

export interface PropertiesServiceApi {
  getDocumentProperties(): Properties;
  getScriptProperties(): Properties;
  getUserProperties(): Properties;
}

/**
 * PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service).
 * AuthMode.NONE: no access at all ("doesn't work in AuthMode.NONE",
 * https://developers.google.com/apps-script/reference/script/auth-mode).
 * Custom functions: Google does not document document properties there, and user properties there
 * resolve to the spreadsheet owner's, not the viewer's; we conservatively refuse both, so the add-on
 * never depends on them, and allow reading script properties only.
 */
export function createPropertiesService(env: EmulatorEnv, stores: PropertyStores): PropertiesServiceApi {
  const open = (method: string, kind: PropertyStoreKind): Properties => {
    env.counter.count(`PropertiesService.${method}`);
    if (env.authMode === 'NONE') env.denied(`PropertiesService.${method}`);
    if (env.authMode === 'CUSTOM_FUNCTION' && kind !== 'script') env.denied(`PropertiesService.${method}`);
    return new Properties(env, stores[kind], kind);
  };
  return {
    getDocumentProperties: () => open('getDocumentProperties', 'document'),
    getScriptProperties: () => open('getScriptProperties', 'script'),
    getUserProperties: () => open('getUserProperties', 'user'),
  };
}
