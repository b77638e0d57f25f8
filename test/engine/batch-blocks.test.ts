// The batch path on a sheet-sized input: blocks of rows and memos outgrowing their small table change no result.
import { BLANK_ROW, compileModel, DISQUALIFIED } from '../../src/engine';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { generateSampleAccounts, SAMPLE_TODAY } from '../../tools/sample/accounts';

test('evaluateMany over 20,000 messy rows gives what evaluate gives row by row', () => {
  // More rows than one block, and columns with thousands of distinct values (sizes, amounts, dates, e-mails).
  const [headers, ...rows] = generateSampleAccounts(20_000, 11);
  const today = new Date(`${SAMPLE_TODAY}T00:00:00`);
  const batch = compileModel(b2bSaasTemplate(), headers!, { today }).profile().evaluateMany(rows);
  const one = compileModel(b2bSaasTemplate(), headers!, { today }).profile();
  const mismatched = rows.map((r, i) => [i, batch[i], one.evaluate(r)] as const).filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
  expect(mismatched.slice(0, 3)).toEqual([]);
  expect(batch).toHaveLength(rows.length);

  // The same results as arrays.
  const arrays = compileModel(b2bSaasTemplate(), headers!, { today }).profile().scoreMany(rows);
  expect(arrays.length).toBe(rows.length);
  const asRows = batch.map((_, i) => ({
    blank: arrays.kind[i] === BLANK_ROW,
    score: arrays.score[i],
    tier: arrays.tier[i],
    disqualified: arrays.kind[i] === DISQUALIFIED,
  }));
  expect(asRows).toEqual(batch);
  expect(batch.some((r) => r.disqualified) && batch.some((r) => !r.disqualified && r.score > 0)).toBe(true);
});
