// Build tier summary on the built bundle: the native pivot (groups in tier order, values, filter), the chart, and a
// refresh that replaces rather than stacks.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreSheetResult, SummaryColumns, TierSummaryResult } from '../../src/gas/api-types';
import { loadAddon, sampleRows, type Addon } from './harness';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
// Methods Apps Script has that @types/google-apps-script lacks.
type PivotTable = GoogleAppsScript.Spreadsheet.PivotTable & { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range };
type PivotValue = GoogleAppsScript.Spreadsheet.PivotValue & { getSourceDataColumn(): number };

/** The sample plus two numeric columns to sum. */
function rowsWithNumbers(): unknown[][] {
  return sampleRows().map((r, i) => (i === 0 ? [...r, 'Deal Size', 'Seats'] : [...r, 1000 * (i % 7), i % 5]));
}

function scoredAddon(model = b2bSaasTemplate()): Addon {
  const addon = loadAddon(rowsWithNumbers());
  expect(addon.save(model, 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
  return addon;
}

function shown(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** What the pivot should show, computed from the scored sheet. */
function expectedRows(addon: Addon, order: string[]): unknown[][] {
  const data = addon.sheet().getDataRange().getValues();
  const headers = data[0]!.map((v) => cellText(v));
  const col = (h: string) => headers.indexOf(h);
  return order.map((label, i) => {
    const rows = data.slice(1).filter((r) => r[col('ICP Tier')] === label);
    const scores = rows.map((r) => r[col('ICP Score')] as number);
    const sum = (h: string) => rows.reduce((a, r) => a + (r[col(h)] as number), 0);
    return [i + 1, label, rows.length, scores.reduce((a, b) => a + b, 0) / scores.length, sum('Deal Size')];
  });
}

describe('Build tier summary', () => {
  test('a native pivot by tier in tier order, disqualified last: count, average score, chosen sums; and a chart', () => {
    const addon = scoredAddon();
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['deal size'] });
    expect(result).toMatchObject({ ok: true, sheetName: 'ICP Tiers', sourceSheetName: 'Accounts' });
    expect(result.groups).toEqual(['A', 'B', 'C', 'Disqualified']);
    expect(result.values).toEqual(['Accounts', 'Average ICP score', 'Sum of Deal Size']);

    const summary = addon.sheet('ICP Tiers');
    const pivots = summary.getPivotTables();
    expect(pivots).toHaveLength(1);
    const pivot = pivots[0]! as PivotTable;
    // Columns: A..Q sample, R Deal Size, S Seats, then ours: T score, U tier, V why, W order.
    // Spec: source is the whole scored table; rows = tier order (ascending) then tier; no totals.
    expect(pivot.getSourceDataRange().getA1Notation()).toBe('A1:W401');
    const groups = pivot.getRowGroups();
    expect(groups.map((g) => g.getSourceDataColumn())).toEqual([23, 21]);
    expect(groups[0]!.isSortAscending()).toBe(true);
    expect(groups.map((g) => g.totalsAreShown())).toEqual([false, false]);
    const values = pivot.getPivotValues() as PivotValue[];
    expect(values.map((v) => [v.getSourceDataColumn(), String(v.getSummarizedBy())])).toEqual([
      [21, 'COUNTA'],
      [20, 'AVERAGE'],
      [18, 'SUM'],
    ]);
    const filters = pivot.getFilters();
    expect(filters.map((f) => f.getSourceDataColumn())).toEqual([21]);
    expect(filters[0]!.getFilterCriteria().getVisibleValues()).toEqual(['A', 'B', 'C', 'Disqualified']);

    // What the pivot shows.
    const table = shown(summary);
    expect(table[0]).toEqual(['Order', 'ICP Tier', 'Accounts', 'Average ICP score', 'Sum of Deal Size']);
    const want = expectedRows(addon, ['A', 'B', 'C', 'Disqualified']).filter((r) => (r[2] as number) > 0);
    expect(table.slice(1).map((r) => r.slice(0, 3))).toEqual(want.map((r) => r.slice(0, 3)));
    table.slice(1).forEach((r, i) => {
      expect(r[3] as number).toBeCloseTo(want[i]![3] as number, 9);
      expect(r[4]).toBe(want[i]![4]);
    });

    // The chart: accounts per tier from the pivot's tier and count columns.
    const charts = summary.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getRanges().map((r) => r.getA1Notation())).toEqual([`B1:C${1 + result.groups.length}`]);
    expect(charts[0]!.getOptions().get('title')).toBe('Accounts per ICP tier');
    expect(String(charts[0]!.modify().getChartType())).toBe('COLUMN');
  });

  test('tiers are ordered by tier order, not alphabetically', () => {
    const model = b2bSaasTemplate();
    model.profiles[0]!.tiers = [{ label: 'Hot', min: 70 }, { label: 'Warm', min: 40 }, { label: 'Cold', min: 0 }];
    model.profiles[0]!.disqualifiedLabel = 'Excluded';
    const addon = scoredAddon(model);
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] });
    const present = result.groups;
    expect(present).toEqual(['Hot', 'Warm', 'Cold', 'Excluded'].filter((l) => present.includes(l)));
    expect(shown(addon.sheet('ICP Tiers')).slice(1).map((r) => r[1])).toEqual(present);
  });

  test('refreshing replaces the pivot and the chart instead of stacking new ones', () => {
    const addon = scoredAddon();
    addon.call('buildTierSummary', { sumColumns: ['Deal Size', 'Seats'] });
    // From the summary sheet itself: it knows its source.
    const again = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Seats'] });
    expect(again).toMatchObject({ ok: true, sourceSheetName: 'Accounts', values: ['Accounts', 'Average ICP score', 'Sum of Seats'] });
    addon.ss.setActiveSheet(addon.sheet());
    addon.call('buildTierSummary', { sumColumns: ['Seats'] });
    const summary = addon.sheet('ICP Tiers');
    expect(summary.getPivotTables()).toHaveLength(1);
    expect(summary.getCharts()).toHaveLength(1);
    expect(addon.ss.getSheets().filter((s) => s.getName().startsWith('ICP Tiers'))).toHaveLength(1);
    expect(shown(summary)[0]).toEqual(['Order', 'ICP Tier', 'Accounts', 'Average ICP score', 'Sum of Seats']);
  });

  test('a user sheet already called "ICP Tiers" is left alone', () => {
    const addon = scoredAddon();
    const mine = addon.ss.insertSheet('ICP Tiers');
    mine.getRange('A1').setValue('my notes');
    addon.ss.setActiveSheet(addon.sheet());
    const result = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] });
    expect(result.ok).toBe(true);
    expect(result.sheetName).toBe('ICP Tiers (ICP Scorer)');
    expect(result.message).toMatch(/already exists.*left alone/);
    expect(mine.getDataRange().getValues()).toEqual([['my notes']]);
    expect(mine.getPivotTables()).toHaveLength(0);
  });

  test('says so when the sheet is not scored, a sum column is unknown, or another run holds the lock', () => {
    const addon = loadAddon(rowsWithNumbers());
    addon.save(b2bSaasTemplate(), 0);
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] })).toMatchObject({ ok: false });
    addon.call('scoreSheet', {});
    expect(addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: ['Nope'] }).message).toMatch(/no column "Nope"/);
    addon.emu.locks.holdByAnotherExecution('document');
    expect(addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] }).message).toMatch(/in progress/);
    expect(addon.ss.getSheetByName('ICP Tiers')).toBeNull();
  });

  test('getSummaryColumns offers the user\'s numeric columns, not the add-on\'s', () => {
    const addon = scoredAddon();
    const cols = addon.call<SummaryColumns>('getSummaryColumns');
    expect(cols.scored).toBe(true);
    // The sample's own amounts count too, those typed as text among them (the panel says a pivot does not add those).
    expect(cols.columns.filter((c) => c.numeric).map((c) => c.header)).toEqual(['Employees', 'Annual Revenue', 'Website Visits (30d)', 'Content Downloads', 'Deal Size', 'Seats']);
    expect(cols.columns.map((c) => c.header)).not.toContain('ICP Score');
  });
});
