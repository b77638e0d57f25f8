// Finds the column of deal outcomes on a sheet or CSV: by its header name, or by cells that read as won / lost / open.

import { isBlank } from './read/blank';
import { headerKey } from './read/text';
import { OUTCOME_WORDS, readOutcome } from './outcomes';

/** Header names picked by default, in this order (compared like the engine's headers: case, spaces and punctuation ignored). */
export const OUTCOME_HEADERS: readonly string[] = ['Outcome', 'Status', 'Stage', 'Deal Stage', 'Deal Status', 'Opportunity Stage', 'Result'];
/** The words an outcome cell may say, for messages. */
export const OUTCOME_WORDS_HINT =
  `won (${OUTCOME_WORDS.won.join(', ')}), lost (${OUTCOME_WORDS.lost.join(', ')}) or open (${OUTCOME_WORDS.open.join(', ')})`;

// A column is a candidate when at least this share of its non-blank cells reads as an outcome.
const CANDIDATE_SHARE = 0.8;

/** Headers whose non-blank cells mostly read as outcomes, most outcomes first. */
export function outcomeCandidates(headers: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
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

/** The first of `headers` named like OUTCOME_HEADERS (in that list's order), else the first of them; null for none. */
export function preferredOutcomeColumn(headers: readonly string[]): string | null {
  for (const name of OUTCOME_HEADERS) {
    const hit = headers.find((h) => h !== '' && headerKey(h) === headerKey(name));
    if (hit !== undefined) return hit;
  }
  return null;
}

/** The header of `headers` that `name` names (case, spaces and punctuation ignored), or null. */
export function findColumn(headers: readonly string[], name: string): string | null {
  return headers.find((h) => h !== '' && headerKey(h) === headerKey(name)) ?? null;
}
