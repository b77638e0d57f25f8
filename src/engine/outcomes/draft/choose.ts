// From the sparse fit's choice to readable criteria: values of one column grouped (`in`), one range and one recency per column and sign, at most N in all.

import type { Candidate } from './candidates';
import { itemsLabel, valuesLabel } from './labels';

/** Two chosen values of one column are one criterion when their effects differ by at most this factor (same sign). */
export const GROUP_RATIO = 2;

/** A criterion to refit: one candidate, or values of one column grouped into one `in`. */
export interface Chosen {
  parts: Candidate[];
  /** The candidate standing for them all (its condition and label cover the group). */
  merged: Candidate;
  /** The sparse fit's effect (the mean of the group's). */
  beta: number;
}

function std(c: Candidate): number {
  const p = c.matched / c.x.length;
  return Math.sqrt(p * (1 - p));
}

/** How much a chosen candidate moves the odds across the rows: |effect| x its spread (standardised effect). */
export function strength(c: Candidate, beta: number): number {
  return Math.abs(beta) * std(c);
}

/** Several values of one column as one candidate: their matches OR-ed, one `in` of them all. */
export function mergeValues(parts: Candidate[]): Candidate {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const values = parts.map((p) => p.value!);
  const x = new Uint8Array(first.x.length);
  let matched = 0;
  for (let k = 0; k < x.length; k++) {
    let v = 0;
    for (const p of parts) v |= p.x[k]!;
    x[k] = v;
    matched += v;
  }
  const label = first.kind === 'items' ? itemsLabel(first.column.header, values) : valuesLabel(first.column.header, values);
  return { ...first, when: { op: 'in', values }, label, x, matched, value: undefined };
}

/**
 * The criteria to refit from the candidates the sparse fit kept (non-zero `beta`): per column, values and items of the
 * same sign whose effects are within GROUP_RATIO grouped into one `in`; the strongest range and the strongest recency
 * per column and sign; then the `max` strongest in all.
 */
export function chooseCriteria(candidates: readonly Candidate[], beta: Float64Array, max: number): Chosen[] {
  const kept = candidates.map((c, j) => ({ c, b: beta[j]! })).filter((e) => e.b !== 0);
  const byKey = new Map<string, { c: Candidate; b: number }[]>();
  for (const e of kept) {
    const key = `${e.c.column.index}|${e.c.kind}|${e.b > 0 ? '+' : '-'}`;
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
  }
  const out: { chosen: Chosen; s: number }[] = [];
  for (const list of byKey.values()) {
    const kind = list[0]!.c.kind;
    if (kind === 'values' || kind === 'items') {
      // Largest effect first; a value joins the group while the group's effects stay within GROUP_RATIO.
      list.sort((a, b) => Math.abs(b.b) - Math.abs(a.b));
      let group: { c: Candidate; b: number }[] = [];
      const flush = (): void => {
        if (group.length === 0) return;
        const merged = mergeValues(group.map((g) => g.c));
        const mean = group.reduce((s, g) => s + g.b, 0) / group.length;
        out.push({ chosen: { parts: group.map((g) => g.c), merged, beta: mean }, s: strength(merged, mean) });
        group = [];
      };
      for (const e of list) {
        if (group.length > 0 && Math.abs(group[0]!.b) > GROUP_RATIO * Math.abs(e.b)) flush();
        group.push(e);
      }
      flush();
    } else {
      const best = list.reduce((a, e) => (strength(e.c, e.b) > strength(a.c, a.b) ? e : a));
      out.push({ chosen: { parts: [best.c], merged: best.c, beta: best.b }, s: strength(best.c, best.b) });
    }
  }
  out.sort((a, b) => b.s - a.s);
  return out.slice(0, max).map((o) => o.chosen);
}
