// The two ways a draft weighs its candidates, and the cross-validated choice between them: a sparse fit (elastic net, then a ridge refit) or units of evidence (unit weights).

import type { Condition } from '../../model';
import type { AucInterval } from '../auc-interval';
import type { CompileContext } from '../../operators';
import { logOddsRatio, logOddsRatioError } from '../odds-ratio';
import { opposite, type Candidate } from './candidates';
import { chooseCriteria, type Chosen } from './choose';
import type { ReadColumn } from './columns';
import { calibrateUnits, EVIDENCE_Z, matchCounts, unitWeights } from './evidence';
import { FOLDS, refit, sparseChoice } from './fit';
import type { PreparedDraft } from './prepare';
import { grouped } from '../../number-text';
import { fitLatentClasses, latentItems } from './latent-class';
import { latentCriteria } from './latent-criteria';
import { averaged, compareRecipes, type LatentInput, type RecipeComparison } from './recipes-cv';
import { screen } from './screen';
import { unitCriteria, type UnitCriterion } from './unit-criteria';

/** A drafted criterion before it is put in the model's form. */
export interface Drafted {
  column: ReadColumn;
  label: string;
  when: Condition;
  /** Log-odds effect of its match (for `bands`: of its best band; each band's points are its units). */
  beta: number;
  /** Per fit row: 1 where it matches (earns points). */
  x: Uint8Array;
  /** Per fit row: the log odds it adds. */
  eta: Float64Array;
  /** Odds ratio of winning when matched with its 95% interval: with the others held fixed (sparse) or on its own (evidence). */
  effect: { oddsRatio: number; low: number; high: number };
  /** Why it is drafted, when its own evidence does not say. */
  note?: string;
}

export interface DraftedCriteria {
  recipe: 'sparse' | 'evidence' | 'latent' | 'none';
  drafted: Drafted[];
  /** How the criteria were chosen, in words. */
  method: string;
  /** Held-out deviance per deal of each recipe and of no criterion (null without candidates to compare). */
  comparison: RecipeComparison | null;
}

function eachOf(x: Uint8Array, beta: number): Float64Array {
  return Float64Array.from(x, (v) => v * beta);
}

/** Two chosen criteria ask the same question of the same column (a penalty turned round can meet its opposite). */
function sameCriterion(a: Chosen, b: Chosen): boolean {
  return a.merged.column === b.merged.column && JSON.stringify(a.merged.when) === JSON.stringify(b.merged.when);
}

/**
 * Drops a penalty, or else the weakest, of a column's criteria when together they split its filled cells exactly (`Industry is SaaS` and
 * `Industry is Retail` on a column of those two, `yes` and `no`): one is the others' complement, and a fit of both
 * cannot tell their effects apart.
 */
function withoutPartitions(chosen: Chosen[], fitRows: Int32Array): Chosen[] {
  const out = [...chosen];
  for (;;) {
    const drop = out.findIndex((c) => {
      const same = out.filter((d) => d.merged.column === c.merged.column);
      if (same.length < 2) return false;
      const codes = c.merged.column.codes;
      for (let k = 0; k < fitRows.length; k++) {
        let hits = 0;
        for (const d of same) hits += d.merged.x[k]!;
        if (hits !== (codes[fitRows[k]!]! >= 0 ? 1 : 0)) return false;
      }
      // A penalty goes first (the others say the same as points), else the weakest.
      const rank = (d: Chosen): number => (d.beta < 0 ? -1e9 : 0) + Math.abs(d.beta);
      return rank(c) === Math.min(...same.map(rank));
    });
    if (drop < 0) return out;
    out.splice(drop, 1);
  }
}

/** The sparse recipe: the elastic net's kept candidates grouped into at most `max` criteria, weighed by one ridge refit. */
function sparseCriteria(p: PreparedDraft, screened: Candidate[], coefficients: Float64Array, max: number, context: CompileContext, seed: number): Drafted[] {
  let chosen = chooseCriteria(screened, coefficients, max).map((c) => {
    // A penalty asked the other way round is points a category can hold (see opposite()); the refit weighs it anew.
    if (c.beta >= 0) return c;
    const other = opposite(c.merged, p.fitRows, context);
    return other === null ? c : { parts: [other], merged: other, beta: -c.beta };
  }).filter((c, i, all) => all.findIndex((d) => sameCriterion(d, c)) === i);
  chosen = withoutPartitions(chosen, p.fitRows);
  if (chosen.length === 0) return [];
  // The points come from one fit of exactly the criteria drafted, with each one's interval.
  const f = refit({ features: chosen.map((c) => c.merged.x), y: p.y, groups: p.groups }, seed);
  return chosen.map((c, j) => ({
    column: c.merged.column, label: c.merged.label, when: c.merged.when, beta: f.coefficients[j]!, x: c.merged.x,
    eta: eachOf(c.merged.x, f.coefficients[j]!),
    effect: { oddsRatio: Math.exp(f.coefficients[j]!), low: Math.exp(f.lower[j]!), high: Math.exp(f.upper[j]!) },
  }));
}

/** The win odds ratio of `x` on its own with its 95% interval (Woolf, +0.5 on each count). */
function ownEffect(x: Uint8Array, y: Uint8Array): Drafted['effect'] {
  const counts = matchCounts(x, y);
  const b = logOddsRatio(counts);
  const se = logOddsRatioError(counts);
  return { oddsRatio: Math.exp(b), low: Math.exp(b - 1.96 * se), high: Math.exp(b + 1.96 * se) };
}

/**
 * The evidence recipe: every candidate whose own win rates differ clearly counts one unit in its direction, the units
 * of one column made into one or two readable criteria (unitCriteria), the `max` strongest kept; one unit is worth the
 * slope of a logistic regression of the outcome on the units.
 */
function evidenceCriteria(p: PreparedDraft, max: number, context: CompileContext): Drafted[] {
  const features = p.candidates.map((c) => c.x);
  const weights = unitWeights(features, p.y);
  // Strongest first: units times the spread of the match (how much the criterion moves scores across the deals).
  const strength = (c: UnitCriterion): number => Math.abs(c.units) * Math.sqrt((c.matched / c.x.length) * (1 - c.matched / c.x.length));
  return calibrated(p, unitCriteria(p.candidates, weights, p.fitRows, context), max, strength);
}

/** How much a criterion moves scores across the fit rows: the spread (standard deviation) of the units it earns. */
function spread(c: UnitCriterion): number {
  let s = 0, ss = 0;
  for (const e of c.earned) {
    s += e;
    ss += e * e;
  }
  const m = s / c.earned.length;
  return Math.sqrt(Math.max(0, ss / c.earned.length - m * m));
}

/** The `max` criteria that move scores most, each unit worth the slope of a logistic regression of the outcome on the units they earn together. */
function calibrated(p: PreparedDraft, criteria: UnitCriterion[], max: number, strength: (c: UnitCriterion) => number = spread): Drafted[] {
  const kept = criteria.map((c) => ({ c, s: strength(c) })).sort((a, b) => b.s - a.s).slice(0, max).map((e) => e.c);
  const units = new Float64Array(p.y.length);
  for (const c of kept) for (let k = 0; k < units.length; k++) units[k]! += c.earned[k]!;
  const slope = calibrateUnits(units, p.y).slope;
  return kept.map((c) => ({
    column: c.column, label: c.label, when: c.when, beta: slope * c.units, x: c.x,
    eta: Float64Array.from(c.earned, (u) => u * slope), effect: ownEffect(c.x, p.y), ...(c.note === undefined ? {} : { note: c.note }),
  }));
}

/** The latent-class recipe's input: its items on the fit rows and then the open deals, with their outcomes. */
function latentInput(p: PreparedDraft, context: CompileContext): LatentInput | null {
  const rows = Int32Array.from([...p.fitRows, ...p.openRows]);
  const items = latentItems(p.candidates, rows, context);
  if (items.length === 0) return null;
  const outcome = Int8Array.from(rows, (_, k) => (k < p.y.length ? p.y[k]! : -1));
  return { items, outcome };
}

/** The latent-class recipe: the classes fitted on every fit row and open deal, their cells as criteria (latentCriteria), the `max` that move scores most. */
function latentClassCriteria(p: PreparedDraft, input: LatentInput, max: number, context: CompileContext): Drafted[] {
  const classes = fitLatentClasses(input.items, input.outcome, Array.from(input.outcome, (_, k) => k));
  if (classes === null) return [];
  const rows = input.outcome.length;
  return calibrated(p, latentCriteria(input.items, classes, p.fitRows, context), max).map((d) => {
    // Its points come from how its values go with the other columns', which its own win rates need not show clearly.
    if (d.effect.low > 1 || d.effect.high < 1 || d.note !== undefined) return d;
    return { ...d, note: `It is drafted for the kind of deals it marks: across all ${grouped(rows)} rows drafted from (open deals too), its values go with the other criteria's.` };
  });
}

/**
 * A recipe holds when its held-out AUC is this many standard errors above 0.5 (a 99% interval's lower end): the
 * interval treats the held-out scores as independent, but the folds' models share training deals, so cross-validated
 * AUCs vary more than it says (on no-signal planted deals a 95% interval let the units through in 2 sets of 40). The
 * sparse recipe's own gate (SE_GATE, on held-out deviance) let it draft a dozen criteria from no signal in 9 of 100
 * sets of 300 deals and 3 of 100 of 1,000; held to this interval too, in none of them.
 */
export const HELD_OUT_AUC_Z = 2.576;

/** Whether held-out scores rank won deals above lost ones beyond chance: the lower end of HELD_OUT_AUC_Z's interval is above 0.5. */
function ranksBetterThanChance(auc: AucInterval | null): boolean {
  return auc !== null && auc.auc - HELD_OUT_AUC_Z * auc.se > 0.5;
}

const unitsMethod = `counting one unit for each candidate whose own win rates differ clearly (a log odds ratio at least ${EVIDENCE_Z} standard errors from 0), a number's ranges as bands`;
const latentMethod = 'the two kinds of deals the columns tell apart best (latent class analysis, open deals included, won or lost counted as one more column where known), each value\'s points the log of how much likelier it is among the kind that wins more often';

/**
 * The cross-validation that chooses the recipe is repeated on new folds (up to 3 times) while the deals times the
 * repeats stay within this many: with 170 deals one 5-fold split can decide the choice (on the sample, 5 of 50 drafts
 * took the units where three splits took the latent classes in 3 of those 5, and the held-out AUC rose 0.751 -> 0.754
 * against the hand model's 0.752), while at 10,000 deals one split is steady and three would cost seconds.
 */
export const CHOICE_ROWS = 6000;

/** How many cross-validations choose the recipe for `deals` fit deals: 3 up to 2,000, 2 up to 3,000, then 1. */
export function choiceRepeats(deals: number): number {
  return Math.max(1, Math.min(3, Math.floor(CHOICE_ROWS / Math.max(1, deals))));
}

/** The recipes in words, for "... predicted held-out deals better than ...". */
const RECIPE_WORDS = { sparse: 'an elastic-net fit', evidence: 'counting units of evidence', latent: 'the latent classes' } as const;
type Recipe = keyof typeof RECIPE_WORDS;

/**
 * Chooses and weighs the criteria. Each recipe is redone inside every fold of one grouped cross-validation
 * (compareRecipes) and holds when its held-out scores rank held-out deals better than a coin toss (HELD_OUT_AUC_Z; the
 * sparse recipe also needs some candidate to beat "no criterion" beyond the cross-validation's noise, sparseChoice's
 * gate). Of the recipes that hold, the one with the lowest held-out deviance drafts; none holding, nothing is drafted.
 * A few strong, unequal or overlapping effects are what the sparse fit (an elastic net whose penalty is chosen by
 * cross-validation) weighs best; many weak effects of one direction are what units of evidence rank best from few
 * deals; columns that all follow one hidden trait of the deals (their fit) are what the latent classes, learning
 * from the open deals too, weigh best.
 */
export function draftCriteria(p: PreparedDraft, max: number, context: CompileContext, seed: number): DraftedCriteria {
  const { candidates, y, groups } = p;
  const screened = screen(candidates, y);
  const choice = sparseChoice({ features: screened.map((c) => c.x), y, groups }, seed);
  const latent = latentInput(p, context);
  // The first cross-validation is on the sparse fit's own folds; with few deals it is repeated on other folds and the
  // deviances averaged (CHOICE_ROWS), so which recipe drafts depends less on how the deals fell into folds.
  const runs = Array.from({ length: choiceRepeats(y.length) }, (_, i) => compareRecipes(candidates, y, groups, seed + i, choice.lambda, latent));
  const comparison = averaged(runs);
  // Each recipe holds when it ranks held-out deals better than a coin toss: the 99% interval of its held-out AUC is above 0.5.
  const holds: Recipe[] = [];
  if (choice.signal && ranksBetterThanChance(comparison.sparseAuc)) holds.push('sparse');
  if (ranksBetterThanChance(comparison.evidenceAuc)) holds.push('evidence');
  if (latent !== null && ranksBetterThanChance(comparison.latentAuc)) holds.push('latent');
  if (holds.length === 0) return { recipe: 'none', drafted: [], method: choice.method, comparison };
  const deviance = (r: Recipe): number => comparison[r].mean;
  const best = holds.reduce((a, b) => (deviance(b) < deviance(a) ? b : a));
  const others = holds.filter((r) => r !== best).map((r) => RECIPE_WORDS[r]);
  const grouped = groups === null ? '' : ', with each account\'s deals in one fold';
  const versus = `, which predicted held-out deals better than ${others.length === 0 ? 'no criterion' : others.join(' and ')} in ${FOLDS}-fold cross-validation${grouped}`;
  const drafted = best === 'sparse' ? sparseCriteria(p, screened, choice.coefficients, max, context, seed)
    : best === 'evidence' ? evidenceCriteria(p, max, context)
    : latentClassCriteria(p, latent!, max, context);
  const method = best === 'sparse' ? (others.length === 0 ? choice.method : `${choice.method} (it predicted held-out deals better than ${others.join(' and ')})`)
    : `${best === 'evidence' ? unitsMethod : latentMethod}${versus}`;
  return { recipe: drafted.length === 0 ? 'none' : best, drafted, method, comparison };
}
