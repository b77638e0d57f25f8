// Penalised logistic regression (L1, L2, elastic net) with cross-validated penalty, coefficient intervals, and the plain logistic and naive Bayes baselines.
//
// API (pure TypeScript: runs in Node and in Apps Script):
//
//   Designs (design.ts, re-exported here): designFromActive(activeFeaturesPerRow, cols) for a 0/1 design,
//   designFromDense(rows) for numbers; designRows(design, rowIds) for a subset.
//
//   fitPenalisedLogistic(design, y, options) -> PenalisedFit
//     Minimises  -(1/W) sum_i w_i [y_i log p_i + (1 - y_i) log(1 - p_i)]
//                + lambda sum_j pf_j (alpha |b_j| + (1 - alpha) / 2 b_j^2)
//     with p_i = 1 / (1 + exp(-(b0 + x_i . b))), W = sum of the row weights w_i, an unpenalised intercept b0 and
//     penalty factors pf_j (1 each by default; 0 leaves a feature unpenalised). alpha = 1 is the lasso (L1),
//     alpha = 0 ridge (L2), between is the elastic net. With `standardize`, pf_j is scaled by the feature's standard
//     deviation (L1) and its variance (L2), as glmnet's default; coefficients are always on the design's own scale.
//     Solver: glmnet's coordinate descent on the weighted least-squares approximation (proximal Newton), warm-started
//     along a decreasing path of lambdas, with the strong rule screening features and a KKT check bringing back any it
//     wrongly left out. Identical rows are merged first (exact for the log-likelihood), so a design of a few 0/1
//     criteria costs the same at 300 or 100,000 rows.
//     Lambda: `lambda` fixes it; otherwise K-fold cross-validation (`folds`, default 5) over the path chooses it by
//     held-out deviance (default) or AUC, with the minimum (`rule: 'min'`, default) or the largest lambda within one
//     standard error of it (`rule: '1se'`). `groups` (e.g. an account id per row) keeps all rows of a group in one fold.
//     Intervals (`intervals`, default true): Wald intervals b_j +- z se_j with se_j from the sandwich
//     H^-1 M H^-1 of the penalised Hessian H = X'VX + W lambda (1 - alpha) diag(pf) (intercept and non-zero
//     coefficients only) and the outer products M of the score summed per group (`groups`) or per row, times
//     G / (G - 1). They are conditional on the chosen lambda and centred on the shrunken coefficient, so they are
//     approximate; a coefficient the L1 penalty set to 0 has none (null). bootstrapCoefficients gives percentile
//     intervals from a grouped bootstrap instead.
//
//   fitPlainLogistic(design, y, options) -> PenalisedFit: logistic regression by Newton's method with a tiny fixed
//     ridge (l2, default 1e-4 on the scale above), enough to keep separated data finite: the baseline a learned
//     model must match. Same intervals.
//
//   fitNaiveBayes(design, y, options) -> LinearModel: Bernoulli naive Bayes (a non-zero value counts as 1) with
//     Laplace smoothing, written as the linear log-odds model it is.
//
//   linearPredictor(model, design), aucOf(scores, y), meanDeviance(eta, y): scoring and held-out measures.
//   makeFolds(rows, k, seed, groups): the fold of each row (groups kept whole, fold sizes balanced).
//   seededRandom(seed) (random.ts, re-exported): the seeded generator for reproducible folds and bootstraps.

import { designFromActive, designFromDense, designRows, problemOf, type Design, type Problem } from './design';
import { seededRandom } from './random';
import { invertSymmetric, solveSymmetric } from './symmetric';

export { designFromActive, designFromDense, designRows, seededRandom, type Design };

/** A fitted linear log-odds model: log-odds = intercept + coefficients . x. */
export interface LinearModel {
  intercept: number;
  coefficients: Float64Array;
}

export interface CrossValidation {
  measure: 'deviance' | 'auc';
  folds: number;
  /** The lambdas tried, largest first. */
  lambdas: number[];
  /** Held-out measure per lambda, averaged over the folds (mean deviance per row, or AUC). */
  mean: number[];
  /** Its standard error across folds. */
  se: number[];
  /** Index of the lambda with the best mean. */
  best: number;
  /** Index of the lambda chosen (best, or the 1-SE rule's). */
  chosen: number;
}

export interface PenalisedFit extends LinearModel {
  alpha: number;
  lambda: number;
  /** Standard error of each coefficient (null: set to 0 by L1, or intervals off). */
  standardErrors: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  interceptSe: number | null;
  /** How the intervals were made. */
  intervalMethod: 'sandwich' | 'none';
  /** The confidence level of lower / upper. */
  level: number;
  cv: CrossValidation | null;
  /** In-sample deviance (-2 log-likelihood, weighted) of the fit and of the intercept-only model. */
  deviance: number;
  nullDeviance: number;
  /** Rows after identical rows were merged (what the solver saw). */
  distinctRows: number;
}

export interface PenalisedOptions {
  /** 1 = lasso (L1, the default), 0 = ridge (L2), between = elastic net. */
  alpha?: number;
  /** A fixed lambda (no cross-validation). */
  lambda?: number;
  /** The path to search (largest first); default nLambda values from the smallest lambda zeroing every feature. */
  lambdas?: readonly number[];
  nLambda?: number;
  /** Smallest lambda of the default path as a fraction of the largest (default 1e-4, or 1e-2 with more features than rows). */
  lambdaMinRatio?: number;
  folds?: number;
  measure?: 'deviance' | 'auc';
  rule?: 'min' | '1se';
  /** A key per row (an account): cross-validation folds and interval clusters keep its rows together. */
  groups?: ArrayLike<string | number> | null;
  weights?: ArrayLike<number> | null;
  penaltyFactor?: ArrayLike<number> | null;
  standardize?: boolean;
  seed?: number;
  intervals?: boolean;
  level?: number;
  /** Convergence threshold on the weighted mean squared change of the linear predictor (default 1e-8). */
  tolerance?: number;
}

const P_FLOOR = 1e-5;

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** intercept + coefficients . x for every row of the design. */
export function linearPredictor(model: LinearModel, design: Design): Float64Array {
  const { rowStart, colIndex, values } = design;
  const eta = new Float64Array(design.rows);
  const b = model.coefficients;
  for (let r = 0; r < design.rows; r++) {
    let s = model.intercept;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) s += values === null ? b[colIndex[k]!]! : b[colIndex[k]!]! * values[k]!;
    eta[r] = s;
  }
  return eta;
}

/**
 * ROC AUC of scores against 0/1 outcomes (y >= 0.5 is a positive), ties counting half, optionally only over the
 * rows `which`; null without both outcomes.
 */
export function aucOf(scores: ArrayLike<number>, y: ArrayLike<number>, which: ArrayLike<number> | null = null): number | null {
  const count = which === null ? scores.length : which.length;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = which === null ? k : which[k]!;
  order.sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < count; ) {
    let j = i;
    while (j < count && scores[order[j]!] === scores[order[i]!]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (y[order[k]!]! >= 0.5) {
        positives++;
        rankSum += rank;
      }
    }
    i = j;
  }
  const negatives = count - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Weighted mean of -2 log-likelihood of linear predictors eta against targets y (optionally over rows `which`). */
export function meanDeviance(eta: ArrayLike<number>, y: ArrayLike<number>, weights: ArrayLike<number> | null = null, which: ArrayLike<number> | null = null): number {
  const count = which === null ? eta.length : which.length;
  let sum = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const r = which === null ? k : which[k]!;
    const w = weights === null ? 1 : weights[r]!;
    if (!(w > 0)) continue;
    sum += w * rowDeviance(eta[r]!, y[r]!);
    total += w;
  }
  return total === 0 ? 0 : sum / total;
}

/** -2 log-likelihood of one row, computed stably (log1p of exp of the smaller side). */
function rowDeviance(eta: number, y: number): number {
  // -log p = log(1 + e^-eta), -log(1 - p) = log(1 + e^eta)
  const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
  return 2 * (y * softplus(-eta) + (1 - y) * softplus(eta));
}

/**
 * The fold of each row, 0 .. k-1: the rows of a group (all rows sharing a `groups` key, or each row alone) go to one
 * fold, groups in a seeded random order, each to the fold with the fewest rows so far.
 */
export function makeFolds(rows: number, k: number, seed: number, groups: ArrayLike<string | number> | null = null): Int32Array {
  const members = new Map<string | number, number[]>();
  for (let r = 0; r < rows; r++) {
    const key = groups === null ? r : groups[r]!;
    const list = members.get(key);
    if (list === undefined) members.set(key, [r]);
    else list.push(r);
  }
  const order = seededRandom(seed).shuffle([...members.values()]);
  const size = new Array<number>(k).fill(0);
  const fold = new Int32Array(rows);
  for (const list of order) {
    let smallest = 0;
    for (let f = 1; f < k; f++) if (size[f]! < size[smallest]!) smallest = f;
    for (const r of list) fold[r] = smallest;
    size[smallest]! += list.length;
  }
  return fold;
}

/** The solver's position: intercept, coefficients and the linear predictor of each (merged) row. */
interface State {
  b0: number;
  b: Float64Array;
  eta: Float64Array;
}

interface Penalty {
  alpha: number;
  l1: Float64Array;
  l2: Float64Array;
}

function startState(prob: Problem): State {
  let wy = 0;
  for (let i = 0; i < prob.n; i++) wy += prob.w[i]! * prob.y[i]!;
  const mean = Math.min(1 - P_FLOOR, Math.max(P_FLOOR, wy / prob.total));
  const b0 = Math.log(mean / (1 - mean));
  return { b0, b: new Float64Array(prob.p), eta: new Float64Array(prob.n).fill(b0) };
}

/** sum_i w_i (y_i - p_i) x_ij for every feature j at the state. */
function gradient(prob: Problem, st: State): Float64Array {
  const res = new Float64Array(prob.n);
  for (let i = 0; i < prob.n; i++) res[i] = prob.w[i]! * (prob.y[i]! - sigmoid(st.eta[i]!));
  const g = new Float64Array(prob.p);
  const { colStart, rowIndex, values } = prob;
  for (let j = 0; j < prob.p; j++) {
    let s = 0;
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) s += values === null ? res[rowIndex[k]!]! : res[rowIndex[k]!]! * values[k]!;
    g[j] = s;
  }
  return g;
}

function deviance(prob: Problem, st: State): number {
  let d = 0;
  for (let i = 0; i < prob.n; i++) d += prob.w[i]! * rowDeviance(st.eta[i]!, prob.y[i]!);
  return d;
}

/** Buffers solveAt reuses from one lambda to the next (per row: v, r; per feature: xv, mean, before). */
interface Workspace {
  v: Float64Array;
  r: Float64Array;
  xv: Float64Array;
  mean: Float64Array;
  before: Float64Array;
}

function workspace(prob: Problem): Workspace {
  return { v: new Float64Array(prob.n), r: new Float64Array(prob.n), xv: new Float64Array(prob.p), mean: new Float64Array(prob.p), before: new Float64Array(prob.p) };
}

/**
 * Proximal Newton at one lambda over the features `set`: repeatedly approximate the log-likelihood by weighted least
 * squares at the current state and minimise that plus the penalty by coordinate descent (a full sweep of `set`,
 * then sweeps of its non-zero coefficients until they settle, then a full sweep again). As glmnet, each feature is
 * centred on its weighted mean inside the descent (a step of b_j moves the intercept by -mean_j times it): 0/1
 * columns are far from centred, and without this the intercept and every common feature fight each other for
 * hundreds of sweeps. The centring shift common to all rows is kept as one number (`shift`) instead of touching
 * every row, so a step costs only the rows where the feature is non-zero.
 */
function solveAt(prob: Problem, lambda: number, pen: Penalty, st: State, set: Int32Array, tol: number, work: Workspace): void {
  const { n, colStart, rowIndex, values, y, w, total } = prob;
  // r[i] - v[i] * shift is the working residual w_i (y_i - p_i) - v_i (eta_i - eta_i at the expansion point); st.eta[i] + shift is eta_i.
  const { v, r, xv, mean, before } = work;
  const l1 = total * lambda * pen.alpha;
  const l2 = total * lambda * (1 - pen.alpha);
  const threshold = tol * total;
  const active = new Int32Array(set.length);
  let shift = 0;
  let sumR = 0;
  let sumV = 0;
  const sweep = (features: Int32Array, count: number): number => {
    let maxDelta = 0;
    const sumTrue = sumR - shift * sumV;
    const d0 = sumTrue / sumV;
    if (d0 !== 0) {
      st.b0 += d0;
      shift += d0;
      maxDelta = sumV * d0 * d0;
    }
    for (let t = 0; t < count; t++) {
      const j = features[t]!;
      const xvj = xv[j]!;
      if (!(xvj > 1e-12 * sumV)) continue;
      const from = colStart[j]!;
      const to = colStart[j + 1]!;
      let g = 0;
      if (values === null) for (let k = from; k < to; k++) g += r[rowIndex[k]!]!;
      else for (let k = from; k < to; k++) g += r[rowIndex[k]!]! * values[k]!;
      const mj = mean[j]!;
      g -= mj * sumR;
      const bj = st.b[j]!;
      const u = g + xvj * bj;
      const cut = l1 * pen.l1[j]!;
      const nb = u > cut ? (u - cut) / (xvj + l2 * pen.l2[j]!) : u < -cut ? (u + cut) / (xvj + l2 * pen.l2[j]!) : 0;
      if (nb === bj) continue;
      const d = nb - bj;
      st.b[j] = nb;
      if (values === null) {
        for (let k = from; k < to; k++) {
          const i = rowIndex[k]!;
          r[i]! -= v[i]! * d;
          st.eta[i]! += d;
        }
      } else {
        for (let k = from; k < to; k++) {
          const i = rowIndex[k]!;
          r[i]! -= v[i]! * values[k]! * d;
          st.eta[i]! += values[k]! * d;
        }
      }
      sumR -= mj * sumV * d;
      shift -= mj * d;
      st.b0 -= mj * d;
      const change = xvj * d * d;
      if (change > maxDelta) maxDelta = change;
    }
    return maxDelta;
  };
  for (let outer = 0; outer < 100; outer++) {
    sumV = 0;
    sumR = 0;
    shift = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - P_FLOOR, Math.max(P_FLOOR, sigmoid(st.eta[i]!)));
      v[i] = w[i]! * p * (1 - p);
      r[i] = w[i]! * (y[i]! - p);
      sumV += v[i]!;
      sumR += r[i]!;
    }
    for (let t = 0; t < set.length; t++) {
      const j = set[t]!;
      let a = 0;
      let s = 0;
      if (values === null) {
        for (let k = colStart[j]!; k < colStart[j + 1]!; k++) a += v[rowIndex[k]!]!;
        s = a;
      } else {
        for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
          const vx = v[rowIndex[k]!]! * values[k]!;
          a += vx;
          s += vx * values[k]!;
        }
      }
      mean[j] = a / sumV;
      xv[j] = s - (a * a) / sumV;
      before[j] = st.b[j]!;
    }
    const b0Before = st.b0;
    for (let inner = 0; inner < 1000; inner++) {
      if (sweep(set, set.length) < threshold) break;
      let count = 0;
      for (let t = 0; t < set.length; t++) if (st.b[set[t]!] !== 0) active[count++] = set[t]!;
      for (let again = 0; again < 1000; again++) if (sweep(active, count) < threshold) break;
    }
    if (shift !== 0) for (let i = 0; i < n; i++) st.eta[i]! += shift;
    let change = sumV * (st.b0 - b0Before) ** 2;
    for (let t = 0; t < set.length; t++) {
      const j = set[t]!;
      change = Math.max(change, xv[j]! * (st.b[j]! - before[j]!) ** 2);
    }
    if (change < threshold) return;
  }
}

/** Penalty factors per feature, scaled by each feature's spread when standardising. */
function penaltyOf(prob: Problem, alpha: number, factor: ArrayLike<number> | null | undefined, standardize: boolean): Penalty {
  const l1 = new Float64Array(prob.p);
  const l2 = new Float64Array(prob.p);
  for (let j = 0; j < prob.p; j++) {
    const f = factor == null ? 1 : factor[j]!;
    if (!(f >= 0)) throw new RangeError(`logistic fit: penalty factor ${j} is ${f}`);
    let sd = 1;
    if (standardize) {
      let s1 = 0;
      let s2 = 0;
      for (let k = prob.colStart[j]!; k < prob.colStart[j + 1]!; k++) {
        const x = prob.values === null ? 1 : prob.values[k]!;
        const wi = prob.w[prob.rowIndex[k]!]!;
        s1 += wi * x;
        s2 += wi * x * x;
      }
      const mean = s1 / prob.total;
      sd = Math.sqrt(Math.max(0, s2 / prob.total - mean * mean));
    }
    l1[j] = f * sd;
    l2[j] = f * sd * sd;
  }
  return { alpha, l1, l2 };
}

/** The smallest lambda at which every penalised coefficient is 0 (for ridge, as if alpha were 0.001, as glmnet). */
function lambdaMax(prob: Problem, pen: Penalty): number {
  const g = gradient(prob, startState(prob));
  let most = 0;
  for (let j = 0; j < prob.p; j++) if (pen.l1[j]! > 0) most = Math.max(most, Math.abs(g[j]!) / pen.l1[j]!);
  return most / (prob.total * Math.max(pen.alpha, 1e-3));
}

function allPresent(prob: Problem): Int32Array {
  const list: number[] = [];
  for (let j = 0; j < prob.p; j++) if (prob.colStart[j + 1]! > prob.colStart[j]!) list.push(j);
  return Int32Array.from(list);
}

/**
 * Walks a path of decreasing lambdas with warm starts: step(lambda) solves at the next lambda from the previous
 * solution. With an L1 part, the strong rule screens features (a feature whose gradient is well below the penalty is
 * very likely 0) and a KKT check brings back any it wrongly left out. Once the deviance stops moving (1e-5 of the null
 * deviance per step) or the fit is nearly saturated, later steps return the last solution unchanged.
 */
class PathSolver {
  readonly st: State;
  private readonly present: Int32Array;
  private readonly inSet: Uint8Array;
  private readonly set: Int32Array;
  private readonly work: Workspace;
  private readonly nullDev: number;
  private grad: Float64Array | null;
  private previous: number;
  private lastDev: number;
  private steps = 0;
  private stopped = false;

  constructor(private readonly prob: Problem, private readonly pen: Penalty, private readonly tol: number, top: number) {
    this.st = startState(prob);
    this.present = allPresent(prob);
    this.inSet = new Uint8Array(prob.p);
    this.set = new Int32Array(prob.p);
    this.work = workspace(prob);
    this.nullDev = deviance(prob, this.st);
    this.lastDev = this.nullDev;
    this.grad = pen.alpha > 0 ? gradient(prob, this.st) : null;
    this.previous = Math.max(top, lambdaMax(prob, pen));
  }

  step(lambda: number): State {
    const { prob, pen, st, present, inSet } = this;
    if (this.stopped) return st;
    if (pen.alpha > 0 && this.grad !== null) {
      inSet.fill(0);
      for (const j of present) {
        if (st.b[j] !== 0 || pen.l1[j] === 0 || Math.abs(this.grad[j]!) >= prob.total * pen.alpha * pen.l1[j]! * (2 * lambda - this.previous)) inSet[j] = 1;
      }
      for (;;) {
        let count = 0;
        for (const j of present) if (inSet[j] === 1) this.set[count++] = j;
        solveAt(prob, lambda, pen, st, this.set.subarray(0, count), this.tol, this.work);
        const grad = gradient(prob, st);
        this.grad = grad;
        let added = false;
        for (const j of present) {
          if (inSet[j] === 1) continue;
          if (Math.abs(grad[j]!) > prob.total * lambda * pen.alpha * pen.l1[j]! * (1 + 1e-9) + 1e-12) {
            inSet[j] = 1;
            added = true;
          }
        }
        if (!added) break;
      }
    } else {
      solveAt(prob, lambda, pen, st, present, this.tol, this.work);
    }
    const dev = deviance(prob, st);
    if (this.steps >= 4 && (this.lastDev - dev < 1e-5 * this.nullDev || dev < 1e-3 * this.nullDev)) this.stopped = true;
    this.steps++;
    this.lastDev = dev;
    this.previous = lambda;
    return st;
  }
}

/** The default path: nLambda lambdas spaced evenly on a log scale from lambdaMax down to lambdaMax x ratio. */
function defaultLambdas(prob: Problem, pen: Penalty, options: PenalisedOptions): number[] {
  const count = options.nLambda ?? 40;
  const top = lambdaMax(prob, pen);
  if (!(top > 0)) return [0];
  const ratio = options.lambdaMinRatio ?? (prob.n > prob.p ? 1e-4 : 1e-2);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(top * Math.pow(ratio, count === 1 ? 0 : k / (count - 1)));
  return out;
}

/** Penalised logistic regression; see the file's header for the objective, the solver, the CV and the intervals. */
export function fitPenalisedLogistic(design: Design, y: ArrayLike<number>, options: PenalisedOptions = {}): PenalisedFit {
  if (y.length !== design.rows) throw new RangeError(`fitPenalisedLogistic: ${y.length} targets for ${design.rows} rows`);
  const alpha = options.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`fitPenalisedLogistic: alpha ${alpha} is not between 0 and 1`);
  const weights = options.weights ?? null;
  const groups = options.groups ?? null;
  const tol = options.tolerance ?? 1e-8;
  const prob = problemOf(design, y, weights);
  const pen = penaltyOf(prob, alpha, options.penaltyFactor, options.standardize ?? false);
  let lambdas: number[];
  if (options.lambda !== undefined) {
    // A fixed lambda is still reached along a short path from the top, so the L1 screening stays safe and fast.
    const top = lambdaMax(prob, pen);
    lambdas = [];
    if (top > options.lambda) for (let k = 0; k < 10; k++) lambdas.push(top * Math.pow(options.lambda / top, k / 10));
    lambdas.push(options.lambda);
  } else {
    lambdas = options.lambdas !== undefined ? [...options.lambdas] : defaultLambdas(prob, pen, options);
  }
  const top = lambdaMax(prob, pen);
  let chosen = lambdas.length - 1;
  let cv: CrossValidation | null = null;
  if (options.lambda === undefined && lambdas.length > 1) {
    cv = crossValidate(design, y, weights, groups, lambdas, pen, options, tol, top);
    chosen = cv.chosen;
  }
  // The full data's path only as far as the chosen lambda: warm starts make the solution there what a longer walk would give.
  const solver = new PathSolver(prob, pen, tol, top);
  for (let k = 0; k <= chosen; k++) solver.step(lambdas[k]!);
  const model: LinearModel = { intercept: solver.st.b0, coefficients: Float64Array.from(solver.st.b) };
  return finish(design, y, weights, groups, prob, model, alpha, lambdas[chosen]!, pen, cv, options);
}

/** Lambdas the cross-validation goes on trying after the best so far before it stops (the held-out curve is U-shaped). */
const PATIENCE = 6;

/**
 * K-fold cross-validation over the path, lambda by lambda across all folds, so the walk stops PATIENCE lambdas past
 * the best held-out measure instead of fitting the slow, nearly unpenalised end of the path that is never chosen.
 */
function crossValidate(
  design: Design, y: ArrayLike<number>, weights: ArrayLike<number> | null, groups: ArrayLike<string | number> | null,
  lambdas: number[], pen: Penalty, options: PenalisedOptions, tol: number, top: number,
): CrossValidation {
  const k = Math.max(2, options.folds ?? 5);
  const measure = options.measure ?? 'deviance';
  const fold = makeFolds(design.rows, k, options.seed ?? 1, groups);
  const runs: { solver: PathSolver; test: Design; y: Float64Array; w: Float64Array | null }[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < design.rows; r++) (fold[r] === f ? test : train).push(r);
    if (test.length === 0 || train.length === 0) continue;
    runs.push({
      solver: new PathSolver(problemOf(design, y, weights, train), pen, tol, top),
      test: designRows(design, test),
      y: Float64Array.from(test, (r) => y[r]!),
      w: weights === null ? null : Float64Array.from(test, (r) => weights[r]!),
    });
  }
  const better = (a: number, b: number): boolean => (measure === 'auc' ? a > b : a < b);
  const mean: number[] = [];
  const se: number[] = [];
  let best = 0;
  for (let at = 0; at < lambdas.length; at++) {
    const values: number[] = [];
    for (const run of runs) {
      const st = run.solver.step(lambdas[at]!);
      const eta = linearPredictor({ intercept: st.b0, coefficients: st.b }, run.test);
      const value = measure === 'auc' ? aucOf(eta, run.y) : meanDeviance(eta, run.y, run.w);
      if (value !== null) values.push(value);
    }
    const m = values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
    mean.push(m);
    se.push(values.length < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1) / values.length));
    if (!Number.isNaN(m) && (Number.isNaN(mean[best]!) || better(m, mean[best]!))) best = at;
    if (at - best >= PATIENCE) break;
  }
  let chosen = best;
  if (options.rule === '1se') {
    const bound = measure === 'auc' ? mean[best]! - se[best]! : mean[best]! + se[best]!;
    for (let i = 0; i < best; i++) {
      if (measure === 'auc' ? mean[i]! >= bound : mean[i]! <= bound) {
        chosen = i;
        break;
      }
    }
  }
  return { measure, folds: runs.length, lambdas: lambdas.slice(0, mean.length), mean, se, best, chosen };
}

/** Deviances and intervals of a fitted model. */
function finish(
  design: Design, y: ArrayLike<number>, weights: ArrayLike<number> | null, groups: ArrayLike<string | number> | null, prob: Problem,
  model: LinearModel, alpha: number, lambda: number, pen: Penalty, cv: CrossValidation | null, options: { intervals?: boolean; level?: number },
): PenalisedFit {
  const eta = linearPredictor(model, prob.byRow);
  const base = startState(prob);
  const dev = deviance(prob, { b0: model.intercept, b: model.coefficients, eta });
  const level = options.level ?? 0.95;
  const p = design.cols;
  const empty = new Array<number | null>(p).fill(null);
  const fit: PenalisedFit = {
    ...model, alpha, lambda, standardErrors: empty, lower: [...empty], upper: [...empty], interceptSe: null, intervalMethod: 'none', level, cv,
    deviance: dev, nullDeviance: deviance(prob, base), distinctRows: prob.n,
  };
  if (options.intervals === false) return fit;
  const cov = sandwich(design, y, weights, groups, prob, model, alpha, lambda, pen);
  const z = normalQuantile(0.5 + level / 2);
  fit.intervalMethod = 'sandwich';
  fit.interceptSe = cov.se[0]!;
  fit.standardErrors = new Array<number | null>(p).fill(null);
  for (let t = 1; t < cov.params.length; t++) {
    const j = cov.params[t]!;
    const se = cov.se[t]!;
    fit.standardErrors[j] = se;
    fit.lower[j] = model.coefficients[j]! - z * se;
    fit.upper[j] = model.coefficients[j]! + z * se;
  }
  return fit;
}

/**
 * Cluster-robust sandwich covariance H^-1 M H^-1 over the intercept and the features that can move (non-zero under
 * an L1 penalty; present in the data under pure ridge): params[0] is the intercept (-1), then feature ids.
 */
function sandwich(
  design: Design, y: ArrayLike<number>, weights: ArrayLike<number> | null, groups: ArrayLike<string | number> | null, prob: Problem,
  model: LinearModel, alpha: number, lambda: number, pen: Penalty,
): { params: number[]; se: number[] } {
  const params = [-1];
  const slot = new Int32Array(design.cols).fill(-1);
  for (let j = 0; j < design.cols; j++) {
    const present = prob.colStart[j + 1]! > prob.colStart[j]!;
    if (present && (model.coefficients[j] !== 0 || alpha === 0)) {
      slot[j] = params.length;
      params.push(j);
    }
  }
  const m = params.length;
  const h = new Float64Array(m * m);
  const rows = prob.byRow;
  const eta = linearPredictor(model, rows);
  for (let i = 0; i < prob.n; i++) {
    const pi = sigmoid(eta[i]!);
    const v = prob.w[i]! * pi * (1 - pi);
    const idx: number[] = [0];
    const val: number[] = [1];
    for (let k = rows.rowStart[i]!; k < rows.rowStart[i + 1]!; k++) {
      const s = slot[rows.colIndex[k]!]!;
      if (s < 0) continue;
      idx.push(s);
      val.push(rows.values === null ? 1 : rows.values[k]!);
    }
    for (let a = 0; a < idx.length; a++) for (let c = 0; c < idx.length; c++) h[idx[a]! * m + idx[c]!]! += v * val[a]! * val[c]!;
  }
  for (let t = 1; t < m; t++) h[t * m + t]! += prob.total * lambda * (1 - alpha) * pen.l2[params[t]!]!;
  // Scores summed per cluster (a group, or a row alone), then their outer products.
  const clusters = new Map<string | number, Map<number, number>>();
  const etaAll = linearPredictor(model, design);
  for (let r = 0; r < design.rows; r++) {
    const w = weights === null ? 1 : weights[r]!;
    if (!(w > 0)) continue;
    const res = w * (y[r]! - sigmoid(etaAll[r]!));
    const key = groups === null ? r : groups[r]!;
    let score = clusters.get(key);
    if (score === undefined) clusters.set(key, (score = new Map()));
    score.set(0, (score.get(0) ?? 0) + res);
    for (let k = design.rowStart[r]!; k < design.rowStart[r + 1]!; k++) {
      const s = slot[design.colIndex[k]!]!;
      if (s < 0) continue;
      score.set(s, (score.get(s) ?? 0) + res * (design.values === null ? 1 : design.values[k]!));
    }
  }
  const meat = new Float64Array(m * m);
  for (const score of clusters.values()) {
    const entries = [...score];
    for (const [a, va] of entries) for (const [c, vc] of entries) meat[a * m + c]! += va * vc;
  }
  const g = clusters.size;
  const correction = g > 1 ? g / (g - 1) : 1;
  const inv = invertSymmetric(h, m);
  const se: number[] = [];
  for (let t = 0; t < m; t++) {
    // (H^-1 M H^-1)_tt = sum_a sum_c inv[t,a] meat[a,c] inv[c,t]
    let s = 0;
    for (let a = 0; a < m; a++) {
      const ia = inv[t * m + a]!;
      if (ia === 0) continue;
      let inner = 0;
      for (let c = 0; c < m; c++) inner += meat[a * m + c]! * inv[c * m + t]!;
      s += ia * inner;
    }
    se.push(Math.sqrt(Math.max(0, s * correction)));
  }
  return { params, se };
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

export interface PlainOptions {
  /** The fixed ridge on the scale of the header's objective (default 1e-4). */
  l2?: number;
  weights?: ArrayLike<number> | null;
  groups?: ArrayLike<string | number> | null;
  intervals?: boolean;
  level?: number;
}

/** Logistic regression with a tiny ridge, by Newton's method with step halving (the baseline; see the header). */
export function fitPlainLogistic(design: Design, y: ArrayLike<number>, options: PlainOptions = {}): PenalisedFit {
  if (y.length !== design.rows) throw new RangeError(`fitPlainLogistic: ${y.length} targets for ${design.rows} rows`);
  const l2 = options.l2 ?? 1e-4;
  const weights = options.weights ?? null;
  const prob = problemOf(design, y, weights);
  const pen = penaltyOf(prob, 0, null, false);
  const m = design.cols + 1;
  const rows = prob.byRow;
  const ridge = prob.total * l2;
  const st = startState(prob);
  const objective = (b0: number, b: Float64Array): number => {
    const eta = linearPredictor({ intercept: b0, coefficients: b }, rows);
    let f = 0;
    for (let i = 0; i < prob.n; i++) f += (prob.w[i]! * rowDeviance(eta[i]!, prob.y[i]!)) / 2;
    for (let j = 0; j < b.length; j++) f += (ridge / 2) * b[j]! * b[j]!;
    return f;
  };
  let current = objective(st.b0, st.b);
  for (let iteration = 0; iteration < 100; iteration++) {
    const eta = linearPredictor({ intercept: st.b0, coefficients: st.b }, rows);
    const h = new Float64Array(m * m);
    const g = new Float64Array(m);
    for (let i = 0; i < prob.n; i++) {
      const pi = sigmoid(eta[i]!);
      const v = prob.w[i]! * pi * (1 - pi);
      const res = prob.w[i]! * (prob.y[i]! - pi);
      const from = rows.rowStart[i]!;
      const to = rows.rowStart[i + 1]!;
      g[0]! += res;
      h[0]! += v;
      for (let k = from; k < to; k++) {
        const a = rows.colIndex[k]! + 1;
        const xa = rows.values === null ? 1 : rows.values[k]!;
        g[a]! += res * xa;
        h[a]! += v * xa;
        h[a * m]! += v * xa;
        for (let q = from; q < to; q++) h[a * m + rows.colIndex[q]! + 1]! += v * xa * (rows.values === null ? 1 : rows.values[q]!);
      }
    }
    for (let j = 1; j < m; j++) {
      g[j]! -= ridge * st.b[j - 1]!;
      h[j * m + j]! += ridge;
    }
    const step = solveSymmetric(h, m, g);
    let decrease = 0;
    for (let j = 0; j < m; j++) decrease += step[j]! * g[j]!;
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < 30; halving++) {
      const b0 = st.b0 + scale * step[0]!;
      const b = Float64Array.from(st.b, (x, j) => x + scale * step[j + 1]!);
      const next = objective(b0, b);
      if (next <= current + 1e-12 * Math.abs(current)) {
        st.b0 = b0;
        st.b = b;
        current = next;
        accepted = true;
        break;
      }
      scale /= 2;
    }
    if (!accepted || decrease < 1e-10 * prob.total) break;
  }
  const model: LinearModel = { intercept: st.b0, coefficients: st.b };
  return finish(design, y, weights, options.groups ?? null, prob, model, 0, l2, pen, null, options);
}

export interface NaiveBayesOptions {
  weights?: ArrayLike<number> | null;
  /** Laplace smoothing: pseudo-counts added to each feature's present and absent counts per class (default 1). */
  smoothing?: number;
}

/** Bernoulli naive Bayes as a linear log-odds model (see the header). */
export function fitNaiveBayes(design: Design, y: ArrayLike<number>, options: NaiveBayesOptions = {}): LinearModel {
  const s = options.smoothing ?? 1;
  const weights = options.weights ?? null;
  const p = design.cols;
  const c1 = new Float64Array(p);
  const c0 = new Float64Array(p);
  let w1 = 0;
  let w0 = 0;
  for (let r = 0; r < design.rows; r++) {
    const w = weights === null ? 1 : weights[r]!;
    if (!(w > 0)) continue;
    const yr = y[r]!;
    w1 += w * yr;
    w0 += w * (1 - yr);
    for (let k = design.rowStart[r]!; k < design.rowStart[r + 1]!; k++) {
      if (design.values !== null && design.values[k] === 0) continue;
      const j = design.colIndex[k]!;
      c1[j]! += w * yr;
      c0[j]! += w * (1 - yr);
    }
  }
  const coefficients = new Float64Array(p);
  let intercept = Math.log((w1 + s) / (w0 + s));
  for (let j = 0; j < p; j++) {
    const t1 = (c1[j]! + s) / (w1 + 2 * s);
    const t0 = (c0[j]! + s) / (w0 + 2 * s);
    const absent = Math.log((1 - t1) / (1 - t0));
    intercept += absent;
    coefficients[j] = Math.log(t1 / t0) - absent;
  }
  return { intercept, coefficients };
}

export interface BootstrapOptions extends PenalisedOptions {
  /** Resamples (default 200). */
  resamples?: number;
}

/**
 * Percentile intervals from a grouped bootstrap: `resamples` times, groups (or rows) are drawn with replacement
 * (as row weights: no copying), the penalised fit is redone at the fixed `lambda` (required), and each coefficient's
 * (1 - level)/2 and (1 + level)/2 quantiles are returned with the share of resamples in which it was not 0.
 */
export function bootstrapCoefficients(design: Design, y: ArrayLike<number>, options: BootstrapOptions & { lambda: number }): {
  lower: number[]; upper: number[]; nonZero: number[];
} {
  const resamples = options.resamples ?? 200;
  const random = seededRandom(options.seed ?? 1);
  const groups = options.groups ?? null;
  const keys: (string | number)[] = [];
  const index = new Map<string | number, number>();
  const member = new Int32Array(design.rows);
  for (let r = 0; r < design.rows; r++) {
    const key = groups === null ? r : groups[r]!;
    let at = index.get(key);
    if (at === undefined) {
      at = keys.length;
      index.set(key, at);
      keys.push(key);
    }
    member[r] = at;
  }
  const draws: Float64Array[] = [];
  const base = options.weights ?? null;
  for (let b = 0; b < resamples; b++) {
    const times = new Float64Array(keys.length);
    for (let d = 0; d < keys.length; d++) times[random.int(keys.length)]!++;
    const w = Float64Array.from(member, (g, r) => times[g]! * (base === null ? 1 : base[r]!));
    draws.push(fitPenalisedLogistic(design, y, { ...options, weights: w, intervals: false, groups: null }).coefficients);
  }
  const level = options.level ?? 0.95;
  const lower: number[] = [];
  const upper: number[] = [];
  const nonZero: number[] = [];
  for (let j = 0; j < design.cols; j++) {
    const values = draws.map((d) => d[j]!).sort((a, b) => a - b);
    lower.push(quantile(values, (1 - level) / 2));
    upper.push(quantile(values, (1 + level) / 2));
    nonZero.push(values.filter((v) => v !== 0).length / values.length);
  }
  return { lower, upper, nonZero };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
