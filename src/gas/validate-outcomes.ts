// The server side of "Validate against outcomes": finds the outcome column on the active sheet and returns win rates by tier and criterion. Reads only.

import { compileModel } from '../engine/model-compile';
import { OUTCOME_WORDS, outcomeStats, readOutcome } from '../engine/outcomes';
import { headerKey } from '../engine/read/text';
import { isBlank } from '../engine/read/blank';
import type { OutcomeRequest, OutcomeValidation } from './api-types';
import { readStoredModel } from './model-store';
import { readTable } from './sheet-table';
import { scriptToday } from './today';

/** Header names picked by default (compared like the engine's headers: case, spaces and punctuation ignored). */
const PREFERRED_HEADERS = ['Outcome', 'Status', 'Stage', 'Deal Stage', 'Deal Status', 'Opportunity Stage', 'Result'];
// A column is a candidate when at least this share of its non-blank cells reads as an outcome.
const CANDIDATE_SHARE = 0.8;

const WORDS_HINT = `won (${OUTCOME_WORDS.won.join(', ')}), lost (${OUTCOME_WORDS.lost.join(', ')}) or open (${OUTCOME_WORDS.open.join(', ')})`;

/** Headers whose non-blank cells mostly read as outcomes, most outcomes first. */
function outcomeCandidates(headers: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  const found: { header: string; readable: number; at: number }[] = [];
  headers.forEach((header, i) => {
    if (header === '') return;
    let filled = 0;
    let readable = 0;
    for (const row of rows) {
      const v = row[i];
      if (isBlank(v)) continue;
      filled++;
      if (readOutcome(v) !== undefined) readable++;
    }
    if (readable > 0 && readable / filled >= CANDIDATE_SHARE) found.push({ header, readable, at: i });
  });
  found.sort((a, b) => b.readable - a.readable || a.at - b.at);
  return found.map((c) => c.header);
}

function defaultColumn(candidates: readonly string[]): string | null {
  for (const name of PREFERRED_HEADERS) {
    const hit = candidates.find((c) => headerKey(c) === headerKey(name));
    if (hit !== undefined) return hit;
  }
  return candidates[0] ?? null;
}

/** Win rate by tier and by criterion of the saved model on the active sheet, against a column of won / lost / open. */
export function validateOutcomes(request?: OutcomeRequest | null): OutcomeValidation {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const base: OutcomeValidation = {
    ok: false, reason: null, message: '', sheetName: sheet.getName(), profiles: [], profile: null, candidates: [], outcomeColumn: null, stats: null,
  };
  const fail = (reason: OutcomeValidation['reason'], message: string): OutcomeValidation => ({ ...base, reason, message });

  const stored = readStoredModel(ss);
  if (stored.error !== null) return fail('no-model', stored.error);
  if (stored.model === null) {
    return fail('no-model', 'No ICP model is saved in this spreadsheet yet. Open Extensions > ICP Scorer > Open ICP editor, then save a model.');
  }
  const table = readTable(sheet);
  const compiled = compileModel(stored.model, table.headers, { today: scriptToday() });
  base.profiles = compiled.profileNames;
  if (table.rows.length === 0) return fail('no-data', `Sheet "${sheet.getName()}" has no data rows under a header row.`);

  let profile;
  try {
    profile = compiled.profile(request?.profile ?? undefined);
  } catch (e) {
    return fail('profile', e instanceof Error ? e.message : String(e));
  }
  base.profile = profile.name;
  base.candidates = outcomeCandidates(table.headers, table.rows);

  const wanted = request?.outcomeColumn ?? null;
  let column: string | null;
  if (wanted !== null && wanted.trim() !== '') {
    column = table.headers.find((h) => h !== '' && headerKey(h) === headerKey(wanted)) ?? null;
    if (column === null) return fail('no-outcome-column', `Sheet "${sheet.getName()}" has no column "${wanted}".`);
  } else {
    column = defaultColumn(base.candidates);
  }
  if (column === null) {
    return fail(
      'no-outcome-column',
      `No column of outcomes found on "${sheet.getName()}". Add a column named ${PREFERRED_HEADERS.slice(0, 4).join(', ')} or similar whose cells say ${WORDS_HINT}.`,
    );
  }
  base.outcomeColumn = column;
  const stats = outcomeStats(profile, table.rows, table.headers.indexOf(column));
  if (stats.verdictKind === 'too-few') return { ...base, reason: 'too-few', message: stats.verdict, stats };
  return { ...base, ok: true, message: stats.verdict, stats };
}
