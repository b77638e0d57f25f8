// Suggests points per scoring criterion from deal outcomes: clear log odds ratios, shrunk by their uncertainty, scaled per category to the points in use.

import { percent } from '../number-text';
import type { Criterion, Model } from '../model';

/** Below this many closed deals on either side (matched / not matched) a criterion keeps its points. */
export const MIN_DEALS_PER_SIDE = 10;
/** The z value of a two-sided 95% confidence interval: an effect whose interval holds 0 could be chance. */
export const CONFIDENCE_Z = 1.96;
/** Win rates closer than this (matched against not) are too alike to act on, however many deals show it. */
export const MIN_DIFFERENCE = 0.02;
/**
 * The spread assumed for criteria's log odds ratios before seeing outcomes: most change the odds of winning by less
 * than e^(2 x 0.5) = 2.7x either way. It sets how strongly an uncertain effect is pulled toward 0.
 */
export const PRIOR_SD = 0.5;

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

/** The standard error of logOddsRatio (Woolf's formula, with the same +0.5 on each count). */
export function logOddsRatioError(k: MatchCounts): number {
  return Math.sqrt(1 / (k.matchedWon + 0.5) + 1 / (k.matchedLost + 0.5) + 1 / (k.notMatchedWon + 0.5) + 1 / (k.notMatchedLost + 0.5));
}

const sideText = (won: number, closed: number): string => `${percent(won / closed)} of ${closed}`;
const winRateDifference = (k: MatchCounts): number =>
  k.matchedWon / (k.matchedWon + k.matchedLost) - k.notMatchedWon / (k.notMatchedWon + k.notMatchedLost);
// The epsilon keeps 2 points computed as 0.0199999... at 2 points; NaN (an empty side) counts as too small too.
const tooSmall = (k: MatchCounts): boolean => !(Math.abs(winRateDifference(k)) >= MIN_DIFFERENCE - 1e-9);

/** `won 48% of 42 closed deals where it matched against 30% of 170 where it did not` */
function ratesText(k: MatchCounts): string {
  return `won ${sideText(k.matchedWon, k.matchedWon + k.matchedLost)} closed deals where it matched against ${sideText(k.notMatchedWon, k.notMatchedWon + k.notMatchedLost)} where it did not`;
}

/**
 * How much a criterion goes with winning, as a signed weight: its log odds ratio shrunk toward 0 by its standard error,
 * log OR x PRIOR_SD^2 / (PRIOR_SD^2 + SE^2) (the posterior mean under a normal prior centred on 0), so an effect seen in
 * few deals counts for less than the same effect seen in many. Null (keep the points) when the log odds ratio's 95%
 * confidence interval holds 0, when the win rates differ by less than MIN_DIFFERENCE, or when the +0.5 correction
 * points the other way than the raw win rates (then the effect is too small to tell anyway).
 */
export function shrunkWeight(k: MatchCounts): number | null {
  if (tooSmall(k)) return null;
  const w = logOddsRatio(k);
  if (Math.sign(w) !== Math.sign(winRateDifference(k))) return null;
  const se = logOddsRatioError(k);
  if (Math.abs(w) <= CONFIDENCE_Z * se) return null;
  return (w * PRIOR_SD ** 2) / (PRIOR_SD ** 2 + se ** 2);
}

/**
 * Suggested points for the `score` criteria among `criteria` (those with `bands` are skipped), from `counts` by id.
 * Each criterion with a clear effect (see shrunkWeight) is weighted by it; within each category the weights are scaled
 * so that the largest |weight| gets the category's largest |points| now, then rounded to whole points (at least 1 either
 * way, so a clear effect keeps its direction). The others keep their points: fewer than MIN_DEALS_PER_SIDE closed deals
 * on either side, or a difference that could be chance.
 */
export function suggestPoints(criteria: readonly Criterion[], counts: ReadonlyMap<string, MatchCounts>): PointsSuggestion[] {
  const scoring = criteria.filter((c) => (c.role ?? 'score') === 'score' && c.when.op !== 'bands');
  const points = (c: Criterion): number => (typeof c.points === 'number' ? c.points : 0);
  const enough = (k: MatchCounts): boolean =>
    k.matchedWon + k.matchedLost >= MIN_DEALS_PER_SIDE && k.notMatchedWon + k.notMatchedLost >= MIN_DEALS_PER_SIDE;
  const weights = new Map<string, number>();
  for (const c of scoring) {
    const k = counts.get(c.id);
    if (k === undefined || !enough(k)) continue;
    const w = shrunkWeight(k);
    if (w !== null) weights.set(c.id, w);
  }
  // Per category: the largest |points| in use (the user's scale) and the largest |weight| among the criteria with a clear effect.
  const maxPoints = new Map<string, number>();
  const maxWeight = new Map<string, number>();
  for (const c of scoring) {
    maxPoints.set(c.category, Math.max(maxPoints.get(c.category) ?? 0, Math.abs(points(c))));
    const w = weights.get(c.id);
    if (w !== undefined) maxWeight.set(c.category, Math.max(maxWeight.get(c.category) ?? 0, Math.abs(w)));
  }
  return scoring.map((c): PointsSuggestion => {
    const current = points(c);
    const k = counts.get(c.id);
    if (k === undefined || !enough(k)) {
      const sides = k === undefined ? 'no closed deals' : `${k.matchedWon + k.matchedLost} matched, ${k.notMatchedWon + k.notMatchedLost} not`;
      return { id: c.id, current, suggested: null, reason: `Not enough deals (${sides}; needs ${MIN_DEALS_PER_SIDE} each side).` };
    }
    const w = weights.get(c.id);
    const rates = ratesText(k);
    if (w === undefined) {
      const why = tooSmall(k) ? 'Too small a difference to act on' : 'The difference could be chance';
      return { id: c.id, current, suggested: null, reason: `${why}: ${rates}; points kept.` };
    }
    // w is non-zero, so its category's largest |weight| is too; each category's points scale bounds the result.
    const scale = maxPoints.get(c.category) ?? 0;
    const size = Math.min(scale, Math.max(1, Math.round((Math.abs(w) / maxWeight.get(c.category)!) * scale)));
    // `+ 0` turns -0 (a category whose points are all 0) into 0.
    const suggested = Math.sign(w) * size + 0;
    const reason = w > 0 ? `Goes with winning: ${rates}.` : `Goes with losing: ${rates}; a penalty.`;
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
