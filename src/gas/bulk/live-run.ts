// The live-formulas run: checks the size and layout, writes one array formula per output column, clears partial state.

import type { ScoreSheetOptions, ScoreSheetResult } from '../api-types';
import { grouped } from '../../engine/number-text';
import { liveFormulas, writeLiveFormulas } from './live-formulas';
import { baseHeader, isPartialHeader, writeScoreHeader } from './partial-label';
import type { Prepared } from './prepare';
import { columnsOf } from './result';
import { clearRunState } from './run-state';
import { applyTierColors } from './tier-colors';

/** Size was checked by prepare (before any column was created); the layout is checked here, once our columns exist. */
export function runLive(p: Prepared, options: ScoreSheetOptions, started: number): ScoreSheetResult {
  const { sheet, region, layout, profile } = p;
  const base = { sheetName: sheet.getName(), sheetId: sheet.getSheetId(), mode: 'live' as const, tierCounts: [], notices: layout.notices, totalRows: region.rowCount, engineMs: 0 };
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
