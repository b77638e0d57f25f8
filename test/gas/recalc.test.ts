// Saving the model refreshes every ICP_* formula without the user editing one; stale saves are refused with the draft kept.

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
  test('formulas are stale until the save, then show the new model, with no formula edited by the test', () => {
    const rows = sampleRows();
    const addon = loadAddon(rows);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    addon.setFormula('R2', '=ICP_SCORE(A2:Q60)');
    addon.setFormula('S2', '=IFERROR(ICP_TIER(A2:Q2), "")');
    const oldScores = addon.values('R2:R60').map((r) => r[0]);
    const formulasBefore = addon.sheet().getRange('R2:S2').getFormulas();

    // A change Sheets cannot see (the model sheet is not an argument): results stay stale...
    const next = withoutDemoCriterion();
    const newScores = rows.slice(1, 60).map((r) => compileModel(next, rows[0]!, { today: SAMPLE_NOW }).profile().evaluate(r).score);
    expect(newScores).not.toEqual(oldScores);
    addon.emu.workbook.loadValues('Notes', [['unrelated edit']]);
    expect(addon.values('R2:R60').map((r) => r[0])).toEqual(oldScores);

    // ...until saveModel refreshes them.
    const saved = addon.save(next, 1);
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect(addon.values('R2:R60').map((r) => r[0])).toEqual(newScores);
    expect(addon.value('S2')).toBe(compileModel(next, rows[0]!, { today: SAMPLE_NOW }).profile().evaluate(rows[1]!).tier);
    // The formulas still mean the same thing (only a space after "(" toggles).
    const after = addon.sheet().getRange('R2:S2').getFormulas()[0]!;
    expect(after.map((f) => f.replace(/\(\s+/g, '('))).toEqual(formulasBefore[0]!.map((f) => f.replace(/\(\s+/g, '(')));
  });

  test('a second save toggles the formulas back, still refreshing them', () => {
    const addon = loadAddon();
    addon.save(b2bSaasTemplate(), 0);
    addon.setFormula('R2', '=ICP_SCORE(A2:Q2)');
    const f0 = addon.sheet().getRange('R2').getFormula();
    addon.save(withoutDemoCriterion(), 1);
    const f1 = addon.sheet().getRange('R2').getFormula();
    addon.save(b2bSaasTemplate(), 2);
    const f2 = addon.sheet().getRange('R2').getFormula();
    expect(f1).not.toBe(f0);
    expect(f2).toBe(f0);
  });
});

describe('recalculation never edits text that merely mentions a function', () => {
  test('a model whose description shows ICP_SCORE( saves, reads back intact and still refreshes formulas, save after save', () => {
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
  });

  test('a note beside the formulas keeps its text while the formulas on the same sheet refresh', () => {
    const rows = sampleRows();
    const addon = loadAddon(rows);
    addon.save(b2bSaasTemplate(), 0);
    addon.setFormula('R2', '=ICP_SCORE(A2:Q2)');
    addon.setFormula('R3', '=ICP_SCORE(A3:Q3)');
    addon.setFormula('S2', '=IF(R2>50, ICP_TIER(R2), "low")');
    const note = 'How to: type ICP_SCORE(A2:H2) in a cell';
    addon.sheet().getRange('U2').setValue(note);
    const before = addon.sheet().getRange('R2:S3').getFormulas();

    const next = withoutDemoCriterion();
    const saved = addon.save(next, 1);
    expect(saved.message).toMatch(/3 ICP formula\(s\) refreshed/);
    expect(addon.value('U2')).toBe(note);
    const after = addon.sheet().getRange('R2:S3').getFormulas();
    expect(after).not.toEqual(before);
    expect(after.map((r) => r.map((f) => f.replace(/\(\s+/g, '(')))).toEqual(before);
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
});
