// The evidence recipe's units as readable criteria, one or two per column: a number's ranges as bands, values and items of one sign grouped, recency windows stacked.

import type { Band, Condition } from '../../model';
import type { CompileContext } from '../../operators';
import { opposite, rangeCuts, rangeOpts, type Candidate } from './candidates';
import { mergeValues } from './choose';
import type { ReadColumn } from './columns';
import { filledLabel, rangeLabel } from './labels';
import { rowMatches, valueMatches } from './matches';

/** A drafted criterion of the evidence recipe: the units it earns (negative: a penalty) and the fit rows it matches. */
export interface UnitCriterion {
  column: ReadColumn;
  label: string;
  /** The condition; for `bands`, each band's points are its units. */
  when: Condition;
  /** The most units it earns (a bands criterion: its best band's); negative for a penalty. */
  units: number;
  /** Per fit row: 1 where it earns units, and the units it earns there. */
  x: Uint8Array;
  earned: Float64Array;
  matched: number;
  /** Why it is drafted, when its own evidence does not say (a "filled in" that places a number's blanks). */
  note?: string;
}

function count(x: Uint8Array): number {
  let m = 0;
  for (let k = 0; k < x.length; k++) m += x[k]!;
  return m;
}

/** `c` as a criterion earning `units` where it matches. */
export function single(c: Candidate, units: number): UnitCriterion {
  return { column: c.column, label: c.label, when: c.when, units, x: c.x, earned: Float64Array.from(c.x, (v) => v * units), matched: c.matched };
}

/** Per row of `rows`: the index of the first of `bands` its value falls in (as the engine scores bands), -1 for none. */
export function bandOf(column: ReadColumn, bands: readonly Band[], rows: Int32Array, context: CompileContext): Int32Array {
  const out = new Int32Array(rows.length).fill(-1);
  for (let b = bands.length - 1; b >= 0; b--) {
    const { min, max } = bands[b]!;
    const inBand = rowMatches(column, valueMatches(column, { op: 'between', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, context), rows);
    for (let k = 0; k < inBand.length; k++) if (inBand[k] === 1) out[k] = b;
  }
  return out;
}

/** Every filled cell of the column matches exactly one of `a` and `b` (blank cells neither). */
function splitsFilled(a: Candidate, b: Candidate, fitRows: Int32Array): boolean {
  const codes = a.column.codes;
  for (let k = 0; k < fitRows.length; k++) if (a.x[k]! + b.x[k]! !== (codes[fitRows[k]!]! >= 0 ? 1 : 0)) return false;
  return true;
}

/** Some fit row's cell of `column` is blank. */
function hasBlank(column: ReadColumn, fitRows: Int32Array): boolean {
  for (let k = 0; k < fitRows.length; k++) if (column.codes[fitRows[k]!]! < 0) return true;
  return false;
}

/**
 * "Filled in" worth `units`: where a number's bands moved every filled cell by `units` from what its counted ranges
 * give it (they start from the lowest bin), a blank, which no counted range holds, keeps its 0 units instead of moving
 * with the filled cells. Null when nothing moved or the column has no blank (or only blanks) among the fit rows.
 */
function filledCriterion(column: ReadColumn, units: number, fitRows: Int32Array): UnitCriterion | null {
  if (units === 0 || !hasBlank(column, fitRows)) return null;
  const x = Uint8Array.from(fitRows, (row) => (column.codes[row]! >= 0 ? 1 : 0));
  const m = count(x);
  if (m === 0) return null;
  return {
    column, label: filledLabel(column.header), when: { op: 'notBlank' }, units, x, earned: Float64Array.from(x, (v) => v * units), matched: m,
    note: `It gives a blank ${column.header} the points the draft found for blanks (no band holds a blank) rather than those of the values that earn the fewest.`,
  };
}

/**
 * A number's counted ranges as one criterion: each bin between the cuts earns the units of the counted ranges that hold
 * it, less the fewest any bin earns (so no band is negative); adjacent bins that earn the same are one band, and bins
 * that earn nothing are left out. One band reads as a range ("51-1,000 employees"); several as a `bands` criterion
 * ("Employees by band"). When the fewest is not 0, a "filled in" criterion worth it keeps a blank at 0 units.
 */
export function rangeCriterion(column: ReadColumn, counted: readonly { c: Candidate; w: number }[], fitRows: Int32Array, context: CompileContext): UnitCriterion[] {
  const cuts = rangeCuts(column, fitRows);
  const bins = cuts.length + 1;
  const units = new Array<number>(bins).fill(0);
  for (const { c, w } of counted) for (let b = c.bins![0]; b <= c.bins![1]; b++) units[b]! += w;
  const floor = Math.min(...units);
  const out: UnitCriterion[] = [];
  // A blank matches none of the counted ranges: it earns 0 units, where the bands start from the lowest bin's units.
  const filled = filledCriterion(column, floor, fitRows);
  if (filled !== null) out.push(filled);
  const above = units.map((u) => u - floor);
  const top = Math.max(...above);
  if (top === 0) return out;
  const step = column.integers ? 1 : 0;
  const opts = rangeOpts(column);
  const bands: Band[] = [];
  for (let b = 0; b < bins; ) {
    let e = b;
    while (e + 1 < bins && above[e + 1] === above[b]) e++;
    if (above[b]! > 0) {
      const min = b === 0 ? undefined : cuts[b - 1]! + step;
      const max = e === bins - 1 ? undefined : cuts[e]!;
      bands.push({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), points: above[b]!, label: rangeLabel(column.header, min, max, opts) });
    }
    b = e + 1;
  }
  const when: Condition = bands.length === 1
    ? { op: 'between', ...(bands[0]!.min === undefined ? {} : { min: bands[0]!.min }), ...(bands[0]!.max === undefined ? {} : { max: bands[0]!.max }) }
    : { op: 'bands', bands };
  const label = bands.length === 1 ? bands[0]!.label! : `${column.header} by band`;
  const x = rowMatches(column, valueMatches(column, when, context), fitRows);
  const band = bandOf(column, bands, fitRows, context);
  const earned = Float64Array.from(band, (b) => (b < 0 ? 0 : bands[b]!.points));
  return [{ column, label, when, units: top, x, earned, matched: count(x) }, ...out];
}

/**
 * The criteria of the counted candidates (`weights` +1 / -1 per candidate, 0 not counted), column by column: a number's
 * ranges as one criterion (rangeCriterion); `yes` counted against as points for `no`; values (and list items) counted
 * for grouped into one `in`, those counted against into another (a penalty); each recency window and "filled in" as
 * itself. A row matching several grouped items earns one unit instead of one each: the price of one readable criterion.
 */
export function unitCriteria(candidates: readonly Candidate[], weights: Int8Array, fitRows: Int32Array, context: CompileContext): UnitCriterion[] {
  const byColumn = new Map<number, { c: Candidate; w: number }[]>();
  candidates.forEach((c, j) => {
    const w = weights[j]!;
    if (w === 0) return;
    const list = byColumn.get(c.column.index) ?? [];
    list.push({ c, w });
    byColumn.set(c.column.index, list);
  });
  const out: UnitCriterion[] = [];
  for (const counted of byColumn.values()) {
    const kind = counted[0]!.c.kind;
    if (kind === 'range') {
      out.push(...rangeCriterion(counted[0]!.c.column, counted, fitRows, context));
    } else if (kind === 'values' || kind === 'items') {
      const [up, down] = [1, -1].map((sign) => {
        const parts = counted.filter((e) => e.w === sign).map((e) => e.c);
        return parts.length === 0 ? null : mergeValues(parts);
      });
      // The two groups split the column's filled cells (`SaaS` for, `Retail` against, on a column of the two): one
      // criterion says both, the one counted for earning the two units between them.
      // With blanks, the two stay apart: a blank (neither) belongs between them.
      if (up && down && splitsFilled(up, down, fitRows) && !hasBlank(up.column, fitRows)) out.push(single(up, 2));
      else {
        if (up) out.push(single(up, 1));
        if (down) out.push(single(down, -1));
      }
    } else if (kind === 'yes') {
      // A yes/no answer counted against is points for the other answer, unless the column has blanks: turned round, a
      // blank would rank with the answer counted against instead of between the two.
      const blanks = hasBlank(counted[0]!.c.column, fitRows);
      for (const { c, w } of counted) {
        const other = w < 0 && !blanks ? opposite(c, fitRows, context) : null;
        out.push(other === null || other.matched === 0 ? single(c, w) : single(other, -w));
      }
    } else {
      for (const { c, w } of counted) out.push(single(c, w));
    }
  }
  return out;
}
