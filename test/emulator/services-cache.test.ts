// CacheService: expiry on the emulator clock, limits, and the separate caches.
import { createEnv } from '../../emulator/env';
import { CacheStore, createCacheService, CACHE_VALUE_MAX_BYTES } from '../../emulator/services/cache';

function setup() {
  let now = Date.UTC(2026, 0, 1);
  const env = createEnv({ now: () => new Date(now) });
  const stores = { document: new CacheStore(), script: new CacheStore(), user: new CacheStore() };
  return {
    env,
    service: createCacheService(env, stores),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

describe('CacheService', () => {
  it('expires entries after 600 s by default, on the fake clock', () => {
    const { service, advance } = setup();
    const cache = service.getScriptCache();
    cache.put('k', 'v');
    advance(599);
    expect(cache.get('k')).toBe('v');
    advance(1);
    expect(cache.get('k')).toBeNull();
  });

  it('honours an explicit expiration and refuses one outside 1..21600 s', () => {
    const { service, advance } = setup();
    const cache = service.getUserCache();
    cache.put('k', 'v', 21600);
    advance(21599);
    expect(cache.get('k')).toBe('v');
    expect(() => cache.put('k', 'v', 21601)).toThrow('expirationInSeconds');
    expect(() => cache.put('k', 'v', 0)).toThrow('expirationInSeconds');
  });

  it('getAll returns only the keys found; putAll, remove, removeAll', () => {
    const { service } = setup();
    const cache = service.getDocumentCache();
    expect(cache).not.toBeNull();
    cache!.putAll({ a: '1', b: '2', c: '3' });
    expect(cache!.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    cache!.remove('a');
    cache!.removeAll(['b', 'z']);
    expect(cache!.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('refuses a value over 100 KB and a key over 250 characters', () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    cache.put('fits', 'x'.repeat(CACHE_VALUE_MAX_BYTES));
    expect(() => cache.put('big', 'x'.repeat(CACHE_VALUE_MAX_BYTES + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.putAll({ ok: 'v', bad: 'x'.repeat(CACHE_VALUE_MAX_BYTES + 1) })).toThrow('Argument too large');
    expect(cache.get('ok')).toBeNull();
  });

  it('keeps the 900 entries farthest from expiry when more than 1,000 are written', () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    for (let i = 0; i < 1001; i += 1) cache.put(`k${i}`, 'v', 100 + i);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
    expect(cache.get('k101')).toBe('v');
    expect(cache.get('k100')).toBeNull();
  });

  it('keeps document, script and user caches apart', () => {
    const { service } = setup();
    service.getScriptCache().put('k', 'script');
    expect(service.getUserCache().get('k')).toBeNull();
    expect(service.getDocumentCache()!.get('k')).toBeNull();
  });
});
