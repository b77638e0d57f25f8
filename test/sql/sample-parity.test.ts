// The DuckDB dialect of `icp sql` over the sample sheet (every column as text) gives every row the engine's score and tier.
import { readFileSync } from 'node:fs';
import { b2bSaasTemplate } from '../../src/engine';
import { generateSql } from '../../src/engine/sql';
import { parseCsv } from './csv';
import { differences, engineOutcomes, loadTextTable, openDb, sqlOutcomes, type Db } from './duckdb-harness';

const [headers, ...rows] = parseCsv(readFileSync('data/sample-accounts.csv', 'utf8'));
const TODAY = '2026-11-01';

describe('icp sql (DuckDB) on the sample sheet', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await loadTextTable(db, 'accounts', headers!, rows);
  });
  afterAll(() => db.close());

  it('scores and tiers all 400 rows exactly as the engine', async () => {
    expect(rows.length).toBe(400);
    expect(await differences(db, b2bSaasTemplate(), 'accounts', headers!, rows, TODAY)).toEqual([]);
  });

  it('returns every column of the table, in order, then icp_score, icp_tier and icp_why', async () => {
    const sql = generateSql(b2bSaasTemplate(), { dialect: 'duckdb', table: 'accounts', headers: headers!, today: TODAY });
    const result = await sqlOutcomes(db, sql);
    expect(result.columns).toEqual([...headers!, 'icp_score', 'icp_tier', 'icp_why']);
    // The table's own values come back untouched.
    expect(result.rows.map((r) => r.slice(0, headers!.length).map((v) => v ?? ''))).toEqual(rows);
    const engine = engineOutcomes(b2bSaasTemplate(), headers!, rows, TODAY);
    result.outcomes.forEach((o, i) => {
      const e = engine[i]!;
      if (e.tier === 'Disqualified') expect(o.why).toMatch(/^Disqualified: .+\.$/);
      else expect(o.why!.startsWith(`${e.score} (${e.tier}).`)).toBe(true);
    });
    // The tiers are spread (the sample has all of them), so the comparison above means something.
    expect(new Set(engine.map((e) => e.tier))).toEqual(new Set(['A', 'B', 'C', 'Disqualified']));
  });

  it('without --today counts days back from the current date where the query runs', async () => {
    const model = b2bSaasTemplate();
    model.profiles[0]!.criteria = model.profiles[0]!.criteria.filter((c) => c.id === 'recent_funding');
    const iso = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const dated = [0, 1, 180, 181, -1].map((k) => [iso(k)]);
    await loadTextTable(db, 'funding', ['Last Funding Date'], dated);
    const sql = generateSql(model, { dialect: 'duckdb', table: 'funding', headers: ['Last Funding Date'] });
    const { outcomes } = await sqlOutcomes(db, sql);
    expect(outcomes.map((o) => o.score)).toEqual(engineOutcomes(model, ['Last Funding Date'], dated, iso(0)).map((o) => o.score));
    expect(outcomes.map((o) => o.score)).toEqual([100, 100, 100, 0, 0]);
  });
});
