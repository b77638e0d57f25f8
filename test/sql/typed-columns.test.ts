// icp sql over typed columns (what DuckDB's type detection or a BigQuery schema gives): each criterion reads its
// column through CAST(... AS STRING), so a number, a boolean, a date or a timestamp scores as the engine scores its text.
import type { Model } from '../../src/engine';
import { generateSql } from '../../src/engine/sql';
import { engineOutcomes, openDb, sqlOutcomes, type Db } from './duckdb-harness';

const TODAY = '2026-11-01';

function model(): Model {
  return {
    schemaVersion: 1,
    profiles: [{
      name: 'Typed',
      categories: [{ id: 'c', weight: 1 }],
      criteria: [
        { id: 'size', category: 'c', column: 'Employees', when: { op: 'between', min: 51, max: 1000 }, points: 10 },
        { id: 'revenue', category: 'c', column: 'Revenue', when: { op: 'gte', value: 1e6 }, points: 10 },
        { id: 'demo', category: 'c', column: 'Demo', when: { op: 'isTrue' }, points: 10 },
        { id: 'funded', category: 'c', column: 'Funded', when: { op: 'withinDays', days: 365 }, points: 10 },
        { id: 'touched', category: 'c', column: 'Touched', when: { op: 'withinDays', days: 30 }, points: 10 },
        { id: 'rate', category: 'c', column: 'Rate', when: { op: 'in', values: [0.25, 1e21] }, points: 10 },
      ],
      tiers: [{ label: 'A', min: 50 }, { label: 'B', min: 0 }],
    }],
  };
}

describe('icp sql over typed columns', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await db.con.run(`CREATE TABLE typed AS SELECT * FROM (VALUES
      (120, 2.5e6, true, DATE '2026-03-01', TIMESTAMP '2026-10-20 10:30:00', 0.25),
      (5000, 999999.5, false, DATE '2024-01-01', TIMESTAMP '2026-09-01 00:00:00', 1e21),
      (NULL, NULL, NULL, NULL, NULL, NULL)
    ) AS v("Employees", "Revenue", "Demo", "Funded", "Touched", "Rate")`);
  });
  afterAll(() => db.close());

  it('every typed cell scores as the engine scores the text CAST gives for it', async () => {
    const headers = ['Employees', 'Revenue', 'Demo', 'Funded', 'Touched', 'Rate'];
    const texts = await db.con.runAndReadAll(`SELECT ${headers.map((h) => `CAST("${h}" AS VARCHAR)`).join(', ')} FROM typed`);
    const rows = texts.getRowsJS() as (string | null)[][];
    // What CAST writes: plain numbers, `true`, ISO days, a timestamp with its time, `1e+21`.
    expect(rows[0]).toEqual(['120', '2500000.0', 'true', '2026-03-01', '2026-10-20 10:30:00', '0.25']);
    for (const h of [undefined, headers]) {
      const { outcomes } = await sqlOutcomes(db, generateSql(model(), { dialect: 'duckdb', table: 'typed', headers: h, today: TODAY }));
      expect(outcomes.map((o) => [o.score, o.tier])).toEqual(engineOutcomes(model(), headers, rows, TODAY).map((e) => [e.score, e.tier]));
    }
    expect((await sqlOutcomes(db, generateSql(model(), { dialect: 'duckdb', table: 'typed', today: TODAY }))).outcomes.map((o) => o.score)).toEqual([100, 16.7, null]);
    // In a decimal-comma locale too: typed cells are no text (a number cell is a number whatever the locale), so
    // `2500000.0` and `0.25` are not read as `2500000,0` and `0,25` would be.
    expect((await sqlOutcomes(db, generateSql(model(), { dialect: 'duckdb', table: 'typed', today: TODAY, locale: 'de_DE' }))).outcomes.map((o) => o.score)).toEqual([100, 16.7, null]);
  });
});
