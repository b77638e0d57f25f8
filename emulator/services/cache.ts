// Emulated CacheService: document, script and user caches whose entries expire on the emulator clock.
import type { EmulatorEnv } from '../env';
import { utf8Length } from './bytes';

/**
 * Limits from https://developers.google.com/apps-script/reference/cache/cache: keys up to 250
 * characters, values up to 100 KB, expiration 1..21600 seconds (default 600), at most 1,000 items
 * ("the cache stores the 900 items farthest from expiration").
 */
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_KEPT = 900;

interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** The data behind one cache; outlives the Cache objects handed to scripts. */
export class CacheStore {
  readonly entries = new Map<string, CacheEntry>();

  read(key: string, now: number): string | null {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  write(key: string, value: string, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > CACHE_MAX_ITEMS) this.#evict();
  }

  #evict(): void {
    const kept = [...this.entries].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_ITEMS_KEPT);
    this.entries.clear();
    for (const [key, entry] of kept) this.entries.set(key, entry);
  }
}

export interface CacheStores {
  document: CacheStore;
  script: CacheStore;
  user: CacheStore;
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Invalid argument: key');
  const text = String(key);
  if (text.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
  return text;
}

function checkValue(value: unknown): string {
  if (value === null || value === undefined) throw new Error('Invalid argument: value');
  const text = String(value);
  if (utf8Length(text) > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
  return text;
}

/** Out-of-range expirations are refused rather than silently clamped, so such code is noticed. */
function checkSeconds(seconds: unknown): number {
  if (seconds === undefined) return CACHE_DEFAULT_SECONDS;
  const n = Number(seconds);
  if (!Number.isFinite(n) || n < 1 || n > CACHE_MAX_SECONDS) {
    throw new Error(`Invalid argument: expirationInSeconds must be between 1 and ${CACHE_MAX_SECONDS}`);
  }
  return Math.floor(n);
}

/** Cache (https://developers.google.com/apps-script/reference/cache/cache). */
export class Cache {
  readonly #env: EmulatorEnv;
  readonly #store: CacheStore;

  constructor(env: EmulatorEnv, store: CacheStore) {
    this.#env = env;
    this.#store = store;
  }

  #now(): number {
    return this.#env.now().getTime();
  }

  get(key: string): string | null {
    this.#env.counter.count('Cache.get');
    return this.#store.read(checkKey(key), this.#now());
  }

  /** Only the keys found appear in the result. */
  getAll(keys: string[]): Record<string, string> {
    this.#env.counter.count('Cache.getAll');
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#store.read(checkKey(key), this.#now());
      if (value !== null) found[String(key)] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.#env.counter.count('Cache.put');
    const expiresAt = this.#now() + checkSeconds(expirationInSeconds) * 1000;
    this.#store.write(checkKey(key), checkValue(value), expiresAt);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    this.#env.counter.count('Cache.putAll');
    const expiresAt = this.#now() + checkSeconds(expirationInSeconds) * 1000;
    const checked = Object.entries(values).map(([key, value]) => [checkKey(key), checkValue(value)] as const);
    for (const [key, value] of checked) this.#store.write(key, value, expiresAt);
  }

  remove(key: string): void {
    this.#env.counter.count('Cache.remove');
    this.#store.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.#env.counter.count('Cache.removeAll');
    for (const key of keys) this.#store.entries.delete(checkKey(key));
  }
}

export interface CacheServiceApi {
  getDocumentCache(): Cache | null;
  getScriptCache(): Cache;
  getUserCache(): Cache;
}

/**
 * CacheService (https://developers.google.com/apps-script/reference/cache/cache-service).
 * getDocumentCache() returns null only for scripts not bound to a document; ours always is.
 */
export function createCacheService(env: EmulatorEnv, stores: CacheStores): CacheServiceApi {
  const open = (method: string, store: CacheStore): Cache => {
    env.counter.count(`CacheService.${method}`);
    return new Cache(env, store);
  };
  return {
    getDocumentCache: () => open('getDocumentCache', stores.document),
    getScriptCache: () => open('getScriptCache', stores.script),
    getUserCache: () => open('getUserCache', stores.user),
  };
}
