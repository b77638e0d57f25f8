// The design matrix of a logistic fit: rows of features stored sparse (most cells of a 0/1 design of criteria are 0).

/**
 * Rows x cols features in compressed sparse rows: row r's non-zero features are colIndex[rowStart[r] ..
 * rowStart[r + 1]), with the values at the same positions in `values` (null: every stored value is 1, a 0/1 design).
 * Build one with designFromActive (0/1) or designFromDense; never mutate one after building it.
 */
export interface Design {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float64Array | null;
}

/** A 0/1 design from each row's list of features that are 1 (any order; repeats count once). */
export function designFromActive(active: readonly ArrayLike<number>[], cols: number): Design {
  const rowStart = new Int32Array(active.length + 1);
  let total = 0;
  for (let r = 0; r < active.length; r++) total += active[r]!.length;
  const colIndex = new Int32Array(total);
  let at = 0;
  for (let r = 0; r < active.length; r++) {
    const sorted = Array.from(active[r]!).sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      const j = sorted[k]!;
      if (!Number.isInteger(j) || j < 0 || j >= cols) throw new RangeError(`designFromActive: row ${r} names feature ${j}, outside 0..${cols - 1}`);
      if (k > 0 && sorted[k - 1] === j) continue;
      colIndex[at++] = j;
    }
    rowStart[r + 1] = at;
  }
  return { rows: active.length, cols, rowStart, colIndex: at === total ? colIndex : colIndex.slice(0, at), values: null };
}

/** A design from dense rows of numbers (zeros are not stored; a design of only 0 and 1 is kept as 0/1). */
export function designFromDense(x: readonly ArrayLike<number>[], cols = x.length > 0 ? x[0]!.length : 0): Design {
  const starts = new Int32Array(x.length + 1);
  const index: number[] = [];
  const values: number[] = [];
  let binary = true;
  for (let r = 0; r < x.length; r++) {
    const row = x[r]!;
    if (row.length !== cols) throw new RangeError(`designFromDense: row ${r} has ${row.length} values, not ${cols}`);
    for (let j = 0; j < cols; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new RangeError(`designFromDense: row ${r}, feature ${j} is ${v}`);
      if (v === 0) continue;
      index.push(j);
      values.push(v);
      if (v !== 1) binary = false;
    }
    starts[r + 1] = index.length;
  }
  return { rows: x.length, cols, rowStart: starts, colIndex: Int32Array.from(index), values: binary ? null : Float64Array.from(values) };
}

/** The rows `which` of a design, in that order (a row may be repeated). */
export function designRows(design: Design, which: ArrayLike<number>): Design {
  const rowStart = new Int32Array(which.length + 1);
  let total = 0;
  for (let k = 0; k < which.length; k++) {
    const r = which[k]!;
    total += design.rowStart[r + 1]! - design.rowStart[r]!;
    rowStart[k + 1] = total;
  }
  const colIndex = new Int32Array(total);
  const values = design.values === null ? null : new Float64Array(total);
  for (let k = 0; k < which.length; k++) {
    const r = which[k]!;
    const from = design.rowStart[r]!;
    const to = design.rowStart[r + 1]!;
    colIndex.set(design.colIndex.subarray(from, to), rowStart[k]!);
    if (values !== null) values.set(design.values!.subarray(from, to), rowStart[k]!);
  }
  return { rows: which.length, cols: design.cols, rowStart, colIndex, values };
}

/** One feature's value in one row (0 when not stored). */
export function designValue(design: Design, row: number, col: number): number {
  for (let k = design.rowStart[row]!; k < design.rowStart[row + 1]!; k++) {
    if (design.colIndex[k] === col) return design.values === null ? 1 : design.values[k]!;
  }
  return 0;
}

/**
 * The data a fit works on: the design by columns (compressed sparse columns) with each row's weight and target in
 * [0, 1]. Rows with the same features are merged into one (their weights added, their targets averaged by weight):
 * the logistic log-likelihood is linear in the target, so the fit is exactly the same, and a design of a dozen 0/1
 * criteria over 10,000 deals shrinks to a few hundred distinct rows.
 */
export interface Problem {
  readonly n: number;
  readonly p: number;
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly values: Float64Array | null;
  /** The same rows in compressed sparse rows (for predictions and Hessians). */
  readonly byRow: Design;
  readonly y: Float64Array;
  readonly w: Float64Array;
  /** Sum of the weights. */
  readonly total: number;
}

/**
 * The Problem of the design's rows `which` (all rows when null) with targets y (0/1 or a proportion) and weights
 * (1 each when null); rows of weight 0 are dropped, identical rows merged.
 */
export function problemOf(design: Design, y: ArrayLike<number>, weights: ArrayLike<number> | null, which: ArrayLike<number> | null = null): Problem {
  const count = which === null ? design.rows : which.length;
  // Rows are bucketed by a hash of their features, then compared exactly within a bucket (no string keys: cheap).
  const buckets = new Map<number, number[]>();
  const keep: number[] = [];
  const wSum: number[] = [];
  const ySum: number[] = [];
  const { rowStart, colIndex, values } = design;
  const same = (a: number, b: number): boolean => {
    const fa = rowStart[a]!;
    const fb = rowStart[b]!;
    const len = rowStart[a + 1]! - fa;
    if (rowStart[b + 1]! - fb !== len) return false;
    for (let k = 0; k < len; k++) {
      if (colIndex[fa + k] !== colIndex[fb + k]) return false;
      if (values !== null && values[fa + k] !== values[fb + k]) return false;
    }
    return true;
  };
  for (let k = 0; k < count; k++) {
    const r = which === null ? k : which[k]!;
    const weight = weights === null ? 1 : weights[r]!;
    if (!(weight > 0)) continue;
    const target = y[r]!;
    if (!(target >= 0 && target <= 1)) throw new RangeError(`logistic fit: the target of row ${r} is ${target}, not between 0 and 1`);
    let hash = 0x811c9dc5;
    for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) {
      hash = Math.imul(hash ^ colIndex[i]!, 0x01000193);
      if (values !== null) hash = Math.imul(hash ^ Math.round(values[i]! * 1e6), 0x01000193);
    }
    let bucket = buckets.get(hash);
    if (bucket === undefined) buckets.set(hash, (bucket = []));
    let at = -1;
    for (const candidate of bucket) {
      if (same(keep[candidate]!, r)) {
        at = candidate;
        break;
      }
    }
    if (at < 0) {
      bucket.push(keep.length);
      keep.push(r);
      wSum.push(weight);
      ySum.push(weight * target);
    } else {
      wSum[at]! += weight;
      ySum[at]! += weight * target;
    }
  }
  const byRow = designRows(design, keep);
  const n = keep.length;
  const w = Float64Array.from(wSum);
  const yy = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    yy[i] = Math.min(1, Math.max(0, ySum[i]! / w[i]!));
    total += w[i]!;
  }
  // Rows to columns: count per column, then place.
  const p = design.cols;
  const colStart = new Int32Array(p + 1);
  for (let k = 0; k < byRow.colIndex.length; k++) colStart[byRow.colIndex[k]! + 1]!++;
  for (let j = 0; j < p; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, p);
  const rowIndex = new Int32Array(byRow.colIndex.length);
  const colValues = byRow.values === null ? null : new Float64Array(byRow.colIndex.length);
  for (let i = 0; i < n; i++) {
    for (let k = byRow.rowStart[i]!; k < byRow.rowStart[i + 1]!; k++) {
      const j = byRow.colIndex[k]!;
      const at = fill[j]!++;
      rowIndex[at] = i;
      if (colValues !== null) colValues[at] = byRow.values![k]!;
    }
  }
  return { n, p, colStart, rowIndex, values: colValues, byRow, y: yy, w, total };
}
