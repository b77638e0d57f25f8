// The evidence recipe: every candidate whose own win rates differ clearly counts one unit in its direction (unit weights, Dawes 1979), one fitted log-odds per unit.

import { logOddsRatio, logOddsRatioError } from '../odds-ratio';
import { designFromDense, fitPlainLogistic, makeFolds } from '../logistic';

/**
 * A candidate counts when its log odds ratio is at least this many standard errors from 0 (5% two-sided): on its own,
 * the deals it matches win more (or less) often than the rest beyond what chance would do.
 */
export const EVIDENCE_Z = 1.96;

/** log odds ratio / its standard error of winning when `x` matches, over the rows `which` (all rows when null). */
export function signedClarity(x: Uint8Array, y: Uint8Array, which: ArrayLike<number> | null = null): number {
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
  const counts = { matchedWon: mw, matchedLost: ml, notMatchedWon: nw, notMatchedLost: nl };
  return logOddsRatio(counts) / logOddsRatioError(counts);
}

/** Per candidate: +1 or -1 when its clarity over the rows `which` reaches EVIDENCE_Z, else 0. */
export function unitWeights(features: readonly Uint8Array[], y: Uint8Array, which: ArrayLike<number> | null = null): Int8Array {
  return Int8Array.from(features, (x) => {
    const z = signedClarity(x, y, which);
    return Math.abs(z) >= EVIDENCE_Z ? Math.sign(z) : 0;
  });
}

/** Each row's units: the sum of the weights of the candidates it matches. */
export function unitScore(features: readonly Uint8Array[], weights: Int8Array, rows: number): Float64Array {
  const s = new Float64Array(rows);
  features.forEach((x, j) => {
    const w = weights[j]!;
    if (w === 0) return;
    for (let k = 0; k < rows; k++) if (x[k] === 1) s[k]! += w;
  });
  return s;
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
 * The units of each of the rows `rows`, each counted with unit weights chosen without it (`folds`-fold, each group's rows
 * in one fold): what a unit is worth is then fitted on units that have not seen the outcomes they are fitted to. Units
 * chosen and fitted on the same deals would look surer than they are (the candidates that pass are partly the lucky
 * ones) and predict held-out deals with too much confidence.
 */
export function crossFittedUnits(features: readonly Uint8Array[], y: Uint8Array, rows: readonly number[], folds: number, seed: number, groups: ArrayLike<number> | null): Float64Array {
  const fold = makeFolds(rows.length, folds, seed, groups === null ? null : rows.map((k) => groups[k]!));
  const out = new Float64Array(rows.length);
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const held: number[] = [];
    rows.forEach((k, i) => (fold[i] === f ? held.push(i) : train.push(k)));
    if (train.length === 0 || held.length === 0) continue;
    const weights = unitWeights(features, y, train);
    features.forEach((x, j) => {
      const w = weights[j]!;
      if (w !== 0) for (const i of held) if (x[rows[i]!] === 1) out[i]! += w;
    });
  }
  return out;
}
