// The fits the draft needs, over the outcomes engine's penalised logistic regression (logistic.ts): a sparse choice of candidates, then a refit with intervals.

import { designFromActive, fitPenalisedLogistic, fitPlainLogistic, type Design } from '../logistic';

/** Candidates as columns of 0/1 over the fit rows, the outcomes (1 won) and each row's account (null when rows are accounts). */
export interface FitData {
  features: readonly Uint8Array[];
  y: Uint8Array;
  groups: Int32Array | null;
}

export interface SparseChoice {
  /** Log-odds coefficient per feature; 0 for features the penalty left out. */
  coefficients: Float64Array;
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

/** The elastic net's mix: mostly L1 (sparse), with a little L2 so nested ranges and near-duplicate values share rather than flip. */
export const ALPHA = 0.9;
export const FOLDS = 5;
// A path of 20 penalties down to a twentieth of the largest: the one-standard-error rule stops well above the smallest
// penalties, which cost the most to fit. The choice needs no more precision than 1e-6 (the refit sets the points).
const NLAMBDA = 20;
const TOLERANCE = 1e-6;
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
 * Elastic net (alpha ALPHA) with standardised penalties and the penalty chosen by FOLDS-fold cross-validation of the
 * held-out deviance, folds grouped by account; the largest penalty within one standard error of the best (the 1-SE
 * rule), so that data with no signal keeps (nearly) nothing.
 */
export function sparseChoice(data: FitData, seed: number): SparseChoice {
  const design = designOf(data.features, data.y.length);
  const fit = fitPenalisedLogistic(design, data.y, {
    alpha: ALPHA, folds: FOLDS, rule: '1se', groups: data.groups, standardize: true, seed, intervals: false, nLambda: NLAMBDA, lambdaMinRatio: LAMBDA_MIN_RATIO, tolerance: TOLERANCE,
  });
  const method = `an elastic-net logistic regression (${Math.round(ALPHA * 100)}% L1), its penalty chosen by ${FOLDS}-fold cross-validation${data.groups === null ? '' : ' with each account\'s deals in one fold'} (one-standard-error rule)`;
  return { coefficients: fit.coefficients, lambda: fit.lambda, method };
}

/** The chosen features refitted by plain logistic regression, with 95% intervals (clustered by account when grouped). */
export function refit(data: FitData, _seed: number): Refit {
  const design = designOf(data.features, data.y.length);
  const fit = fitPlainLogistic(design, data.y, { groups: data.groups });
  return {
    intercept: fit.intercept,
    coefficients: fit.coefficients,
    lower: Float64Array.from(fit.lower, (v) => v ?? NaN),
    upper: Float64Array.from(fit.upper, (v) => v ?? NaN),
  };
}
