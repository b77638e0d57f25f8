// "Insert live formulas": one array formula per output column at the first data row, only in the add-on's columns.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreSheetResult } from '../../src/gas/api-types';
import { bulkSheet } from '../../bench/bulk';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

function addonWithModel(rows: unknown[][] = sampleRows()): Addon {
  const addon = loadAddon(rows);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return addon;
}

describe('Insert live formulas', () => {
  test('writes one array formula per output column at the first data row; values equal the engine\'s', () => {
    const addon = addonWithModel();
    const sheet = addon.sheet();
    const result = addon.call<ScoreSheetResult>('scoreSheet', { live: true });
    expect(result).toMatchObject({ ok: true, mode: 'live', partial: false, totalRows: 400 });
    expect(sheet.getRange('R2:U2').getFormulas()[0]).toEqual([
      '=ICP_SCORE(A2:Q401,A1:Q1,ICP_MODEL)',
      '=ICP_TIER(A2:Q401,A1:Q1,ICP_MODEL)',
      '=ICP_EXPLAIN(A2:Q401,A1:Q1,ICP_MODEL)',
      '=ARRAYFORMULA(IF(S2:S401="","",IF(S2:S401="A",1,IF(S2:S401="B",2,IF(S2:S401="C",3,IF(S2:S401="Disqualified",4,""))))))',
    ]);
    // Only the first data row holds formulas.
    expect(sheet.getRange('R3:U401').getFormulas().flat().every((f) => f === '')).toBe(true);
    const rows = sheet.getRange(1, 1, 401, 17).getValues();
    const p = compileModel(b2bSaasTemplate(), rows[0]!.map((v) => cellText(v)), { today: SAMPLE_NOW }).profile();
    const want = rows.slice(1).map((r) => p.explain(r));
    expect(sheet.getRange('R2:R401').getValues().map((r) => r[0])).toEqual(want.map((r) => r.score));
    expect(sheet.getRange('S2:S401').getValues().map((r) => r[0])).toEqual(want.map((r) => r.tier));
    expect(sheet.getRange('T2:T401').getValues().map((r) => r[0])).toEqual(want.map((r) => r.text));
    const rank: Record<string, number> = { A: 1, B: 2, C: 3, Disqualified: 4 };
    expect(sheet.getRange('U2:U401').getValues().map((r) => r[0])).toEqual(want.map((r) => rank[r.tier]));
  });

  test('switching from values to live clears the old values first; back to values replaces the formulas', () => {
    const addon = addonWithModel();
    const sheet = addon.sheet();
    addon.call('scoreSheet', {});
    const values = sheet.getRange('R2:U401').getValues();
    expect(addon.call<ScoreSheetResult>('scoreSheet', { live: true }).ok).toBe(true);
    expect(sheet.getRange('R2').getFormula()).toBe('=ICP_SCORE(A2:Q401,A1:Q1,ICP_MODEL)');
    expect(sheet.getRange('R2:U401').getValues()).toEqual(values);
    expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
    expect(sheet.getRange('R2:U401').getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(sheet.getRange('R2:U401').getValues()).toEqual(values);
  });

  test('a chosen profile goes into the formulas as a quoted string', () => {
    const model = b2bSaasTemplate();
    const other = structuredClone(model.profiles[0]!);
    other.name = 'Say "hi"';
    model.profiles.push(other);
    const addon = loadAddon();
    addon.save(model, 0);
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<ScoreSheetResult>('scoreSheet', { live: true, profile: 'say "hi"' }).ok).toBe(true);
    expect(addon.sheet().getRange('R2').getFormula()).toBe('=ICP_SCORE(A2:Q401,A1:Q1,"Say ""hi""",ICP_MODEL)');
  });

  test('refuses when a user column sits right of the ICP columns (the formulas would read their own output)', () => {
    const addon = addonWithModel();
    addon.call('scoreSheet', {});
    addon.sheet().getRange('V1').setValue('Notes');
    const result = addon.call<ScoreSheetResult>('scoreSheet', { live: true });
    expect(result).toMatchObject({ ok: false, reason: 'live' });
    expect(result.message).toMatch(/"Notes" \(column V\)/);
  });

  test('refuses lists too long to stay live, before creating any column', () => {
    const addon = addonWithModel(bulkSheet(20_001));
    const result = addon.call<ScoreSheetResult>('scoreSheet', { live: true });
    expect(result).toMatchObject({ ok: false, reason: 'live' });
    expect(result.message).toMatch(/up to 20,000 rows.*20,001/);
    expect(addon.sheet().getLastColumn()).toBe(20);
  });
});
