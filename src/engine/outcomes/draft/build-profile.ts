// Turns fitted effects into the model's own form: whole points per criterion, category weights that keep the score a linear function of the fit, exclusions, tiers at score quantiles.

import type { Category, Criterion, Profile, Tier } from '../../model';
import { CATEGORY_LABELS, CATEGORY_ORDER, categoryOf, type CategoryId } from './categories';
import { criterionId } from './labels';

/** The points of the strongest criterion; the others in proportion to their fitted effects (log odds). */
export const TOP_POINTS = 40;
/** Tiers: A for the top fifth of scored rows, B for the next three tenths, C for the rest. */
export const TIER_SHARES: readonly { label: string; top: number; color: string }[] = [
  { label: 'A', top: 0.2, color: '#1e8e3e' },
  { label: 'B', top: 0.5, color: '#f9ab00' },
];
const C_COLOR = '#9aa0a6';

export interface ScoredCriterion {
  header: string;
  kindOfColumn: Parameters<typeof categoryOf>[1];
  label: string;
  when: Criterion['when'];
  /** Fitted log-odds effect. */
  beta: number;
  description?: string;
}

export interface ExcludedValues {
  header: string;
  kindOfColumn: Parameters<typeof categoryOf>[1];
  label: string;
  when: Criterion['when'];
  description?: string;
}

/** Whole points per effect: the strongest gets TOP_POINTS, the rest in proportion (0 when it rounds away). */
export function pointsOf(betas: readonly number[]): number[] {
  const top = Math.max(0, ...betas.map((b) => Math.abs(b)));
  if (top === 0) return betas.map(() => 0);
  return betas.map((b) => Math.round((TOP_POINTS * b) / top) || 0);
}

/**
 * A profile without tiers yet: criteria with their points and categories, and each category weighed by the points
 * its criteria can earn (a category of penalties only, by their size). With those weights the score is 100 x (points
 * earned) / (points possible) plus a constant, so it ranks rows exactly as the sum of the fitted effects does (within
 * the rounding of the points), as long as no category's penalties outweigh the points it earned on a row (the engine
 * then counts the category as 0, not below).
 */
export function draftProfile(name: string, description: string, scored: readonly ScoredCriterion[], excluded: readonly ExcludedValues[]): Profile {
  const taken = new Set<string>();
  const points = pointsOf(scored.map((s) => s.beta));
  const criteria: Criterion[] = [];
  const used = new Set<CategoryId>();
  scored.forEach((s, i) => {
    if (points[i] === 0) return;
    const category = categoryOf(s.header, s.kindOfColumn);
    used.add(category);
    criteria.push({
      id: criterionId(s.label, taken), label: s.label, category, column: s.header, when: s.when, points: points[i]!,
      ...(s.description === undefined ? {} : { description: s.description }),
    });
  });
  for (const e of excluded) {
    const category = categoryOf(e.header, e.kindOfColumn);
    used.add(category);
    criteria.push({
      id: criterionId(e.label, taken), label: e.label, category, column: e.header, role: 'exclude', when: e.when,
      ...(e.description === undefined ? {} : { description: e.description }),
    });
  }
  const categories: Category[] = CATEGORY_ORDER.filter((c) => used.has(c)).map((id) => {
    const own = criteria.filter((c) => c.category === id && c.role !== 'exclude');
    const possible = own.reduce((s, c) => s + Math.max(0, c.points ?? 0), 0);
    const penalties = own.reduce((s, c) => s + Math.max(0, -(c.points ?? 0)), 0);
    return { id, label: CATEGORY_LABELS[id], weight: possible > 0 ? possible : penalties };
  });
  // Criteria listed by category, strongest first within each, exclusions last.
  const order = new Map(CATEGORY_ORDER.map((c, i) => [c, i]));
  criteria.sort((a, b) =>
    (a.role === 'exclude' ? 1 : 0) - (b.role === 'exclude' ? 1 : 0)
    || order.get(a.category as CategoryId)! - order.get(b.category as CategoryId)!
    || Math.abs(b.points ?? 0) - Math.abs(a.points ?? 0));
  return { name, description, categories, criteria, tiers: [{ label: 'A', min: 0 }], disqualifiedLabel: 'Disqualified' };
}

/** The score at which the top `share` of `scores` starts (a whole number, so the tier reads `A: 67+`). */
function cutAt(sorted: Float64Array, share: number): number {
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * (1 - share))));
  return Math.floor(sorted[k]!);
}

/**
 * Tiers cut at the scores' quantiles: A for about the top fifth, B for the next three tenths, C from 0. A cut that
 * would not separate anything (the same score as the tier above, or 0) is left out.
 */
export function quantileTiers(scores: readonly number[] | Float64Array): Tier[] {
  const sorted = Float64Array.from(scores).sort();
  const mins: number[] = [];
  if (sorted.length > 0) {
    for (const t of TIER_SHARES) {
      const min = cutAt(sorted, t.top);
      if (min > 0 && min < (mins[mins.length - 1] ?? Infinity)) mins.push(min);
    }
  }
  mins.push(0);
  const colors = [...TIER_SHARES.map((t) => t.color), C_COLOR];
  return mins.map((min, i) => ({ label: String.fromCharCode(65 + i), min, color: i === mins.length - 1 ? C_COLOR : colors[i]! }));
}
