// Finds the column of deal outcomes on a sheet or CSV: by its header name, or by cells that read as won / lost / open.

import { isBlank } from '../read/blank';
import { headerKey } from '../read/text';
import { readBoolean } from '../read/boolean';
import { readNumber } from '../read/number';
import { OUTCOME_WORDS, readOutcome, readWinFlag, type OutcomeSource } from './stats';

/** Header names picked by default, in this order (compared like the engine's headers: case, spaces and punctuation ignored). */
export const OUTCOME_HEADERS: readonly string[] = ['Outcome', 'Status', 'Stage', 'Deal Stage', 'Deal Status', 'Opportunity Stage', 'Result'];
/**
 * Headers of a yes/no column saying whether a deal was won, read yes = won, no = lost (readWinFlag): a `Won?` checkbox,
 * Salesforce's `Won`, HubSpot's `Is Closed Won`. Picked after OUTCOME_HEADERS, since words can also say "open".
 */
export const WIN_FLAG_HEADERS: readonly string[] = ['Won', 'Is Won', 'Closed Won', 'Is Closed Won', 'Deal Won', 'Win'];
/** Every header picked by name, in the order it is picked: the outcome-word columns, then the yes/no "won" columns. */
export const PICKED_OUTCOME_HEADERS: readonly string[] = [...OUTCOME_HEADERS, ...WIN_FLAG_HEADERS];
/** Headers of a yes/no column saying whether a deal is closed (Salesforce's `Closed`, HubSpot's `Is Closed`). */
export const CLOSED_FLAG_HEADERS: readonly string[] = ['Closed', 'Is Closed', 'Deal Closed', 'Is Deal Closed'];
/** The words an outcome cell may say, for messages. */
export const OUTCOME_WORDS_HINT =
  `won (${OUTCOME_WORDS.won.join(', ')}), lost (${OUTCOME_WORDS.lost.join(', ')}) or open (${OUTCOME_WORDS.open.join(', ')})`;

// A column is a candidate when at least this share of its non-blank cells reads as an outcome.
const CANDIDATE_SHARE = 0.8;

/**
 * One column: its header and its position. Headers can repeat (a notes column also headed `Outcome`), so the position
 * found when detecting is the one to read; looking the header up again could land on another column.
 */
export interface OutcomeColumn {
  header: string;
  index: number;
  /** A yes/no "won" column (WIN_FLAG_HEADERS), read by readWinFlag; else a column of outcome words (readOutcome). */
  flag: boolean;
}

/** Whether header `h` names a yes/no "won" column. */
export function isWinFlagHeader(h: string): boolean {
  return WIN_FLAG_HEADERS.some((name) => names(h, name));
}

/**
 * Columns whose non-blank cells mostly read as outcomes, most outcomes first (then left to right). A column named like
 * OUTCOME_HEADERS needs only one won or lost cell: a deal stage column also holds the stages of a team's own pipeline
 * (`Stage 2 - Demo`), which no word list knows, and `icp validate` reads a column by that name whatever it holds.
 */
export function outcomeCandidateColumns(headers: readonly string[], rows: readonly (readonly unknown[])[]): OutcomeColumn[] {
  const found: { header: string; readable: number; index: number; flag: boolean }[] = [];
  headers.forEach((header, i) => {
    if (header === '') return;
    const flag = isWinFlagHeader(header);
    const read = flag ? readWinFlag : readOutcome;
    let filled = 0;
    let readable = 0;
    let closed = 0;
    for (const row of rows) {
      const v = row[i];
      if (isBlank(v)) continue;
      filled++;
      const outcome = read(v);
      if (outcome === undefined) continue;
      readable++;
      if (outcome !== 'open') closed++;
    }
    const named = OUTCOME_HEADERS.some((name) => names(header, name));
    // A yes/no column counts only under a "won" header: a `Demo Requested` column of yes/no is not an outcome.
    if (readable > 0 && (readable / filled >= CANDIDATE_SHARE || (named && closed > 0))) found.push({ header, readable, index: i, flag });
  });
  found.sort((a, b) => b.readable - a.readable || a.index - b.index);
  return found.map(({ header, index, flag }) => ({ header, index, flag }));
}

/** The headers of candidate columns, best first, each name once (the sidebar offers them by name). */
export function candidateNames(candidates: readonly OutcomeColumn[]): string[] {
  return [...new Set(candidates.map((c) => c.header))];
}

/** The first of `headers` named like PICKED_OUTCOME_HEADERS (in that order); null for none. */
export function preferredOutcomeColumn(headers: readonly string[]): string | null {
  for (const name of PICKED_OUTCOME_HEADERS) {
    const hit = findColumn(headers, name);
    if (hit !== null) return hit;
  }
  return null;
}

/** Whether header `h` is the column `name` names (case, spaces and punctuation ignored); an empty header never is. */
function names(h: string, name: string): boolean {
  return h !== '' && headerKey(h) === headerKey(name);
}

/** The header of `headers` that `name` names (case, spaces and punctuation ignored), or null. */
export function findColumn(headers: readonly string[], name: string): string | null {
  return headers.find((h) => names(h, name)) ?? null;
}

/**
 * The column `name` names (case, spaces and punctuation ignored). When several do, the one that holds outcomes: the
 * first of them among `candidates` (best first, from outcomeCandidateColumns), else the leftmost. Null when none does.
 */
export function findOutcomeColumn(headers: readonly string[], candidates: readonly OutcomeColumn[], name: string): OutcomeColumn | null {
  const best = candidates.find((c) => names(c.header, name));
  if (best !== undefined) return best;
  const index = headers.findIndex((h) => names(h, name));
  return index === -1 ? null : { header: headers[index]!, index, flag: isWinFlagHeader(headers[index]!) };
}

/**
 * The column the add-on picks by itself: a candidate named like PICKED_OUTCOME_HEADERS (in that order), else the
 * candidate with the most outcomes; null without candidates. Only columns that read as outcomes count.
 */
export function detectOutcomeColumn(candidates: readonly OutcomeColumn[]): OutcomeColumn | null {
  for (const name of PICKED_OUTCOME_HEADERS) {
    const hit = candidates.find((c) => names(c.header, name));
    if (hit !== undefined) return hit;
  }
  return candidates[0] ?? null;
}

/**
 * What OutcomeTally reads for `column`: for a yes/no "won" column, also the first column named like
 * CLOSED_FLAG_HEADERS whose filled cells (in `rows`, at least 80 % of them) read as yes/no, so that an open deal,
 * not yet won, is not counted as lost.
 */
export function outcomeSource(column: OutcomeColumn, headers: readonly string[], rows: readonly (readonly unknown[])[]): OutcomeSource {
  if (!column.flag) return { ...column, closed: null };
  for (const name of CLOSED_FLAG_HEADERS) {
    const index = headers.findIndex((h, i) => i !== column.index && names(h, name) && mostlyYesNo(rows, i));
    if (index >= 0) return { ...column, closed: { index, header: headers[index]! } };
  }
  return { ...column, closed: null };
}

/** At least CANDIDATE_SHARE of the column's filled cells read as yes/no, and it has some. */
function mostlyYesNo(rows: readonly (readonly unknown[])[], i: number): boolean {
  let filled = 0;
  let yesNo = 0;
  for (const row of rows) {
    const v = row[i];
    if (isBlank(v)) continue;
    filled++;
    if (readBoolean(v) !== undefined) yesNo++;
  }
  return filled > 0 && yesNo / filled >= CANDIDATE_SHARE;
}

/** A column found by header: its header text and position. */
export interface ColumnRef {
  header: string;
  index: number;
}

/**
 * Headers of a column naming each deal's account, in the order they are picked: deals of one account are counted
 * together (cross-validation folds, intervals) and a sheet whose rows repeat accounts is described as deals.
 */
export const ACCOUNT_HEADERS: readonly string[] = [
  'Account', 'Account Name', 'Account ID', 'Company', 'Company Name', 'Company ID', 'Organization', 'Organisation',
  'Organization Name', 'Customer Name', 'Customer ID', 'Company Domain', 'Domain', 'Website',
];
/** Headers of a column of deal value, in the order they are picked (its filled cells must mostly read as numbers). */
export const VALUE_HEADERS: readonly string[] = [
  'Deal Value', 'Close Value', 'Closed Value', 'Deal Amount', 'Opportunity Amount', 'Amount', 'Value', 'Deal Size',
  'Contract Value', 'Total Contract Value', 'TCV', 'ACV', 'ARR', 'MRR', 'Lifetime Value', 'Customer Lifetime Value', 'LTV', 'CLV',
];
/** Headers that say each row is a deal (an opportunity), even without an account column. */
export const DEAL_HEADERS: readonly string[] = ['Deal', 'Deal ID', 'Deal Name', 'Opportunity', 'Opportunity ID', 'Opportunity Name'];

/** The first of `headers` that `names` lists (in the order of `names`), skipping positions in `skip`; null for none. */
export function columnNamed(headers: readonly string[], names: readonly string[], skip: readonly number[] = []): ColumnRef | null {
  for (const name of names) {
    const index = headers.findIndex((h, i) => !skip.includes(i) && h !== '' && headerKey(h) === headerKey(name));
    if (index >= 0) return { header: headers[index]!, index };
  }
  return null;
}

/** The column named `name` (case, spaces and punctuation ignored), or null. */
export function columnByName(headers: readonly string[], name: string): ColumnRef | null {
  return columnNamed(headers, [name]);
}

/**
 * The deal-value column picked by itself: the first header named as VALUE_HEADERS (in that order) whose filled cells in
 * `rows` read as numbers at least 80 % of the time (`$12,500` and `1.2k` count); null for none.
 */
export function detectValueColumn(headers: readonly string[], rows: readonly (readonly unknown[])[], decimalComma = false, skip: readonly number[] = []): ColumnRef | null {
  for (const name of VALUE_HEADERS) {
    const hit = columnNamed(headers, [name], skip);
    if (hit === null) continue;
    let filled = 0;
    let numbers = 0;
    for (const row of rows) {
      const v = row[hit.index];
      if (isBlank(v)) continue;
      filled++;
      if (readNumber(v, decimalComma) !== undefined) numbers++;
    }
    if (filled > 0 && numbers / filled >= CANDIDATE_SHARE) return hit;
  }
  return null;
}
