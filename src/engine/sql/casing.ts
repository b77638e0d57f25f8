// JavaScript's toLowerCase and toUpperCase as SQL: where a database's LOWER / UPPER differ, and patterns for case tests.

import { reLiteral } from './patterns';

/**
 * The characters outside ASCII whose JavaScript toUpperCase is ASCII (full case mapping: `ß` is `SS`, `ﬁ` is `FI`).
 * test/sql/casing.test.ts checks this against every code point, so a formula error written `#ﬁELD!` is one here too.
 */
export const UPPER_TO_ASCII: Readonly<Record<string, string>> = {
  '\u00df': 'SS', '\u0131': 'I', '\u017f': 'S', '\ufb00': 'FF', '\ufb01': 'FI', '\ufb02': 'FL', '\ufb03': 'FFI', '\ufb04': 'FFL',
  '\ufb05': 'ST', '\ufb06': 'ST',
};

/** The characters outside ASCII whose JavaScript toLowerCase is ASCII: the Kelvin sign is `k` (checked likewise). */
export const LOWER_TO_ASCII: Readonly<Record<string, string>> = { '\u212a': 'k' };

/** One character class per ASCII character: the characters a case mapping turns into it. */
function single(ch: string, table: Readonly<Record<string, string>>, other: string): string {
  const extra = Object.entries(table).filter(([, to]) => to === ch).map(([from]) => from);
  const all = [ch, ...(other !== ch ? [other] : []), ...extra];
  return all.length === 1 ? reLiteral(ch) : `[${all.map(reLiteral).join('')}]`;
}

/** A pattern matching exactly the texts whose case mapping (`table` plus ASCII's) is `text` (ASCII). */
function mappedTo(text: string, table: Readonly<Record<string, string>>, other: (c: string) => string): string {
  const multi = Object.entries(table).filter(([, to]) => to.length > 1);
  const from = (i: number): string => {
    if (i === text.length) return '';
    const options = multi.filter(([, to]) => text.startsWith(to, i));
    const one = `${single(text[i]!, table, other(text[i]!))}${from(i + 1)}`;
    if (options.length === 0) return one;
    return `(?:${[one, ...options.map(([f, to]) => `${reLiteral(f)}${from(i + to.length)}`)].join('|')})`;
  };
  return from(0);
}

/** Texts whose toUpperCase() is `text` (upper-case ASCII such as `#FIELD!`). */
export function upperCasePattern(text: string): string {
  return mappedTo(text, UPPER_TO_ASCII, (c) => c.toLowerCase());
}

/** Texts whose toLowerCase() is `text` (lower-case ASCII such as `loading...`). */
export function lowerCasePattern(text: string): string {
  return mappedTo(text, LOWER_TO_ASCII, (c) => c.toUpperCase());
}

// The Final_Sigma rule of toLowerCase (Unicode's SpecialCasing, as ICU applies it in V8): a capital sigma is `ς` when
// the nearest character before it that is not case-ignorable is a cased letter and the nearest one after it is not
// (or there is none); otherwise `σ`. A character both cased and case-ignorable (`ʰ`, U+0345) counts as ignorable.
// The classes are Unicode's Case_Ignorable and Cased as general categories plus the few characters listed
// (test/sql/casing.test.ts compares them with JavaScript's \p{Case_Ignorable} and \p{Cased} on every code point).
// (Characters as themselves, not `\x{...}`: the classes recur in the pattern, and none is special in a class.)
const IGNORABLE_CHARS = "\\p{Mn}\\p{Me}\\p{Cf}\\p{Lm}\\p{Sk}'.:\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a";
const CASED_EXTRA = '\u00aa\u00ba\u2160-\u217f\u24b6-\u24e9\u{1f130}-\u{1f149}\u{1f150}-\u{1f169}\u{1f170}-\u{1f189}';
const SIGMA = '\u03a3';
/** Case-ignorable characters. */
export const IGNORABLE = `[${IGNORABLE_CHARS}]`;
/** Cased, not case-ignorable, and not the capital sigma. */
export const CASED = `(?:[\\p{Ll}\\p{Lt}${CASED_EXTRA}]|[^\\P{Lu}${SIGMA}])`;
/** Neither cased nor case-ignorable. */
export const UNCASED = `[^${IGNORABLE_CHARS}\\p{Ll}\\p{Lu}\\p{Lt}${CASED_EXTRA}]`;

/**
 * The pieces of ` text ` between its final sigmas, each ending with the final sigma it is cut at (the last piece with
 * the closing space). Read left to right, state "after a cased letter" (S1) or not (S0); the match starts in S1 (after a
 * final sigma, or before the opening space). A run of sigmas (with ignorables between) followed by a cased letter is
 * all `σ`; in S0 one sigma followed by an uncased character or the end is `σ`; otherwise the run's last sigma is final
 * and ends the piece. Every character is matched by exactly one of the branches, so no piece ever stops early.
 */
function sigmaPieces(): string {
  const I = IGNORABLE;
  const C = CASED;
  const N = UNCASED;
  const S = SIGMA;
  const runToCased = `${S}(?:${I}*${S})*${I}*${C}`;
  const stayS1 = `${runToCased}|${I}|${C}`;
  const stayS0 = `${S}${I}*${N}|${I}|${N}`;
  const toS1 = `${runToCased}|${C}`;
  const loopS1 = `(?:${stayS1}|${N}(?:${stayS0})*(?:${toS1}))*`;
  return `${loopS1}(?:${S}(?:${I}*${S})*|${N}(?:${stayS0})*(?:${S}${I}*$|${S}(?:${I}*${S})+)?)?`;
}

const MARK = '\u0001';
const ESCAPED_MARK = '\u0001\u0002';
const CUT = '\u0001\u0001';
/** Put around the text: uncased, so the first character has no cased letter before it and the last none after it. */
const EDGE = '\u0001\u0003';

interface Text {
  str(text: string): string;
}

/**
 * JavaScript's `x.toLowerCase()` in SQL, for any LOWER that maps each character on its own (DuckDB's utf8proc,
 * BigQuery's): the capital sigma by the Final_Sigma rule (only texts holding one pay for it), the dotted capital I
 * spelt out (`i̇`), and U+FEFF kept as a white space: DuckDB's LOWER drops it, so it is first swapped for U+3000, which
 * every later step (trimming is done, white space patterns, number mapping) treats the same way. Without `sigma`, a
 * capital sigma is lower-cased by LOWER alone: for readings no text with one passes (numbers, dates, yes/no words).
 */
export function jsLowerExpr(q: Text, re: (x: string, pattern: string) => string, x: string, sigma = true): string {
  // Final sigmas are cut out by REGEXP_EXTRACT_ALL (DuckDB's and BigQuery's REGEXP_REPLACE do not replace alike) and
  // the pieces joined again at CUT, a pair of U+0001 the text cannot hold once each of its own U+0001 is followed by
  // U+0002; EDGE cannot occur in it either.
  const escaped = `REPLACE(${x}, ${q.str(MARK)}, ${q.str(ESCAPED_MARK)})`;
  const joined = `ARRAY_TO_STRING(REGEXP_EXTRACT_ALL(CONCAT(${q.str(EDGE)}, ${escaped}, ${q.str(EDGE)}), ${q.str(sigmaPieces())}), ${q.str(CUT)})`;
  // A trailing empty match (where an engine returns one) leaves a CUT after no sigma: it goes with the edges.
  let out = `REPLACE(${joined}, ${q.str(`${SIGMA}${CUT}`)}, ${q.str('\u03c2')})`;
  for (const [from, to] of [[CUT, ''], [EDGE, ''], [ESCAPED_MARK, MARK]] as const) out = `REPLACE(${out}, ${q.str(from)}, ${q.str(to)})`;
  const sigmas = sigma ? `CASE WHEN STRPOS(${x}, ${q.str(SIGMA)}) > 0 THEN ${out} ELSE ${x} END` : x;
  const lowered = `LOWER(REPLACE(REPLACE(${sigmas}, ${q.str('\u0130')}, ${q.str('i\u0307')}), ${q.str('\ufeff')}, ${q.str('\u3000')}))`;
  // Plain ASCII (most cells) takes LOWER alone.
  return `CASE WHEN ${re(x, '^[\\x00-\\x7F]*$')} THEN LOWER(${x}) ELSE ${lowered} END`;
}
