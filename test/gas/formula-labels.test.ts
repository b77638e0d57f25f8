// Labels holding ", ', \ or a line break in every formula the add-on writes: live formulas, tier order, colour rules.

import { compileModel } from '../../src/engine/model-compile';
import type { Model } from '../../src/engine/model';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreSheetResult, TierSummaryResult } from '../../src/gas/api-types';
import { loadAddon, SAMPLE_NOW } from './harness';

const TIERS = ['The "best"', "Ops' pick \\ B", 'Two\nlines'];
const DISQUALIFIED = 'Say "no"';

function oddLabels(): Model {
  const model = b2bSaasTemplate();
  const p = model.profiles[0]!;
  p.tiers = [{ label: TIERS[0]!, min: 70, color: '#1e8e3e' }, { label: TIERS[1]!, min: 40, color: '#fbbc04' }, { label: TIERS[2]!, min: 0 }];
  p.disqualifiedLabel = DISQUALIFIED;
  p.name = 'The "ICP" \\ main';
  return model;
}

describe('labels with quotes, apostrophes, backslashes and line breaks', () => {
  test('live formulas and the ICP Tier order column show every label and rank, and Build tier summary finds the rows', () => {
    const model = oddLabels();
    const addon = loadAddon();
    expect(addon.save(model, 0).ok).toBe(true);
    addon.ss.setActiveSheet(addon.sheet());
    const result = addon.call<ScoreSheetResult>('scoreSheet', { live: true, profile: model.profiles[0]!.name });
    expect(result.ok).toBe(true);
    const sheet = addon.sheet();
    const rows = sheet.getRange(1, 1, 401, 17).getValues();
    const p = compileModel(model, rows[0]!.map((v) => cellText(v)), { today: SAMPLE_NOW }).profile();
    const want = rows.slice(1).map((r) => p.evaluate(r));
    const shown = sheet.getRange('R2:U401').getValues();
    expect(shown.map((r) => r[0])).toEqual(want.map((r) => r.score));
    expect(shown.map((r) => r[1])).toEqual(want.map((r) => r.tier));
    const rank = new Map([...TIERS, DISQUALIFIED].map((l, i) => [l, i + 1]));
    expect(shown.map((r) => r[3])).toEqual(want.map((r) => rank.get(r.tier)));
    // Every label occurs, so each branch of the order formula is exercised; nothing shows an error.
    for (const label of [...TIERS, DISQUALIFIED]) expect(want.some((r) => r.tier === label)).toBe(true);
    expect(shown.flat().some((v) => typeof v === 'string' && v.startsWith('#'))).toBe(false);
    expect(sheet.getRange('R2').getFormula()).toBe('=ICP_SCORE(A2:Q401,A1:Q1,"The ""ICP"" \\ main",ICP_MODEL)');
    expect(sheet.getRange('U2').getFormula()).toContain('IF(S2:S401="The ""best""",1,');
    expect(sheet.getRange('U2').getFormula()).toContain('IF(S2:S401=("Two"&CHAR(10)&"lines"),3,');

    const summary = addon.call<TierSummaryResult>('buildTierSummary', { sumColumns: [] });
    expect(summary.ok).toBe(true);
    expect(summary.groups).toEqual([...TIERS, DISQUALIFIED]);
    const table = addon.sheet('ICP Tiers').getDataRange().getValues();
    expect(table.slice(1).map((r) => r[1])).toEqual([...TIERS, DISQUALIFIED]);
    expect(table.slice(1).map((r) => r[2])).toEqual([...TIERS, DISQUALIFIED].map((l) => want.filter((r) => r.tier === l).length));
  });

  test('values mode colours the odd labels with rules it recognises as its own on the next run', () => {
    const model = oddLabels();
    const addon = loadAddon();
    addon.save(model, 0);
    addon.ss.setActiveSheet(addon.sheet());
    expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
    const rules = () => addon.sheet().getConditionalFormatRules();
    expect(rules()).toHaveLength(2);
    expect(rules()[0]!.getBooleanCondition()!.getCriteriaValues()[0]).toBe('=$S2="The ""best"""');
    expect(addon.call<ScoreSheetResult>('scoreSheet', { restart: true }).ok).toBe(true);
    expect(rules()).toHaveLength(2);
  });
});
