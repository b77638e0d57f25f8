// icp sql's `in` matches as the engine's: a wanted number among a list cell's items (`5, 1000`), the number of the
// normalised text, and a cell that reads as one number is no list (`1,000`, `under\n50`); one item is no list (`SaaS,`).
import fc from 'fast-check';
import type { Model, Scalar } from '../../src/engine';
import { readNumber, SUFFIXES } from '../../src/engine/read/number';
import { splitList } from '../../src/engine/read/text';
import { generateSql } from '../../src/engine/sql';
import { NUMBER_LINE } from '../../src/engine/sql/in-list';
import { engineOutcomes, loadTextTable, openDb, sqlOutcomes, type Db } from './duckdb-harness';

const TODAY = '2026-11-01';
const CELLS = [
  '5, 1000', '1000;5', '10 | 1,000', '5\n1000', '1,000', '1000', '1000,', '1000, ', ';5;1000', '1,000,5', '15, 0.35', '35%, 1.2k',
  'under\n50', '5\nk', '1  200', 'less\u3000than 1,000', `${' '.repeat(78)}1000`, 'SaaS,', 'SaaS, Fintech', 'Fintech;SaaS',
  ' ; SaaS', 'SaaS', 'saas ,', 'under', 'k, 5', '10%-20%, x', 'Ten, 1e3', '5; 1k', '1e3, 5', '5 | 1000.0',
];

function inModel(values: Scalar[]): Model {
  return {
    schemaVersion: 1,
    profiles: [{
      name: 'P',
      categories: [{ id: 'c', weight: 1 }],
      criteria: [{ id: 'in', category: 'c', column: 'Cell', when: { op: 'in', values }, points: 10 }],
      tiers: [{ label: 'A', min: 0 }],
    }],
  };
}

describe('icp sql `in` over lists and numbers', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await loadTextTable(db, 'cells', ['Cell'], CELLS.map((c) => [c]));
  });
  afterAll(() => db.close());

  /** The cells the criterion matches (score 100), by the SQL and by the engine. */
  async function matched(values: Scalar[]): Promise<{ sql: string[]; engine: string[] }> {
    const model = inModel(values);
    const { outcomes } = await sqlOutcomes(db, generateSql(model, { dialect: 'duckdb', table: 'cells', today: TODAY }));
    const engine = engineOutcomes(model, ['Cell'], CELLS.map((c) => [c]), TODAY);
    return { sql: CELLS.filter((_, i) => outcomes[i]!.score === 100), engine: CELLS.filter((_, i) => engine[i]!.score === 100) };
  }

  it('a wanted number matches a number among the items of a list cell', async () => {
    const { sql, engine } = await matched([1000]);
    expect(sql).toEqual(engine);
    // (`10 | 1,000` is the items 10, 1 and 000: a list is cut at every separator, commas too.)
    expect(sql).toEqual(['5, 1000', '1000;5', '5\n1000', '1,000', '1000', ';5;1000', `${' '.repeat(78)}1000`, 'Ten, 1e3', '5; 1k', '1e3, 5', '5 | 1000.0']);
  });

  it('reads the whole text with its spaces normalised, and each item, as the engine (ranges, percentages, suffixes)', async () => {
    const { sql, engine } = await matched([5, 25, 5000, 1200, 500, 0.35, 1200, 0.15]);
    expect(sql).toEqual(engine);
    expect(sql).toEqual(expect.arrayContaining(['1000;5', 'under\n50', '5\nk', '1  200', 'less\u3000than 1,000', '15, 0.35', '35%, 1.2k', '10%-20%, x', 'k, 5']));
  });

  it('text values: one item is no list, a cell that reads as one number is no list', async () => {
    for (const values of [['SaaS'], ['under'], ['k'], ['1000'], ['5', 'Fintech'], ['SaaS', 1000]] as Scalar[][]) {
      const { sql, engine } = await matched(values);
      expect({ values, sql }).toEqual({ values, sql: engine });
    }
    // (` ; SaaS` has one item: the text `; saas`.)
    expect((await matched(['SaaS'])).sql).toEqual(['SaaS, Fintech', 'Fintech;SaaS', 'SaaS']);
    expect((await matched(['under'])).sql).toEqual(['under']);
  });

  it('NUMBER_LINE holds every item without a digit of any cell that reads as one number, the US way or with a decimal comma (so other texts skip the question)', () => {
    const words = ['$', '€', 'usd', 'us$', '(usd)', '+', '-', '\u2212', '–', 'to', '.', '%', 'under', 'less than', 'up to', '<=', '≥', 'over',
      'at least', 'or more', 'and up', 'employees', 'emp.', 'staff', ...Object.keys(SUFFIXES), 'x', 'us'];
    const pieces = fc.oneof(fc.constantFrom(...words), fc.constantFrom('5', '10', '1,000', '2.5', '1 200', '1.000', '2,5'), fc.constantFrom(' ', '\n', '\r\n', '\t', '\u00a0', ','));
    let readable = 0;
    let lines = 0;
    for (const text of fc.sample(fc.array(pieces, { minLength: 1, maxLength: 7 }).map((a) => a.join('')), { numRuns: 60_000, seed: 18 })) {
      if (readNumber(text) === undefined && readNumber(text, true) === undefined) continue;
      readable++;
      for (const item of splitList(text)) {
        if (/[0-9]/.test(item)) continue;
        lines++;
        expect({ text, item, line: NUMBER_LINE.test(item) }).toEqual({ text, item, line: true });
      }
    }
    expect(readable).toBeGreaterThan(1000);
    expect(lines).toBeGreaterThan(300);
  });
});
