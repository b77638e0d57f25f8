// icp sql lower-cases text exactly as JavaScript's toLowerCase (the engine's): every code point, the Greek final sigma
// by context, and the special mappings the text tests rely on (`İ`, U+FEFF, `ß`/`ﬁ` upper-casing, the Kelvin sign).
import fc from 'fast-check';
import { CASED, IGNORABLE, jsLowerExpr, LOWER_TO_ASCII, UNCASED, UPPER_TO_ASCII } from '../../src/engine/sql/casing';
import { dialectNamed } from '../../src/engine/sql/dialect';
import { Sql } from '../../src/engine/sql/snippets';
import { openDb, type Db } from './duckdb-harness';
import { readAll } from './reading-harness';

const q = new Sql(dialectNamed('duckdb'));
const re = (x: string, p: string): string => q.re(x, p);

/** What icp sql's lower case stands for JavaScript's: the same text, U+FEFF written U+3000 (both white space to it). */
const jsLower = (text: string): string => text.toLowerCase().replace(/\ufeff/g, '\u3000');

// Code points whose properties changed after the Unicode version of DuckDB's bundled tables (RE2's, utf8proc's):
// U+0295 became a letter without case in Unicode 16, U+1171E a spacing mark. Characters those tables do not know at
// all are left out below.
const CHANGED_SINCE_DUCKDB = new Set([0x295, 0x1171e]);
/** Any assigned character, to RE2: a code point it matches nowhere is one its tables do not know yet. */
const KNOWN = '^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}\\p{C}]$';

/** An RE2 class of the code points `test` holds, as ranges. */
function classOf(test: (ch: string) => boolean): string {
  let out = '';
  let start = -1;
  for (let c = 0; c <= 0x110000; c++) {
    const holds = c < 0x110000 && (c < 0xd800 || c > 0xdfff) && test(String.fromCodePoint(c));
    if (holds && start < 0) start = c;
    if (!holds && start >= 0) {
      out += start === c - 1 ? `\\x{${start.toString(16)}}` : `\\x{${start.toString(16)}}-\\x{${(c - 1).toString(16)}}`;
      start = -1;
    }
  }
  return `[${out}]`;
}

describe('icp sql lower case is JavaScript toLowerCase', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  /** Code points DuckDB's tables know (and whose properties did not change since), where `condition` holds. */
  async function codePointsWhere(condition: (ch: string) => string, select: (ch: string) => string): Promise<[number, unknown][]> {
    const ch = 'chr(CAST(i AS INTEGER))';
    const changed = [...CHANGED_SINCE_DUCKDB].join(', ');
    const result = await db.con.runAndReadAll(
      `SELECT i, ${select(ch)} FROM range(1, 1114112) AS r(i) WHERE (i < 55296 OR i > 57343) AND i NOT IN (${changed}) AND ${re(ch, KNOWN)} AND (${condition(ch)}) ORDER BY i`,
    );
    return (result.getRowsJS() as [bigint, unknown][]).map(([c, v]) => [Number(c), v]);
  }

  it('every code point DuckDB knows lower-cases as in JavaScript (İ, U+FEFF and all)', async () => {
    // The code points either side changes: JavaScript's (listed), or the SQL's.
    const changes = classOf((c) => c.toLowerCase() !== c);
    const rows = await codePointsWhere((ch) => `${jsLowerExpr(q, re, ch)} <> ${ch} OR ${re(ch, `^${changes}$`)}`, (ch) => jsLowerExpr(q, re, ch));
    expect(rows.length).toBeGreaterThan(1400);
    const wrong = rows.filter(([c, lower]) => lower !== jsLower(String.fromCodePoint(c))).map(([c]) => c.toString(16));
    expect(wrong).toEqual([]);
  });

  it("the final sigma's classes are Unicode's Case_Ignorable and Cased, as JavaScript's \\p{...} reads them", async () => {
    const ignorable = classOf((c) => /\p{Case_Ignorable}/u.test(c));
    const cased = classOf((c) => /\p{Cased}/u.test(c) && !/\p{Case_Ignorable}/u.test(c) && c !== 'Σ');
    const uncased = classOf((c) => !/\p{Cased}/u.test(c) && !/\p{Case_Ignorable}/u.test(c));
    const differs = (mine: string, js: string) => (ch: string): string => `${re(ch, `^${mine}$`)} <> ${re(ch, `^${js}$`)}`;
    const rows = await codePointsWhere((ch) => [differs(IGNORABLE, ignorable), differs(CASED, cased), differs(UNCASED, uncased)].map((d) => d(ch)).join(' OR '), () => '1');
    expect(rows.map(([c]) => c.toString(16))).toEqual([]);
  });

  it('capital sigma: ς at a word end (case-ignorable characters skipped both ways), σ elsewhere, any mix of texts', async () => {
    const fixed = ['ΟΔΥΣΣΕΥΣ', 'ΑΣ', 'Σ', 'ΣΣ', 'ΑΣΣ', 'ΑΣ ΣΑ', "ΑΣ'", "ΑΣ'Β", 'ΑΣ.Β', 'ʰΣ', 'aʰΣ', 'ΑΣʰ', 'ΑΣʰb', 'Α\u0345Σ', 'ΑΣ\u0345', 'ⅠΣ', 'ªΣ', '1Σ', 'Σ1', 'ΑΣ\u0001\u0002Β', 'ΑΣ\u0001\u0001'];
    const letters = ['Σ', 'Σ', 'Σ', 'Α', 'a', 'σ', 'ς', ' ', '.', "'", '\u0301', 'ʰ', '\u0345', '1', '-', 'İ', '\u0001', '\u0002', '\u0003', '\ufeff', 'Ⅰ', 'ª', '\u00ad', ':', ','];
    const texts = [...fixed, ...fc.sample(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }).map((a) => a.join('')), { numRuns: 3000, seed: 18 })];
    const lowered = await readAll(db, 'sigmas', texts, 'lower');
    // The fixed texts' lower case, written out: the rule, not only agreement.
    expect(lowered.slice(0, 6)).toEqual(['οδυσσευς', 'ας', 'σ', 'σς', 'ασς', 'ας σα']);
    // (The reading is of the trimmed text, as the engine's.)
    const wanted = texts.map((t) => jsLower(t.trim()));
    expect(lowered.map((l, i) => (l === wanted[i] ? null : [texts[i], l, wanted[i]])).filter((x) => x !== null)).toEqual([]);
  });

  it('the characters whose upper or lower case is ASCII are all in the tables the blank tests use', () => {
    const isAscii = (text: string): boolean => [...text].every((c) => c.charCodeAt(0) < 0x80);
    const upper: Record<string, string> = {};
    const lower: Record<string, string> = {};
    for (let c = 0x80; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (isAscii(ch.toUpperCase())) upper[ch] = ch.toUpperCase();
      if (isAscii(ch.toLowerCase())) lower[ch] = ch.toLowerCase();
    }
    expect(upper).toEqual(UPPER_TO_ASCII);
    expect(lower).toEqual(LOWER_TO_ASCII);
  });
});
