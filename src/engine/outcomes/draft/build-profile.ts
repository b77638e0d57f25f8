// Turns fitted effects into the model's own form: whole points per criterion, category weights that keep the score a linear function of the fit, exclusions, tiers at score quantiles.

import type { Category, Criterion, Profile, Tier } from '../../model';
import { CATEGORY_LABELS, CATEGORY_ORDER, categoryOf, type CategoryId } from './categories';
import { criterionId } from './labels';
import { maxPointsOf as maxPoints } from '../../max-points';

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
  /** Fitted log-odds effect (of the best band, for `bands`: each band's points are its share on any scale). */
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
 * A profile without tiers yet: criteria with their points in the category of their column's kind, each category
 * weighed by the points its criteria can earn, and each penalty in a category of its own weighed by its size. Then
 * the score is a constant plus 100 x (the points a row earns) / (all the weights): it ranks rows exactly as the sum
 * of the fitted effects does, within the rounding of the points. (A penalty among positive points could take its
 * category below 0, where the engine clamps it, and the order would no longer be the fit's.)
 */
export function draftProfile(name: string, description: string, scored: readonly ScoredCriterion[], excluded: readonly ExcludedValues[]): Profile {
  const taken = new Set<string>();
  const points = pointsOf(scored.map((s) => s.beta));
  const criteria: Criterion[] = [];
  const categories: Category[] = [];
  const used = new Set<CategoryId>();
  const penalties: Category[] = [];
  const penaltyIds = new Set<string>();
  scored.forEach((s, i) => {
    const p = points[i]!;
    if (p === 0) return;
    const kind = categoryOf(s.header, s.kindOfColumn);
    let category: string = kind;
    if (p > 0) used.add(kind);
    else {
      // A penalty alone in its category: the category is full unless the penalty applies, so it costs exactly its
      // points and never clamps another criterion's (see the function's comment).
      let id = `${kind}_penalty`;
      for (let k = 2; penaltyIds.has(id); k++) id = `${kind}_penalty_${k}`;
      penaltyIds.add(id);
      category = id;
      penalties.push({ id, label: `${CATEGORY_LABELS[kind]} penalty${id === `${kind}_penalty` ? '' : ` ${id.slice(id.lastIndexOf('_') + 1)}`}`, weight: -p });
    }
    const base = { id: criterionId(s.label, taken), label: s.label, category, column: s.header };
    const description = s.description === undefined ? {} : { description: s.description };
    if (s.when.op === 'bands') {
      // Bands carry their units: the best band earns the criterion's points, the others in proportion.
      const top = Math.max(...s.when.bands.map((b) => b.points));
      const bands = s.when.bands.map((b) => ({ ...b, points: Math.round((p * b.points) / top) })).filter((b) => b.points !== 0);
      criteria.push({ ...base, when: { op: 'bands', bands }, ...description });
    } else criteria.push({ ...base, when: s.when, points: p, ...description });
  });
  for (const e of excluded) {
    const kind = categoryOf(e.header, e.kindOfColumn);
    used.add(kind);
    criteria.push({
      id: criterionId(e.label, taken), label: e.label, category: kind, column: e.header, role: 'exclude', when: e.when,
      ...(e.description === undefined ? {} : { description: e.description }),
    });
  }
  for (const id of CATEGORY_ORDER) {
    if (!used.has(id)) continue;
    const possible = criteria.filter((c) => c.category === id && c.role !== 'exclude').reduce((s, c) => s + maxPoints(c), 0);
    // A category holding only exclusions scores nothing: weight 0.
    categories.push({ id, label: CATEGORY_LABELS[id], weight: possible });
  }
  categories.push(...penalties);
  // Criteria listed by category, strongest first within each, exclusions last.
  const order = new Map(categories.map((c, i) => [c.id, i]));
  criteria.sort((a, b) =>
    (a.role === 'exclude' ? 1 : 0) - (b.role === 'exclude' ? 1 : 0)
    || order.get(a.category)! - order.get(b.category)!
    || Math.max(maxPoints(b), Math.abs(b.points ?? 0)) - Math.max(maxPoints(a), Math.abs(a.points ?? 0)));
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
