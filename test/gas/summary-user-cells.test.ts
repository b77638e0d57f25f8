// Refreshing the tier summary replaces the add-on's pivot and chart only: what the user typed on the summary sheet stays.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { ScoreSheetResult, TierSummaryResult } from '../../src/gas/api-types';
import { loadAddon, type Addon } from './harness';

function scored(): Addon {
  const addon = loadAddon();
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
  return addon;
}

const build = (addon: Addon): TierSummaryResult => addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] });

describe('refreshing the tier summary', () => {
  test('keeps notes, formulas and charts the user added beside and below the pivot', () => {
    const addon = scored();
    const first = build(addon);
    expect(first.ok).toBe(true);
    const summary = addon.sheet(first.sheetName);
    // The pivot covers A1:D5 (Order, ICP Tier, Accounts, Average ICP score; 4 tiers).
    summary.getRange('F2').setValue('Q3 review: A tier looks thin');
    summary.getRange('A9').setFormula('=C2/SUM(C2:C5)');
    const mine = summary.newChart().setChartType(addon.emu.globals.Charts.ChartType.PIE as never).addRange(summary.getRange('B1:C5')).setOption('title', 'Share of accounts').build();
    summary.insertChart(mine);
    const again = build(addon);
    expect(again.ok).toBe(true);
    expect(summary.getRange('F2').getValue()).toBe('Q3 review: A tier looks thin');
    expect(summary.getRange('A9').getFormula()).toBe('=C2/SUM(C2:C5)');
    expect(summary.getPivotTables()).toHaveLength(1);
    expect(summary.getCharts().map((c) => c.getOptions().get('title'))).toEqual(['Share of accounts', 'Accounts per ICP tier']);
    expect(summary.getRange('A1:D1').getValues()[0]).toEqual(['Order', 'ICP Tier', 'Accounts', 'Average ICP score']);
  });

  test('a refresh whose pivot would cover the user\'s cells leaves them and says which', () => {
    const addon = scored();
    const first = build(addon);
    const summary = addon.sheet(first.sheetName);
    summary.getRange('E3').setValue('my note');
    // A sum column makes the pivot one column wider: E1:E5, over the note.
    const again = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Employees'] });
    expect(again.ok).toBe(false);
    expect(again.message).toBe(
      'Cells of yours on "ICP Tiers" are where the pivot table goes (A1:E5): move them elsewhere on the sheet, then build the summary again.',
    );
    expect(summary.getRange('E3').getValue()).toBe('my note');
    expect(addon.ss.getSheets().filter((s) => s.getName().startsWith('ICP Tiers'))).toHaveLength(1);
  });
});
