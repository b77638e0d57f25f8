// Suggests points per scoring criterion from deal outcomes: the log odds ratio of winning when matched, scaled per category to the points in use.

import type { Criterion, Model } from './model';

/** Below this many closed deals on either side (matched / not matched) a criterion keeps its points. */
export const MIN_DEALS_PER_SIDE = 10;

/** The closed-deal counts of one criterion: won and lost where it matched and where it did not. */
export interface MatchCounts {
  matchedWon: number;
  matchedLost: number;
  notMatchedWon: number;
  notMatchedLost: number;
}

export interface PointsSuggestion {
  id: string;
  /** The criterion's points now. */
  current: number;
  /** Whole points suggested by the outcomes (negative = a penalty); null when the criterion keeps its points. */
  suggested: number | null;
  /** A short reason, in words. */
  reason: string;
}

/** Log odds ratio of winning when matched against when not, with +0.5 on each count so empty cells stay finite. */
export function logOddsRatio(k: MatchCounts): number {
  return Math.log(((k.matchedWon + 0.5) * (k.notMatchedLost + 0.5)) / ((k.matchedLost + 0.5) * (k.notMatchedWon + 0.5)));
}

/**
 * Suggested points for the `score` criteria among `criteria` (those with `bands` are skipped), from `counts` by id.
 * Within each category the weights are scaled so that the largest |weight| gets the category's largest |points| now,
 * then rounded to whole points. A criterion with fewer than MIN_DEALS_PER_SIDE closed deals on either side keeps its points.
 */
export function suggestPoints(criteria: readonly Criterion[], counts: ReadonlyMap<string, MatchCounts>): PointsSuggestion[] {
  const scoring = criteria.filter((c) => (c.role ?? 'score') === 'score' && c.when.op !== 'bands');
  const points = (c: Criterion): number => (typeof c.points === 'number' ? c.points : 0);
  const weights = new Map<string, number>();
  for (const c of scoring) {
    const k = counts.get(c.id);
    if (k === undefined) continue;
    if (k.matchedWon + k.matchedLost < MIN_DEALS_PER_SIDE || k.notMatchedWon + k.notMatchedLost < MIN_DEALS_PER_SIDE) continue;
    weights.set(c.id, logOddsRatio(k));
  }
  // Per category: the largest |points| in use (the user's scale) and the largest |weight| among the criteria with enough deals.
  const maxPoints = new Map<string, number>();
  const maxWeight = new Map<string, number>();
  for (const c of scoring) {
    maxPoints.set(c.category, Math.max(maxPoints.get(c.category) ?? 0, Math.abs(points(c))));
    const w = weights.get(c.id);
    if (w !== undefined) maxWeight.set(c.category, Math.max(maxWeight.get(c.category) ?? 0, Math.abs(w)));
  }
  return scoring.map((c): PointsSuggestion => {
    const current = points(c);
    const w = weights.get(c.id);
    if (w === undefined) {
      const k = counts.get(c.id);
      const sides = k === undefined ? 'no closed deals' : `${k.matchedWon + k.matchedLost} matched, ${k.notMatchedWon + k.notMatchedLost} not`;
      return { id: c.id, current, suggested: null, reason: `Not enough deals (${sides}; needs ${MIN_DEALS_PER_SIDE} each side).` };
    }
    const top = maxWeight.get(c.category) ?? 0;
    if (top === 0) return { id: c.id, current, suggested: null, reason: 'Winning is no more likely with or without it in this category.' };
    // `+ 0` turns a rounded -0 into 0.
    const suggested = Math.round((w / top) * (maxPoints.get(c.category) ?? 0)) + 0;
    const odds = Math.exp(w);
    const reason =
      odds >= 1 ? `Odds of winning ${odds.toFixed(1)}x when matched.` : `Odds of winning ${(1 / odds).toFixed(1)}x lower when matched: a penalty.`;
    return { id: c.id, current, suggested, reason };
  });
}

/**
 * A copy of `model` whose profile named `profile` has the suggested points: set on its `score` criteria without bands
 * that have a suggestion; the rest is unchanged. Null when the model has no such profile.
 */
export function withSuggestedPoints(model: Model, profile: string, suggestions: readonly PointsSuggestion[]): Model | null {
  // A model is plain JSON (validated), so a JSON round trip is a deep copy, in Apps Script too.
  const copy = JSON.parse(JSON.stringify(model)) as Model;
  const target = copy.profiles.find((p) => p.name === profile);
  if (target === undefined) return null;
  const points = new Map(suggestions.flatMap((s) => (s.suggested === null ? [] : [[s.id, s.suggested] as const])));
  for (const c of target.criteria) {
    const v = points.get(c.id);
    if (v !== undefined && (c.role ?? 'score') === 'score' && c.when.op !== 'bands') c.points = v;
  }
  return copy;
}
