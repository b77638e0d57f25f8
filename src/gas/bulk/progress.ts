// getScoreProgress: a sheet's scoring progress (the run's pinned sheet, else the active one) from saved state, lock-free so the sidebar can poll it.

import type { ScoreProgress } from '../api-types';
import { grouped } from '../../engine/number-text';
import { readRunState, scoredRows } from './run-state';
import { runSheet } from './run-sheet';

// A run saves progress after every chunk (seconds apart); a "running" state older than an execution's 6 minutes
// belongs to an execution that was stopped.
const STALE_MS = 6.5 * 60 * 1000;

export function getScoreProgress(sheetId?: number | null): ScoreProgress {
  const sheet = runSheet(sheetId ?? undefined);
  if (sheet === null) {
    return { sheetName: '', sheetId: -1, running: false, partial: false, scoredRows: 0, totalRows: 0, updatedAt: null, message: 'The sheet of this scoring run was deleted.' };
  }
  const state = readRunState(sheet.getSheetId());
  if (state === null) {
    return { sheetName: sheet.getName(), sheetId: sheet.getSheetId(), running: false, partial: false, scoredRows: 0, totalRows: 0, updatedAt: null, message: 'Not scored by ICP Scorer yet.' };
  }
  const running = state.running && Date.now() - Date.parse(state.updatedAt) < STALE_MS;
  const scored = scoredRows(state);
  const partial = !state.done;
  const message = running
    ? `Scoring: ${grouped(scored)} of ${grouped(state.totalRows)} rows.`
    : partial
      ? `Partly scored: ${grouped(scored)} of ${grouped(state.totalRows)} rows. Run Score this sheet again to finish.`
      : `Scored ${grouped(state.totalRows)} rows.`;
  return { sheetName: sheet.getName(), sheetId: sheet.getSheetId(), running, partial, scoredRows: scored, totalRows: state.totalRows, updatedAt: state.updatedAt, message };
}
