// Everything a scoring run needs before its first chunk: the saved model, the data region, our columns, the profile.

import type { CompiledProfile } from '../../engine/compile';
import { EngineError } from '../../engine/errors';
import { compileModel } from '../../engine/model-compile';
import { duplicateHeaderNote } from '../../engine/headers';
import type { ScoreSheetOptions } from '../api-types';
import { isModelSheet, NO_MODEL, readStoredModel } from '../model-store';
import { scriptToday } from '../today';
import { spreadsheetLocale } from '../locale';
import { grouped } from '../../engine/number-text';
import { LIVE_MAX_ROWS } from './live-formulas';
import { ensureOutputColumns, type OutputLayout } from './output-columns';
import { findDataRegion, type DataRegion } from './region';
import type { Failure } from './result';
import { isSummarySheet } from './summary-sheet';

export interface Prepared {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  region: DataRegion;
  layout: OutputLayout;
  profile: CompiledProfile;
  modelVersion: number;
}

/** Everything before the first chunk: model, data region, output columns, profile. Creates missing output columns. */
export function prepare(sheet: GoogleAppsScript.Spreadsheet.Sheet, options: ScoreSheetOptions): Prepared | Failure {
  if (isModelSheet(sheet) || isSummarySheet(sheet)) {
    return { reason: 'sheet', message: `"${sheet.getName()}" belongs to ICP Scorer; open the sheet with your accounts and score that.` };
  }
  const stored = readStoredModel(sheet.getParent());
  if (stored.error !== null) return { reason: 'no-model', message: stored.error };
  if (stored.model === null) {
    return { reason: 'no-model', message: NO_MODEL };
  }
  const found = findDataRegion(sheet, stored.model);
  if (!found.ok) return { reason: 'no-data', message: found.message };
  const region = found.region;
  if (region.rowCount === 0) return { reason: 'no-data', message: `"${sheet.getName()}" has a header row but no account rows below it.` };
  if (options.live === true && region.rowCount > LIVE_MAX_ROWS) {
    return {
      reason: 'live',
      message: `Live formulas are for lists up to ${grouped(LIVE_MAX_ROWS)} rows (a custom function may run 30 seconds); "${sheet.getName()}" has ${grouped(region.rowCount)}. Use Score this sheet to write values.`,
    };
  }
  // Compile before creating columns, so a bad profile name leaves the sheet untouched.
  const compileOptions = { today: scriptToday(), locale: spreadsheetLocale() };
  let profile: CompiledProfile;
  try {
    profile = compileModel(stored.model, region.headers, compileOptions).profile(options.profile);
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
  if (typeof layout === 'string') return { reason: 'size', message: layout };
  const own = new Set(Object.values(layout.columns));
  // Recompile with our own columns' headers blanked, so no criterion can ever read the add-on's output.
  const engineHeaders = region.headers.map((h, i) => (own.has(i + 1) ? '' : h));
  profile = compileModel(stored.model, engineHeaders, compileOptions).profile(options.profile);
  // Two columns with a criterion's header: the first is read, and the run's result says which (region.headers[i] is column i + 1).
  for (const d of profile.duplicateColumns) layout.notices.push(`${duplicateHeaderNote(d)}.`);
  return { sheet, region, layout, profile, modelVersion: stored.version };
}
