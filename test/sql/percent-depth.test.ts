// icp sql reads percentages as the engine does at any depth it reads: `10%-20%`, `5%%%`, `%` after units, 79 levels.
import fc from 'fast-check';
import { readNumber } from '../../src/engine/read/number';
import { openDb, type Db } from './duckdb-harness';
import { readAll } from './reading-harness';

/** The engine's reading, divided as it divides (one layer after the other), or null. */
const engine = (text: string): number | null => readNumber(text) ?? null;

describe('icp sql percentages of any depth', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('reads nested and repeated % signs as the engine, to the last bit', async () => {
    const texts = [
      '35%', '10%-20%', '10%%', '5%%%', '10%%-20%%', '10%-20%%', '10%%-20%', '5 employees%', '5%employees%', '5% staff%',
      '% 5%', '5%\n%', '5\n%%', `3${'%'.repeat(70)}`, `5${'%'.repeat(79)}`, `5${'%'.repeat(80)}`, '1%to2%', '1%to%2%', '%to%to5%%',
      '10 % - 20 %', '5 %%', '%-5%', '5%-%', '10%%to20%%', '12.5%%', 'under 50%', '$1M%', '1e2%', '5k%%', '1,000%%', '10-20%%',
    ];
    const got = await readAll(db, 'fixed', texts, 'number');
    // Spelt out where the rule matters: the engine divides once per layer and drops the `%` before a separator.
    expect(got.slice(0, 8)).toEqual([0.35, 0.15, 0.1 / 100, 5 / 100 / 100 / 100, 15 / 100 / 100, 15 / 100 / 100, null, 0.05]);
    expect(got[13]).toBe(Array.from({ length: 70 }).reduce<number>((v) => v / 100, 3));
    expect(got).toEqual(texts.map(engine));
  });

  it('agrees with the engine on any text of %, separators, units, spaces and amounts (property)', async () => {
    const pieces = ['%', '%', '%', ' ', '-', 'to', '5', '10', '2.5', 'k', '$', ' employees', 'staff', '\n', '.', '–', 'x', 't', ',', '1,000', 'under ', '+', '\t', 'e3', '(usd)', 'people', '%-', '% '];
    const texts = fc.sample(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((a) => a.join('')), { numRuns: 20_000, seed: 18 });
    const got = await readAll(db, 'random', texts, 'number');
    const wrong = texts.flatMap((t, i) => (Object.is(got[i], engine(t)) || (got[i] === 0 && engine(t) === 0) ? [] : [[t, got[i], engine(t)]]));
    expect(wrong.slice(0, 5)).toEqual([]);
    // The sample reaches the rule: many percentages read, some of several layers.
    const layered = texts.filter((t, i) => got[i] !== null && (t.match(/%/g) ?? []).length >= 2);
    expect(layered.length).toBeGreaterThan(20);
  });
});
