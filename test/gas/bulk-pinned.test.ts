// A multi-call scoring run stays on the sheet it started on (by id) while the user switches tabs; menus pin it too.

import { createEmulator, type Emulator } from '../../emulator';
import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreProgress, ScoreSheetResult } from '../../src/gas/api-types';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

const MINUTE = 60_000;

/** The sample on "Accounts" and a copy on "Other"; the clock moves a minute per setValues, so runs stop part-way. */
function twoSheets(): { addon: Addon; emu: Emulator } {
  const holder: { emu?: Emulator } = {};
  const emu = createEmulator({
    now: () => new Date(SAMPLE_NOW.getTime() + (holder.emu?.env.counter.calls.get('Range.setValues') ?? 0) * MINUTE),
  });
  holder.emu = emu;
  const addon = loadAddon(sampleRows(), emu);
  emu.workbook.loadValues('Other', sampleRows());
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return { addon, emu };
}

function engineScores(addon: Addon, name: string): number[] {
  const rows = addon.sheet(name).getRange(1, 1, 401, 17).getValues();
  const p = compileModel(b2bSaasTemplate(), rows[0]!.map((v) => cellText(v)), { today: SAMPLE_NOW }).profile();
  return rows.slice(1).map((r) => p.evaluate(r).score);
}

describe('a scoring run is pinned to its sheet', () => {
  test('switching tabs between the calls of a run changes nothing: every chunk lands on the first sheet', () => {
    const { addon } = twoSheets();
    const first = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    expect(first).toMatchObject({ ok: true, partial: true, sheetName: 'Accounts' });
    const accounts = addon.sheet().getSheetId();
    expect(first.sheetId).toBe(accounts);

    // The user looks at another tab while the sidebar continues the run, as its score panel does: by sheet id.
    addon.ss.setActiveSheet(addon.sheet('Other'));
    const otherBefore = addon.sheet('Other').getDataRange().getValues();
    expect(addon.call<ScoreProgress>('getScoreProgress', first.sheetId)).toMatchObject({ sheetName: 'Accounts', sheetId: accounts, partial: true });
    let r = first;
    while (r.partial) {
      r = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50, sheetId: first.sheetId });
      expect(r).toMatchObject({ ok: true, sheetName: 'Accounts', sheetId: accounts });
    }
    expect(r.scoredRows).toBe(400);
    expect(r.message).toMatch(/finishing an earlier run/);
    expect(addon.sheet().getRange('R2:R401').getValues().map((v) => v[0])).toEqual(engineScores(addon, 'Accounts'));
    // The other tab got no columns, no label, no run state; the user is still on it.
    expect(addon.sheet('Other').getDataRange().getValues()).toEqual(otherBefore);
    expect(addon.call<ScoreProgress>('getScoreProgress')).toMatchObject({ sheetName: 'Other', scoredRows: 0, partial: false });
    expect(addon.ss.getActiveSheet().getName()).toBe('Other');
  });

  test('a run whose sheet was deleted says so instead of scoring another sheet', () => {
    const { addon } = twoSheets();
    const first = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    addon.ss.setActiveSheet(addon.sheet('Other'));
    addon.ss.deleteSheet(addon.sheet());
    const next = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50, sheetId: first.sheetId });
    expect(next).toMatchObject({ ok: false, reason: 'sheet' });
    expect(next.message).toMatch(/deleted/);
    expect(addon.sheet('Other').getLastColumn()).toBe(17);
  });

  test('the menu pins its run, and the score panel it opens is told which sheet that is', () => {
    const { addon } = twoSheets();
    (addon.ctx.scoreThisSheet as () => void)();
    const html = addon.emu.ui.sidebars.at(-1)!.content;
    expect(html).toContain(`window.ICP_SHEET_ID = ${addon.sheet().getSheetId()};`);
  });
});
