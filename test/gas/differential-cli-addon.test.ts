// Differential: `icp score` on a CSV against the add-on bundle (dist/Code.js on the emulator, Score this sheet) on the same random models and messy rows: every row's score, tier and why equal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { createEmulator } from '../../emulator';
import type { Model } from '../../src/engine/model';
import type { ScoreSheetResult } from '../../src/gas/api-types';
import { runIcp } from '../cli/fixtures';
import { parseCsv } from '../factories/csv';
import { DIFF_COLUMNS, DIFF_TODAY, messyRows, randomModel } from '../factories/random-models';
import { loadAddon } from './harness';

jest.setTimeout(120_000);

function csvCell(v: string): string {
  return /[",\n\r]|^\s|\s$/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Score, tier and why of every data row, through the CLI. */
async function viaCli(model: Model, rows: string[][]): Promise<string[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-diff-'));
  const csv = [['Account', ...DIFF_COLUMNS], ...rows.map((r, i) => [`Acct ${i}`, ...r])].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  writeFileSync(path.join(dir, 'a.csv'), csv);
  writeFileSync(path.join(dir, 'm.json'), JSON.stringify(model));
  const r = await runIcp(['score', 'a.csv', '--model', 'm.json', '--today', DIFF_TODAY], { cwd: dir });
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return parseCsv(r.stdout).slice(1).map((row) => row.slice(-3));
}

/** The same through the bundle: save the model, Score this sheet, read the three columns back as text. */
function viaAddon(model: Model, rows: string[][]): string[][] {
  const addon = loadAddon([['Account', ...DIFF_COLUMNS], ...rows.map((r, i) => [`Acct ${i}`, ...r])], createEmulator({ now: () => new Date(`${DIFF_TODAY}T12:00:00Z`) }));
  expect(addon.save(model, 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  const result = addon.call<ScoreSheetResult>('scoreSheet', {});
  expect(result.ok).toBe(true);
  const first = DIFF_COLUMNS.length + 2;
  return addon.sheet().getRange(2, first, rows.length, 3).getValues().map((r) => r.map((v) => String(v)));
}

describe('differential: icp score vs the add-on bundle', () => {
  test('random models on messy rows: every row equal', async () => {
    const samples = fc.sample(fc.tuple(randomModel, messyRows(25)), { numRuns: 5, seed: 19 });
    const tiers = new Set<string>();
    for (const [model, rows] of samples) {
      const cli = await viaCli(model, rows);
      const addon = viaAddon(model, rows);
      expect(cli).toHaveLength(rows.length);
      rows.forEach((row, i) => expect([JSON.stringify(model), row, cli[i]]).toEqual([JSON.stringify(model), row, addon[i]]));
      for (const [, tier] of cli) tiers.add(tier!);
    }
    // Not a comparison of blanks: the samples reach several tiers and knock-outs.
    expect(tiers.size).toBeGreaterThan(2);
  });
});
