// Benchmark: "Score this sheet" on 100,000 rows x 20 columns in the emulator (Range calls, engine and total time),
// against a naive per-row read/score/write loop over the same API in the same run.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { callServer, createEmulator, loadBundle } from '../emulator';
import { compileModel } from '../src/engine/model-compile';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import type { ScoreSheetResult } from '../src/gas/api-types';
import { generateSampleAccounts, mulberry32 } from '../tools/sample/accounts';

const BUNDLE = path.resolve(__dirname, '../dist/Code.js');
// The ceiling for 100,000 x 20.
const MAX_RANGE_IO = 25;

export interface BulkFigures {
  rows: number;
  columns: number;
  rangeReads: number;
  rangeWrites: number;
  /** Every Range method call, getters included. */
  rangeCalls: number;
  engineMs: number;
  serverMs: number;
  totalMs: number;
  naive: { rows: number; rangeReads: number; rangeWrites: number; ms: number };
}

/** The sample generator's 17 columns plus 3 numeric ones (deal size, seats, open opportunities): 20 columns. */
export function bulkSheet(rows: number): unknown[][] {
  const [headers, ...data] = generateSampleAccounts(rows, 11);
  const rng = mulberry32(5);
  return [
    [...headers!, 'Deal Size', 'Seats', 'Open Opportunities'],
    ...data.map((r) => [...r, Math.round(rng() * 200_000), 1 + Math.floor(rng() * 500), Math.floor(rng() * 6)]),
  ];
}

function rangeIO(calls: Map<string, number>): { reads: number; writes: number; all: number } {
  let reads = 0;
  let writes = 0;
  let all = 0;
  for (const [name, n] of calls) {
    if (!name.startsWith('Range.')) continue;
    all += n;
    const method = name.slice('Range.'.length);
    if (/^get(Values|Value|DisplayValues|DisplayValue|Formulas|Formula|Notes|Note)$/.test(method)) reads += n;
    else if (/^(set(Values|Value|Formulas|Formula|Notes|Note)|clear(Content)?)$/.test(method)) writes += n;
  }
  return { reads, writes, all };
}

/** The naive approach: per row, read the row, score it, write its three cells. */
function naivePerRow(table: unknown[][], rows: number): BulkFigures['naive'] {
  const emu = createEmulator();
  emu.workbook.loadValues('Accounts', table.slice(0, rows + 1));
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName('Accounts')!;
  const width = table[0]!.length;
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!;
  const profile = compileModel(b2bSaasTemplate(), headers).profile();
  emu.env.counter.reset();
  const t0 = performance.now();
  for (let r = 2; r <= rows + 1; r++) {
    const row = sheet.getRange(r, 1, 1, width).getValues()[0]!;
    const x = profile.explain(row);
    sheet.getRange(r, width + 1, 1, 3).setValues([[x.score, `'${x.tier}`, `'${x.text}`]]);
  }
  const ms = performance.now() - t0;
  const io = rangeIO(emu.env.counter.calls);
  return { rows, rangeReads: io.reads, rangeWrites: io.writes, ms };
}

export function benchBulk(rows = 100_000, naiveRows = 10_000): BulkFigures {
  if (!fs.existsSync(BUNDLE)) throw new Error('dist/Code.js is missing: run `npm run build` first');
  const table = bulkSheet(rows);
  const emu = createEmulator();
  emu.workbook.loadValues('Accounts', table);
  const ctx = loadBundle(emu, BUNDLE);
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const saved = callServer(ctx, 'saveModel', b2bSaasTemplate(), 0) as { ok: boolean; message: string };
  if (!saved.ok) throw new Error(saved.message);
  ss.setActiveSheet(ss.getSheetByName('Accounts')!);
  emu.env.counter.reset();
  const t0 = performance.now();
  const result = callServer(ctx, 'scoreSheet', {}) as ScoreSheetResult;
  const totalMs = performance.now() - t0;
  if (!result.ok || result.partial) throw new Error(`scoreSheet did not finish: ${result.message}`);
  const io = rangeIO(emu.env.counter.calls);
  return {
    rows,
    columns: table[0]!.length,
    rangeReads: io.reads,
    rangeWrites: io.writes,
    rangeCalls: io.all,
    engineMs: result.engineMs,
    serverMs: result.elapsedMs,
    totalMs,
    naive: naivePerRow(table, Math.min(rows, naiveRows)),
  };
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const f = benchBulk(quick ? 20_000 : 100_000, quick ? 2_000 : 10_000);
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const scale = f.rows / f.naive.rows;
  const naiveIO = (f.naive.rangeReads + f.naive.rangeWrites) * scale;
  console.log(`# Score this sheet: ${fmt(f.rows)} rows x ${f.columns} columns (emulator)\n`);
  console.log('| what | figure | naive per-row loop (same run) | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| Range reads + writes | ${f.rangeReads} + ${f.rangeWrites} = ${f.rangeReads + f.rangeWrites} (ceiling ${MAX_RANGE_IO}) | ${fmt(naiveIO)} (measured ${fmt(f.naive.rangeReads)} + ${fmt(f.naive.rangeWrites)} on ${fmt(f.naive.rows)} rows, x${scale.toFixed(0)}) | ${fmt(naiveIO / (f.rangeReads + f.rangeWrites))}x fewer |`);
  console.log(`| all Range method calls (getters too) | ${fmt(f.rangeCalls)} | | |`);
  console.log(`| engine time | ${fmt(f.engineMs)} ms | | |`);
  console.log(`| total time (scoreSheet call) | ${fmt(f.totalMs)} ms (server-measured ${fmt(f.serverMs)} ms) | ${fmt(f.naive.ms * scale)} ms (measured ${fmt(f.naive.ms)} ms on ${fmt(f.naive.rows)} rows, x${scale.toFixed(0)}) | ${(f.naive.ms * scale / f.totalMs).toFixed(1)}x |`);
  console.log('\nIn Apps Script each Range call is a round trip (tens of ms), so the call count, not the emulator time, decides the 6-minute limit.');
  if (f.rangeReads + f.rangeWrites > MAX_RANGE_IO) {
    console.error(`FAIL: ${f.rangeReads + f.rangeWrites} Range reads/writes > ${MAX_RANGE_IO}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
