// A title line above the table (a one-cell "Q3 target accounts" and a blank row): every feature finds the real header row.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { EditorState, OutcomeValidation, ScoreSheetResult } from '../../src/gas/api-types';
import { headerRowIndex } from '../../src/gas/header-row';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

const rows = sampleRows();
const headers = rows[0]!;
const width = headers.length; // A..Q
const title = headers.map((_, i) => (i === 0 ? 'Q3 target accounts' : ''));
const blank = headers.map(() => '');

/** The sample with a title on row 1, a blank row 2, the header row on row 3 and accounts from row 4. */
function titled(): Addon {
  const addon = loadAddon([title, blank, ...rows]);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return addon;
}

const profile = () => compileModel(b2bSaasTemplate(), headers, { today: SAMPLE_NOW }).profile();

test('without a model column named, the header row is the first with two or more filled cells and half the widest; a one-column table keeps its first non-empty row', () => {
  expect(headerRowIndex([['Q3 target accounts', ''], ['', ''], ['Industry', 'Employees'], ['SaaS', 300]])).toBe(2);
  expect(headerRowIndex([['', ''], ['Industry', 'Employees']])).toBe(1);
  expect(headerRowIndex([['Industry'], ['SaaS'], ['Fintech']])).toBe(0);
  expect(headerRowIndex([['Title', ''], ['Note', '']])).toBe(0);
  expect(headerRowIndex([[''], ['']])).toBe(-1);
});

describe('a sheet with a title above the header row', () => {
  test('per-row custom functions read the header row under the title', () => {
    const addon = titled();
    addon.setFormula('R4', '=ICP_SCORE(A4:Q4)');
    addon.setFormula('S4', '=ICP_TIER(A4:Q4)');
    const want = profile().evaluate(rows[1]!);
    expect(addon.values('R4:S4')[0]).toEqual([want.score, want.tier]);
  });

  test('a range from row 1 (or whole columns) leaves the title rows blank and labels the header row', () => {
    const addon = titled();
    addon.setFormula('R1', '=ICP_SCORE(A1:Q8)');
    addon.setFormula('S1', '=ICP_EXPLAIN(A:Q)');
    const p = profile();
    expect(addon.values('R1:R8').map((r) => r[0])).toEqual(['', '', 'ICP Score', ...rows.slice(1, 6).map((r) => p.evaluate(r).score)]);
    expect(addon.values('S1:S5').map((r) => r[0])).toEqual(['', '', 'ICP Why', ...rows.slice(1, 3).map((r) => p.explain(r).text)]);
  });

  test('Score this sheet writes its columns on the header row and scores every account', () => {
    const addon = titled();
    const result = addon.call<ScoreSheetResult>('scoreSheet', {});
    expect(result).toMatchObject({ ok: true, scoredRows: rows.length - 1, totalRows: rows.length - 1 });
    const sheet = addon.sheet();
    expect(sheet.getRange(3, width + 1, 1, 3).getValues()[0]).toEqual(['ICP Score', 'ICP Tier', 'ICP Why']);
    expect(sheet.getRange(1, width + 1, 2, 4).getValues().flat().every((v) => v === '')).toBe(true);
    const p = profile();
    const scores = sheet.getRange(4, width + 1, rows.length - 1, 1).getValues().map((r) => r[0]);
    expect(scores).toEqual(rows.slice(1).map((r) => p.evaluate(r).score));
    expect(sheet.getRange('A1').getValue()).toBe('Q3 target accounts');
  });

  test('the editor, the tier summary and Validate against outcomes use the same header row', () => {
    const addon = titled();
    expect(addon.call<EditorState>('getEditorState')).toMatchObject({ headers, rowCount: rows.length - 1 });
    expect(addon.call<OutcomeValidation>('validateOutcomes', {})).toMatchObject({ ok: true, outcomeColumn: 'Outcome' });
    addon.call('scoreSheet', {});
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<{ ok: boolean; groups: string[] }>('buildTierSummary', {})).toMatchObject({ ok: true, groups: ['A', 'B', 'C', 'Disqualified'] });
  });
});

describe('a title with a second cell beside it (an owner, a date)', () => {
  const wideTitle = headers.map((_, i) => (i === 0 ? 'Q3 target accounts' : i === 3 ? 'Owner: Sam' : ''));

  test('formulas, Score this sheet, the editor, validation and the summary find the header row under it when a model is saved', () => {
    const addon = loadAddon([wideTitle, blank, ...rows]);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<EditorState>('getEditorState')).toMatchObject({ headers, rowCount: rows.length - 1 });
    expect(addon.call<ScoreSheetResult>('scoreSheet', {})).toMatchObject({ ok: true, scoredRows: rows.length - 1 });
    expect(addon.sheet().getRange(3, width + 1).getValue()).toBe('ICP Score');
    expect(addon.sheet().getRange(1, 1, 1, width).getValues()[0]).toEqual(wideTitle);
    addon.setFormula('W4', '=ICP_SCORE(A4:Q4)');
    expect(addon.value('W4')).toBe(profile().evaluate(rows[1]!).score);
    expect(addon.call<OutcomeValidation>('validateOutcomes', {})).toMatchObject({ ok: true, outcomeColumn: 'Outcome' });
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<{ ok: boolean; groups: string[] }>('buildTierSummary', {})).toMatchObject({ ok: true, groups: ['A', 'B', 'C', 'Disqualified'] });
  });

  test('before any model is saved the editor offers the header row, the widest row at the top, not the title', () => {
    const addon = loadAddon([wideTitle, blank, ...rows]);
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<EditorState>('getEditorState')).toMatchObject({ model: null, headers, rowCount: rows.length - 1 });
  });

  test('without a model, a short table keeps the first row of two cells (a header cannot be told from a title there)', () => {
    expect(headerRowIndex([['Accounts', 'Owner: Sam', ''], ['Industry', 'Employees', 'Country'], ['SaaS', 300, 'US']])).toBe(0);
    expect(headerRowIndex([['Accounts', 'Owner: Sam', ''], ['Industry', 'Employees', 'Country']], new Set(['industry']))).toBe(1);
  });
});

test('the preview names the sheet it read, the active one, which may not be the sheet the editor opened on', () => {
  const addon = loadAddon(rows);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<{ sheetName: string }>('previewDraft', b2bSaasTemplate())).toMatchObject({ ok: true, sheetName: 'Accounts' });
  const other = addon.ss.insertSheet('Leads');
  other.getRange(1, 1, 3, 3).setValues([['Industry', 'Employees', 'Country'], ['SaaS', 300, 'US'], ['Retail', 20, 'FR']]);
  addon.ss.setActiveSheet(other);
  expect(addon.call<{ sheetName: string; rows: number }>('previewDraft', b2bSaasTemplate())).toMatchObject({ ok: true, sheetName: 'Leads', rows: 2 });
  expect(addon.call<{ sheetName: string }>('previewDraft', { schemaVersion: 9 })).toMatchObject({ ok: false, sheetName: '' });
});
