// Cross-realm type checks: the bundle runs in its own vm context, so its Dates and Arrays are not `instanceof` ours.

const toTag = (value: unknown): string => Object.prototype.toString.call(value);

/** True for a Date from any realm (host or bundle context). */
export function isDate(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && toTag(value) === '[object Date]';
}

/** True for `{...}` literals and Object.create(null) from any realm; false for class instances, arrays, Dates. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || toTag(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
