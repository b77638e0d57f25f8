// A blank row as SQL: every cell of the table blank, judged on the row as JSON so no column needs naming.

import { lowerCasePattern, upperCasePattern } from './casing';
import * as P from './patterns';

// A JSON string's content is its characters but `"` and `\`, and escapes. TO_JSON_STRING (BigQuery) escapes `"`, `\`,
// U+0000-U+001F and U+2028/U+2029; DuckDB's to_json `"`, `\` and U+0000-U+001F: every escape they write stands for
// punctuation, a control character or a separator, all of which the placeholder test ignores.
const IGNORED_ESCAPE = '\\\\[^u]|\\\\u00[0189][0-9a-fA-F]|\\\\u007[fF]|\\\\u202[89]';
/** What isBlank's placeholder test removes (punctuation, separators, control and format characters), but `@`. */
const IGNORED = `(?:[\\p{Z}\\p{Cc}\\p{Cf}]|[^\\P{P}"\\\\@]|${IGNORED_ESCAPE})`;
/** JavaScript's white space (what trim() removes), raw or escaped. */
const SPACE = `(?:[${P.WS_CHARS}]|\\\\[tnfr]|\\\\u000[9a-dA-D]|\\\\u202[89])`;

/** A pattern of `text` in a JSON string, where `/` may be written `\/`. */
function inJson(text: string, pattern: (t: string) => string): string {
  return text.split('/').map(pattern).join('(?:/|\\\\/)');
}

/**
 * isBlank of a JSON string's content: a placeholder (letters as toLowerCase reads them, anything the test ignores
 * around and between them, no digit or `@`), a formula error or `Loading...` (trimmed, as toUpperCase /
 * toLowerCase read them).
 */
function blankContent(): string {
  const placeholders = P.PLACEHOLDERS.map((p) => [...p].map((ch) => lowerCasePattern(ch)).join(`${IGNORED}*`));
  const placeholder = `${IGNORED}*(?:${placeholders.join('|')})?${IGNORED}*`;
  const errors = P.FORMULA_ERRORS.map((e) => inJson(e, upperCasePattern));
  const trimmed = (inner: string): string => `${SPACE}*${inner}${SPACE}*`;
  return `(?:${placeholder}|${trimmed(`(?:${errors.join('|')})`)}|${trimmed(lowerCasePattern('loading...'))})`;
}

/**
 * The row as a JSON object (TO_JSON_STRING / to_json of the table's row) holds only blank cells: NULL (`null`) or a
 * string the engine reads as blank. Numbers, booleans, arrays and objects are values. Each key is any JSON string;
 * valid JSON has a `}` only at the end outside its strings, so `[,}]` after each entry ends it.
 */
export function allBlankRowPattern(): string {
  const key = '"(?:[^"\\\\]|\\\\.)*"';
  return `^\\{(?:${key}:(?:null|"${blankContent()}")[,}])+$`;
}
