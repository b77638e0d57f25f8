// The `in` operator as SQL: the cell's text, its list items, and the numbers they read as, as the engine tests them.

import type { Scalar } from '../model';
import { SUFFIXES } from '../read/number';
import { normalizeText } from '../read/text';
import { num } from './dialect';
import * as P from './patterns';
import type { ColumnReadings } from './read';
import type { Sql } from './snippets';
import type { Col, Stages } from './stages';

// The engine (operators.ts `in`, read/cells.ts list reading) reads the cell as a list: [whole] when the cell reads as
// one number (readNumber of the cell: `1,000`), else [whole, ...items] when it has two items or more, else [whole];
// whole is the normalised text, the items the normalised non-empty parts between separators. The criterion matches
// when one of them is a wanted text, or reads (readNumber of the normalised text) as a wanted number.

/** Characters of an item that are neither separators nor white space. */
const CONTENT = `[^,;|\\n\\r${P.WS_CHARS}]`;
/** Two non-empty items or more. */
const MULTI = `${CONTENT}${P.ANY}*${P.LIST_SEP}${P.ANY}*${CONTENT}`;
/** Texts normalizeText changes beyond trimming and lower case: a white space other than a space, or two in a row. */
const ODD_SPACE = `[\\t\\n\\x0B\\f\\r\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]|  `;
const SEPARATORS = [',', ';', '|', '\n', '\r'];

/**
 * Every item without a digit that a cell read as one number can have (an over-approximation): such a cell holds
 * separators only as a comma between digits or a line break where its reading allows white space (`under\n50`,
 * `5\nk`), so such an item is a line of the number's words and signs: currencies, signs, suffixes, range separators,
 * `under`, `or more`..., `%`, units. A wanted text outside it can only be an item of a cell that is no number, which
 * spares the question (test/sql/in-numbers.test.ts checks the claim on generated readable texts).
 */
const NUMBER_WORDS = [
  'usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'jpy', 'inr', 'us\\$', ...Object.keys(SUFFIXES), 'to', 'under', 'less', 'than', 'below',
  'fewer', 'up', 'over', 'more', 'above', 'greater', 'at', 'least', 'or', 'and', 'employees?', 'emps?', 'staff', 'people',
];
export const NUMBER_LINE = new RegExp(`^(?:[$€£¥₹+\\-−–—.%<>=≤≥() \\t]|${NUMBER_WORDS.join('|')})+$`);

/** Wanted numbers as a test of the number column `n` (the engine's tolerance, as equals). */
function sameNumber(n: string, numbers: readonly number[], tolerance: (b: number) => number): string {
  return numbers.map((v) => `ABS(${n} - ${num(v)}) <= ${num(tolerance(v))}`).join(' OR ');
}

export interface InParts {
  inputs: Col[];
  hit: string;
}

/** The `in` criterion's test on a non-blank cell: `CASE WHEN <hit> THEN 0 ELSE -1 END`. */
export function inCondition(st: Stages, q: Sql, r: ColumnReadings, values: readonly Scalar[], tolerance: (b: number) => number): InParts {
  const wanted = [...new Set(values.map((v) => normalizeText(String(v))))].filter((v) => v !== '');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const l = r.lower();
  const inputs: Col[] = [l];
  const tests: string[] = [];
  if (wanted.length > 0) tests.push(q.re(l.ref, `^(?:${wanted.map((v) => P.normalisedLiteral(v)).join('|')})$`));
  // Wanted texts without a separator can be list items.
  const items = wanted.filter((v) => !/[,;|\n\r]/.test(v));
  // Items a cell that reads as one number (then no list) can also have: with a digit, or made of a number's words.
  const numberish = items.some((v) => /[0-9]/.test(v) || NUMBER_LINE.test(v));
  const multi = st.add([l], q.re(l.ref, MULTI));
  inputs.push(multi);
  const itemMatch =
    items.length === 0
      ? undefined
      : st.add([l, multi], `${multi.ref} AND ${q.re(l.ref, `(?:^|${P.LIST_SEP})${P.WS_IN_ITEM}*(?:${items.map((v) => P.normalisedLiteral(v, `${P.WS_IN_ITEM}+`)).join('|')})${P.WS_IN_ITEM}*(?:${P.LIST_SEP}|$)`)}`);
  if (itemMatch !== undefined) inputs.push(itemMatch);
  const n = numbers.length > 0 ? r.number() : undefined;
  if (n !== undefined) inputs.push(n);
  const raw = r.raw();
  const length = r.jsLength();
  // Which rows need the subquery, for what.
  const hasDigit = q.re(l.ref, '[0-9]');
  // Does the cell read as one number (then it is no list)? Only asked where an item matched and the cell has a digit
  // (a text without one reads as no number), when the cell's number is not read anyway.
  const needCell = n === undefined && itemMatch !== undefined && numberish ? `${itemMatch.ref} AND ${hasDigit}` : undefined;
  // The whole text's number is the cell's, unless normalizing changed its spaces or the cell is too long to read
  // (readNumber gives up over 80 characters; the trimmed text may be shorter).
  const oddWhole = n === undefined ? undefined : `(${q.re(l.ref, ODD_SPACE)} OR ${length.ref} > 80)`;
  const needItems = n === undefined ? undefined : multi.ref;
  let flags: Col | undefined;
  if (needCell !== undefined || oddWhole !== undefined) {
    const text = (when: string | undefined, tag: string, value: string, pattern: string): string =>
      `REGEXP_EXTRACT_ALL(${when === undefined ? "''" : `CASE WHEN ${when} THEN CONCAT(${q.str(tag)}, ${value}) ELSE '' END`}, ${q.str(pattern)})`;
    // Each item tagged: a `2` after every separator and at the start, then the runs from a `2` to a separator.
    let tagged = l.ref;
    for (const s of SEPARATORS) tagged = `REPLACE(${tagged}, ${q.str(s)}, ${q.str(`${s}2`)})`;
    const texts =
      `ARRAY_CONCAT(ARRAY_CONCAT(${text(needCell, '0', raw.ref, `^${P.ANY}+$`)}, ${text(oddWhole, '1', l.ref, `^${P.ANY}+$`)}),` +
      ` ${text(needItems, '2', tagged, `2[^,;|\\n\\r]+`)})`;
    const any = [needCell, oddWhole, needItems].filter((c): c is string => c !== undefined).join(' OR ');
    const list = st.add([l, raw, length, multi, ...(itemMatch === undefined ? [] : [itemMatch])], `CASE WHEN ${any} THEN ${texts} END`);
    flags = st.add([list], subquery(st, q, r, list, numbers, tolerance));
  }
  if (flags !== undefined) inputs.push(flags);
  const readsAsNumber = n !== undefined ? `${n.ref} IS NOT NULL` : flags === undefined ? 'FALSE' : `COALESCE(${flags.ref} >= 4, FALSE)`;
  if (itemMatch !== undefined) tests.push(`(${itemMatch.ref} AND NOT (${readsAsNumber}))`);
  if (n !== undefined) {
    const f = flags!.ref;
    tests.push(`(NOT ${oddWhole} AND COALESCE(${sameNumber(n.ref, numbers, tolerance)}, FALSE))`);
    tests.push(`${f} IN (2, 3, 6, 7)`);
    tests.push(`(${multi.ref} AND ${n.ref} IS NULL AND ${f} IN (1, 3, 5, 7))`);
  }
  return { inputs, hit: tests.length === 0 ? '-1' : `CASE WHEN ${tests.join(' OR ')} THEN 0 ELSE -1 END` };
}

/**
 * Readings the cell's own columns cannot give, in one subquery over the texts that need them (none for most rows):
 * each text tagged `0` the cell (does it read as a number), `1` the whole text, `2` an item. Its value is 4 when the
 * cell reads as a number, plus 2 when the whole text and 1 when an item reads as a wanted number; 0 for no texts.
 */
function subquery(st: Stages, q: Sql, r: ColumnReadings, list: Col, numbers: readonly number[], tolerance: (b: number) => number): string {
  const sub = st.inner('i');
  const item = sub.tableColumn('unnest');
  const tag = sub.add([item], `LEFT(${item.ref}, 1)`);
  // The cell as it is (readNumber trims it), or a whole text or an item normalised: trimmed, runs of white space one
  // space (it is lower case already).
  const text = sub.add(
    [item],
    `CASE WHEN LEFT(${item.ref}, 1) = '0' THEN SUBSTR(${item.ref}, 2) ELSE ARRAY_TO_STRING(REGEXP_EXTRACT_ALL(SUBSTR(${item.ref}, 2), ${q.str(`[^${P.WS_CHARS}]+`)}), ' ') END`,
  );
  const n = r.textReadings(sub, text).number();
  const wanted = numbers.length === 0 ? 'FALSE' : `COALESCE(${sameNumber(n.ref, numbers, tolerance)}, FALSE)`;
  const flag = (t: string, when: string, value: number): string => `MAX(CASE WHEN ${tag.ref} = ${q.str(t)} AND ${when} THEN ${value} ELSE 0 END)`;
  const { sql, alias } = sub.renderOver(`UNNEST(${list.ref}) AS ${q.d.ident('unnest')}`, 'unnest');
  return (
    `COALESCE((SELECT ${flag('0', `${n.ref} IS NOT NULL`, 4)} + ${flag('1', wanted, 2)} + ${flag('2', wanted, 1)}` +
    `\nFROM (\n${sql}\n) AS ${alias}), 0)`
  );
}
