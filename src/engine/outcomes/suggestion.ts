// What a suggestion from outcomes is (points, weights, effects with intervals), applying it to a model, and its texts; no fitting here, so the sidebar can load it.

import type { Model } from '../model';

/** A fitted change in the log-odds of winning, with its 95% interval (null when the fit set it to 0). */
export interface Effect {
  effect: number;
  lower: number | null;
  upper: number | null;
}

export type Evidence = 'effect' | 'weak' | 'none' | 'cannot-judge';

export interface PointsSuggestion {
  id: string;
  label: string;
  category: string;
  /** Points now (for bands: the most a band earns). */
  current: number;
  /** Points suggested (for bands: the most a band earns); 0 for a criterion without evidence. */
  suggested: number;
  /** For a bands criterion: each band's points now and suggested, in band order. */
  bands: { current: number[]; suggested: number[] } | null;
  /**
   * `effect`: the fit gives it an effect whose 95% interval excludes none; `weak`: an effect the fit keeps, though
   * its interval holds no effect; `none`: the fit set it to 0 (suggested 0); `cannot-judge`: it matched all or none
   * of the deals (or its column is blank throughout), so the outcomes cannot weigh it: its points are left as they are.
   */
  evidence: Evidence;
  /** Change in log-odds of winning when it matches, the other criteria held fixed; null when not fitted. */
  match: Effect | null;
  /** The same for a blank cell and for an unreadable one, against a readable miss (null when none occur or for must-haves). */
  blank: Effect | null;
  unreadable: Effect | null;
  /** Closed deals where it matched, and won among them; where it did not, and won. */
  matched: { closed: number; won: number };
  notMatched: { closed: number; won: number };
  reason: string;
}

export interface WeightSuggestion {
  id: string;
  label: string;
  current: number;
  suggested: number;
}

export interface FitSummary {
  /**
   * 'lasso': L1-penalised logistic regression, lambda by 5-fold cross-validation (the best held-out deviance), after
   * near-duplicate criteria without a clear effect of their own were held at 0 (near-duplicates.ts).
   */
  method: 'lasso';
  lambda: number;
  folds: number;
  /** Folds and intervals keep the deals of one account together. */
  grouped: boolean;
  deals: number;
  /** Columns of the design: matches, blank and unreadable indicators. */
  features: number;
  /** How the intervals were made (see logistic.ts). */
  intervals: string;
  /**
   * Spearman rank correlation, over the deals fitted, between the suggested model's scores and the fit's linear
   * predictor from the criteria's matches (blank and unreadable terms left out: a model cannot score them). 1 but for
   * rounding, unless a category's penalties outweigh what it earns (the model floors a category at 0). Null without
   * a usable suggestion.
   */
  rankAgreement: number | null;
}

export interface Suggestion {
  points: PointsSuggestion[];
  weights: WeightSuggestion[];
  /** False when there was no fit (too few deals) or it found no evidence for any criterion: nothing to apply. */
  usable: boolean;
  /** One sentence on what the suggestion is, or why there is none. */
  note: string;
  fit: FitSummary | null;
  /**
   * The suggested model's contribution of each fitted criterion per unit of match (log-odds per point, equal for
   * every criterion by construction, before rounding): the scale mapping the fit's effects into score points.
   */
  pointsPerLogOdds: number | null;
}

const odds = (x: number): string => {
  const v = Math.exp(x);
  return `×${v >= 10 ? v.toFixed(0) : v >= 0.095 ? v.toFixed(2).replace(/0$/, '') : v.toFixed(3)}`;
};

/** `odds ×1.8 (95% interval ×1.3 to ×2.4)` */
export function effectText(e: Effect): string {
  return e.lower === null || e.upper === null ? `odds ${odds(e.effect)}` : `odds ${odds(e.effect)} (95% interval ${odds(e.lower)} to ${odds(e.upper)})`;
}

/** How many criteria and category weights the suggestion would change. */
export function changedPoints(s: Suggestion): number {
  if (!s.usable) return 0;
  const points = s.points.filter((p) => p.suggested !== p.current || (p.bands !== null && p.bands.suggested.some((v, i) => v !== p.bands!.current[i]))).length;
  return points + s.weights.filter((w) => w.suggested !== w.current).length;
}

/**
 * A copy of `model` whose profile named `profile` has the suggested points (band points too) and category weights.
 * Null when the model has no such profile or the suggestion is not usable.
 */
export function withSuggestedPoints(model: Model, profile: string, s: Suggestion): Model | null {
  if (!s.usable) return null;
  // A model is plain JSON (validated), so a JSON round trip is a deep copy, in Apps Script too.
  const copy = JSON.parse(JSON.stringify(model)) as Model;
  const target = copy.profiles.find((p) => p.name === profile);
  if (target === undefined) return null;
  const byId = new Map(s.points.map((p) => [p.id, p]));
  for (const c of target.criteria) {
    const p = byId.get(c.id);
    if (p === undefined) continue;
    if (c.when.op === 'bands') {
      if (p.bands !== null && p.bands.suggested.length === c.when.bands.length) c.when.bands.forEach((b, i) => (b.points = p.bands!.suggested[i]!));
    } else if (c.role !== 'exclude') {
      c.points = p.suggested;
    }
  }
  const weights = new Map(s.weights.map((w) => [w.id, w.suggested]));
  for (const cat of target.categories) cat.weight = weights.get(cat.id) ?? cat.weight;
  return copy;
}
