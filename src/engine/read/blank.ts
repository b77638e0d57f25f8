// Blank detection: empty cells and the placeholders exports and forms use for "no value".

import { cellText } from './text';

// Compared after removing punctuation, spaces and invisible characters, so `N/A`, `n.a.`, `-- Select --` and `—` all
// match; symbols stay, so a check mark (`✓`, `✅`) is a value, not a blank.
const PLACEHOLDERS = new Set(['', 'na', 'nan', 'null', 'nil', 'none', 'unknown', 'select', 'selectone', 'pleaseselect', 'notavailable', 'notapplicable']);
const LONGEST = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
const IGNORED = /[\p{P}\p{Z}\p{Cc}\p{Cf}]/u;

// What the slow path does to each ASCII character, decided by the same regular expression so both paths agree:
// 0 removed (punctuation, space, control), 1 letter (kept, lower-cased), 2 digit or @ (never a placeholder),
// 3 symbol such as $ or + (kept, and no placeholder has one).
const ASCII = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if ((c >= 48 && c <= 57) || ch === '@') return 2;
  if (IGNORED.test(ch)) return 0;
  return /[a-z]/i.test(ch) ? 1 : 3;
});

// The letters a placeholder can start with (n, u, s, p): most values are settled by their first letter.
const FIRST_LETTERS = Uint8Array.from({ length: 128 }, (_, c) => ([...PLACEHOLDERS].some((p) => p.charCodeAt(0) === c) ? 1 : 0));

const SIMPLE = /^[a-z0-9]+$/;
const NOT_PLACEHOLDER = /[0-9@]/;

/** The spec's placeholder test for any text; the ASCII loop in isBlank settles most cells without it. */
function isPlaceholderText(value: string): boolean {
  if (NOT_PLACEHOLDER.test(value)) return false;
  const lower = value.toLowerCase();
  if (SIMPLE.test(lower)) return PLACEHOLDERS.has(lower);
  return PLACEHOLDERS.has(lower.replace(/[\p{P}\p{Z}\p{Cc}\p{Cf}]+/gu, ''));
}

/** True for '', null, undefined, whitespace, NaN, invalid Dates and the placeholders of the spec. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'string') {
    const n = value.length;
    // One pass over ASCII text, without the Unicode regular expressions (a cell is checked for every criterion column).
    // It stops at the first digit or @, or a letter no placeholder has there: settles e-mails, amounts and dates at
    // once. No cut-off on length: a padded export writes `N/A` or nothing at all in 50 spaces, and that is still blank.
    let letters = 0;
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128) return isPlaceholderText(value);
      const type = ASCII[c]!;
      if (type === 1) {
        if (letters === 0 && FIRST_LETTERS[c | 32] === 0) return false;
        if (++letters > LONGEST) return false;
        if (c < 97) plain = false;
      } else if (type === 0) {
        plain = false;
      } else {
        return false;
      }
    }
    if (plain) return PLACEHOLDERS.has(value);
    let key = '';
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (ASCII[c] === 1) key += String.fromCharCode(c | 32);
    }
    return PLACEHOLDERS.has(key);
  }
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'boolean') return false;
  return isBlankObject(value);
}

function isBlankObject(value: unknown): boolean {
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime());
  } catch {
    // A Proxy whose traps throw, or an object posing as a Date: no value a person could read, and scoring never throws.
    return true;
  }
  return isBlank(cellText(value));
}
