// icp sql tells a blank row as the engine does, over every column of the table, with or without --headers: a row is
// blank (NULL results) only when all its cells are, in any form the engine reads as blank.
import type { Model } from '../../src/engine';
import { isBlank } from '../../src/engine/read/blank';
import { generateSql } from '../../src/engine/sql';
import { allBlankRowPattern } from '../../src/engine/sql/blank-row';
import { engineOutcomes, loadTextTable, openDb, sqlOutcomes, type Db } from './duckdb-harness';

const TODAY = '2026-11-01';
// A column name JSON must escape, and one no criterion reads.
const HEADERS = ['Industry', 'Employees', 'No"te\\s', 'Outcome'];
const BLANKS = ['', ' ', 'N/A', ' n.a. ', '#REF!', ' #DIV/0! ', 'Loading...', '#ﬁELD!', 'UN\u212aNOWN', '"', '\\', '\n\t', 'N\u00adA', '\u2028', '-- Select --', '—', '\ufeff'];
const VALUES = ['hello', '@', 'NİL', 'LOADİNG...', '#RE\ufeffF!', '0', 'nan', '✓', 'x', '#ﬁELD', '"N/A"x'];

function model(): Model {
  return {
    schemaVersion: 1,
    profiles: [{
      name: 'P',
      categories: [{ id: 'c', weight: 1 }],
      criteria: [
        { id: 'saas', category: 'c', column: 'Industry', when: { op: 'in', values: ['SaaS'] }, points: 10 },
        { id: 'size', category: 'c', column: 'Employees', when: { op: 'gte', value: 10 }, points: 10 },
      ],
      tiers: [{ label: 'A', min: 0 }],
    }],
  };
}

/** Rows whose criteria's cells are blank: blank everywhere, or but for one value in a column no criterion reads. */
function rows(): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (const b of BLANKS) out.push([b, null, b, b], [null, b, '', b]);
  for (const v of VALUES) out.push(['', 'N/A', v, ''], [null, ' ', '', v]);
  out.push([null, null, null, null], ['SaaS', '', '', ''], ['', '12', null, null]);
  return out;
}

describe('icp sql blank rows', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await loadTextTable(db, 'accounts', HEADERS, rows());
  });
  afterAll(() => db.close());

  it.each([['without --headers', undefined], ['with --headers', HEADERS]])('%s: a row is blank only when every cell is, as in the engine', async (_, headers) => {
    const sql = generateSql(model(), { dialect: 'duckdb', table: 'accounts', headers, today: TODAY });
    const { outcomes } = await sqlOutcomes(db, sql);
    const engine = engineOutcomes(model(), HEADERS, rows(), TODAY);
    expect(outcomes.map((o) => o.score)).toEqual(engine.map((e) => e.score));
    // Both kinds are there: every BLANKS row is blank, every VALUES row is not.
    const blank = outcomes.map((o) => o.score === null);
    expect(blank.slice(0, 2 * BLANKS.length).every(Boolean)).toBe(true);
    expect(blank.slice(2 * BLANKS.length, 2 * (BLANKS.length + VALUES.length)).some(Boolean)).toBe(false);
  });

  it('typed columns: NULL is blank; a number, a date, a boolean or a list (even empty) is a value, whatever the criteria read', async () => {
    await db.con.run(`CREATE TABLE typed AS SELECT * FROM (VALUES
      (NULL, NULL, NULL, NULL, NULL), ('', NULL, NULL, NULL, NULL), (NULL, 0, NULL, NULL, NULL), (NULL, NULL, DATE '2026-03-01', NULL, NULL),
      (NULL, NULL, NULL, false, NULL), (NULL, NULL, NULL, NULL, CAST([] AS VARCHAR[])), (' N/A ', NULL, NULL, NULL, ['x'])
    ) AS v("Industry", "Employees", "Founded", "Active", "Tags")`);
    for (const headers of [undefined, ['Industry', 'Employees', 'Founded', 'Active', 'Tags']]) {
      const { outcomes } = await sqlOutcomes(db, generateSql(model(), { dialect: 'duckdb', table: 'typed', headers, today: TODAY }));
      expect(outcomes.map((o) => o.score)).toEqual([null, null, 0, 0, 0, 0, 0]);
    }
  });

  it("BigQuery's TO_JSON_STRING escapes (U+2028 and U+2029 too): the pattern reads them as the engine reads the cell", async () => {
    // ZetaSQL's JsonEscapeString: \" \\ \b \f \n \r \t, \u00XX for the other control characters, \u2028 and \u2029.
    const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const escape = (text: string): string =>
      [...text].map((c) => short[c] ?? (c < ' ' || c === '\u2028' || c === '\u2029' ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
    const cells = [...BLANKS, ...VALUES, '\u2028N/A\u2029', '\u0001', '\u0007#REF!\u000b', 'N\\A', '\\u0041', 'a\u2028b'];
    // Keys escaped too (a quote, a backslash), and a NULL before the cell.
    const objects = cells.map((c) => `{"${escape('I"d')}":null,"${escape('"\\k')}":"${escape(c)}"}`);
    const literal = (t: string): string => `'${t.replace(/'/g, "''")}'`;
    const result = await db.con.runAndReadAll(
      `SELECT ${objects.map((o) => `regexp_matches(${literal(o)}, ${literal(allBlankRowPattern())})`).join(', ')}`,
    );
    expect(result.getRowsJS()[0]).toEqual(cells.map((c) => isBlank(c)));
  });
});
