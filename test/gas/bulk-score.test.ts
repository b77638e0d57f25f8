// Score this sheet on the built bundle: output columns (created, reused, moved, renamed, colliding), values equal to
// the engine's, formula-injection-proof text, tier colours not duplicated, the lock, and Range call counts.

import { compileModel } from '../../src/engine/model-compile';
import type { Model } from '../../src/engine/model';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreSheetResult } from '../../src/gas/api-types';
import { bulkSheet } from '../../bench/bulk';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const USER_COLUMNS = 17; // the sample: A..Q
const TITLES = ['ICP Score', 'ICP Tier', 'ICP Why', 'ICP Tier order'];

function scored(rows: unknown[][] = sampleRows(), model: Model = b2bSaasTemplate()): Addon {
  const addon = loadAddon(rows);
  expect(addon.save(model, 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return addon;
}

function score(addon: Addon, options: object = {}): ScoreSheetResult {
  return addon.call<ScoreSheetResult>('scoreSheet', options);
}

function grid(sheet: Sheet): unknown[][] {
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
}

function headerRow(sheet: Sheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map((v) => cellText(v));
}

/** The engine's explanation of every data row as the sheet holds it (user columns only). */
function engineResults(sheet: Sheet, columns: number[], model: Model = b2bSaasTemplate(), profile?: string) {
  const all = grid(sheet).map((row) => columns.map((c) => row[c - 1]));
  const headers = all[0]!.map((v) => cellText(v));
  const p = compileModel(model, headers, { today: SAMPLE_NOW }).profile(profile);
  return all.slice(1).map((row) => p.explain(row));
}

function column(sheet: Sheet, col: number): unknown[] {
  return sheet.getRange(2, col, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]);
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

/**
 * A user dragging column `from` to position `to`: content and developer metadata move together. Spelled out because
 * the emulator has no Sheet.moveColumns yet.
 */
function moveColumn(sheet: Sheet, from: number, to: number): void {
  sheet.insertColumnBefore(to);
  const src = from >= to ? from + 1 : from;
  const values = sheet.getRange(1, src, sheet.getLastRow(), 1).getValues();
  sheet.getRange(1, to, values.length, 1).setValues(values);
  for (const md of sheet.getRange(`${letter(src)}:${letter(src)}`).getDeveloperMetadata()) md.moveToColumn(sheet.getRange(`${letter(to)}:${letter(to)}`));
  sheet.deleteColumn(src);
}

/** Range calls that read or write cells (values, formulas, notes), as counted by the emulator. */
function rangeIO(addon: Addon): { reads: number; writes: number } {
  let reads = 0;
  let writes = 0;
  for (const [name, n] of addon.emu.env.counter.calls) {
    if (!name.startsWith('Range.')) continue;
    const method = name.slice('Range.'.length);
    if (/^get(Values|Value|DisplayValues|DisplayValue|Formulas|Formula|FormulasR1C1|FormulaR1C1|Notes|Note|RichTextValues?)$/.test(method)) reads += n;
    else if (/^(set(Values|Value|Formulas|Formula|FormulasR1C1|FormulaR1C1|Notes|Note|RichTextValues?)|clear(Content)?)$/.test(method)) writes += n;
  }
  return { reads, writes };
}

describe('Score this sheet', () => {
  test('creates ICP Score / Tier / Why (and the hidden tier-order helper) right of the data, with the engine\'s values', () => {
    const addon = scored();
    const sheet = addon.sheet();
    const userCells = grid(sheet);
    const result = score(addon);
    expect(result).toMatchObject({ ok: true, partial: false, scoredRows: 400, totalRows: 400, mode: 'values' });
    expect(headerRow(sheet).slice(USER_COLUMNS)).toEqual(TITLES);
    expect(result.columns.map((c) => c.column)).toEqual(['R', 'S', 'T', 'U']);
    expect(sheet.isColumnHiddenByUser(21)).toBe(true);

    const want = engineResults(sheet, [...Array(USER_COLUMNS).keys()].map((i) => i + 1));
    expect(column(sheet, 18)).toEqual(want.map((r) => (r.blank ? '' : r.score)));
    expect(column(sheet, 19)).toEqual(want.map((r) => r.tier));
    expect(column(sheet, 20)).toEqual(want.map((r) => r.text));
    // Plain values, not formulas.
    expect(sheet.getRange(2, 18, 400, 3).getFormulas().flat().every((f) => f === '')).toBe(true);
    // Nothing outside the output columns changed.
    expect(grid(sheet).map((r) => r.slice(0, USER_COLUMNS))).toEqual(userCells);
    // Tier counts add up to the rows, in tier order then disqualified.
    expect(result.tierCounts.map((t) => t.label)).toEqual(['A', 'B', 'C', 'Disqualified']);
    expect(result.tierCounts.reduce((a, t) => a + t.count, 0)).toBe(want.filter((r) => !r.blank).length);
  });

  test('the tier-order helper ranks tiers best first and the disqualified last', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    const rank: Record<string, number> = { A: 1, B: 2, C: 3, Disqualified: 4 };
    const tiers = column(sheet, 19);
    expect(column(sheet, 21)).toEqual(tiers.map((t) => rank[String(t)]));
  });

  test('a re-run reuses its columns: no new columns, same values', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    const before = grid(sheet);
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(sheet.getLastColumn()).toBe(USER_COLUMNS + 4);
    expect(grid(sheet)).toEqual(before);
    expect(result.notices).toEqual([]);
  });

  test('a column of ours the user moved is found by its marker and written where it is now', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    // Move "ICP Score" (R) to before column B.
    moveColumn(sheet, 18, 2);
    // Clear the moved score column so the re-run has to write it again.
    sheet.getRange(2, 2, 400, 1).clearContent();
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(result.notices).toEqual([]);
    expect(sheet.getLastColumn()).toBe(USER_COLUMNS + 4);
    expect(headerRow(sheet)[1]).toBe('ICP Score');
    const userColumns = [1, ...Array.from({ length: USER_COLUMNS - 1 }, (_, i) => i + 3)];
    const want = engineResults(sheet, userColumns);
    expect(column(sheet, 2)).toEqual(want.map((r) => r.score));
  });

  test('a column of ours the user renamed is theirs now: left as it is, a new one made, and the result says why', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    sheet.getRange(1, 19).setValue('Fit tier'); // ICP Tier (S)
    sheet.getRange(2, 19).setValue('my note');
    const before = column(sheet, 19);
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(column(sheet, 19)).toEqual(before);
    expect(headerRow(sheet).slice(USER_COLUMNS)).toEqual(['ICP Score', 'Fit tier', 'ICP Why', 'ICP Tier order', 'ICP Tier']);
    expect(result.notices).toEqual([
      'Column S is now headed "Fit tier", not "ICP Tier", so ICP Scorer left it alone as yours; its ICP Tier column is now column V.',
    ]);
    expect(column(sheet, 22)).toEqual(engineResults(sheet, Array.from({ length: USER_COLUMNS }, (_, i) => i + 1)).map((r) => r.tier));
    // The tier colours moved with the tier column: no rule of ours is left on the renamed one.
    const onS = sheet.getConditionalFormatRules().filter((rule) => rule.getRanges().some((r) => r.getColumn() === 19));
    expect(onS).toEqual([]);
  });

  test('a wider export pasted over a scored sheet is never overwritten: our markers do not make its columns ours', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    // Paste over A1: the sample plus six columns of the user's, covering R..W where our columns (and markers) were.
    const extra = ['Extra1', 'Extra2', 'Extra3', 'Extra4', 'Extra5', 'Extra6'];
    const pasted = sampleRows().map((r, i) => [...r, ...extra.map((h) => (i === 0 ? h : `${h}-${i}`))]);
    sheet.getRange(1, 1, pasted.length, pasted[0]!.length).setValues(pasted);
    const userCells = grid(sheet).map((r) => r.slice(0, pasted[0]!.length));
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(grid(sheet).map((r) => r.slice(0, pasted[0]!.length))).toEqual(userCells);
    expect(headerRow(sheet).slice(pasted[0]!.length)).toEqual(TITLES);
    expect(result.notices).toHaveLength(4);
    expect(result.notices[0]).toMatch(/^Column R is now headed "Extra1", not "ICP Score", so ICP Scorer left it alone as yours/);
    // The hidden sort-order column we had made is the user's now, and shown again.
    expect(sheet.isColumnHiddenByUser(20)).toBe(false);
    // A second run writes to the new columns only.
    expect(score(addon).notices).toEqual([]);
    expect(grid(sheet).map((r) => r.slice(0, pasted[0]!.length))).toEqual(userCells);
  });

  test('refuses, changing nothing, when the new columns would take the spreadsheet past 10 million cells', () => {
    const addon = scored();
    const sheet = addon.sheet();
    // The sample's 17 columns fill the grid (no spare column), over 500,000 rows: 8.5M cells, and 4 more columns
    // would add 2M.
    sheet.deleteColumns(USER_COLUMNS + 1, sheet.getMaxColumns() - USER_COLUMNS);
    sheet.insertRowsAfter(sheet.getMaxRows(), 500_000 - sheet.getMaxRows());
    const before = sheet.getMaxColumns();
    const cells = addon.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    expect(cells).toBeLessThan(10_000_000);
    expect(cells + 4 * 500_000).toBeGreaterThan(10_000_000);
    const result = score(addon);
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('size');
    expect(result.message).toMatch(/Google Sheets holds at most 10,000,000\. .*Nothing was changed\./);
    expect(sheet.getMaxColumns()).toBe(before);
    expect(headerRow(sheet)).toEqual(sampleRows()[0]);
  });

  test('never writes into a user column called "ICP Score": writes beside the data and says so', () => {
    const rows = sampleRows().map((r, i) => [...r, i === 0 ? 'ICP Score' : `user ${i}`]);
    const addon = scored(rows);
    const sheet = addon.sheet();
    const userCells = grid(sheet);
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(grid(sheet).map((r) => r.slice(0, USER_COLUMNS + 1))).toEqual(userCells);
    expect(headerRow(sheet).slice(USER_COLUMNS)).toEqual(['ICP Score', 'ICP Score (ICP Scorer)', 'ICP Tier', 'ICP Why', 'ICP Tier order']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatch(/Column R is already called "ICP Score".*left alone.*"ICP Score \(ICP Scorer\)" \(column S\)/);
    expect(result.message).toContain(result.notices[0]);
    // A re-run uses the marked column, not the user's.
    score(addon);
    expect(column(sheet, 18)[0]).toBe('user 1');
  });

  test('the editor offers the user\'s columns as criterion columns, not the add-on\'s output (a user\'s "ICP Score" stays)', () => {
    const rows = sampleRows().map((r, i) => [...r, i === 0 ? 'ICP Score' : `user ${i}`]);
    const addon = scored(rows);
    score(addon);
    const state = addon.call<{ headers: string[] }>('getEditorState');
    expect(state.headers).toEqual(rows[0]);
  });

  test('a column of ours deleted by the user is recreated; the others are kept', () => {
    const addon = scored();
    score(addon);
    const sheet = addon.sheet();
    sheet.deleteColumn(20); // ICP Why
    const result = score(addon);
    expect(result.ok).toBe(true);
    expect(headerRow(sheet).slice(USER_COLUMNS)).toEqual(['ICP Score', 'ICP Tier', 'ICP Tier order', 'ICP Why']);
  });

  test('text that starts with = + - @ is written as text, never as a formula', () => {
    const model = b2bSaasTemplate();
    const p = model.profiles[0]!;
    p.tiers = [
      { label: '=1+1', min: 80, color: '#1e8e3e' },
      { label: '+B', min: 60 },
      { label: '-C', min: 30 },
      { label: '@D', min: 0 },
    ];
    p.disqualifiedLabel = '=HYPERLINK("http://x","y")';
    const addon = scored(sampleRows(), model);
    score(addon);
    const sheet = addon.sheet();
    const tiers = column(sheet, 19);
    const why = column(sheet, 20);
    const want = engineResults(sheet, [...Array(USER_COLUMNS).keys()].map((i) => i + 1), model);
    expect(tiers).toEqual(want.map((r) => r.tier));
    expect(why).toEqual(want.map((r) => r.text));
    expect(new Set(tiers)).toEqual(new Set(['=1+1', '+B', '-C', '@D', '=HYPERLINK("http://x","y")'].filter((l) => tiers.includes(l))));
    expect(tiers).toContain('=HYPERLINK("http://x","y")');
    expect(why.some((w) => String(w).startsWith('=HYPERLINK'))).toBe(true);
    expect(sheet.getRange(2, 18, 400, 3).getFormulas().flat().every((f) => f === '')).toBe(true);
  });

  test('tier colours are conditional formats from the tiers\' colours, replaced (not duplicated) on a re-run', () => {
    const addon = scored();
    const sheet = addon.sheet();
    // A user's own rule elsewhere must survive.
    const SpreadsheetApp = addon.emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const userRule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('SaaS').setBackground('#ff0000').setRanges([sheet.getRange('C2:C401')]).build();
    sheet.setConditionalFormatRules([userRule]);
    score(addon);
    const first = sheet.getConditionalFormatRules();
    expect(first).toHaveLength(4);
    score(addon);
    score(addon);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(4);
    const ours = rules.slice(1);
    expect(ours.map((r) => r.getBooleanCondition()!.getBackground())).toEqual(['#1e8e3e', '#f9ab00', '#9aa0a6']);
    expect(ours.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual(['=$S2="A"', '=$S2="B"', '=$S2="C"']);
    for (const r of ours) expect(r.getRanges().map((g) => g.getA1Notation())).toEqual([`S2:S${sheet.getMaxRows()}`]);
    expect(rules[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['SaaS']);

    // The user inserts a column before everything: the rules move with the tier column and are still recognised.
    sheet.insertColumnBefore(1);
    score(addon);
    const moved = sheet.getConditionalFormatRules();
    expect(moved).toHaveLength(4);
    expect(moved.slice(1).map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual(['=$T2="A"', '=$T2="B"', '=$T2="C"']);
    expect(moved[0]!.getRanges()[0]!.getA1Notation()).toBe('D2:D401');
    sheet.deleteColumn(1);

    // New colours in the model replace the old rules.
    const model = b2bSaasTemplate();
    model.profiles[0]!.tiers = [{ label: 'A', min: 80, color: '#000000' }, { label: 'B', min: 60 }, { label: 'C', min: 0 }];
    expect(addon.save(model, 1).ok).toBe(true);
    score(addon);
    const after = sheet.getConditionalFormatRules();
    expect(after).toHaveLength(2);
    expect(after[1]!.getBooleanCondition()!.getFontColor()).toBe('#ffffff');
  });

  test('a rule the user adds on the tier column is kept when the sheet is scored again', () => {
    const addon = scored();
    const sheet = addon.sheet();
    const SpreadsheetApp = addon.emu.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const tierColumn = sheet.getRange(`S2:S${sheet.getMaxRows()}`);
    const bold = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$S2="Disqualified"').setBold(true).setFontColor('#d93025').setRanges([tierColumn]).build();
    const other = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND($S2="A",$R2>90)').setBackground('#0b8043').setFontColor('#ffffff').setRanges([tierColumn]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), bold, other]);
    score(addon);
    score(addon);
    const formulas = sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(formulas).toHaveLength(5);
    expect(formulas).toEqual(expect.arrayContaining(['=$S2="Disqualified"', '=AND($S2="A",$R2>90)', '=$S2="A"', '=$S2="B"', '=$S2="C"']));
  });

  test('scores with the chosen profile', () => {
    const model = b2bSaasTemplate();
    const enterprise = structuredClone(model.profiles[0]!);
    enterprise.name = 'Enterprise';
    enterprise.tiers = [{ label: 'Gold', min: 50 }, { label: 'Rest', min: 0 }];
    model.profiles.push(enterprise);
    const addon = scored(sampleRows(), model);
    const result = score(addon, { profile: 'enterprise' });
    expect(result.ok).toBe(true);
    expect(result.tierCounts.map((t) => t.label)).toEqual(['Gold', 'Rest', 'Disqualified']);
    const want = engineResults(addon.sheet(), [...Array(USER_COLUMNS).keys()].map((i) => i + 1), model, 'Enterprise');
    expect(column(addon.sheet(), 19)).toEqual(want.map((r) => r.tier));
    expect(score(addon, { profile: 'Nope' })).toMatchObject({ ok: false, reason: 'profile' });
  });

  test('says what is wrong instead of writing: no model, empty sheet, the model sheet', () => {
    const addon = loadAddon();
    addon.ss.setActiveSheet(addon.sheet());
    expect(score(addon)).toMatchObject({ ok: false, reason: 'no-model' });
    expect(addon.sheet().getLastColumn()).toBe(USER_COLUMNS);
    addon.save(b2bSaasTemplate(), 0);
    const empty = addon.ss.insertSheet('Empty');
    addon.ss.setActiveSheet(empty);
    expect(score(addon)).toMatchObject({ ok: false, reason: 'no-data' });
  });

  test('reads and writes in blocks: the 400-row sample takes a handful of Range calls', () => {
    const addon = scored();
    addon.emu.env.counter.reset();
    score(addon);
    const first = rangeIO(addon);
    // Header probe + model + one chunk read; new headers + one output block write.
    expect(first).toEqual({ reads: 3, writes: 2 });
    addon.emu.env.counter.reset();
    score(addon);
    expect(rangeIO(addon)).toEqual({ reads: 3, writes: 1 });
  });

  test('holds the document lock while writing; a second run is told another one is running', () => {
    const addon = scored();
    const held: string[] = [];
    const counter = addon.emu.env.counter;
    const original = counter.count.bind(counter);
    counter.count = (name: string) => {
      if (name === 'Range.setValues') held.push(String(addon.emu.locks.heldBy('document')));
      original(name);
    };
    expect(score(addon).ok).toBe(true);
    counter.count = original;
    expect(held.length).toBeGreaterThan(0);
    expect(new Set(held)).toEqual(new Set(['this execution']));
    expect(addon.emu.locks.heldBy('document')).toBeNull();

    const fresh = scored();
    fresh.emu.locks.holdByAnotherExecution('document');
    const busy = score(fresh);
    expect(busy).toMatchObject({ ok: false, reason: 'busy' });
    expect(busy.message).toMatch(/in progress/);
    expect(fresh.sheet().getLastColumn()).toBe(USER_COLUMNS);
    // Model saves take the same lock.
    expect(fresh.save(b2bSaasTemplate(), 1)).toMatchObject({ ok: false, reason: 'busy' });
    fresh.emu.locks.release('document');
    expect(score(fresh).ok).toBe(true);
  });

  test('100,000 rows x 20 columns take no more than 25 Range reads/writes', () => {
    const rows = bulkSheet(100_000);
    const addon = scored(rows);
    addon.emu.env.counter.reset();
    const result = score(addon);
    expect(result).toMatchObject({ ok: true, partial: false, scoredRows: 100_000 });
    const io = rangeIO(addon);
    expect(io.reads + io.writes).toBeLessThanOrEqual(25);
    // Spot-check rows across chunk boundaries against the engine.
    const sheet = addon.sheet();
    const headers = rows[0]!.map((v) => cellText(v));
    const p = compileModel(b2bSaasTemplate(), headers, { today: SAMPLE_NOW }).profile();
    for (const r of [2, 20_834, 20_835, 62_500, 100_001]) {
      const row = sheet.getRange(r, 1, 1, 20).getValues()[0]!;
      const x = p.explain(row);
      expect(sheet.getRange(r, 21, 1, 3).getValues()[0]).toEqual([x.score, x.tier, x.text]);
    }
  }, 120_000);

  test('the menu item opens the score panel, scores the sheet and reports in a toast', () => {
    const addon = scored();
    (addon.ctx.scoreThisSheet as () => void)();
    expect(addon.emu.ui.sidebars.at(-1)!.content).toContain('window.ICP_PANEL = "score"');
    expect(headerRow(addon.sheet()).slice(USER_COLUMNS)).toEqual(TITLES);
    expect(addon.emu.workbook.toasts.at(-1)!.message).toMatch(/^Scored 400 rows on "Accounts"/);
  });

  test('a hand-made sheet: header row below blank rows, a blank account row, old output on a now-blank row', () => {
    const rows: unknown[][] = [
      [],
      [],
      ['Industry', 'Employees', 'Country'],
      ['SaaS', 300, 'Germany'],
      ['', '', ''],
      ['Government', 300, 'France'],
    ];
    const addon = scored(rows);
    const sheet = addon.sheet();
    const result = score(addon);
    expect(result).toMatchObject({ ok: true, scoredRows: 3, totalRows: 3 });
    expect(sheet.getRange('D3:F3').getValues()[0]).toEqual(['ICP Score', 'ICP Tier', 'ICP Why']);
    expect(sheet.getRange('D1:G2').getValues().flat().every((v) => v === '')).toBe(true);
    const out = sheet.getRange('D4:G6').getValues();
    expect(out[1]).toEqual(['', '', '', '']);
    expect(out[2]!.slice(1, 2)).toEqual(['Disqualified']);
    // The account on row 4 is deleted by hand: its old output goes blank on the next run.
    sheet.getRange('A4:C4').clearContent();
    score(addon);
    expect(sheet.getRange('D4:G4').getValues()[0]).toEqual(['', '', '', '']);
  });
});
