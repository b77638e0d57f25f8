// Tiers: the label for a score, and the labels in display order.

import { DEFAULT_DISQUALIFIED_LABEL, type Profile, type Tier } from './model';

/** Rounds to one decimal the way the spec states scores (half away from zero, float noise ignored). */
export function roundScore(score: number): number {
  return Math.round(score * 10 + 1e-7) / 10;
}

/** Tiers best first (highest min first). */
export function sortedTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => b.min - a.min);
}

/** The label of the highest tier whose min is at or below the rounded score. */
export function tierFor(sorted: readonly Tier[], score: number): string {
  return tierOfRounded(sorted, roundScore(score));
}

/** tierFor of a score already rounded by roundScore (the engine's own scores): rounding it again changes nothing. */
export function tierOfRounded(sorted: readonly Tier[], rounded: number): string {
  for (let i = 0; i < sorted.length; i++) if (sorted[i]!.min <= rounded) return sorted[i]!.label;
  // checkModel guarantees a tier with min <= 0; scores are never negative, so this is the lowest tier.
  return sorted[sorted.length - 1]?.label ?? '';
}

export function disqualifiedLabel(profile: Profile): string {
  return profile.disqualifiedLabel ?? DEFAULT_DISQUALIFIED_LABEL;
}

/** Tier labels best first, then the disqualified label: the order of tier summaries. */
export function tierLabels(profile: Profile): string[] {
  return [...sortedTiers(profile.tiers).map((t) => t.label), disqualifiedLabel(profile)];
}
