// Long runs: stop before the time limit, label the sheet partial, continue on the next call, and survive a killed run.

import { createEmulator, type Emulator } from '../../emulator';
import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { ScoreProgress, ScoreSheetResult } from '../../src/gas/api-types';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

const MINUTE = 60_000;

/**
 * An emulator whose clock advances one minute per Range.setValues: a simulated slow spreadsheet, so the default
 * 4.5-minute budget runs out after a few chunks.
 */
function slowSheet(): { addon: Addon; emu: Emulator } {
  const holder: { emu?: Emulator } = {};
  const emu = createEmulator({
    now: () => new Date(SAMPLE_NOW.getTime() + (holder.emu?.env.counter.calls.get('Range.setValues') ?? 0) * MINUTE),
  });
  holder.emu = emu;
  const addon = loadAddon(sampleRows(), emu);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  // Count from here: the model save's own writes are not part of the run.
  emu.env.counter.reset();
  return { addon, emu };
}

function scoreHeader(addon: Addon): string {
  return cellText(addon.sheet().getRange('R1').getValue());
}

function engineScores(addon: Addon): number[] {
  const rows = addon.sheet().getRange(1, 1, 401, 17).getValues();
  const p = compileModel(b2bSaasTemplate(), rows[0]!.map((v) => cellText(v)), { today: SAMPLE_NOW }).profile();
  return rows.slice(1).map((r) => p.evaluate(r).score);
}

describe('resuming after the time limit', () => {
  test('stops before the budget, labels the sheet partial, and the next run finishes the rest', () => {
    const { addon } = slowSheet();
    const first = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    // New headers and the partial label (a minute each), then a minute per chunk: after 2 chunks (4 minutes) another
    // would pass the 4.5-minute budget.
    expect(first).toMatchObject({ ok: true, partial: true, scoredRows: 100, totalRows: 400 });
    expect(first.message).toMatch(/100 of 400 rows.*partial.*again/);
    expect(scoreHeader(addon)).toBe('ICP Score (partial: 100 of 400)');
    expect(addon.sheet().getRange('R1').getNote()).toMatch(/partly scored/);
    const scores = addon.sheet().getRange('R2:R401').getValues().map((r) => r[0]);
    expect(scores.slice(0, 100).every((s) => typeof s === 'number')).toBe(true);
    expect(scores.slice(100).every((s) => s === '')).toBe(true);
    expect(addon.call<ScoreProgress>('getScoreProgress')).toMatchObject({ partial: true, running: false, scoredRows: 100, totalRows: 400 });

    // The sidebar's automatic continuation: call again until done.
    const second = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    // Continuing needs no label write: four chunks fit.
    expect(second).toMatchObject({ ok: true, partial: true, scoredRows: 300 });
    expect(scoreHeader(addon)).toBe('ICP Score (partial: 300 of 400)');
    const third = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    expect(third).toMatchObject({ ok: true, partial: false, scoredRows: 400 });
    expect(third.message).toMatch(/finishing an earlier run/);
    expect(scoreHeader(addon)).toBe('ICP Score');
    expect(addon.sheet().getRange('R1').getNote()).toBe('');
    expect(addon.sheet().getRange('R2:R401').getValues().map((r) => r[0])).toEqual(engineScores(addon));
    expect(third.tierCounts.reduce((a, t) => a + t.count, 0)).toBe(400);
    expect(addon.call<ScoreProgress>('getScoreProgress')).toMatchObject({ partial: false, running: false, scoredRows: 400 });
  });

  test('the sidebar can poll progress while a run is scoring', () => {
    const { addon, emu } = slowSheet();
    const counter = emu.env.counter;
    const count = counter.count.bind(counter);
    const seen: ScoreProgress[] = [];
    counter.count = (name: string) => {
      count(name);
      // Called directly, as a second execution would: it reads saved progress and takes no lock.
      if (name === 'Range.setValues' && counter.calls.get(name) === 4) seen.push(JSON.parse(JSON.stringify((addon.ctx.getScoreProgress as () => ScoreProgress)())));
    };
    addon.call('scoreSheet', { chunkRows: 50 });
    counter.count = count;
    expect(seen).toEqual([expect.objectContaining({ running: true, partial: true, scoredRows: 50, totalRows: 400, message: 'Scoring: 50 of 400 rows.' })]);
  });

  test('a small budget scores at least one chunk per call; the header says partial until the last one', () => {
    const { addon } = slowSheet();
    addon.call('scoreSheet', { chunkRows: 400 });
    let result = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 100, budgetMs: 1, restart: true });
    expect(result).toMatchObject({ partial: true, scoredRows: 100 });
    expect(scoreHeader(addon)).toBe('ICP Score (partial: 100 of 400)');
    let calls = 1;
    while (result.partial) {
      result = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 100, budgetMs: 1 });
      calls++;
    }
    expect(calls).toBe(4);
    expect(scoreHeader(addon)).toBe('ICP Score');
  });

  test('a saved model change restarts the run from the first row', () => {
    const { addon } = slowSheet();
    addon.call('scoreSheet', { chunkRows: 50 });
    const model = b2bSaasTemplate();
    model.profiles[0]!.tiers[0]!.min = 70;
    expect(addon.save(model, 1).ok).toBe(true);
    const next = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    expect(next.scoredRows).toBe(150);
    expect(scoreHeader(addon)).toBe('ICP Score (partial: 150 of 400)');
  });

  test('an output column deleted between two calls restarts the run, so no scored row is left without it', () => {
    const { addon } = slowSheet();
    expect(addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 })).toMatchObject({ partial: true, scoredRows: 100 });
    addon.sheet().deleteColumn(20); // ICP Why (R Score, S Tier, T Why, U Tier order)
    let result: ScoreSheetResult;
    do result = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 50 });
    while (result.partial);
    const why = result.columns.find((c) => c.kind === 'why')!;
    expect(why.header).toBe('ICP Why');
    const whyColumn = addon.sheet().getRange(`${why.column}2:${why.column}401`).getValues().map((r) => r[0]);
    expect(whyColumn.filter((v) => v === '')).toEqual([]);
    expect(addon.sheet().getRange('R2:R401').getValues().map((r) => r[0])).toEqual(engineScores(addon));
  });

  test('an execution killed mid-run leaves the sheet labelled partial, and the next run finishes it', () => {
    // Apps Script ends the execution as chunk 2 is about to be written (4th write: headers, label, chunk 1, chunk 2).
    const { addon, emu } = slowSheet();
    const counter = emu.env.counter;
    const count = counter.count.bind(counter);
    counter.count = (name: string) => {
      count(name);
      if (name === 'Range.setValues' && counter.calls.get(name) === 4) throw new Error('Exceeded maximum execution time');
    };
    expect(() => addon.call('scoreSheet', { chunkRows: 50 })).toThrow(/maximum execution time/);
    counter.count = count;
    expect(emu.locks.heldBy('document')).toBeNull();
    expect(scoreHeader(addon)).toMatch(/^ICP Score \(partial: /);
    expect(addon.sheet().getRange('R1').getNote()).toMatch(/partly scored/);
    const scores = addon.sheet().getRange('R2:R401').getValues().map((r) => r[0]);
    expect(scores.filter((s) => s !== '').length).toBe(50);
    expect(addon.call<ScoreProgress>('getScoreProgress')).toMatchObject({ partial: true, scoredRows: 50 });

    const next = addon.call<ScoreSheetResult>('scoreSheet', { chunkRows: 400 });
    expect(next).toMatchObject({ ok: true, partial: false, scoredRows: 400 });
    expect(scoreHeader(addon)).toBe('ICP Score');
    expect(addon.sheet().getRange('R2:R401').getValues().map((r) => r[0])).toEqual(engineScores(addon));
  });
});
