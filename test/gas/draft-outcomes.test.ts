// Draft a model from outcomes on the built bundle: the sample drafts what the engine drafts, plain JSON, the sheet pinned by id, nothing written.

import type { DraftAnswer } from '../../src/gas/api-types';
import { checkModel } from '../../src/engine';
import { draftModel } from '../../src/engine/outcomes/draft/draft';
import { loadAddon, sampleRows, SAMPLE_NOW } from './harness';

function draft(addon: ReturnType<typeof loadAddon>, request: unknown = {}): DraftAnswer {
  const r = addon.call<DraftAnswer>('draftFromOutcomes', request);
  // Only JSON crosses google.script.run.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  return r;
}

describe('draftFromOutcomes', () => {
  test('the sample: finds Outcome, drafts the model the engine drafts from the same rows, with evidence, and writes nothing', () => {
    const addon = loadAddon();
    const before = addon.sheet().getDataRange().getValues();
    const r = draft(addon);
    expect(r).toMatchObject({ ok: true, reason: null, sheetName: 'Accounts', outcomeColumn: 'Outcome', candidates: ['Outcome'] });
    expect(r.sheetId).toBe(addon.sheet().getSheetId());
    expect(addon.sheet().getDataRange().getValues()).toEqual(before);
    expect(checkModel(r.draft!.model).ok).toBe(true);
    expect(r.draft!.criteria.length).toBeGreaterThan(0);
    for (const c of r.draft!.criteria) expect(c.text).toMatch(/^(Won|Lost)/);
    // The bundle drafts what the engine drafts (the sheet's cells are the CSV's text).
    const [headers, ...rows] = sampleRows();
    const engine = draftModel(headers!, rows, { today: new Date(SAMPLE_NOW.getFullYear(), SAMPLE_NOW.getMonth(), SAMPLE_NOW.getDate()), outcomeColumn: 'Outcome', locale: 'en_US', source: 'sheet "Accounts"' });
    expect(r.draft!.model).toEqual(engine.model);
    expect(r.message).toBe(engine.message);
  });

  test('pinned by id: a later call reads the same sheet after the user switched tabs; a deleted sheet is said', () => {
    const addon = loadAddon();
    const first = draft(addon, { maxCriteria: 2 });
    const other = addon.ss.insertSheet('Notes');
    addon.ss.setActiveSheet(other);
    const again = draft(addon, { sheetId: first.sheetId, maxCriteria: 2 });
    expect(again).toMatchObject({ ok: true, sheetName: 'Accounts', sheetId: first.sheetId });
    expect(again.draft!.criteria.filter((c) => c.role === 'score').length).toBeLessThanOrEqual(2);
    // Unpinned, the active (empty) sheet is read.
    expect(draft(addon, {})).toMatchObject({ ok: false, reason: 'no-data', sheetName: 'Notes' });
    addon.ss.deleteSheet(addon.sheet());
    expect(draft(addon, { sheetId: first.sheetId })).toMatchObject({ ok: false, reason: 'sheet', draft: null });
  });

  test('errors are answers, not exceptions: no outcome column, an unknown column', () => {
    const withoutOutcome = loadAddon(sampleRows().map((r) => r.slice(0, -1)));
    const none = draft(withoutOutcome);
    expect(none).toMatchObject({ ok: false, reason: 'no-outcome-column', draft: null });
    expect(none.message).toMatch(/^No column of outcomes found/);
    const unknown = draft(loadAddon(), { outcomeColumn: 'Won?' });
    expect(unknown).toMatchObject({ ok: false, reason: 'no-outcome-column', message: 'There is no column "Won?".' });
  });
});
