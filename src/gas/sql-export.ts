// "Copy SQL for BigQuery" in the sidebar: the saved model's profile as one BigQuery SELECT (src/engine/sql/).
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
 * swapped for another.
 */
export function getBigQuerySql(table: string, profile: string | null = null): BigQuerySqlResult {
  const name = String(table ?? '').trim();
  if (name === '') return { ok: false, sql: '', message: 'Enter the BigQuery table to score, as project.dataset.table.' };
  const stored = readStoredModel(SpreadsheetApp.getActiveSpreadsheet());
  if (stored.error !== null) return { ok: false, sql: '', message: stored.error };
  if (stored.model === null) return { ok: false, sql: '', message: 'No model is saved yet: save it first; the SQL is made from the saved model.' };
  const wanted = profile === null ? undefined : stored.model.profiles.find((p) => profileKey(p.name) === profileKey(String(profile)))?.name;
  if (profile !== null && wanted === undefined) {
    return { ok: false, sql: '', message: `The profile "${profile}" is not in the saved model yet: Save, then copy its SQL (it is made from the saved model).` };
  }
  try {
    const sql = generateSql(stored.model, { dialect: 'bigquery', table: name, profile: wanted });
    const used = wanted ?? stored.model.defaultProfile ?? stored.model.profiles[0]?.name ?? '';
    return { ok: true, sql, message: `SQL for the saved profile "${used}" on ${name}: every column plus icp_score, icp_tier and icp_why. ` };
  } catch (err) {
    if (err instanceof SqlModelError) return { ok: false, sql: '', message: `This model cannot be written as SQL: ${err.message}.` };
    throw err;
  }
}
