// Score this sheet: the server function; takes the document lock, prepares, then runs in values or live mode.

import type { ScoreSheetOptions, ScoreSheetResult } from '../api-types';
import { grouped } from '../../engine/number-text';
import { runLive } from './live-run';
import { withDocumentLock } from './lock';
import { prepare } from './prepare';
import { failedResult, isFailure } from './result';
import { readRunState, scoredRows } from './run-state';
import { runValues } from './values-run';
import { runSheet } from './run-sheet';

function busyMessage(sheetId: number): string {
  const state = readRunState(sheetId);
  const progress = state !== null && state.running ? ` (${grouped(scoredRows(state))} of ${grouped(state.totalRows)} rows scored so far)` : '';
  return `Another scoring run, tier summary or model save is in progress in this spreadsheet${progress}. Try again when it has finished.`;
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
      return opts.live === true ? runLive(p, opts, started) : runValues(p, opts, started);
    },
  );
}
