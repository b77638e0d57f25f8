// The evidence recipe: every candidate whose own win rates differ clearly counts one unit in its direction (unit weights, Dawes 1979), one fitted log-odds per unit.

import { logOddsRatio, logOddsRatioError, type MatchCounts } from '../odds-ratio';
import { designFromDense, fitPlainLogistic } from '../logistic';

/**
 * A candidate counts when its log odds ratio is at least this many standard errors from 0 (5% two-sided): on its own,
 * the deals it matches win more (or less) often than the rest beyond what chance would do.
 */
export const EVIDENCE_Z = 1.96;

/** The closed deals won and lost where `x` matches and where it does not, over the rows `which` (all rows when null). */
export function matchCounts(x: Uint8Array, y: Uint8Array, which: ArrayLike<number> | null = null): MatchCounts {
  let mw = 0, ml = 0, nw = 0, nl = 0;
  const n = which === null ? x.length : which.length;
  for (let t = 0; t < n; t++) {
    const k = which === null ? t : which[t]!;
    if (x[k] === 1) {
      if (y[k] === 1) mw++;
      else ml++;
    } else if (y[k] === 1) nw++;
    else nl++;
  }
  return { matchedWon: mw, matchedLost: ml, notMatchedWon: nw, notMatchedLost: nl };
}

/** log odds ratio / its standard error of winning when `x` matches, over the rows `which` (all rows when null). */
export function signedClarity(x: Uint8Array, y: Uint8Array, which: ArrayLike<number> | null = null): number {
  const counts = matchCounts(x, y, which);
  return logOddsRatio(counts) / logOddsRatioError(counts);
}

/** Per candidate: +1 or -1 when its clarity over the rows `which` reaches EVIDENCE_Z, else 0. */
export function unitWeights(features: readonly Uint8Array[], y: Uint8Array, which: ArrayLike<number> | null = null): Int8Array {
  return Int8Array.from(features, (x) => {
    const z = signedClarity(x, y, which);
    return Math.abs(z) >= EVIDENCE_Z ? Math.sign(z) : 0;
  });
}

/** What one unit is worth: the log odds of winning = intercept + slope x units, by logistic regression on `which` rows; slope's 95% interval. */
export interface UnitCalibration {
  intercept: number;
  slope: number;
  low: number;
  high: number;
}

/**
 * Fits the log odds of winning on the units (an intercept and one slope) over the rows `which` (all rows when null),
 * with the slope's 95% interval when `intervals` (clustered by `groups`, an account per row, when given).
 */
export function calibrateUnits(units: Float64Array, y: Uint8Array, options: { which?: ArrayLike<number> | null; groups?: ArrayLike<number> | null; intervals?: boolean } = {}): UnitCalibration {
  const which = options.which ?? null;
  const idx = which === null ? Array.from({ length: units.length }, (_, k) => k) : Array.from(which);
  const groups = options.groups ?? null;
  const fit = fitPlainLogistic(designFromDense(idx.map((k) => [units[k]!])), idx.map((k) => y[k]!), {
    intervals: options.intervals ?? false, groups: groups === null ? null : idx.map((k) => groups[k]!),
  });
  return { intercept: fit.intercept, slope: fit.coefficients[0]!, low: fit.lower[0] ?? NaN, high: fit.upper[0] ?? NaN };
}

/**
 * Each candidate's matches counted per cross-validation fold once, so the units chosen on any union of folds (a
 * training part, or a training part less one more fold for cross-fitting) cost no pass over the rows.
 */
export class FoldEvidence {
  private readonly rows: Float64Array;
  private readonly won: Float64Array;
  /** Per candidate, per fold: rows matched, and won among them. */
  private readonly matched: Float64Array[];
  private readonly matchedWon: Float64Array[];
  /** The row indexes of each fold. */
  readonly members: number[][];

  constructor(private readonly features: readonly Uint8Array[], y: Uint8Array, fold: Int32Array, readonly folds: number) {
    this.rows = new Float64Array(folds);
    this.won = new Float64Array(folds);
    this.members = Array.from({ length: folds }, () => []);
    for (let k = 0; k < fold.length; k++) {
      this.rows[fold[k]!]! += 1;
      this.won[fold[k]!]! += y[k]!;
      this.members[fold[k]!]!.push(k);
    }
    this.matched = features.map(() => new Float64Array(folds));
    this.matchedWon = features.map(() => new Float64Array(folds));
    features.forEach((x, j) => {
      const m = this.matched[j]!;
      const mw = this.matchedWon[j]!;
      for (let k = 0; k < x.length; k++) {
        if (x[k] !== 1) continue;
        m[fold[k]!]! += 1;
        mw[fold[k]!]! += y[k]!;
      }
    });
  }

  /** unitWeights on the rows of every fold but those in `without`. */
  weightsWithout(without: readonly number[]): Int8Array {
    const keep = (f: number): boolean => !without.includes(f);
    let n = 0, w = 0;
    for (let f = 0; f < this.folds; f++) if (keep(f)) { n += this.rows[f]!; w += this.won[f]!; }
    return Int8Array.from(this.features, (_, j) => {
      let m = 0, mw = 0;
      for (let f = 0; f < this.folds; f++) if (keep(f)) { m += this.matched[j]![f]!; mw += this.matchedWon[j]![f]!; }
      const counts = { matchedWon: mw, matchedLost: m - mw, notMatchedWon: w - mw, notMatchedLost: n - m - (w - mw) };
      const z = logOddsRatio(counts) / logOddsRatioError(counts);
      return Math.abs(z) >= EVIDENCE_Z ? Math.sign(z) : 0;
    });
  }

  /** Adds to `out[k]` the units of each row k of fold `f` under `weights`. */
  addUnits(weights: Int8Array, f: number, out: Float64Array): void {
    const rows = this.members[f]!;
    this.features.forEach((x, j) => {
      const w = weights[j]!;
      if (w !== 0) for (const k of rows) if (x[k] === 1) out[k]! += w;
    });
  }
}
