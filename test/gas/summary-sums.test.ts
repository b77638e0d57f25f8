// Build tier summary's sums: a native pivot adds number cells only, so amounts typed as text are named, and unknowns (N/A) do not hide a numeric column.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { ScoreSheetResult, SummaryColumns, TierSummaryResult } from '../../src/gas/api-types';
import { loadAddon, sampleRows, type Addon } from './harness';

/** The sample with a Deal Size column built by `cell(i)` for data row i (1-based). */
function scoredWith(cell: (i: number) => unknown): Addon {
  const rows = sampleRows().map((r, i) => [...r, i === 0 ? 'Deal Size' : cell(i)]);
  const addon = loadAddon(rows);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
  return addon;
}

describe('sums of a column with messy cells', () => {
  test('amounts typed as text ("$1.2M", "1,200") are left out of a pivot sum, and the result says how many and what to do', () => {
    // 360 numbers and 40 amounts written as text: offered as numeric (90%), but the pivot adds only the 360.
    const addon = scoredWith((i) => (i % 10 === 0 ? (i % 20 === 0 ? '$1.2M' : '1,200') : 1000));
    expect(addon.call<SummaryColumns>('getSummaryColumns').columns.find((c) => c.header === 'Deal Size')).toEqual({ header: 'Deal Size', numeric: true, textAmounts: 40, sampled: 400 });
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Deal Size'] });
    expect(result.ok).toBe(true);
    // What the pivot adds: the number cells only (Sheets' SUM skips text), 360 x 1,000 over all tiers.
    const table = addon.sheet(result.sheetName).getDataRange().getValues();
    expect(table.slice(1).reduce((n, r) => n + (r[4] as number), 0)).toBe(360_000);
    expect(result.message).toContain(
      '"Deal Size" has 40 amounts typed as text (such as "1,200"), which a pivot table does not add: enter them as numbers, then refresh, to include them.',
    );
  });

  test('a column of numbers only gets no such note', () => {
    const addon = scoredWith(() => 1000);
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Deal Size'] });
    expect(result.message).not.toMatch(/typed as text/);
  });

  test('a numeric column whose unknown cells say N/A or - is still offered to sum', () => {
    // 300 numbers, 100 placeholders: 75% of the filled cells are numbers, but the placeholders are not values at all.
    const addon = scoredWith((i) => (i % 4 === 0 ? (i % 8 === 0 ? 'N/A' : '-') : 500));
    expect(addon.call<SummaryColumns>('getSummaryColumns').columns.find((c) => c.header === 'Deal Size')).toEqual({ header: 'Deal Size', numeric: true, textAmounts: 0, sampled: 300 });
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Deal Size'] });
    expect(result.message).not.toMatch(/typed as text/);
  });
});

describe('what "Sum per tier" offers (issue 20, item 9)', () => {
  test('a column of amounts all typed as text (an export\'s "$34.4M") is offered, saying that none of them is added', () => {
    const addon = scoredWith((i) => `$${i}.5M`);
    expect(addon.call<SummaryColumns>('getSummaryColumns').columns.find((c) => c.header === 'Deal Size')).toEqual({ header: 'Deal Size', numeric: true, textAmounts: 400, sampled: 400 });
  });

  test('the sample\'s Employees and Annual Revenue are offered; the add-on\'s columns, live ICP formulas among them, are not', () => {
    const addon = scoredWith(() => 1000);
    // A live formula column beside the data, as the playground has: its scores are no amount to sum.
    const sheet = addon.sheet();
    const last = sheet.getLastColumn();
    sheet.getRange(1, last + 1).setValue('ICP Score (live)');
    sheet.getRange(2, last + 1).setFormula(`=ICP_SCORE(A2:Q${sheet.getLastRow()})`);
    const offered = addon.call<SummaryColumns>('getSummaryColumns').columns.filter((c) => c.numeric).map((c) => c.header);
    expect(offered).toEqual(expect.arrayContaining(['Employees', 'Deal Size']));
    expect(offered.some((h) => /^ICP /.test(h))).toBe(false);
  });

  test('the average score per tier is shown with one decimal', () => {
    const addon = scoredWith(() => 1000);
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] });
    expect(result.values[1]).toBe('Average ICP score');
    const shown = addon.sheet(result.sheetName).getRange(2, 4, result.groups.length, 1).getDisplayValues().map((r) => r[0]);
    expect(shown.length).toBeGreaterThan(2);
    for (const text of shown) expect(text).toMatch(/^\d+\.\d$/);
  });
});
