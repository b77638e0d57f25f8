// `icp score --locale`, `icp validate --locale` and `icp sql --locale`: text numbers read as the locale writes them,
// through the real bin.
import { join } from 'node:path';
import type { Model } from '../../src/engine';
import { openDb, sqlOutcomes } from '../sql/duckdb-harness';
import { runIcp, tempDir, writeFiles } from './fixtures';

const model: Model = {
  schemaVersion: 1,
  profiles: [
    {
      name: 'Size',
      categories: [{ id: 'size', weight: 1 }],
      criteria: [
        { id: 'emp', column: 'Employees', category: 'size', role: 'must', when: { op: 'gte', value: 1000 }, points: 10 },
        { id: 'rev', column: 'Revenue', category: 'size', when: { op: 'between', min: 1, max: 2 }, points: 10 },
      ],
      tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
    },
  ],
};
// Semicolon-separated, as German Excel writes CSV, so the decimal commas need no quotes.
const CSV = 'Account;Employees;Revenue;Outcome\nAcme;1.234;1,5;won\nBeta;1.234,5;1,2 Mio.;lost\nGamma;999;2;lost\n';

describe('--locale', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'a.csv': CSV, 'model.json': JSON.stringify(model) });
  });

  test('icp score --locale de_DE reads 1.234 as 1234 and 1,5 as 1.5', async () => {
    const r = await runIcp(['score', 'a.csv', '--model', 'model.json', '--locale', 'de_DE'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(';').slice(4, 6));
    expect(rows).toEqual([['100', 'A'], ['50', 'A'], ['0', 'Disqualified']]);
    // Worker threads read with the same locale.
    const threaded = await runIcp(['score', 'a.csv', '--model', 'model.json', '--locale', 'de_DE', '--threads', '2'], { cwd: dir });
    expect(threaded.stdout).toBe(r.stdout);
  });

  test('without --locale the US reading: 1.234 is below 1000 and 1,5 unreadable', async () => {
    const r = await runIcp(['score', 'a.csv', '--model', 'model.json', '--threads', '1'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(';').slice(4, 6));
    expect(rows).toEqual([['0', 'Disqualified'], ['0', 'Disqualified'], ['0', 'Disqualified']]);
  });

  test('icp validate --locale fr reads the same way', async () => {
    const r = await runIcp(['validate', 'a.csv', '--model', 'model.json', '--locale', 'fr', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const us = await runIcp(['validate', 'a.csv', '--model', 'model.json', '--json'], { cwd: dir });
    expect(r.stdout).not.toEqual(us.stdout);
  });

  test('a malformed --locale is a usage error naming it', async () => {
    const r = await runIcp(['score', 'a.csv', '--model', 'model.json', '--locale', 'de DE'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--locale needs a locale like de_DE.*"de DE"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('icp sql --locale de_DE scores the CSV loaded as text in DuckDB as icp score --locale de_DE does', async () => {
    const r = await runIcp(['sql', '--model', 'model.json', '--dialect', 'duckdb', '--table', 'a', '--locale', 'de_DE'], { cwd: dir });
    expect(r.code).toBe(0);
    const us = await runIcp(['sql', '--model', 'model.json', '--dialect', 'duckdb', '--table', 'a'], { cwd: dir });
    // The US reading is the statement without --locale, byte for byte, whichever US-reading locale is named.
    expect((await runIcp(['sql', '--model', 'model.json', '--dialect', 'duckdb', '--table', 'a', '--locale', 'en_US'], { cwd: dir })).stdout).toBe(us.stdout);
    const db = await openDb();
    try {
      await db.con.run(`CREATE TABLE a AS SELECT * FROM read_csv('${join(dir, 'a.csv')}', all_varchar = true, delim = ';', header = true)`);
      const scores = async (sql: string): Promise<unknown[][]> => (await sqlOutcomes(db, sql)).outcomes.map((o) => [o.score, o.tier]);
      expect(await scores(r.stdout)).toEqual([[100, 'A'], [50, 'A'], [0, 'Disqualified']]);
      expect(await scores(us.stdout)).toEqual([[0, 'Disqualified'], [0, 'Disqualified'], [0, 'Disqualified']]);
    } finally {
      db.close();
    }
    const bad = await runIcp(['sql', '--model', 'model.json', '--dialect', 'duckdb', '--table', 'a', '--locale', 'de DE'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--locale needs a locale like de_DE.*"de DE"/);
  });
});
