// Benchmark: Apps Script cost of a 10k-row array formula versus 10k per-row formulas, on the emulator with the built bundle.

import * as path from 'node:path';
import { createEmulator, loadBundle, callServer } from '../emulator';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { generateSampleAccounts } from '../tools/sample/accounts';

export interface GasRun {
  seconds: number;
  customFunctionCalls: number;
  serviceCalls: number;
  rangeReads: number;
  /** Cells the custom functions read from the sheet themselves (their arguments come with the call). */
  cellsRead: number;
}

export interface GasFigures {
  rows: number;
  array: GasRun;
  perRow: GasRun;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function setup(rows: string[][]) {
  const emu = createEmulator({ now: () => new Date(2026, 10, 1, 12) });
  emu.workbook.loadValues('Accounts', rows);
  const ctx = loadBundle(emu, path.resolve(__dirname, '../dist/Code.js'));
  const saved = callServer(ctx, 'saveModel', b2bSaasTemplate(), 0) as { ok: boolean };
  if (!saved.ok) throw new Error('could not save the model');
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!;
  return { emu, sheet };
}

function measure(emu: ReturnType<typeof setup>['emu'], fn: () => void): GasRun {
  emu.env.counter.reset();
  const calls0 = emu.workbook.customFunctionCalls;
  const cells0 = emu.workbook.cellsRead;
  const t0 = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Only what the custom functions themselves asked of Apps Script, not the benchmark's own setup calls.
  return {
    seconds,
    customFunctionCalls: emu.workbook.customFunctionCalls - calls0,
    serviceCalls: emu.env.counter.total(),
    rangeReads: emu.env.counter.calls.get('Range.getValues') ?? 0,
    cellsRead: emu.workbook.cellsRead - cells0,
  };
}

export function benchGas(rowCount = 10_000): GasFigures {
  const rows = generateSampleAccounts(rowCount, 5);
  const last = columnLetter(rows[0]!.length);
  const out = columnLetter(rows[0]!.length + 1);

  const a = setup(rows);
  const array = measure(a.emu, () => a.sheet.getRange(`${out}2`).setFormula(`=ICP_SCORE(A2:${last}${rowCount + 1})`));

  const b = setup(rows);
  const formulas = Array.from({ length: rowCount }, (_, i) => [`=ICP_SCORE(A${i + 2}:${last}${i + 2})`]);
  const perRow = measure(b.emu, () => b.sheet.getRange(`${out}2:${out}${rowCount + 1}`).setFormulas(formulas));
  return { rows: rowCount, array, perRow };
}

if (require.main === module) console.log(JSON.stringify(benchGas(Number(process.argv[2] ?? 10_000)), null, 2));
