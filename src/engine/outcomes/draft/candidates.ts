// Candidate criteria from every column of a deals table: values, numeric ranges cut at quantiles, list items, date recency, yes/no, filled-in.

import type { Condition } from '../../model';
import type { CompileContext } from '../../operators';
import { categoryOf, type CategoryId } from './categories';
import type { ReadColumn } from './columns';
import { filledLabel, itemsLabel, niceNumber, noLabel, rangeLabel, recencyLabel, valuesLabel, yesLabel } from './labels';
import { rowMatches, valueMatches } from './matches';

/** What kind of criterion a candidate is (how it can be grouped with others of its column). */
export type CandidateKind = 'values' | 'items' | 'range' | 'recency' | 'yes' | 'filled';

export interface Candidate {
  column: ReadColumn;
  kind: CandidateKind;
  when: Condition;
  label: string;
  category: CategoryId;
  /** Per fit row: 1 where the criterion matches. */
  x: Uint8Array;
  /** Fit rows it matches. */
  matched: number;
  /** For `values` and `items`: the value shown (as most often written). */
  value?: string;
  /** For `range`: the bins it spans (first, last), so ranges of one column can be told apart. */
  bins?: [number, number];
}

/** How many values of one column (most frequent first) and list items become candidates. */
export const MAX_VALUES_PER_COLUMN = 20;
/** Recency windows tried for date columns, in days. */
export const RECENCY_DAYS: readonly number[] = [30, 90, 180, 365, 730];
/** Quantiles numeric columns are cut at. */
export const RANGE_QUANTILES: readonly number[] = [0.2, 0.4, 0.6, 0.8];

/** The fewest fit rows a candidate must match, and leave unmatched, to be tried: fewer says nothing. */
export function minSupport(fitRows: number): number {
  return Math.max(10, Math.ceil(0.01 * fitRows));
}

interface Context {
  rows: Int32Array;
  compile: CompileContext;
  support: number;
}

function make(ctx: Context, column: ReadColumn, kind: CandidateKind, when: Condition, label: string, extra: Partial<Candidate> = {}): Candidate | null {
  const x = rowMatches(column, valueMatches(column, when, ctx.compile), ctx.rows);
  let matched = 0;
  for (let k = 0; k < x.length; k++) matched += x[k]!;
  if (matched < ctx.support || ctx.rows.length - matched < ctx.support) return null;
  return { column, kind, when, label, category: categoryOf(column.header, column.kind), x, matched, ...extra };
}

/** Per normalised text among the fit rows: how many rows and the spelling seen most. */
function textCounts(column: ReadColumn, rows: Int32Array, key: (code: number) => readonly string[], shown: (code: number, i: number) => string) {
  const byCode = new Map<number, number>();
  for (let k = 0; k < rows.length; k++) {
    const c = column.codes[rows[k]!]!;
    if (c >= 0) byCode.set(c, (byCode.get(c) ?? 0) + 1);
  }
  const tally = new Map<string, { rows: number; spellings: Map<string, number> }>();
  for (const [code, n] of byCode) {
    key(code).forEach((t, i) => {
      let e = tally.get(t);
      if (e === undefined) tally.set(t, (e = { rows: 0, spellings: new Map() }));
      e.rows += n;
      const s = shown(code, i);
      e.spellings.set(s, (e.spellings.get(s) ?? 0) + n);
    });
  }
  return [...tally.entries()]
    .map(([text, e]) => ({ text, rows: e.rows, shown: [...e.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] }))
    .sort((a, b) => b.rows - a.rows || (a.text < b.text ? -1 : 1));
}

function trimmedText(v: unknown): string {
  return (typeof v === 'string' ? v : String(v)).trim().replace(/\s+/g, ' ');
}

function valueCandidates(ctx: Context, column: ReadColumn): Candidate[] {
  const counts = textCounts(column, ctx.rows, (c) => [column.texts[c]!], (c) => trimmedText(column.raws[c]));
  const out: Candidate[] = [];
  for (const v of counts.slice(0, MAX_VALUES_PER_COLUMN)) {
    if (v.rows < ctx.support) break;
    const c = make(ctx, column, 'values', { op: 'in', values: [v.shown] }, valuesLabel(column.header, [v.shown]), { value: v.shown });
    if (c !== null) out.push(c);
  }
  return out;
}

function itemCandidates(ctx: Context, column: ReadColumn): Candidate[] {
  const counts = textCounts(column, ctx.rows, (c) => column.items[c]!, (c, i) => {
    // The item as written: split the raw text the way splitList does, keeping its case.
    const parts = String(column.raws[c]).split(/[,;|\n\r]+/).map((p) => p.trim().replace(/\s+/g, ' ')).filter((p) => p !== '');
    return parts[i] ?? column.items[c]![i]!;
  });
  const out: Candidate[] = [];
  for (const v of counts.slice(0, MAX_VALUES_PER_COLUMN)) {
    if (v.rows < ctx.support) break;
    const c = make(ctx, column, 'items', { op: 'in', values: [v.shown] }, itemsLabel(column.header, [v.shown]), { value: v.shown });
    if (c !== null) out.push(c);
  }
  return out;
}

/** The value at quantile q of sorted values (nearest rank). */
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;
}

/** Round cut points at the quantiles of the fit rows' numbers: each the top of a bin (integers) or a bin edge. */
export function rangeCuts(column: ReadColumn, rows: Int32Array): number[] {
  const values: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const c = column.codes[rows[k]!]!;
    if (c >= 0 && !Number.isNaN(column.numbers[c]!)) values.push(column.numbers[c]!);
  }
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const cuts = new Set<number>();
  for (const q of RANGE_QUANTILES) {
    // An integer bin ends at its cut (`Up to 50`, `51-200`): the cut is the largest value below the quantile's.
    const raw = quantile(sorted, q);
    const nice = niceNumber(raw);
    if (nice > sorted[0]! - 1e-9 && nice < sorted[sorted.length - 1]!) cuts.add(nice);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** How a column's bounds are shown: as money (a currency in its cells or a money word in its header), as years. */
export function rangeOpts(column: ReadColumn): { money: boolean; year: boolean } {
  const year = /\byear\b|founded|established/i.test(column.header.replace(/[_\-.]+/g, ' '));
  return { money: column.money || /revenue|arr\b|mrr|amount|value|price|budget|spend|funding|acv|deal size/i.test(column.header), year };
}

function rangeCandidates(ctx: Context, column: ReadColumn): Candidate[] {
  const cuts = rangeCuts(column, ctx.rows);
  const bins = cuts.length + 1;
  const opts = rangeOpts(column);
  const step = column.integers ? 1 : 0;
  const out: Candidate[] = [];
  for (let first = 0; first < bins; first++) {
    for (let last = first; last < bins; last++) {
      if (first === 0 && last === bins - 1) continue;
      const min = first === 0 ? undefined : cuts[first - 1]! + step;
      const max = last === bins - 1 ? undefined : cuts[last]!;
      const when: Condition = { op: 'between', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      const c = make(ctx, column, 'range', when, rangeLabel(column.header, min, max, opts), { bins: [first, last] });
      if (c !== null) out.push(c);
    }
  }
  return out;
}

function recencyCandidates(ctx: Context, column: ReadColumn): Candidate[] {
  const out: Candidate[] = [];
  for (const days of RECENCY_DAYS) {
    const c = make(ctx, column, 'recency', { op: 'withinDays', days }, recencyLabel(column.header, days));
    if (c !== null) out.push(c);
  }
  return out;
}

/** Every candidate criterion of `column` on the fit rows `rows` (row indexes of the table). */
export function columnCandidates(column: ReadColumn, rows: Int32Array, compile: CompileContext, support = minSupport(rows.length)): Candidate[] {
  const ctx: Context = { rows, compile, support };
  switch (column.kind) {
    case 'bool': {
      const c = make(ctx, column, 'yes', { op: 'isTrue' }, yesLabel(column.header));
      return c === null ? [] : [c];
    }
    case 'number':
      return rangeCandidates(ctx, column);
    case 'date':
      return recencyCandidates(ctx, column);
    case 'list':
      return itemCandidates(ctx, column);
    case 'text':
      return valueCandidates(ctx, column);
  }
}

/**
 * The same question asked the other way round, where the model can say it exactly for every readable value: `Up to
 * 50 employees` <-> `51+ employees`, `Demo Requested: yes` <-> `no`. A drafted penalty becomes points for its opposite
 * (blank and unreadable cells match neither), which a category's points can hold without being clamped at 0. Null when
 * there is none (a two-sided range, a value, a recency).
 */
export function opposite(c: Candidate, rows: Int32Array, compile: CompileContext): Candidate | null {
  const column = c.column;
  const ctx: Context = { rows, compile, support: 0 };
  if (c.kind === 'yes') return make(ctx, column, 'yes', { op: 'equals', value: false }, noLabel(column.header));
  if (c.kind !== 'range' || c.when.op !== 'between') return null;
  const { min, max } = c.when;
  if ((min === undefined) === (max === undefined)) return null;
  const cuts = rangeCuts(column, rows);
  const bins = cuts.length + 1;
  const step = column.integers ? 1 : 0;
  const [first, last] = c.bins!;
  const other: [number, number] = min === undefined ? [last + 1, bins - 1] : [0, first - 1];
  const when: Condition = min === undefined ? { op: 'between', min: max! + step } : { op: 'between', max: min - step };
  return make(ctx, column, 'range', when, rangeLabel(column.header, when.min, when.max, rangeOpts(column)), { bins: other });
}

/** `Contact Email is filled in`, for a column whose values are not criteria themselves (ids, e-mails, names). */
export function filledCandidate(column: ReadColumn, rows: Int32Array, support = minSupport(rows.length)): Candidate | null {
  return make({ rows, compile: { today: 0, decimalComma: false }, support }, column, 'filled', { op: 'notBlank' }, filledLabel(column.header));
}
