// Score this sheet: the server function; takes the document lock, prepares, then runs in values or live mode.

import type { ScoreSheetOptions, ScoreSheetResult } from '../api-types';
import { grouped } from '../../engine/number-text';
import { runLive } from './live-run';
import { withDocumentLock } from './lock';
import { prepare, type Prepared } from './prepare';
import { failedResult, isFailure } from './result';
import { readRunState, scoredRows } from './run-state';
import { runValues } from './values-run';
import { runSheet } from './run-sheet';

function busyMessage(sheetId: number): string {
  const state = readRunState(sheetId);
  const progress = state !== null && state.running ? ` (${grouped(scoredRows(state))} of ${grouped(state.totalRows)} rows scored so far)` : '';
  return `Another scoring run, tier summary or model save is in progress in this spreadsheet${progress}. Try again when it has finished.`;
}

/**
 * Selects the columns the run wrote (header to last row): Sheets scrolls a new selection into view, so the user sees
 * the scores instead of columns off to the right of the screen. The visible ones only (not the hidden "ICP Tier
 * order"); when the user moved them apart, the score column alone. Range.activate():
 * https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
 */
function selectWritten(p: Prepared): void {
  const { sheet, region, layout } = p;
  // A run pinned to a sheet the user has since left must not pull them back to it (activate() switches tabs).
  if (sheet.getParent().getActiveSheet().getSheetId() !== sheet.getSheetId()) return;
  const visible = [layout.columns.score, layout.columns.tier, layout.columns.why].sort((a, b) => a - b);
  const first = visible[0]!;
  const last = visible[visible.length - 1]!;
  const width = last - first + 1 === visible.length ? visible.length : 1;
  const from = width === 1 ? layout.columns.score : first;
  sheet.getRange(region.headerRow, from, region.rowCount + 1, width).activate();
}

/** The server function behind "Score this sheet", "Insert live formulas" and the sidebar's score panel. */
export function scoreSheet(options?: ScoreSheetOptions | null): ScoreSheetResult {
  const started = Date.now();
  const opts: ScoreSheetOptions = options ?? {};
  const sheet = runSheet(opts.sheetId);
  if (sheet === null) {
    return failedResult('', -1, started, { reason: 'sheet', message: 'The sheet this scoring run started on was deleted or cannot be found; open the sheet to score and run Score this sheet again.' });
  }
  const id = sheet.getSheetId();
  return withDocumentLock(
    () => failedResult(sheet.getName(), id, started, { reason: 'busy', message: busyMessage(id) }),
    () => {
      const p = prepare(sheet, opts);
      if (isFailure(p)) return failedResult(sheet.getName(), id, started, p);
      const result = opts.live === true ? runLive(p, opts, started) : runValues(p, opts, started);
      if (result.ok) selectWritten(p);
      return result;
    },
  );
}
