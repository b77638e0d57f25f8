// The google.script.run wire format: which values may travel between the sidebar and the server, and how.
import { isDate, isPlainObject } from './realm';

/**
 * https://developers.google.com/apps-script/guides/html/reference/run: "Legal parameters are
 * JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects and
 * arrays that are composed of primitives, objects, and arrays. [...] Requests fail if you attempt to
 * pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited
 * types inside objects or arrays. Objects that create circular references will also fail, and
 * undefined fields within arrays become null."
 *
 * Stricter than Google on purpose: a Date in a return value (which Google silently turns into a
 * null result) and class instances (Map, Set, custom classes) are refused, so the API sends ISO
 * text and plain data. Object fields that are undefined are dropped, as JSON does.
 */
export type WireDirection = 'argument' | 'result';

export class WireError extends Error {
  constructor(direction: WireDirection, path: string, what: string) {
    super(`google.script.run: ${direction} ${path || 'value'} is ${what}, which cannot be passed between client and server`);
    this.name = 'WireError';
  }
}

function check(value: unknown, direction: WireDirection, path: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (typeof value === 'function') throw new WireError(direction, path, 'a function');
  if (typeof value !== 'object') throw new WireError(direction, path, `a ${typeof value}`);
  if (isDate(value)) throw new WireError(direction, path, 'a Date (send ISO text instead)');
  if (seen.has(value)) throw new WireError(direction, path, 'a circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => check(item, direction, `${path}[${i}]`, seen));
    if (!isPlainObject(value)) {
      const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
      throw new WireError(direction, path, `an instance of ${name ?? 'a class'}`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) out[key] = check(field, direction, path ? `${path}.${key}` : key, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The JSON text that crosses the wire; throws WireError for values Google refuses. */
export function toWire(value: unknown, direction: WireDirection, path = ''): string {
  return JSON.stringify(check(value, direction, path, new Set()));
}
