// Benchmark: Apps Script cost per ICP formula (range reads, service calls) for the array form and 10k per-row formulas in both forms.

import * as path from 'node:path';
import { createEmulator, loadBundle, callServer } from '../emulator';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { generateSampleAccounts } from '../tools/sample/accounts';

export interface GasRun {
  /** The formula (the first one, for per-row forms). */
  formula: string;
  formulas: number;
  seconds: number;
  customFunctionCalls: number;
  /** Apps Script service calls the custom functions made (the benchmark's own setFormulas not counted). */
  serviceCalls: number;
  rangeReads: number;
  /** Cells the custom functions read from the sheet themselves (their arguments come with the call). */
  cellsRead: number;
}

export interface GasFigures {
  rows: number;
  /** One array formula as Score this sheet writes it: =ICP_SCORE(A2:Q10001,A1:Q1,ICP_MODEL). */
  array: GasRun;
  /** Per-row formulas as the add-on writes them (and as a save rewrites typed ones): =ICP_SCORE(A2:Q2,A$1:Q$1,ICP_MODEL). */
  perRow: GasRun;
  /** Per-row formulas as typed, with no ICP_MODEL and no headers: =ICP_SCORE(A2:Q2). */
  perRowTyped: GasRun;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function setup(rows: string[][]) {
  const emu = createEmulator({ now: () => new Date(2026, 10, 1, 12) });
  emu.workbook.loadValues('Accounts', rows);
  // A warm realm: call counts do not depend on it, and 10,000 fresh realms would take minutes.
  const ctx = loadBundle(emu, path.resolve(__dirname, '../dist/Code.js'), { realm: 'warm' });
  const saved = callServer(ctx, 'saveModel', b2bSaasTemplate(), 0) as { ok: boolean };
  if (!saved.ok) throw new Error('could not save the model');
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!;
  return { emu, sheet };
}

function measure(emu: ReturnType<typeof setup>['emu'], formulas: string[], write: () => void): GasRun {
  emu.env.counter.reset();
  const calls0 = emu.workbook.customFunctionCalls;
  const cells0 = emu.workbook.cellsRead;
  const t0 = process.hrtime.bigint();
  write();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const own = (emu.env.counter.calls.get('Range.setFormula') ?? 0) + (emu.env.counter.calls.get('Range.setFormulas') ?? 0) +
    (emu.env.counter.calls.get('Sheet.getRange') ?? 0);
  return {
    formula: formulas[0]!,
    formulas: formulas.length,
    seconds,
    customFunctionCalls: emu.workbook.customFunctionCalls - calls0,
    // Only what the custom functions themselves asked of Apps Script, not the benchmark's own getRange and write.
    serviceCalls: emu.env.counter.total() - own - emu.env.counter.total('CustomFunction.'),
    rangeReads: emu.env.counter.calls.get('Range.getValues') ?? 0,
    cellsRead: emu.workbook.cellsRead - cells0,
  };
}

function perRowRun(rows: string[][], formula: (row: number) => string): GasRun {
  const rowCount = rows.length - 1;
  const out = columnLetter(rows[0]!.length + 1);
  const s = setup(rows);
  const formulas = Array.from({ length: rowCount }, (_, i) => formula(i + 2));
  return measure(s.emu, formulas, () => s.sheet.getRange(`${out}2:${out}${rowCount + 1}`).setFormulas(formulas.map((f) => [f])));
}

export function benchGas(rowCount = 10_000): GasFigures {
  const rows = generateSampleAccounts(rowCount, 5);
  const last = columnLetter(rows[0]!.length);
  const out = columnLetter(rows[0]!.length + 1);

  const a = setup(rows);
  const arrayFormula = `=ICP_SCORE(A2:${last}${rowCount + 1},A1:${last}1,ICP_MODEL)`;
  const array = measure(a.emu, [arrayFormula], () => a.sheet.getRange(`${out}2`).setFormula(arrayFormula));
  const perRow = perRowRun(rows, (r) => `=ICP_SCORE(A${r}:${last}${r},A$1:${last}$1,ICP_MODEL)`);
  const perRowTyped = perRowRun(rows, (r) => `=ICP_SCORE(A${r}:${last}${r})`);
  return { rows: rowCount, array, perRow, perRowTyped };
}

/** Per formula, for the table: "0 range reads, 2.0 service calls". */
export function perFormula(run: GasRun): string {
  const each = (n: number): string => (n / run.formulas).toFixed(n % run.formulas === 0 ? 0 : 2);
  return `${each(run.rangeReads)} range reads, ${each(run.serviceCalls)} service calls per formula`;
}

if (require.main === module) {
  const figures = benchGas(Number(process.argv[2] ?? 10_000));
  for (const [name, run] of Object.entries(figures)) if (typeof run === 'object') console.log(`${name}: ${run.formula} (${run.formulas} formulas): ${perFormula(run)}; ${run.seconds.toFixed(1)} s`);
}
