// What each ICP formula costs in Apps Script calls: the forms the add-on writes read no range for the model.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { loadAddon, sampleRows, type Addon } from './harness';

const N = 30;

function costOf(addon: Addon, column: string, formula: (row: number) => string, n = N) {
  const counter = addon.emu.env.counter;
  const formulas = Array.from({ length: n }, (_, i) => [formula(i + 2)]);
  const range = addon.sheet().getRange(`${column}2:${column}${n + 1}`);
  counter.reset();
  range.setFormulas(formulas);
  const runs = counter.calls.get('CustomFunction.ICP_SCORE') ?? 0;
  const own = 1;
  return {
    runs,
    rangeReads: (counter.calls.get('Range.getValues') ?? 0) / n,
    serviceCalls: (counter.total() - own - runs) / n,
  };
}

describe('range reads and service calls per formula', () => {
  const addon = loadAddon(sampleRows(), undefined, 'warm');
  beforeAll(() => expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true));

  test("the add-on's per-row form reads no range at all: the model comes as ICP_MODEL, the headers as an argument", () => {
    const cost = costOf(addon, 'R', (r) => `=ICP_SCORE(A${r}:Q${r},A$1:Q$1,ICP_MODEL)`);
    expect(cost).toEqual({ runs: N, rangeReads: 0, serviceCalls: 4 });
  });

  test('with ICP_MODEL but no headers argument: one read, for the header row', () => {
    const cost = costOf(addon, 'S', (r) => `=ICP_SCORE(A${r}:Q${r},ICP_MODEL)`);
    expect(cost.rangeReads).toBe(1);
  });

  test('a typed formula without ICP_MODEL reads at most 3 ranges (the model sheet, the top rows)', () => {
    const cost = costOf(addon, 'T', (r) => `=ICP_SCORE(A${r}:Q${r})`);
    expect(cost.rangeReads).toBeLessThanOrEqual(3);
    expect(cost.rangeReads).toBe(2);
  });

  test('the array form Score this sheet writes: one call, no range read', () => {
    const cost = costOf(addon, 'U', () => '=ICP_SCORE(A2:Q401,A1:Q1,ICP_MODEL)', 1);
    expect(cost).toEqual({ runs: 1, rangeReads: 0, serviceCalls: 4 });
  });
});
