// Nothing in a model, a table name or a column name can change the query `icp sql` writes: quotes, backticks,
// backslashes, comment markers and SQL in labels, values, patterns, names and tiers are data, in both dialects.
import { Parser } from 'node-sql-parser';
import type { Model } from '../../src/engine';
import { generateSql } from '../../src/engine/sql';
import { differences, loadTextTable, openDb, sqlOutcomes, type Db } from './duckdb-harness';
import { tokenize } from './sql-tokens';

const EVIL = [
  `'; DROP TABLE victims; --`,
  `"); DELETE FROM victims; --`,
  "`; DROP TABLE victims; --",
  `\\'; DROP TABLE victims; --`,
  `\\`,
  `*/ DROP TABLE victims /*`,
  `' OR 1=1 --`,
  `x\n; DROP TABLE victims;\n--`,
  `''''`,
  `${'$'}{table}`,
];

// Column names of the scored table: quotes, backticks, backslashes, SQL.
const COLUMNS = [`Ind"ustry`, "Em`ployees", `Coun'try`, `Notes\\`, `x"; DROP TABLE victims; --`, `Demo*/--`];
const TABLE = `acc"ounts\`; DROP TABLE victims; --`;

function evilModel(): Model {
  const [industry, employees, country, notes, sqlish, demo] = COLUMNS as [string, string, string, string, string, string];
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: `P'"\`; DROP TABLE victims; --`,
        categories: [
          { id: `c'1"; --`, label: EVIL[0], weight: 60 },
          { id: 'c`2\\', label: EVIL[1], weight: 40 },
        ],
        criteria: [
          { id: `i'd1`, label: EVIL[0], category: `c'1"; --`, column: industry, when: { op: 'in', values: [EVIL[0]!, EVIL[3]!, `Soft'ware`] }, points: 30 },
          { id: 'id2', label: EVIL[1], category: `c'1"; --`, column: industry, when: { op: 'equals', value: EVIL[2]! }, points: 10 },
          { id: 'id3', label: EVIL[2], category: `c'1"; --`, column: notes, when: { op: 'contains', values: [EVIL[4]!, EVIL[5]!, `it's`] }, points: 20 },
          { id: 'id4', label: EVIL[3], category: 'c`2\\', column: employees, when: { op: 'between', min: 10, max: 500 }, points: 25 },
          { id: 'id5', label: EVIL[4], category: 'c`2\\', column: country, role: 'exclude', when: { op: 'equals', value: EVIL[6]! } },
          { id: 'id6', label: EVIL[5], category: 'c`2\\', column: sqlish, when: { op: 'matches', pattern: `^[a-z']+\\\\x'` }, points: 15 },
          { id: 'id7', label: EVIL[7], category: 'c`2\\', column: demo, role: 'must', when: { op: 'notBlank' }, points: 5 },
          { id: 'id8', label: EVIL[8], category: 'c`2\\', column: employees, when: { op: 'bands', bands: [{ min: 0, max: 9, points: 1, label: EVIL[0] }, { min: 10, points: 4, label: EVIL[2] }] } },
        ],
        tiers: [
          { label: EVIL[0]!, min: 70 },
          { label: EVIL[2]!, min: 40 },
          { label: `\\'`, min: 0 },
        ],
        disqualifiedLabel: EVIL[1],
      },
    ],
  };
}

const ROWS: (string | null)[][] = [
  [EVIL[0]!, '120', 'Canada', `it's \\ here`, `abc'\\x'`, 'yes'],
  [`soft'ware`, '5', EVIL[6]!, EVIL[5]!, 'nope', 'x'],
  [EVIL[2]!, '1,000', 'US', EVIL[4]!, `zz'\\x'`, ''],
  [EVIL[3]!, '51-200', 'US', '', null, 'y'],
  [`Soft'ware, ${EVIL[0]}`, 'N/A', 'UK', `${EVIL[5]} and more`, `a'\\x'b`, '✓'],
];

describe('icp sql with quotes and SQL everywhere', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await loadTextTable(db, 'victims', ['id'], [['1'], ['2']]);
    await loadTextTable(db, TABLE, COLUMNS, ROWS);
  });
  afterAll(() => db.close());

  it('DuckDB: gives the engine scores and tiers, returns the table as it is, and drops or changes nothing', async () => {
    const model = evilModel();
    expect(await differences(db, model, TABLE, COLUMNS, ROWS, '2026-11-01')).toEqual([]);
    const sql = generateSql(model, { dialect: 'duckdb', table: TABLE, headers: COLUMNS, today: '2026-11-01' });
    const result = await sqlOutcomes(db, sql);
    expect(result.columns).toEqual([...COLUMNS, 'icp_score', 'icp_tier', 'icp_why']);
    expect(result.rows.map((r) => r.slice(0, COLUMNS.length))).toEqual(ROWS);
    // The labels come back as the text they are.
    expect(result.outcomes.map((o) => o.tier)).toContain(EVIL[1]);
    expect(result.outcomes.some((o) => o.why?.includes(EVIL[0]!))).toBe(true);
    const victims = await db.con.runAndReadAll('SELECT count(*) AS n FROM victims');
    expect(victims.getRowsJS()).toEqual([[2n]]);
  });

  it('DuckDB: the same model without --headers reads the columns by their names as written', async () => {
    expect(await differences(db, evilModel(), TABLE, COLUMNS, ROWS, '2026-11-01')).toEqual([]);
    const sql = generateSql(evilModel(), { dialect: 'duckdb', table: TABLE, today: '2026-11-01' });
    const result = await sqlOutcomes(db, sql);
    expect(result.rows).toHaveLength(ROWS.length);
  });

  it('BigQuery: one SELECT, every label, value and name a single literal or quoted name holding exactly its text', () => {
    const model = evilModel();
    const sql = generateSql(model, { dialect: 'bigquery', table: `my-project.crm.${TABLE}`, headers: COLUMNS, today: '2026-11-01' });
    const ast = new Parser().astify(sql, { database: 'bigquery' });
    expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
    const tokens = tokenize(sql, 'bigquery');
    const strings = new Set(tokens.filter((t) => t.kind === 'string').map((t) => t.text));
    const names = new Set(tokens.filter((t) => t.kind === 'name').map((t) => t.text));
    for (const label of [EVIL[0], EVIL[1], EVIL[2]]) expect(strings.has(label!)).toBe(true);
    for (const column of COLUMNS) expect(names.has(column)).toBe(true);
    // The table name is quoted part by part: project, dataset, then the evil table name whole.
    expect(names.has('my-project')).toBe(true);
    expect(names.has(TABLE)).toBe(true);
    // No word outside a literal or a name is one the model wrote.
    const words = new Set(tokens.filter((t) => t.kind === 'word').map((t) => t.text));
    for (const w of ['DROP', 'DELETE', 'VICTIMS', 'OR']) expect(words.has(w) && w !== 'OR').toBe(false);
  });
});
