// Score this sheet: reads the active sheet in chunks, scores with the saved model, writes the output columns, resumes.

import type { CompiledProfile } from '../../engine/compile';
import { EngineError } from '../../engine/errors';
import { compileModel } from '../../engine/model-compile';
import type { OutputColumnKind, ScoreSheetFailure, ScoreSheetOptions, ScoreSheetResult, TierCount } from '../api-types';
import { MODEL_SHEET_NAME, readStoredModel } from '../model-store';
import { scriptToday } from '../today';
import { columnLetter, grouped } from './a1';
import { liveFormulas, LIVE_MAX_ROWS, writeLiveFormulas } from './live-formulas';
import { withDocumentLock } from './lock';
import { ensureOutputColumns, OUTPUT_KINDS, type OutputLayout } from './output-columns';
import { baseHeader, isPartialHeader, PARTIAL_NOTE, partialHeader, writeScoreHeader } from './partial-label';
import { findDataRegion, type DataRegion } from './region';
import { clearRunState, readRunState, saveRunState, scoredRows, type RunState } from './run-state';
import { scoreRows, tierOrder } from './score-rows';
import { isSummarySheet } from './summary-sheet';
import { applyTierColors } from './tier-colors';

/** Apps Script stops an execution at 6 minutes (https://developers.google.com/apps-script/guides/services/quotas); keep 1.5 for the last chunk and the wrap-up. */
export const DEFAULT_BUDGET_MS = 270_000;
// Cells per chunk: big enough that 100,000 x 20 takes a handful of reads, small enough to keep memory modest.
const CHUNK_CELLS = 500_000;

interface Failure {
  reason: ScoreSheetFailure;
  message: string;
}

function emptyResult(sheetName: string, started: number, failure: Failure): ScoreSheetResult {
  return {
    ok: false, reason: failure.reason, message: failure.message, sheetName, mode: 'values', scoredRows: 0, totalRows: 0,
    partial: false, tierCounts: [], columns: [], notices: [], engineMs: 0, elapsedMs: Date.now() - started,
  };
}

function busyMessage(sheetId: number): string {
  const state = readRunState(sheetId);
  const progress = state !== null && state.running ? ` (${grouped(scoredRows(state))} of ${grouped(state.totalRows)} rows scored so far)` : '';
  return `Another scoring run, tier summary or model save is in progress in this spreadsheet${progress}. Try again when it has finished.`;
}

function tierCounts(profile: CompiledProfile, counts: Record<string, number>): TierCount[] {
  const colors = new Map(profile.profile.tiers.map((t) => [t.label, t.color ?? null]));
  const labels = [...tierOrder(profile).keys()];
  for (const label of Object.keys(counts)) if (!labels.includes(label)) labels.push(label);
  return labels.map((label) => ({ label, count: counts[label] ?? 0, color: label === profile.disqualifiedLabel ? null : (colors.get(label) ?? null) }));
}

function columnsOf(layout: OutputLayout, region: DataRegion): ScoreSheetResult['columns'] {
  return OUTPUT_KINDS.map((kind: OutputColumnKind) => ({
    kind,
    header: region.headers[layout.columns[kind] - 1] ?? '',
    column: columnLetter(layout.columns[kind]),
  }));
}

function countsText(counts: TierCount[]): string {
  return counts.filter((c) => c.count > 0).map((c) => `${c.label} ${grouped(c.count)}`).join(', ');
}

interface Prepared {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  region: DataRegion;
  layout: OutputLayout;
  profile: CompiledProfile;
  modelVersion: number;
}

/** Everything before the first chunk: model, data region, output columns, profile. Creates missing output columns. */
function prepare(sheet: GoogleAppsScript.Spreadsheet.Sheet, options: ScoreSheetOptions): Prepared | Failure {
  if (sheet.getName() === MODEL_SHEET_NAME || isSummarySheet(sheet)) {
    return { reason: 'sheet', message: `"${sheet.getName()}" belongs to ICP Scorer; open the sheet with your accounts and score that.` };
  }
  const stored = readStoredModel(sheet.getParent());
  if (stored.error !== null) return { reason: 'no-model', message: stored.error };
  if (stored.model === null) {
    return { reason: 'no-model', message: 'No ICP model is saved in this spreadsheet yet. Open Extensions > ICP Scorer > Open ICP editor, then save a model.' };
  }
  const found = findDataRegion(sheet);
  if (!found.ok) return { reason: 'no-data', message: found.message };
  const region = found.region;
  if (region.rowCount === 0) return { reason: 'no-data', message: `"${sheet.getName()}" has a header row but no account rows below it.` };
  // Compile before creating columns, so a bad profile name leaves the sheet untouched.
  const ownBefore = new Set<number>();
  let profile: CompiledProfile;
  try {
    profile = compileModel(stored.model, region.headers, { today: scriptToday() }).profile(options.profile);
  } catch (e) {
    if (e instanceof EngineError) return { reason: 'profile', message: e.message };
    throw e;
  }
  const used = new Set(profile.profile.criteria.map((c) => c.column));
  if (used.size > 0 && profile.missingColumns.length === used.size) {
    return {
      reason: 'columns',
      message: `None of the columns the "${profile.name}" profile reads (${[...used].slice(0, 4).join(', ')}) are headers of "${sheet.getName()}". Check the header row or the criteria's columns.`,
    };
  }
  const layout = ensureOutputColumns(sheet, region);
  for (const c of Object.values(layout.columns)) ownBefore.add(c);
  // Recompile with our own columns' headers blanked, so no criterion can ever read the add-on's output.
  const engineHeaders = region.headers.map((h, i) => (ownBefore.has(i + 1) ? '' : h));
  profile = compileModel(stored.model, engineHeaders, { today: scriptToday() }).profile(options.profile);
  return { sheet, region, layout, profile, modelVersion: stored.version };
}

function isFailure(p: Prepared | Failure): p is Failure {
  return (p as Failure).reason !== undefined;
}

function runLive(p: Prepared, options: ScoreSheetOptions, started: number): ScoreSheetResult {
  const { sheet, region, layout, profile } = p;
  const base = { sheetName: sheet.getName(), mode: 'live' as const, tierCounts: [], notices: layout.notices, totalRows: region.rowCount, engineMs: 0 };
  if (region.rowCount > LIVE_MAX_ROWS) {
    return {
      ...base, ok: false, reason: 'live', scoredRows: 0, partial: false, columns: columnsOf(layout, region), elapsedMs: Date.now() - started,
      message: `Live formulas are for lists up to ${grouped(LIVE_MAX_ROWS)} rows (a custom function may run 30 seconds); this sheet has ${grouped(region.rowCount)}. Use Score this sheet to write values.`,
    };
  }
  const live = liveFormulas(region, layout, profile, options.profile);
  if (!live.ok) {
    return { ...base, ok: false, reason: 'live', message: live.message, scoredRows: 0, partial: false, columns: columnsOf(layout, region), elapsedMs: Date.now() - started };
  }
  writeLiveFormulas(sheet, region, layout, live.formulas);
  const header = region.headers[layout.columns.score - 1] ?? '';
  if (isPartialHeader(header)) {
    region.headers[layout.columns.score - 1] = baseHeader(header);
    writeScoreHeader(sheet, region.headerRow, layout.columns.score, baseHeader(header), '');
  }
  clearRunState(sheet.getSheetId());
  applyTierColors(sheet, profile, layout.columns.tier, region.headerRow + 1);
  return {
    ...base, ok: true, reason: null, scoredRows: region.rowCount, partial: false, columns: columnsOf(layout, region),
    elapsedMs: Date.now() - started,
    message: `Inserted live ICP formulas for ${grouped(region.rowCount)} rows on "${sheet.getName()}"; they recalculate when the rows or the saved model change.${layout.notices.length > 0 ? ` ${layout.notices.join(' ')}` : ''}`,
  };
}

/** The saved run to continue, or a fresh one: continuing needs the same sheet shape, model version and profile. */
function startState(p: Prepared, options: ScoreSheetOptions): { state: RunState; resumed: boolean } {
  const { sheet, region, profile, modelVersion } = p;
  const prior = options.restart === true ? null : readRunState(sheet.getSheetId());
  const now = new Date().toISOString();
  if (
    prior !== null && !prior.done && prior.profile === profile.name && prior.modelVersion === modelVersion &&
    prior.headerRow === region.headerRow && prior.lastRow === region.lastRow && prior.nextRow > region.headerRow + 1
  ) {
    return { state: { ...prior, sheetName: sheet.getName(), running: true }, resumed: true };
  }
  const state: RunState = {
    sheetId: sheet.getSheetId(), sheetName: sheet.getName(), profile: profile.name, modelVersion,
    headerRow: region.headerRow, lastRow: region.lastRow, nextRow: region.headerRow + 1, totalRows: region.rowCount,
    counts: {}, running: true, done: false, startedAt: now, updatedAt: now,
  };
  return { state, resumed: false };
}

function runValues(p: Prepared, options: ScoreSheetOptions, started: number): ScoreSheetResult {
  const { sheet, region, layout, profile } = p;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = started + budget;
  const chunkRows = Math.max(1, Math.floor(options.chunkRows ?? CHUNK_CELLS / region.lastColumn));
  const { state, resumed } = startState(p, options);
  const scoreColumn = layout.columns.score;
  const headerNow = region.headers[scoreColumn - 1] ?? '';
  const own = Object.values(layout.columns).map((c) => c - 1);
  const order = tierOrder(profile);

  applyTierColors(sheet, profile, layout.columns.tier, region.headerRow + 1);
  // Label the sheet partial before writing anything when the run may take more than one chunk: if the execution is
  // killed between chunks, the sheet already says so. A one-chunk run is all-or-nothing and needs no label.
  let labelled = isPartialHeader(headerNow);
  const startLabel = partialHeader(headerNow, scoredRows(state), state.totalRows);
  if (region.lastRow - state.nextRow + 1 > chunkRows && headerNow !== startLabel) {
    // A continued run finds its own label already in place; a fresh run over an old partial label corrects the count.
    writeScoreHeader(sheet, region.headerRow, scoreColumn, startLabel, labelled ? null : PARTIAL_NOTE);
    labelled = true;
  }
  saveRunState(state);

  let engineMs = 0;
  try {
    while (state.nextRow <= region.lastRow) {
      const chunkStarted = Date.now();
      const n = Math.min(chunkRows, region.lastRow - state.nextRow + 1);
      const rows = sheet.getRange(state.nextRow, 1, n, region.lastColumn).getValues();
      const scored = scoreRows(profile, rows, own, layout.blocks, order);
      engineMs += scored.engineMs;
      layout.blocks.forEach((block, b) => {
        sheet.getRange(state.nextRow, block.firstColumn, n, block.kinds.length).setValues(scored.writes[b]!);
      });
      for (const [label, count] of scored.counts) state.counts[label] = (state.counts[label] ?? 0) + count;
      state.nextRow += n;
      saveRunState(state);
      // Stop when another chunk like this one would not fit in the budget.
      const now = Date.now();
      if (state.nextRow <= region.lastRow && now + (now - chunkStarted) > deadline) break;
    }
  } finally {
    state.running = false;
    state.done = state.nextRow > region.lastRow;
    saveRunState(state);
  }

  const done = state.done;
  const scoredSoFar = scoredRows(state);
  let header = headerNow;
  if (done && labelled) {
    header = baseHeader(headerNow);
    writeScoreHeader(sheet, region.headerRow, scoreColumn, header, '');
  } else if (!done) {
    header = partialHeader(headerNow, scoredSoFar, state.totalRows);
    writeScoreHeader(sheet, region.headerRow, scoreColumn, header, labelled ? null : PARTIAL_NOTE);
  }
  region.headers[scoreColumn - 1] = header;

  const counts = tierCounts(profile, state.counts);
  const where = `"${sheet.getName()}"`;
  const summary = countsText(counts);
  const message = done
    ? `Scored ${grouped(state.totalRows)} rows on ${where} with "${profile.name}"${resumed ? ' (finishing an earlier run)' : ''}${summary === '' ? '' : `: ${summary}`}.`
    : `Scored ${grouped(scoredSoFar)} of ${grouped(state.totalRows)} rows on ${where} before the time limit; the ICP Score header says "partial" until the rest is scored. Run Score this sheet again to continue where it stopped.`;
  return {
    ok: true, reason: null, message: layout.notices.length > 0 ? `${message} ${layout.notices.join(' ')}` : message,
    sheetName: sheet.getName(), mode: 'values', scoredRows: scoredSoFar, totalRows: state.totalRows, partial: !done,
    tierCounts: counts, columns: columnsOf(layout, region), notices: layout.notices,
    engineMs, elapsedMs: Date.now() - started,
  };
}

/** The server function behind "Score this sheet", "Insert live formulas" and the sidebar's score panel. */
export function scoreSheet(options?: ScoreSheetOptions | null): ScoreSheetResult {
  const started = Date.now();
  const opts: ScoreSheetOptions = options ?? {};
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  return withDocumentLock(
    () => emptyResult(sheet.getName(), started, { reason: 'busy', message: busyMessage(sheet.getSheetId()) }),
    () => {
      const p = prepare(sheet, opts);
      if (isFailure(p)) return emptyResult(sheet.getName(), started, p);
      return opts.live === true ? runLive(p, opts, started) : runValues(p, opts, started);
    },
  );
}
