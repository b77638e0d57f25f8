// The fits the draft needs, over the outcomes engine's penalised logistic regression (logistic.ts): a sparse choice of candidates, then a refit with intervals.

import { designFromActive, fitPenalisedLogistic, type Design, type LinearModel } from '../logistic';

/** Candidates as columns of 0/1 over the fit rows, the outcomes (1 won) and each row's account (null when rows are accounts). */
export interface FitData {
  features: readonly Uint8Array[];
  y: Uint8Array;
  groups: Int32Array | null;
}

export interface SparseChoice {
  /** Log-odds coefficient per feature at the penalty with the best held-out deviance; 0 for features it left out. */
  coefficients: Float64Array;
  /**
   * Some candidate beats "no criterion" by more than the cross-validation's own noise: the largest penalty within half
   * a standard error of the best still keeps a candidate (that rule does not pick the empty model).
   */
  signal: boolean;
  lambda: number;
  /** How the choice was made, in words. */
  method: string;
}

export interface Refit {
  intercept: number;
  coefficients: Float64Array;
  /** 95% interval of each coefficient (log odds); NaN where there is none. */
  lower: Float64Array;
  upper: Float64Array;
}

/** The elastic net's mix: half L1 (a sparse choice), half L2, so nested ranges, near-duplicate values and many modest effects share rather than one of them taking all. */
export const ALPHA = 0.5;
export const FOLDS = 5;
// A path of 20 penalties down to a twentieth of the largest: the one-standard-error rule stops well above the smallest
// penalties, which cost the most to fit. The choice needs no more precision than 1e-6 (the refit sets the points).
const NLAMBDA = 20;
const TOLERANCE = 1e-6;
// Some candidate must beat "no criterion" by more than half a standard error of the held-out deviance: on data with
// no signal (bench/draft.ts) a whole standard error drafted nothing from weak planted effects either, a quarter drafted
// from noise in a quarter of the sets, half drafted from none of them.
export const SE_GATE = 0.5;
const LAMBDA_MIN_RATIO = 0.05;

/** Features as the fitter's sparse 0/1 design (each row lists the features it matches). */
export function designOf(features: readonly Uint8Array[], rows: number): Design {
  const active: number[][] = Array.from({ length: rows }, () => []);
  features.forEach((x, j) => {
    for (let k = 0; k < rows; k++) if (x[k] === 1) active[k]!.push(j);
  });
  return designFromActive(active, features.length);
}

/**
 * Elastic net (alpha ALPHA) with standardised penalties and the penalty with the best held-out deviance in FOLDS-fold
 * cross-validation, folds grouped by account. `signal` says whether the evidence holds at all (see SparseChoice): on
 * data with no signal it does not, and nothing is drafted.
 */
export function sparseChoice(data: FitData, seed: number): SparseChoice {
  const design = designOf(data.features, data.y.length);
  const fit = fitPenalisedLogistic(design, data.y, {
    alpha: ALPHA, folds: FOLDS, rule: 'min', groups: data.groups, standardize: true, seed, intervals: false, nLambda: NLAMBDA, lambdaMinRatio: LAMBDA_MIN_RATIO, tolerance: TOLERANCE,
  });
  const cv = fit.cv;
  // The largest penalty within SE_GATE standard errors of the best. Index 0 is the penalty that keeps no candidate.
  // (Stopping early, the path can end before the smallest penalties; the best is still among those tried.)
  let oneSe = cv === null ? 0 : cv.best;
  if (cv !== null) for (let i = 0; i < cv.best; i++) if (cv.mean[i]! <= cv.mean[cv.best]! + SE_GATE * cv.se[cv.best]!) { oneSe = i; break; }
  const method = `an elastic-net logistic regression (${Math.round(ALPHA * 100)}% L1), its penalty chosen by ${FOLDS}-fold cross-validation${data.groups === null ? '' : ' with each account\'s deals in one fold'}`;
  return { coefficients: fit.coefficients, signal: oneSe > 0, lambda: fit.lambda, method };
}

/** The elastic net of sparseChoice at a fixed penalty `lambda` (no cross-validation): what the sparse choice fits on part of the rows. */
export function sparseAt(data: FitData, lambda: number): LinearModel {
  const design = designOf(data.features, data.y.length);
  return fitPenalisedLogistic(design, data.y, { alpha: ALPHA, lambda, standardize: true, intervals: false, tolerance: TOLERANCE });
}

/**
 * The chosen criteria weighed by a ridge (L2) logistic regression, its penalty chosen by cross-validation as above, with
 * 95% intervals (sandwich, clustered by account when grouped): shrinking many modest effects a little predicts held-out
 * deals better than an unpenalised refit.
 */
export function refit(data: FitData, seed: number): Refit {
  const design = designOf(data.features, data.y.length);
  const fit = fitPenalisedLogistic(design, data.y, { alpha: 0, folds: FOLDS, groups: data.groups, seed, nLambda: NLAMBDA, tolerance: TOLERANCE });
  return {
    intercept: fit.intercept,
    coefficients: fit.coefficients,
    lower: Float64Array.from(fit.lower, (v) => v ?? NaN),
    upper: Float64Array.from(fit.upper, (v) => v ?? NaN),
  };
}
