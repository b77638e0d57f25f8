// Blank detection: empty cells and the placeholders exports and forms use for "no value".

import { cellText } from './text';

// Compared after removing punctuation, spaces and invisible characters, so `N/A`, `n.a.`, `-- Select --` and `—` all
// match; symbols stay, so a check mark (`✓`, `✅`) is a value, not a blank. `NaN` is not one: it is what a broken
// computation writes (a division by zero exported by pandas or a script), a value present but unreadable, so a
// must-have on it disqualifies rather than counting it as missing data.
const PLACEHOLDERS = new Set(['', 'na', 'null', 'nil', 'none', 'unknown', 'select', 'selectone', 'pleaseselect', 'notavailable', 'notapplicable']);
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

const PLACEHOLDER_LIST = [...PLACEHOLDERS];
/**
 * PREFIX_MASK[position * 26 + letter]: the placeholders (one bit each, by index in PLACEHOLDER_LIST) with that lower-case
 * letter at that position. The ASCII loop ANDs them together letter by letter, so it stops at the first letter no
 * placeholder has there (`Sa` of `Salesforce`, `y` of `yuki@`) and never builds the letters into a string.
 */
const PREFIX_MASK = Uint16Array.from({ length: LONGEST * 26 }, (_, i) => {
  const position = Math.floor(i / 26);
  const letter = String.fromCharCode(97 + (i % 26));
  return PLACEHOLDER_LIST.reduce((mask, p, bit) => (p.charAt(position) === letter ? mask | (1 << bit) : mask), 0);
});
/** LENGTH_MASK[n]: the placeholders of n letters. */
const LENGTH_MASK = Uint16Array.from({ length: LONGEST + 1 }, (_, n) =>
  PLACEHOLDER_LIST.reduce((mask, p, bit) => (p.length === n ? mask | (1 << bit) : mask), 0),
);
const ALL_PLACEHOLDERS = (1 << PLACEHOLDER_LIST.length) - 1;

// What a formula cell shows when it failed, in Sheets and Excel (CSV exports carry the same text): no value a person
// could read, so blank, as `#N/A` already is by the placeholder rule. `Loading...` is a cell Sheets is still
// computing (IMPORTRANGE, GOOGLEFINANCE): no value yet. Per https://support.google.com/docs/answer/3093343 and
// Excel's list of formula errors.
const FORMULA_ERRORS = new Set([
  '#ERROR!', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#FIELD!',
  '#GETTING_DATA', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);
const LOADING = 'loading...';

/** A formula's error text (`#REF!`, any case, spaces around) or Sheets' `Loading...`. */
function isFormulaError(value: string): boolean {
  const t = value.trim();
  const c = t.charCodeAt(0);
  if (c === 35) return FORMULA_ERRORS.has(t.toUpperCase());
  return (c === 76 || c === 108) && t.length === LOADING.length && t.toLowerCase() === LOADING;
}

const SIMPLE = /^[a-z0-9]+$/;
const NOT_PLACEHOLDER = /[0-9@]/;

/** The spec's placeholder test for any text; the ASCII loop in isBlank settles most cells without it. */
function isPlaceholderText(value: string): boolean {
  if (NOT_PLACEHOLDER.test(value)) return false;
  const lower = value.toLowerCase();
  if (SIMPLE.test(lower)) return PLACEHOLDERS.has(lower);
  return PLACEHOLDERS.has(lower.replace(/[\p{P}\p{Z}\p{Cc}\p{Cf}]+/gu, ''));
}

/**
 * True for '', null, undefined, whitespace, the placeholders of the spec and formula errors (`#REF!`). Not for NaN,
 * Infinity or an invalid Date, nor the text `NaN` or `Infinity`: those are values present that no reading can use
 * (unreadable, so a must-have on them disqualifies), not missing ones.
 */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'string') {
    const n = value.length;
    // `#` and `L` (after spaces) start the formula errors: this test settles every other cell.
    const first = value.charCodeAt(0);
    if ((first === 35 || first === 76 || first === 108 || first <= 32 || first >= 128) && isFormulaError(value)) return true;
    // One pass over ASCII text, without the Unicode regular expressions (a cell is checked for every criterion column).
    // It stops at the first digit or @, or a letter no placeholder has there: settles e-mails, amounts and dates at
    // once. No cut-off on length: a padded export writes `N/A` or nothing at all in 50 spaces, and that is still blank.
    let letters = 0;
    let candidates = ALL_PLACEHOLDERS;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128) return isPlaceholderText(value);
      const type = ASCII[c]!;
      if (type === 1) {
        if (letters === LONGEST) return false;
        candidates &= PREFIX_MASK[letters * 26 + (c | 32) - 97]!;
        if (candidates === 0) return false;
        letters++;
      } else if (type !== 0) {
        return false;
      }
    }
    return (candidates & LENGTH_MASK[letters]!) !== 0;
  }
  if (typeof value === 'number') return false;
  if (typeof value === 'boolean') return false;
  return isBlankObject(value);
}

function isBlankObject(value: unknown): boolean {
  try {
    if (value instanceof Date) {
      // getTime() throws for an object posing as a Date (blank, below); an invalid Date is present but unreadable.
      value.getTime();
      return false;
    }
  } catch {
    // A Proxy whose traps throw, or an object posing as a Date: no value a person could read, and scoring never throws.
    return true;
  }
  return isBlank(cellText(value));
}
