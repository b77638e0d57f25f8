// The latent-class recipe's model: the two kinds of deals the columns tell apart best (latent class analysis by EM), won/lost counted as one more column where known, open deals included.

import type { CompileContext } from '../../operators';
import type { Candidate } from './candidates';
import type { ReadColumn } from './columns';
import { rowMatches, valueMatches } from './matches';

/**
 * One column as the latent classes see it: each row in one cell. A list column gives one item per list item (a
 * stack holds several); any other column one item whose cells are the patterns of its candidates' matches (a number's
 * bin, a text's value, a date's recency window), patterns held by fewer than MIN_CELL_ROWS rows pooled with "none".
 */
export interface LatentItem {
  column: ReadColumn;
  /** The candidates whose matches make the cells (one, for a list item). */
  parts: Candidate[];
  /** Per cell: which parts match there (cell 0 is "none of them", blanks included, and the rare patterns). */
  patterns: Uint8Array[];
  /** Per row of the rows the items were built on: its cell. */
  cells: Int32Array;
}

/** A pattern of matches held by fewer rows than this is pooled with cell 0: its own share would rest on a handful of deals. */
export const MIN_CELL_ROWS = 5;
/** Each cell starts with this many pseudo-rows in each class (a Dirichlet prior), so an empty cell is never certain. */
const PSEUDO_ROWS = 1;
// EM stops when a cycle raises the log likelihood by less than TOLERANCE per row, or after MAX_ITERATIONS EM steps.
const MAX_ITERATIONS = 300;
const TOLERANCE = 1e-6;

/** The items of `candidates` on the table rows `rows` (open deals too: the classes need no outcome). */
export function latentItems(candidates: readonly Candidate[], rows: Int32Array, context: CompileContext): LatentItem[] {
  const byColumn = new Map<number, Candidate[]>();
  const items: LatentItem[] = [];
  const matchesOf = (c: Candidate): Uint8Array => rowMatches(c.column, valueMatches(c.column, c.when, context), rows);
  for (const c of candidates) {
    if (c.kind === 'items') {
      const x = matchesOf(c);
      items.push({ column: c.column, parts: [c], patterns: [Uint8Array.of(0), Uint8Array.of(1)], cells: Int32Array.from(x) });
      continue;
    }
    const list = byColumn.get(c.column.index) ?? [];
    list.push(c);
    byColumn.set(c.column.index, list);
  }
  for (const parts of byColumn.values()) {
    const xs = parts.map(matchesOf);
    const keys = Array.from({ length: rows.length }, (_, k) => xs.map((x) => x[k]).join(''));
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const none = '0'.repeat(parts.length);
    const ids = new Map<string, number>([[none, 0]]);
    const patterns: Uint8Array[] = [new Uint8Array(parts.length)];
    // Cells in order of first appearance, so the same table always gives the same cells.
    for (const key of keys) {
      if (ids.has(key) || counts.get(key)! < MIN_CELL_ROWS) continue;
      ids.set(key, patterns.length);
      patterns.push(Uint8Array.from(key, (ch) => (ch === '1' ? 1 : 0)));
    }
    if (patterns.length < 2) continue;
    items.push({ column: parts[0]!.column, parts, patterns, cells: Int32Array.from(keys, (key) => ids.get(key) ?? 0) });
  }
  return items;
}

/** The fitted classes: per item, per cell, the log of how much likelier the cell is in the class that wins more often than in the other. */
export interface LatentClasses {
  logRatio: Float64Array[];
  /** Win rate of each class's closed deals (the first wins more often). */
  winRates: [number, number];
}

/**
 * Two latent classes of the rows `which` (indexes into the items' rows) by EM, each item's cells independent given the
 * class (latent class analysis, Lazarsfeld), the outcome (`outcome[k]`: 1 won, 0 lost, -1 open) one more item where
 * known. EM starts from the outcomes (won deals mostly in one class, lost in the other, open ones half and half), so the
 * same rows always give the same classes. Null when the classes win equally often (nothing to tell them apart by).
 */
export function fitLatentClasses(items: readonly LatentItem[], outcome: Int8Array, which: ArrayLike<number>): LatentClasses | null {
  const n = which.length;
  const J = items.length;
  // Every item's cells numbered in one flat list (item j's cell c is offset[j] + c).
  const offset = new Int32Array(J + 1);
  items.forEach((it, j) => (offset[j + 1] = offset[j]! + it.patterns.length));
  const cellCount = offset[J]!;
  const itemOf = new Int32Array(cellCount);
  for (let j = 0; j < J; j++) itemOf.fill(j, offset[j]!, offset[j + 1]!);
  const rows = new Float64Array(cellCount);
  for (let t = 0; t < n; t++) for (let j = 0; j < J; j++) rows[offset[j]! + items[j]!.cells[which[t]!]!]! += 1;
  // Each item's commonest cell is its base: a row lists only its cells that are not (a list item is mostly "no", a
  // yes/no column mostly one answer), and a class's log likelihood is the sum of the bases' plus each listed cell's
  // difference from its base. The same sums, with a fraction of the work on every step.
  const base = new Int32Array(J);
  for (let j = 0; j < J; j++) {
    let best = offset[j]!;
    for (let c = offset[j]! + 1; c < offset[j + 1]!; c++) if (rows[c]! > rows[best]!) best = c;
    base[j] = best;
  }
  const start = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    let k = 0;
    for (let j = 0; j < J; j++) if (offset[j]! + items[j]!.cells[which[t]!]! !== base[j]) k++;
    start[t + 1] = start[t]! + k;
  }
  const listed = new Int32Array(start[n]!);
  const out = new Int8Array(n);
  for (let t = 0, k = 0; t < n; t++) {
    for (let j = 0; j < J; j++) {
      const c = offset[j]! + items[j]!.cells[which[t]!]!;
      if (c !== base[j]) listed[k++] = c;
    }
    out[t] = outcome[which[t]!]!;
  }
  // The state EM moves: what the M step needs, summed over the rows by the E step before it. Per listed cell its
  // chance-weighted rows in the first class (a base's is the class's rows less its item's listed cells'), then the
  // class's rows and the closed and won deals of each class.
  const SUM = cellCount, WON_HI = cellCount + 1, CLOSED_HI = cellCount + 2, WON_LO = cellCount + 3, CLOSED_LO = cellCount + 4;
  const size = cellCount + 5;
  let closedAll = 0;
  for (let t = 0; t < n; t++) if (out[t]! >= 0) closedAll++;
  /** Adds row t, in the first class with chance r, to `state`. */
  const addRow = (state: Float64Array, t: number, r: number): void => {
    state[SUM]! += r;
    const o = out[t]!;
    if (o >= 0) {
      state[CLOSED_HI]! += r;
      state[CLOSED_LO]! += 1 - r;
      state[WON_HI]! += r * o;
      state[WON_LO]! += (1 - r) * o;
    }
    for (let i = start[t]!, until = start[t + 1]!; i < until; i++) state[listed[i]!]! += r;
  };
  const first = new Float64Array(size);
  for (let t = 0; t < n; t++) addRow(first, t, out[t] === 1 ? 0.75 : out[t] === 0 ? 0.25 : 0.5);
  const logHi = new Float64Array(cellCount);
  const logLo = new Float64Array(cellCount);
  const diffHi = new Float64Array(cellCount);
  const diffLo = new Float64Array(cellCount);
  let winHi = 0.5;
  let winLo = 0.5;
  /** M: the parameters of `state` (class shares, each item's cell shares per class, each class's win rate); their log likelihood's constant parts. */
  const mStep = (state: Float64Array): { baseHi: number; baseLo: number } => {
    const sumHi = state[SUM]!;
    winHi = (state[WON_HI]! + 1) / (state[CLOSED_HI]! + 2);
    winLo = (state[WON_LO]! + 1) / (state[CLOSED_LO]! + 2);
    for (let j = 0; j < J; j++) {
      let listedHi = 0;
      for (let c = offset[j]!; c < offset[j + 1]!; c++) if (c !== base[j]) listedHi += state[c]!;
      const baseRows = sumHi - listedHi;
      const cells = offset[j + 1]! - offset[j]!;
      const totHi = Math.log(sumHi + PSEUDO_ROWS * cells);
      const totLo = Math.log(n - sumHi + PSEUDO_ROWS * cells);
      for (let c = offset[j]!; c < offset[j + 1]!; c++) {
        const h = c === base[j] ? baseRows : state[c]!;
        logHi[c] = Math.log(Math.max(0, h) + PSEUDO_ROWS) - totHi;
        logLo[c] = Math.log(Math.max(0, rows[c]! - h) + PSEUDO_ROWS) - totLo;
      }
    }
    let baseHi = Math.log(Math.max(sumHi, 1e-9) / n);
    let baseLo = Math.log(Math.max(n - sumHi, 1e-9) / n);
    for (let j = 0; j < J; j++) {
      baseHi += logHi[base[j]!]!;
      baseLo += logLo[base[j]!]!;
    }
    for (let c = 0; c < cellCount; c++) {
      diffHi[c] = logHi[c]! - logHi[base[itemOf[c]!]!]!;
      diffLo[c] = logLo[c]! - logLo[base[itemOf[c]!]!]!;
    }
    return { baseHi, baseLo };
  };
  /** One EM step: the parameters of `from`, then each row's chance of the first class summed into `to`; the log likelihood of `from`'s parameters. */
  const step = (from: Float64Array, to: Float64Array): number => {
    const { baseHi, baseLo } = mStep(from);
    const wonHi1 = Math.log(winHi);
    const wonLo1 = Math.log(winLo);
    const lostHi1 = Math.log(1 - winHi);
    const lostLo1 = Math.log(1 - winLo);
    to.fill(0);
    let likelihood = 0;
    for (let t = 0; t < n; t++) {
      let a = baseHi;
      let b = baseLo;
      const begin = start[t]!;
      const until = start[t + 1]!;
      for (let i = begin; i < until; i++) {
        const c = listed[i]!;
        a += diffHi[c]!;
        b += diffLo[c]!;
      }
      const o = out[t]!;
      if (o === 1) {
        a += wonHi1;
        b += wonLo1;
      } else if (o === 0) {
        a += lostHi1;
        b += lostLo1;
      }
      const m = a > b ? a : b;
      const ea = Math.exp(a - m);
      const eb = Math.exp(b - m);
      likelihood += m + Math.log(ea + eb);
      addRow(to, t, ea / (ea + eb));
    }
    return likelihood;
  };
  // A state no E step could give (a share below 0 or above its rows) is pulled back inside.
  const feasible = (x: Float64Array): void => {
    for (let c = 0; c < cellCount; c++) x[c] = Math.min(rows[c]!, Math.max(0, x[c]!));
    x[SUM] = Math.min(n, Math.max(0, x[SUM]!));
    x[CLOSED_HI] = Math.min(closedAll, Math.max(0, x[CLOSED_HI]!));
    x[CLOSED_LO] = Math.min(closedAll, Math.max(0, x[CLOSED_LO]!));
    x[WON_HI] = Math.min(x[CLOSED_HI]!, Math.max(0, x[WON_HI]!));
    x[WON_LO] = Math.min(x[CLOSED_LO]!, Math.max(0, x[WON_LO]!));
  };
  // SQUAREM (Varadhan & Roland 2008): two EM steps, a step along their squared extrapolation, one EM step from there;
  // kept only when it is at least as likely as plain EM's second step, so the likelihood never falls. The same fixed
  // point as EM, in a fraction of its steps.
  let x0 = first;
  const x1 = new Float64Array(size);
  const x2 = new Float64Array(size);
  const x3 = new Float64Array(size);
  const jump = new Float64Array(size);
  let likelihood = -Infinity;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    const l0 = step(x0, x1);
    const l1 = step(x1, x2);
    iterations += 2;
    let rr = 0, vv = 0;
    for (let i = 0; i < size; i++) {
      const r = x1[i]! - x0[i]!;
      const v = x2[i]! - 2 * x1[i]! + x0[i]!;
      rr += r * r;
      vv += v * v;
    }
    const alpha = vv === 0 ? -1 : Math.min(-1, -Math.sqrt(rr / vv));
    for (let i = 0; i < size; i++) {
      const r = x1[i]! - x0[i]!;
      const v = x2[i]! - 2 * x1[i]! + x0[i]!;
      jump[i] = x0[i]! - 2 * alpha * r + alpha * alpha * v;
    }
    feasible(jump);
    const lj = step(jump, x3);
    iterations++;
    const next = lj >= l1 ? x3 : x2;
    const reached = Math.max(l1, lj);
    const gain = (reached - Math.max(likelihood, l0)) / n;
    likelihood = reached;
    x0 = Float64Array.from(next);
    // EM never lowers the likelihood: stop when a cycle gains less than TOLERANCE per row.
    if (gain < TOLERANCE) break;
  }
  mStep(x0);
  if (winHi === winLo) return null;
  const flip = winHi < winLo ? -1 : 1;
  const logRatio = items.map((_, j) => Float64Array.from({ length: offset[j + 1]! - offset[j]! }, (_, c) => flip * (logHi[offset[j]! + c]! - logLo[offset[j]! + c]!)));
  return { logRatio, winRates: flip === 1 ? [winHi, winLo] : [winLo, winHi] };
}

/** Each row's score: the log likelihood ratio its cells give the class that wins more often (the outcome left out). */
export function latentScores(items: readonly LatentItem[], classes: LatentClasses, which: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: which.length }, (_, t) => {
    let s = 0;
    for (let j = 0; j < items.length; j++) s += classes.logRatio[j]![items[j]!.cells[which[t]!]!]!;
    return s;
  });
}
