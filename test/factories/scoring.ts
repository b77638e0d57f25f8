// Builders for one-category profiles, rows and one-cell scoring, so engine tests read as "this criterion, this cell -> this result".
import { compileModel, type CompiledProfile, type CriterionOutcome, type Explanation } from '../../src/engine';
import type { Category, Condition, Criterion, Profile } from '../../src/engine/model';
import { modelWith, validTiers } from './models';

/** The fixed "today" of engine tests: 1 November 2026 at local midnight (the way Sheets gives a date cell). */
export const TODAY = new Date(2026, 10, 1);

/** A local-midnight Date `days` before TODAY (a negative number is in the future). */
export function daysBeforeToday(days: number): Date {
  return new Date(2026, 10, 1 - days);
}

/** The column that single-cell helpers read. */
export const COLUMN = 'Value';

/** The category of criterion() and profileOf() (weight 100). */
export const CATEGORY = 'main';

/** A `score` criterion in CATEGORY reading COLUMN, worth 10 points, with `overrides` applied. */
export function criterion(when: Condition, overrides: Partial<Criterion> = {}): Criterion {
  return { id: 'c1', category: CATEGORY, column: COLUMN, when, points: 10, ...overrides };
}

/** An `isTrue` criterion named `id`, reading the column `id`, worth `points` (handy for arithmetic: cells 'yes' / 'no'). */
export function flag(id: string, points: number, overrides: Partial<Criterion> = {}): Criterion {
  return { id, category: CATEGORY, column: id, when: { op: 'isTrue' }, points, ...overrides };
}

/** A category with the given id and weight. */
export function category(id: string, weight: number): Category {
  return { id, label: id, weight };
}

/** A profile of `criteria` with one category (CATEGORY, weight 100) and tiers A 80 / B 60 / C 0, plus `extra`. */
export function profileOf(criteria: Criterion[], extra: Partial<Profile> = {}): Profile {
  return { name: 'Test profile', categories: [category(CATEGORY, 100)], criteria, tiers: validTiers(), ...extra };
}

/** Compiles one profile against `headers`, with `today` (TODAY by default) for withinDays. */
export function compileProfile(profile: Profile, headers: readonly unknown[], today: Date = TODAY): CompiledProfile {
  return compileModel(modelWith(profile), headers, { today }).profile();
}

/** A row laid out for `headers` from a record of header -> value; headers the record does not name get ''. */
export function rowFor(headers: readonly string[], record: Record<string, unknown>): unknown[] {
  return headers.map((h) => (Object.prototype.hasOwnProperty.call(record, h) ? record[h] : ''));
}

/** Scores and explains one record against a profile; the record's keys are the sheet's headers, in order. */
export function explainRecord(profile: Profile, record: Record<string, unknown>, today: Date = TODAY): Explanation {
  const headers = Object.keys(record);
  return compileProfile(profile, headers, today).explain(rowFor(headers, record));
}

/** Explains one cell value (in COLUMN) against a one-criterion profile built from `when` and `overrides`. */
export function explainCell(when: Condition, value: unknown, overrides: Partial<Criterion> = {}, today: Date = TODAY): Explanation {
  return compileProfile(profileOf([criterion(when, overrides)]), [COLUMN], today).explain([value]);
}

/** The outcome of the lone criterion of explainCell(); throws when the row was blank (no outcome at all). */
export function outcomeOfCell(when: Condition, value: unknown, overrides: Partial<Criterion> = {}, today: Date = TODAY): CriterionOutcome {
  const item = explainCell(when, value, overrides, today).items[0];
  if (item === undefined) throw new Error(`outcomeOfCell: no outcome for ${String(value)} (a blank row?)`);
  return item;
}

/** The status of the lone criterion of explainCell() for `value`: matched, missed, unknown, unreadable or knockout. */
export function statusOfCell(when: Condition, value: unknown, today: Date = TODAY): CriterionOutcome['status'] {
  return outcomeOfCell(when, value, {}, today).status;
}

/** The outcome of criterion `id` in an explanation; throws when there is none. */
export function itemOf(explanation: Explanation, id: string): CriterionOutcome {
  const item = explanation.items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`itemOf: no criterion "${id}" in the explanation`);
  return item;
}
