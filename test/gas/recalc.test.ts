// Saving the model: typed ICP_* formulas get the ICP_MODEL argument once (formula cells only), then follow every save by it.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { Model } from '../../src/engine/model';
import { loadAddon, sampleRows, SAMPLE_NOW } from './harness';

function withoutDemoCriterion(): Model {
  const model = b2bSaasTemplate();
  model.profiles[0]!.criteria = model.profiles[0]!.criteria.filter((c) => c.id !== 'demo_requested');
  return model;
}

describe('recalculation after save', () => {
  test('typed formulas get ICP_MODEL on the next save and show the new model; later saves rewrite nothing and still show it', () => {
    const rows = sampleRows();
    const addon = loadAddon(rows);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    addon.setFormula('R2', '=ICP_SCORE(A2:Q60)');
    addon.setFormula('S2', '=IFERROR(ICP_TIER(A2:Q2), "")');
    const oldScores = addon.values('R2:R60').map((r) => r[0]);

    // A change Sheets cannot see (the model sheet is not an argument): results stay stale...
    const next = withoutDemoCriterion();
    const newScores = rows.slice(1, 60).map((r) => compileModel(next, rows[0]!, { today: SAMPLE_NOW }).profile().evaluate(r).score);
    expect(newScores).not.toEqual(oldScores);
    addon.emu.workbook.loadValues('Notes', [['unrelated edit']]);
    expect(addon.values('R2:R60').map((r) => r[0])).toEqual(oldScores);

    // ...until the save gives them the model argument: a formula-text change, by Sheets' documented rule.
    const saved = addon.save(next, 1);
    expect(saved).toMatchObject({ ok: true, version: 2, rewrittenFormulas: 2 });
    expect(addon.sheet().getRange('R2:S2').getFormulas()[0]).toEqual(['=ICP_SCORE(A2:Q60,ICP_MODEL)', '=IFERROR(ICP_TIER(A2:Q2,ICP_MODEL), "")']);
    expect(addon.values('R2:R60').map((r) => r[0])).toEqual(newScores);
    expect(addon.value('S2')).toBe(compileModel(next, rows[0]!, { today: SAMPLE_NOW }).profile().evaluate(rows[1]!).tier);

    // The next save finds nothing to rewrite: the argument's value changes, and that alone re-runs the formulas.
    const again = addon.save(b2bSaasTemplate(), 2);
    expect(again).toMatchObject({ ok: true, version: 3, rewrittenFormulas: 0 });
    expect(addon.sheet().getRange('R2').getFormula()).toBe('=ICP_SCORE(A2:Q60,ICP_MODEL)');
    expect(addon.values('R2:R60').map((r) => r[0])).toEqual(oldScores);
  });

  test('the model sheet is named ICP_MODEL with a =TODAY() cell, and the range grows and shrinks with the model', () => {
    const addon = loadAddon();
    addon.save(b2bSaasTemplate(), 0);
    const named = addon.ss.getNamedRanges().filter((n) => n.getName() === 'ICP_MODEL');
    expect(named).toHaveLength(1);
    expect(named[0]!.getRange().getSheet().getName()).toBe('ICP Model');
    expect(named[0]!.getRange().getA1Notation()).toBe('A1:B5');
    expect(addon.ss.getSheetByName('ICP Model')!.getRange('B1').getFormula()).toBe('=TODAY()');
    const big = b2bSaasTemplate();
    big.profiles[0]!.description = 'x'.repeat(90_000);
    addon.save(big, 1);
    expect(addon.ss.getNamedRanges().find((n) => n.getName() === 'ICP_MODEL')!.getRange().getA1Notation()).toBe('A1:B7');
    addon.save(b2bSaasTemplate(), 2);
    expect(addon.ss.getNamedRanges().find((n) => n.getName() === 'ICP_MODEL')!.getRange().getA1Notation()).toBe('A1:B5');
  });

  test("a named range ICP_MODEL of the user's own stops the save with a clear message and nothing changed", () => {
    const addon = loadAddon();
    addon.ss.setNamedRange('ICP_MODEL', addon.sheet().getRange('A1:B2'));
    expect(() => addon.save(b2bSaasTemplate(), 0)).toThrow(/named range called "ICP_MODEL" of its own; rename it/);
    expect(addon.ss.getSheetByName('ICP Model')).toBeNull();
  });
});

describe('recalculation never edits text that merely mentions a function', () => {
  test('a model whose description shows ICP_SCORE( saves, reads back intact and formulas follow it, save after save', () => {
    const addon = loadAddon();
    addon.setFormula('R2', '=ICP_SCORE(A2:Q2)');
    const model = b2bSaasTemplate();
    model.profiles[0]!.description = 'Score rows with ICP_SCORE(A2:H2) and icp_tier(R2) in column R';
    for (let version = 0; version < 3; version++) {
      const saved = addon.save(model, version);
      expect(saved).toMatchObject({ ok: true, version: version + 1 });
      const state = addon.call<{ model: Model | null; storedModelError: string | null }>('getEditorState');
      expect(state.storedModelError).toBeNull();
      expect(state.model!.profiles[0]!.description).toBe(model.profiles[0]!.description);
      expect(addon.value('R2')).toEqual(expect.any(Number));
    }
    expect(addon.sheet().getRange('R2').getFormula()).toBe('=ICP_SCORE(A2:Q2,ICP_MODEL)');
  });

  test('a note beside the formulas keeps its text, and strings, sheet names and other functions in formulas are left alone', () => {
    const rows = sampleRows();
    const addon = loadAddon(rows);
    addon.save(b2bSaasTemplate(), 0);
    addon.setFormula('R2', '=ICP_SCORE(A2:Q2)');
    addon.setFormula('R3', '=ICP_SCORE(A3:Q3)');
    addon.setFormula('S2', '=IF(R2>50, ICP_TIER(R2), "ICP_TIER(R2) is low")');
    addon.setFormula('S3', '=ICP_TIER(R3, ICP_MODEL)');
    const note = 'How to: type ICP_SCORE(A2:H2) in a cell';
    addon.sheet().getRange('U2').setValue(note);

    const next = withoutDemoCriterion();
    const saved = addon.save(next, 1);
    expect(saved.message).toMatch(/3 ICP formula\(s\) now pass ICP_MODEL/);
    expect(addon.value('U2')).toBe(note);
    expect(addon.sheet().getRange('R2:S3').getFormulas()).toEqual([
      ['=ICP_SCORE(A2:Q2,ICP_MODEL)', '=IF(R2>50, ICP_TIER(R2,ICP_MODEL), "ICP_TIER(R2) is low")'],
      ['=ICP_SCORE(A3:Q3,ICP_MODEL)', '=ICP_TIER(R3, ICP_MODEL)'],
    ]);
    const expected = compileModel(next, rows[0]!, { today: SAMPLE_NOW }).profile().evaluate(rows[2]!).score;
    expect(addon.value('R3')).toBe(expected);
  });
});

describe('saving', () => {
  test('a save based on a stale version is refused and the draft comes back untouched', () => {
    const addon = loadAddon();
    addon.save(b2bSaasTemplate(), 0); // version 1
    addon.save(withoutDemoCriterion(), 1); // someone else: version 2
    const draft = b2bSaasTemplate();
    draft.profiles[0]!.name = 'My edited draft';
    const result = addon.call<{ ok: boolean; reason: string; message: string; draft: unknown; currentVersion: number }>('saveModel', draft, 1);
    expect(result).toMatchObject({ ok: false, reason: 'stale', currentVersion: 2 });
    expect(result.message).toMatch(/Someone else saved the model/);
    expect(result.draft).toEqual(JSON.parse(JSON.stringify(draft)));
    expect(addon.call<{ version: number }>('getEditorState').version).toBe(2);
  });

  test('an invalid draft is refused with paths and the draft kept', () => {
    const addon = loadAddon();
    const draft = b2bSaasTemplate() as unknown as { profiles: { tiers: unknown[] }[] };
    draft.profiles[0]!.tiers = [];
    const result = addon.call<{ ok: boolean; reason: string; issues: { path: string }[]; draft: unknown }>('saveModel', draft, 0);
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('invalid');
    expect(result.issues.map((i) => i.path)).toContain('profiles[0].tiers');
    expect(result.draft).toEqual(draft);
  });

  test('saves hold the document lock, and a save while another execution holds it says busy', () => {
    const addon = loadAddon();
    const before = addon.emu.locks.acquisitions.document;
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    expect(addon.emu.locks.acquisitions.document).toBe(before + 1);
    addon.emu.locks.holdByAnotherExecution('document');
    const busy = addon.call<{ ok: boolean; reason: string }>('saveModel', b2bSaasTemplate(), 1);
    expect(busy).toMatchObject({ ok: false, reason: 'busy' });
    addon.emu.locks.release('document');
  });

  test('the first save creates the hidden model sheet without moving the user off their sheet', () => {
    const addon = loadAddon();
    addon.emu.workbook.loadValues('Other', [['x']]);
    const other = addon.ss.getSheetByName('Other')!;
    addon.ss.setActiveSheet(other);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    expect(addon.ss.getSheetByName('ICP Model')!.isSheetHidden()).toBe(true);
    expect(addon.ss.getActiveSheet().getName()).toBe('Other');
    addon.save(withoutDemoCriterion(), 1);
    expect(addon.ss.getActiveSheet().getName()).toBe('Other');
  });
});
