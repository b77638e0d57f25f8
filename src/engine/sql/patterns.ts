// RE2 pieces (the regular expressions of BigQuery and DuckDB) that match exactly what the engine's JavaScript ones match.
import { CURRENCY, SHORT_SUFFIXES, SUFFIXES } from '../read/number';

/**
 * JavaScript's white space (`\s`, and what trim() removes): RE2's `\s` is ASCII only, so the set is spelt out:
 * tab, line feed, vertical tab, form feed, carriage return, space, no-break space, the Unicode space separators,
 * the line and paragraph separators and the byte order mark.
 */
export const WS_CHARS = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
export const WS = `[${WS_CHARS}]`;
/** White space that does not separate list items (all of WS but line feed and carriage return). */
export const WS_IN_ITEM = '[\\t\\x0B\\f \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';
/** JavaScript's `.` without the s flag: any character but the four line terminators (RE2's `.` only stops at \n). */
export const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** Any character at all. */
export const ANY = '(?s:.)';
/** The separators of a one-cell list (engine: LIST_SEPARATORS). */
export const LIST_SEP = '[,;|\\n\\r]';

/** `text` as an RE2 literal: every character that is not a letter, digit, space or non-ASCII is escaped. */
export function reLiteral(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (/[A-Za-z0-9 ]/.test(ch) || c >= 128) out += c >= 0x2028 && c <= 0x2029 ? `\\x{${c.toString(16)}}` : ch;
    else if (c < 32 || c === 127) out += `\\x{${c.toString(16)}}`;
    else out += `\\${ch}`;
  }
  return out;
}

/** A normalised text (single spaces, trimmed, lower case) as a pattern matching every text that normalises to it. */
export function normalisedLiteral(text: string, space: string = `${WS}+`): string {
  return text.split(' ').map(reLiteral).join(space);
}

/**
 * Number and date reading run on a text whose white space is mapped first (see ColumnReadings.mapped): line
 * terminators to \n, every other white space but the plain space to \t. Their patterns only ever ask for "any white
 * space" or for a plain space, so the mapping changes no reading, and `\s` is `[\t\n ]` and JavaScript's `.` is RE2's.
 */
/** Every character JavaScript's trim() removes and `\\s` matches. */
export const WHITE_SPACE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
/** Printable ASCII neither starting nor ending with a space: a text trim() leaves as it is. */
export const NOTHING_TO_TRIM = '^[!-~](?:[ -~]*[!-~])?$';
export const LINE_TERMINATORS = ['\n', '\r', '\u2028', '\u2029'];
export const OTHER_WHITE_SPACE = ['\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff'];
/** The spaces the number reader reads as a plain space (thousands separators in European exports). */
export const NUMBER_SPACES = ['\u00a0', '\u2009', '\u202f'];
const S = '[\\t\\n ]';
const MAPPED_DOT = '.';

// Number reading (engine: read/number.ts).
export { CURRENCY };
const CURRENCY_SIGN = '[$€£¥₹]';
export const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)';
/** The engine's own tables (read/number.ts): a suffix or currency added there is read the same way here. */
export const SUFFIX_VALUES = SUFFIXES;
const SUFFIX = `(?:${Object.keys(SUFFIX_VALUES).sort((a, b) => b.length - a.length).join('|')})`;

/**
 * The engine's AMOUNT, `^C?\s*([+-]?)\s*C?\s*(D)\s*(?:(?!C$)([a-z]+))?\.?\s*C?$`, has a lookahead RE2 lacks. It only
 * stops the letters after the digits from being taken for a suffix when they are the currency ending the text
 * (`1,000 EUR`), so AMOUNT_CURRENCY_LAST (that case) is tried first and AMOUNT_LETTERS (the rest) second; the
 * letters are then a suffix only when they are one of SUFFIX_VALUES.
 */
const AMOUNT_HEAD = `${CURRENCY}?${S}*([+-]?)${S}*${CURRENCY}?${S}*(${DIGITS})${S}*`;
export const AMOUNT_CURRENCY_LAST = `^${AMOUNT_HEAD}${CURRENCY}$`;
export const AMOUNT_LETTERS = `^${AMOUNT_HEAD}(?:([a-z]+))?\\.?${S}*${CURRENCY}?$`;

/** Keeps only the capture group `keep` (1-based) of a pattern; the others become non-capturing. */
export function onlyGroup(pattern: string, keep: number): string {
  let group = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '(' && pattern[i + 1] !== '?') {
      group++;
      out += group === keep ? '(' : '(?:';
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Every text readAmount reads (without anchors), for the two ends of a range: the currency-last shape, or digits
 * with a known suffix that no letter follows directly (`5kusd` is the unknown suffix `kusd` to the engine), or none.
 */
const AMOUNT_HEAD_PLAIN = `${CURRENCY}?${S}*[+-]?${S}*${CURRENCY}?${S}*${DIGITS}${S}*`;
export const READABLE_AMOUNT =
  `(?:${AMOUNT_HEAD_PLAIN}${CURRENCY}|${AMOUNT_HEAD_PLAIN}(?:${SUFFIX}(?:\\.${S}*${CURRENCY}?|${S}+${CURRENCY}?|${CURRENCY_SIGN})?|\\.?${S}*${CURRENCY}?))`;
/** A range: two readable amounts around `-`, an en or em dash or the word `to` (engine: readRange). */
const RANGE_SEPARATOR = `${S}*(?:-|–|—|\\bto\\b)${S}*`;
export const RANGE = `^(${READABLE_AMOUNT})${RANGE_SEPARATOR}(${READABLE_AMOUNT})$`;

export const PLAIN = '^\\d+(?:\\.\\d+)?$';
export const SHORT_AMOUNT = '^[$€£¥₹]?(\\d+(?:\\.\\d+)?)([kmbt]?)$';
export const SHORT_SUFFIX_VALUES = SHORT_SUFFIXES;
const UNIT = `${S}*(?:\\b(?:employees?|emps?\\.?|staff|people)|\\((?:usd|eur|gbp|cad|aud|chf|jpy|inr)\\))`;
/** The text before a trailing unit (`51-200 employees`); the unit never starts the text. */
export const BEFORE_UNIT = `^(${ANY}+?)${UNIT}$`;
export const SCIENTIFIC = '^[+-]?\\d+(?:\\.\\d+)?e[+-]?\\d+$';
/** A unit after a percentage (`5% employees`): UNIT without the white space before it, which a `%` always ends. */
const UNIT_WORD = '(?:employees?|emps?\\.?|staff|people|\\((?:usd|eur|gbp|cad|aud|chf|jpy|inr)\\))';
/** The text ends as a percentage (`%`, maybe a unit after it): the engine's PERCENT rule applies. */
export const PERCENT_END = `%(?:${S}*${UNIT_WORD})?$`;
/**
 * A percentage of any depth, as the engine peels it (read/number.ts reads `N%` by reading N again): group 1 the core,
 * group 2 the layers, each `%` with the white space before it and a unit after it; the core (what every layer but
 * the outermost re-reads) holds no line break, as the engine's `.` does not match one. The core is the shortest one.
 */
export const PERCENT_LAYERS = `^([^\\n]+?)((?:[\\t ]*%(?:[\\t ]*${UNIT_WORD})?)*${S}*%(?:${S}*${UNIT_WORD})?)$`;
/**
 * A `%` of the core that no layer drops: each layer drops the `%` directly before a range separator (`10%-20%`), so a
 * run of n `%` (spaces between) before a separator is gone after n layers, and any other `%` stays; a `%` left makes
 * the text no number. This is a `%` whose run (with its spaces) is not followed by `-`, an en or em dash, or `to` as
 * a word (`\bto\b`; the `\b` before it always holds after a `%` or a space).
 */
export const STRAY_PERCENT = '%[\\t %]*(?:$|[^\\t %\\-–—t]|t$|t[^o]|to[0-9a-z_])';
export const BELOW = `^(?:under|less than|below|fewer than|up to|<=?|≤)${S}*(${MAPPED_DOT}+)$`;
export const AT_LEAST_BEFORE = `^(?:over|more than|above|greater than|at least|>=?|≥)${S}*(${MAPPED_DOT}+)$`;
export const AT_LEAST_AFTER = `^(${MAPPED_DOT}+?)${S}*(?:\\+|or more|and above|and up)$`;

// Date reading (engine: read/date.ts).
export const ISO_DATE = `^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[t ][\\d:.]+(?:z|[+-]\\d{2}:?\\d{2})?)?$`;
export const US_DATE = `^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?:,?${S}+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:${S}*[ap]\\.?m\\.?)?)?$`;
export const MONTH_FIRST = `^([a-z]{3,9})\\.?${S}+(\\d{1,2}),?${S}+(\\d{4})$`;
export const DAY_FIRST = `^(\\d{1,2})${S}+([a-z]{3,9})\\.?,?${S}+(\\d{4})$`;
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Blanks (engine: read/blank.ts).
export const PLACEHOLDERS = ['na', 'null', 'nil', 'none', 'unknown', 'select', 'selectone', 'pleaseselect', 'notavailable', 'notapplicable'];
/** Characters no placeholder text can hold: digits, @, symbols the test keeps, letters no placeholder has. */
const PLACEHOLDER_LETTERS = new Set(PLACEHOLDERS.join(''));
const OTHER_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'].filter((c) => !PLACEHOLDER_LETTERS.has(c)).join('');
export const NEVER_PLACEHOLDER = `[0-9@$+<=>^\`|~${OTHER_LETTERS}${OTHER_LETTERS.toUpperCase()}]`;
/** Runs of what the placeholder test keeps: all but punctuation, spaces, control and format characters. */
export const NOT_IGNORED = '[^\\p{P}\\p{Z}\\p{Cc}\\p{Cf}]+';
export const FORMULA_ERRORS = [
  '#ERROR!', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#FIELD!',
  '#GETTING_DATA', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
];
export const TRUE_WORDS = ['true', 'yes', 'y', '1', 'x', '✓', '✔', '✔️', '☑', '☑️', '✅', 'checked', 'on', 't'];
export const FALSE_WORDS = ['false', 'no', 'n', '0', '✗', '✘', '☐', '❌', 'unchecked', 'off', 'f'];
