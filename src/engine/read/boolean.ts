// Boolean reading: checkboxes, TRUE/FALSE, yes/no, y/n, 1/0, x and check marks.

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', '✔️', '☑', '☑️', '✅', 'checked', 'on', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '✗', '✘', '☐', '❌', 'unchecked', 'off', 'f']);

/** true / false as a person reads the cell, or undefined when it is not a yes/no value. */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
