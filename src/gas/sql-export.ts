// "Copy SQL for BigQuery" in the sidebar: the saved model's profile as one BigQuery SELECT (src/engine/sql/).
import { isDecimalCommaLocale } from '../engine/read/locale';
import { profileKey } from '../engine/model';
import { generateSql, SqlModelError } from '../engine/sql';
import { readStoredModel } from './model-store';

export interface BigQuerySqlResult {
  ok: boolean;
  /** The statement, or '' when it could not be made. */
  sql: string;
  /** What was made (ending in a space, the sidebar adds whether it was copied), or why not. */
  message: string;
}

/**
 * The SELECT scoring `table` (project.dataset.table) with the saved model's profile `profile` (the one the editor
 * shows; null: the default). A profile the saved model does not have (new or renamed in the editor) is said, never
 * swapped for another. Text numbers are read by the spreadsheet's locale, as the add-on reads them (a de_DE sheet's
 * `1.234,5` is 1234.5 in the query too), and the message names that reading when it is not the US one.
 */
export function getBigQuerySql(table: string, profile: string | null = null): BigQuerySqlResult {
  const name = String(table ?? '').trim();
  if (name === '') return { ok: false, sql: '', message: 'Enter the BigQuery table to score, as project.dataset.table.' };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const stored = readStoredModel(ss);
  if (stored.error !== null) return { ok: false, sql: '', message: stored.error };
  if (stored.model === null) return { ok: false, sql: '', message: 'No model is saved yet: save it first; the SQL is made from the saved model.' };
  const wanted = profile === null ? undefined : stored.model.profiles.find((p) => profileKey(p.name) === profileKey(String(profile)))?.name;
  if (profile !== null && wanted === undefined) {
    return { ok: false, sql: '', message: `The profile "${profile}" is not in the saved model yet: Save, then copy its SQL (it is made from the saved model).` };
  }
  try {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()
    const locale = ss.getSpreadsheetLocale();
    const sql = generateSql(stored.model, { dialect: 'bigquery', table: name, profile: wanted, locale });
    const used = wanted ?? stored.model.defaultProfile ?? stored.model.profiles[0]?.name ?? '';
    const reading = isDecimalCommaLocale(locale) ? `Numbers written as text are read as this spreadsheet's locale (${locale}) writes them: 1.234,5 is 1234.5. ` : '';
    return { ok: true, sql, message: `SQL for the saved profile "${used}" on ${name}: every column plus icp_score, icp_tier and icp_why. ${reading}` };
  } catch (err) {
    if (err instanceof SqlModelError) return { ok: false, sql: '', message: `This model cannot be written as SQL: ${err.message}.` };
    throw err;
  }
}
