// The values run: reads the sheet in chunks, scores, writes each output block per chunk, stops before the time limit.

import type { ScoreSheetOptions, ScoreSheetResult } from '../api-types';
import { grouped } from '../../engine/number-text';
import { baseHeader, isPartialHeader, PARTIAL_NOTE, partialHeader, writeScoreHeader } from './partial-label';
import type { Prepared } from './prepare';
import { columnsOf, countsText, tierCounts } from './result';
import { readRunState, saveRunState, scoredRows, type RunState } from './run-state';
import { scoreRows, tierOrder } from './score-rows';
import { applyTierColors } from './tier-colors';
import { toSheetDays } from '../sheet-dates';

/** Apps Script stops an execution at 6 minutes (https://developers.google.com/apps-script/guides/services/quotas); keep 1.5 for the last chunk and the wrap-up. */
export const DEFAULT_BUDGET_MS = 270_000;
// Cells per chunk: big enough that 100,000 x 20 takes a handful of reads, small enough to keep memory modest.
const CHUNK_CELLS = 500_000;

/**
 * The saved run to continue, or a fresh one: continuing needs the same sheet shape, model version and profile, and
 * every output column of the earlier run: a column this run had to create (the user deleted one of ours in between)
 * is empty on the rows already scored, so the run starts over.
 */
function startState(p: Prepared, options: ScoreSheetOptions): { state: RunState; resumed: boolean } {
  const { sheet, region, profile, modelVersion, layout } = p;
  const prior = options.restart === true || layout.created.length > 0 ? null : readRunState(sheet.getSheetId());
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

export function runValues(p: Prepared, options: ScoreSheetOptions, started: number): ScoreSheetResult {
  const { sheet, region, layout, profile } = p;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = started + budget;
  const chunkRows = Math.max(1, Math.floor(options.chunkRows ?? CHUNK_CELLS / region.lastColumn));
  const { state, resumed } = startState(p, options);
  const scoreColumn = layout.columns.score;
  const headerNow = region.headers[scoreColumn - 1] ?? '';
  const own = Object.values(layout.columns).map((c) => c - 1);
  const order = tierOrder(profile);
  let zone: string | undefined;
  const timeZone = (): string => (zone ??= sheet.getParent().getSpreadsheetTimeZone());

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
      toSheetDays(rows, timeZone);
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
    sheetName: sheet.getName(), sheetId: sheet.getSheetId(), mode: 'values', scoredRows: scoredSoFar, totalRows: state.totalRows, partial: !done,
    tierCounts: counts, columns: columnsOf(layout, region), notices: layout.notices,
    engineMs, elapsedMs: Date.now() - started,
  };
}
