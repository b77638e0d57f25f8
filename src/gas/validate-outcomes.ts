// The server side of "Validate against outcomes": finds the outcome column on the active sheet and returns win rates by tier and criterion. Reads only.

import { compileModel } from '../engine/model-compile';
import { outcomeStats } from '../engine/outcomes/stats';
import {
  ACCOUNT_HEADERS, candidateNames, columnByName, columnNamed, DEAL_HEADERS, detectOutcomeColumn, detectValueColumn, findOutcomeColumn, OUTCOME_HEADERS,
  OUTCOME_WORDS_HINT, outcomeCandidateColumns, outcomeSource, type ColumnRef, type OutcomeColumn,
} from '../engine/outcomes/column';
import { isDecimalCommaLocale } from '../engine/read/locale';
import { outcomeView } from '../engine/outcomes/tables';
import type { OutcomeRequest, OutcomeValidation } from './api-types';
import { NO_MODEL, readStoredModel } from './model-store';
import { readTable } from './sheet-table';
import { scriptToday } from './today';
import { spreadsheetLocale } from './locale';

/** Win rate by tier and by criterion of the saved model on the active sheet, against a column of won / lost / open. */
export function validateOutcomes(request?: OutcomeRequest | null): OutcomeValidation {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const base: OutcomeValidation = {
    ok: false, reason: null, message: '', sheetName: sheet.getName(), profiles: [], profile: null, candidates: [], outcomeColumn: null,
    headers: [], accountColumn: null, valueColumn: null, stats: null, view: null,
  };
  const fail = (reason: OutcomeValidation['reason'], message: string): OutcomeValidation => ({ ...base, reason, message });

  const stored = readStoredModel(ss);
  if (stored.error !== null) return fail('no-model', stored.error);
  if (stored.model === null) {
    return fail('no-model', NO_MODEL);
  }
  const table = readTable(sheet, stored.model);
  base.headers = table.headers.filter((h) => h !== '');
  const compiled = compileModel(stored.model, table.headers, { today: scriptToday(), locale: spreadsheetLocale() });
  base.profiles = compiled.profileNames;
  if (table.rows.length === 0) return fail('no-data', `Sheet "${sheet.getName()}" has no data rows under a header row.`);

  let profile;
  try {
    profile = compiled.profile(request?.profile ?? undefined);
  } catch (e) {
    return fail('profile', e instanceof Error ? e.message : String(e));
  }
  base.profile = profile.name;
  const candidates = outcomeCandidateColumns(table.headers, table.rows);
  // The dropdown offers names, each once; a name shared by several columns stands for the one holding outcomes.
  base.candidates = candidateNames(candidates);

  const wanted = request?.outcomeColumn ?? null;
  // Carried as a position from here on: headers can repeat, and looking the name up again could read another column.
  let column: OutcomeColumn | null;
  if (wanted !== null && wanted.trim() !== '') {
    column = findOutcomeColumn(table.headers, candidates, wanted);
    if (column === null) return fail('no-outcome-column', `Sheet "${sheet.getName()}" has no column "${wanted}".`);
  } else {
    // A column named like an outcome column among those that read as outcomes, else the one with most outcomes.
    column = detectOutcomeColumn(candidates);
  }
  if (column === null) {
    return fail(
      'no-outcome-column',
      `No column of outcomes found on "${sheet.getName()}". Add a column named ${OUTCOME_HEADERS.slice(0, 4).join(', ')} or similar whose cells say ${OUTCOME_WORDS_HINT}, or a yes/no column named Won.`,
    );
  }
  base.outcomeColumn = column.header;
  // Numbers written as text in the value column are read by the spreadsheet's locale, as the engine reads criteria.
  const decimalComma = isDecimalCommaLocale(spreadsheetLocale());
  const pick = (wanted: string | null | undefined, detect: () => ColumnRef | null): ColumnRef | null => {
    if (wanted === '') return null;
    if (wanted !== null && wanted !== undefined) return columnByName(table.headers, wanted);
    return detect();
  };
  const account = pick(request?.accountColumn, () => columnNamed(table.headers, ACCOUNT_HEADERS, [column.index]));
  const value = pick(request?.valueColumn, () => detectValueColumn(table.headers, table.rows, decimalComma, [column.index]));
  base.accountColumn = account?.header ?? null;
  base.valueColumn = value?.header ?? null;
  const stats = outcomeStats(profile, table.rows, outcomeSource(column, table.headers, table.rows), {
    account, value, decimalComma, dealRows: columnNamed(table.headers, DEAL_HEADERS) !== null,
  });
  const view = outcomeView(stats);
  if (stats.verdictKind === 'too-few') return { ...base, reason: 'too-few', message: stats.verdict, stats, view };
  return { ...base, ok: true, message: stats.verdict, stats, view };
}
