// The latent-class recipe's cells as readable criteria: a number's bins as bands, a text's values and a list's items grouped by their points, recency windows stacked, yes/no as itself.

import type { CompileContext } from '../../operators';
import { TOP_POINTS } from './build-profile';
import type { Candidate } from './candidates';
import { mergeValues } from './choose';
import type { LatentClasses, LatentItem } from './latent-class';
import { rangeCriterion, single, type UnitCriterion } from './unit-criteria';

/** Per part of the item (or per bin, for a number): what its cell adds to the score over cell 0 ("none"). */
interface Valued {
  c: Candidate;
  v: number;
}

function same(a: Uint8Array, b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The value of the cell whose pattern is `pattern` over cell 0's; null when no cell has it (its rows were pooled with cell 0). */
function cellValue(item: LatentItem, ratio: Float64Array, pattern: readonly number[]): number | null {
  const cell = item.patterns.findIndex((p) => same(p, pattern));
  return cell < 0 ? null : ratio[cell]! - ratio[0]!;
}

/** A number's bins: each bin's value (bins pooled with "none" at 0), for rangeCriterion to make bands of. */
function binValues(item: LatentItem, ratio: Float64Array): Valued[] {
  const bins = Math.max(...item.parts.map((c) => c.bins![1])) + 1;
  return Array.from({ length: bins }, (_, b) => ({
    c: { ...item.parts[0]!, bins: [b, b] as [number, number] },
    v: cellValue(item, ratio, item.parts.map((c) => (c.bins![0] <= b && b <= c.bins![1] ? 1 : 0))) ?? 0,
  }));
}

/** Recency windows, shortest first: each window's points are what its days add over the next window's (stacked, they sum to each interval's value). */
function windowValues(item: LatentItem, ratio: Float64Array): Valued[] {
  const parts = [...item.parts].sort((a, b) => (a.when.op === 'withinDays' && b.when.op === 'withinDays' ? a.when.days - b.when.days : 0));
  // The value of "within window j but not a shorter one"; a pooled interval takes the next longer one's.
  const interval = new Array<number>(parts.length + 1).fill(0);
  // Each of the item's parts by its place among the windows, shortest first.
  const order = item.parts.map((c) => parts.indexOf(c));
  for (let j = parts.length - 1; j >= 0; j--) {
    // Within window j and every longer one: the parts at place j or later match.
    interval[j] = cellValue(item, ratio, order.map((i) => (i >= j ? 1 : 0))) ?? interval[j + 1]!;
  }
  return parts.map((c, j) => ({ c, v: interval[j]! - interval[j + 1]! }));
}

/** One-hot values (a text's values, one yes/no or filled-in part): each part's own cell. */
function partValues(item: LatentItem, ratio: Float64Array): Valued[] {
  return item.parts.map((c, j) => ({ c, v: cellValue(item, ratio, item.parts.map((_, i) => (i === j ? 1 : 0))) ?? 0 }));
}

function valuesOf(item: LatentItem, ratio: Float64Array): Valued[] {
  switch (item.parts[0]!.kind) {
    case 'range': return binValues(item, ratio);
    case 'recency': return windowValues(item, ratio);
    default: return partValues(item, ratio);
  }
}

/**
 * The criteria of the fitted classes, column by column, in the units of the log likelihood ratio (rangeCriterion for
 * bins, `single` for the rest). Values and list items of one column whose points round the same (at TOP_POINTS for the
 * largest value of any cell) are one `in`; values whose points round to 0 are left out. A row matching several
 * grouped list items earns once: the price of one readable criterion.
 */
export function latentCriteria(items: readonly LatentItem[], classes: LatentClasses, fitRows: Int32Array, context: CompileContext): UnitCriterion[] {
  const valued = items.map((item, j) => ({ item, values: valuesOf(item, classes.logRatio[j]!) }));
  const top = Math.max(0, ...valued.flatMap((e) => e.values.map((x) => Math.abs(x.v))));
  if (top === 0) return [];
  const rounded = (v: number): number => Math.round((TOP_POINTS * v) / top);
  const out: UnitCriterion[] = [];
  const grouped = new Map<string, Valued[]>();
  for (const { item, values } of valued) {
    const kind = item.parts[0]!.kind;
    if (kind === 'range') {
      if (values.some((x) => rounded(x.v) !== 0)) out.push(...rangeCriterion(item.column, values.map(({ c, v }) => ({ c, w: v })), fitRows, context));
      continue;
    }
    for (const x of values) {
      if (rounded(x.v) === 0) continue;
      if (kind === 'values' || kind === 'items') {
        const key = `${item.column.index}|${rounded(x.v)}`;
        grouped.set(key, [...(grouped.get(key) ?? []), x]);
      } else out.push(single(x.c, x.v));
    }
  }
  for (const group of grouped.values()) {
    const mean = group.reduce((s, x) => s + x.v, 0) / group.length;
    out.push(single(mergeValues(group.map((x) => x.c)), mean));
  }
  return out;
}
