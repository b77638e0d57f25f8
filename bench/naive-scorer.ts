// The baseline for benchmarks: a direct interpreter that looks up the column and re-reads the cell for every criterion of every row.

import type { Model } from '../src/engine/model';
import { compileCondition } from '../src/engine/operators';
import { isBlank } from '../src/engine/read/blank';
import { readBoolean } from '../src/engine/read/boolean';
import { readDay, dayOfDate } from '../src/engine/read/date';
import { readNumber } from '../src/engine/read/number';
import { cellText, headerKey, normalizeText, splitList } from '../src/engine/read/text';
import { roundScore } from '../src/engine/tiers';

function reading(kind: string, value: unknown): unknown {
  const shown = cellText(value).trim();
  switch (kind) {
    case 'text':
      return normalizeText(shown);
    case 'list': {
      const whole = normalizeText(shown);
      // As the engine reads it (cells.ts): a cell that reads as one number (`1,000`) is one value, not a list.
      const items = readNumber(value) === undefined ? splitList(shown) : [whole];
      return items.length > 1 ? [whole, ...items] : [whole];
    }
    case 'number':
      return readNumber(value);
    case 'bool':
      return readBoolean(value);
    case 'day':
      return readDay(value);
    case 'raw':
      return shown;
    default:
      return true;
  }
}

/** Score of one row, the way a hand-written script would do it: no compile step, nothing reused between criteria. */
export function naiveScore(model: Model, headers: readonly unknown[], row: readonly unknown[], today: Date): number {
  const profile = model.profiles[0]!;
  const context = { today: dayOfDate(today) ?? 0, decimalComma: false };
  const earned = new Map<string, number>();
  const possible = new Map<string, number>();
  let disqualified = false;
  for (const c of profile.criteria) {
    const role = c.role ?? 'score';
    const max = role === 'exclude' ? 0 : c.when.op === 'bands' ? Math.max(0, ...c.when.bands.map((b) => b.points)) : Math.max(0, c.points ?? 0);
    if (role !== 'exclude') possible.set(c.category, (possible.get(c.category) ?? 0) + max);
    const col = headers.findIndex((h) => headerKey(h) === headerKey(c.column));
    const value = col < 0 ? '' : row[col];
    if (isBlank(value)) continue;
    const compiled = compileCondition(c.when, context);
    const r = reading(compiled.kind, value);
    const hit = r === undefined ? -2 : compiled.test(r as never);
    if (role === 'must' && hit < 0) disqualified = true;
    if (role === 'exclude' && hit >= 0) disqualified = true;
    if (hit >= 0 && role !== 'exclude') {
      const pts = compiled.bandPoints === undefined ? (c.points ?? 0) : compiled.bandPoints[hit]!;
      earned.set(c.category, (earned.get(c.category) ?? 0) + pts);
    }
  }
  if (disqualified) return 0;
  let sum = 0;
  let total = 0;
  for (const cat of profile.categories) {
    if (!possible.has(cat.id)) continue;
    const p = possible.get(cat.id)!;
    const e = earned.get(cat.id) ?? 0;
    const fit = Math.min(1, Math.max(0, p > 0 ? e / p : e < 0 ? 0 : 1));
    sum += cat.weight * fit;
    total += cat.weight;
  }
  return total > 0 ? roundScore((100 * sum) / total) : 0;
}
