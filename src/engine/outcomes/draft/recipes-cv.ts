// Which way of drafting predicts held-out deals better: the sparse fit or the evidence units, each redone inside every fold of one grouped cross-validation.

import { aucInterval, type AucInterval } from '../auc-interval';
import { linearPredictor, makeFolds, meanDeviance } from '../logistic';
import type { Candidate } from './candidates';
import { calibrateUnits, FoldEvidence } from './evidence';
import { designOf, FOLDS, sparseAt } from './fit';
import { fitLatentClasses, latentScores, type LatentItem } from './latent-class';
import { screen } from './screen';

/** Mean held-out deviance per deal across the folds, and its standard error. */
export interface HeldOut {
  mean: number;
  se: number;
}

export interface RecipeComparison {
  folds: number;
  /** No criterion: every deal at the training folds' win rate. */
  none: HeldOut;
  sparse: HeldOut;
  evidence: HeldOut;
  /** The latent-class recipe (NaN without its items). */
  latent: HeldOut;
  /** The evidence recipe's held-out log odds of every deal (each from the folds that left it out), and their AUC with its 95% interval (deals of one account together). */
  evidenceHeldOut: Float64Array;
  evidenceAuc: AucInterval | null;
  /** The same for the sparse recipe: its held-out log odds of every deal, and their AUC with its 95% interval. */
  sparseHeldOut: Float64Array;
  sparseAuc: AucInterval | null;
  /** The same for the latent-class recipe. */
  latentHeldOut: Float64Array;
  latentAuc: AucInterval | null;
}

/**
 * The latent-class recipe's input: items built on the fit rows followed by the open deals (row k < fit rows is fit row
 * k), and each such row's outcome (1 won, 0 lost, -1 open).
 */
export interface LatentInput {
  items: LatentItem[];
  outcome: Int8Array;
}

function summary(values: readonly number[]): HeldOut {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const se = values.length < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1) / values.length);
  return { mean: m, se };
}

function subset(x: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (k) => x[k]!);
}

/**
 * Both recipes fitted on the training folds and scored on the held-out fold, on the folds the sparse fit's own
 * cross-validation used (FOLDS, `seed`, each account's deals in one fold). The sparse recipe screens the candidates
 * again on each training part and fits its elastic net at `lambda` (the penalty its cross-validation chose); the evidence
 * recipe picks its units on each training part, and what a unit is worth from the training deals' units each counted
 * without its own fold. Everything a recipe learns from outcomes is
 * learnt without the held-out deals, so neither is favoured by having seen them.
 */
export function compareRecipes(candidates: readonly Candidate[], y: Uint8Array, groups: Int32Array | null, seed: number, lambda: number, latent: LatentInput | null = null): RecipeComparison {
  const n = y.length;
  const fold = makeFolds(n, FOLDS, seed, groups);
  const features = candidates.map((c) => c.x);
  const counts = new FoldEvidence(features, y, fold, FOLDS);
  const none: number[] = [];
  const sparse: number[] = [];
  const evidence: number[] = [];
  const latentDev: number[] = [];
  const heldOut = new Float64Array(n);
  const sparseHeldOut = new Float64Array(n);
  const latentHeldOut = new Float64Array(n);
  const openRows = latent === null ? [] : Array.from({ length: latent.outcome.length - n }, (_, i) => n + i);
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let k = 0; k < n; k++) (fold[k] === f ? test : train).push(k);
    if (train.length === 0 || test.length === 0) continue;
    const yTrain = subset(y, train);
    const yTest = subset(y, test);
    let won = 0;
    for (const v of yTrain) won += v;
    if (won === 0 || won === yTrain.length) continue;

    const rate = won / yTrain.length;
    const noneDev = meanDeviance(new Float64Array(test.length).fill(Math.log(rate / (1 - rate))), yTest);

    const kept = screen(candidates, y, train);
    const keptIndex = kept.map((c) => candidates.indexOf(c));
    const model = sparseAt({ features: keptIndex.map((j) => subset(features[j]!, train)), y: yTrain, groups: null }, lambda);
    const sparseEta = linearPredictor(model, designOf(keptIndex.map((j) => subset(features[j]!, test)), test.length));
    test.forEach((k, t) => (sparseHeldOut[k] = sparseEta[t]!));
    const sparseDev = meanDeviance(sparseEta, yTest);

    // The units of the held-out fold, chosen on the training folds; what a unit is worth, fitted on the training deals'
    // units each chosen without its own fold (cross-fitted), so no unit has seen the outcome it is fitted to.
    const units = new Float64Array(n);
    counts.addUnits(counts.weightsWithout([f]), f, units);
    const honest = new Float64Array(n);
    for (let g = 0; g < FOLDS; g++) if (g !== f) counts.addUnits(counts.weightsWithout([f, g]), g, honest);
    const cal = calibrateUnits(honest, y, { which: train });
    const evidenceEta = Float64Array.from(test, (k) => cal.intercept + cal.slope * units[k]!);
    test.forEach((k, t) => (heldOut[k] = evidenceEta[t]!));
    const evidenceDev = meanDeviance(evidenceEta, yTest);

    // The classes from the training deals and every open deal (never the held-out ones); what a unit of their score
    // is worth, from the training deals.
    if (latent !== null) {
      const classes = fitLatentClasses(latent.items, latent.outcome, [...train, ...openRows]);
      let latentEta: Float64Array;
      if (classes === null) latentEta = new Float64Array(test.length).fill(Math.log(rate / (1 - rate)));
      else {
        const trainScores = latentScores(latent.items, classes, train);
        const scores = new Float64Array(n);
        train.forEach((k, t) => (scores[k] = trainScores[t]!));
        const cal = calibrateUnits(scores, y, { which: train });
        const testScores = latentScores(latent.items, classes, test);
        latentEta = Float64Array.from(testScores, (s) => cal.intercept + cal.slope * s);
      }
      test.forEach((k, t) => (latentHeldOut[k] = latentEta[t]!));
      latentDev.push(meanDeviance(latentEta, yTest));
    }

    none.push(noneDev);
    sparse.push(sparseDev);
    evidence.push(evidenceDev);
  }
  return {
    folds: none.length, none: summary(none), sparse: summary(sparse), evidence: summary(evidence),
    evidenceHeldOut: heldOut, evidenceAuc: aucInterval(heldOut, y, groups),
    sparseHeldOut, sparseAuc: aucInterval(sparseHeldOut, y, groups),
    latent: latent === null ? { mean: NaN, se: NaN } : summary(latentDev),
    latentHeldOut, latentAuc: latent === null ? null : aucInterval(latentHeldOut, y, groups),
  };
}

/**
 * Several cross-validations (on different folds) as one: each recipe's mean held-out deviance averaged over them (its
 * standard error the largest of theirs); the held-out scores and their AUCs are the first's (the folds the sparse
 * fit's own cross-validation used), which the recipes' gates read.
 */
export function averaged(runs: readonly RecipeComparison[]): RecipeComparison {
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const mean = (pick: (r: RecipeComparison) => HeldOut): HeldOut => ({
    mean: runs.reduce((s, r) => s + pick(r).mean, 0) / runs.length,
    se: Math.max(...runs.map((r) => pick(r).se)),
  });
  return {
    ...first, none: mean((r) => r.none), sparse: mean((r) => r.sparse), evidence: mean((r) => r.evidence), latent: mean((r) => r.latent),
  };
}
