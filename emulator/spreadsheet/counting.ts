// Counts every public method call of a wrapper class as "Class.method" in env.counter (Apps Script call cost).
import type { Ctx } from './context';

interface Counted {
  _ctx: Ctx;
}

/** Wraps the prototype's methods once; names starting with '_' are internal and not counted. */
export function instrument(cls: { prototype: object }, className: string): void {
  const proto = cls.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_') || name === 'toString') continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${className}.${name}`;
    const counted = function (this: Counted, ...args: unknown[]): unknown {
      this._ctx.env.counter.count(key);
      return original.apply(this, args);
    };
    Object.defineProperty(counted, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: counted });
  }
}

/** Base of all wrapper objects: holds the shared context; toString gives the Apps Script class name. */
export abstract class Wrapper {
  constructor(readonly _ctx: Ctx) {}
}
