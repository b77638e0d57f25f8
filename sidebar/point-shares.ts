// Each criterion's share of the 100-point score: points count within their category, and categories by their weight.
import { maxPointsOf } from '../src/engine/max-points';
import type { Criterion, Profile } from '../src/engine/model';
import { categoryName } from './model-ops';
import { currentProfile, isUnfinished, type Session } from './session';

/**
 * Points out of 100 that a criterion can move the score by, as the score is computed (PRODUCT.md): a category's fit is
 * earned / possible points, and the score is 100 x the weighted fits over the categories that have criteria. So a
 * criterion is worth (category weight / total weight) x (its points / the category's possible points) of 100: +25 in
 * a category of 140 possible points weighing 40 % is worth 7.1, and adding another criterion to that category makes
 * every other one worth less. A penalty's share is negative (what it can take away, at most its category's share); an
 * exclusion has none (it disqualifies). A map without `criterion` means it does not count (no category, weight 0).
 */
export function pointShares(profile: Profile): Map<Criterion, number> {
  const possible = new Map<string, number>();
  for (const c of profile.criteria) {
    if ((c.role ?? 'score') === 'exclude') continue;
    possible.set(c.category, (possible.get(c.category) ?? 0) + maxPointsOf(c));
  }
  let total = 0;
  for (const cat of profile.categories) if (possible.has(cat.id)) total += cat.weight;
  const shares = new Map<Criterion, number>();
  if (total <= 0) return shares;
  for (const c of profile.criteria) {
    const cat = profile.categories.find((x) => x.id === c.category);
    const p = possible.get(c.category);
    if (cat === undefined || p === undefined || (c.role ?? 'score') === 'exclude') continue;
    const weightShare = (100 * cat.weight) / total;
    const points = c.when.op === 'bands' ? maxPointsOf(c) : typeof c.points === 'number' ? c.points : 0;
    if (points < 0) shares.set(c, -(p > 0 ? Math.min(1, -points / p) : 1) * weightShare);
    else shares.set(c, p > 0 ? (weightShare * points) / p : 0);
  }
  return shares;
}

/** "7.1 of 100", "-3.5 of 100": one decimal, as scores are shown. */
export function shareText(share: number): string {
  const r = Math.round(share * 10) / 10;
  return `${r === 0 ? '0' : r.toFixed(1).replace(/\.0$/, '')} of 100`;
}

/** The profile being edited as it counts: without its criteria not filled in yet (session.ts). */
function countedProfile(s: Session): Profile {
  const p = currentProfile(s);
  return { ...p, criteria: p.criteria.filter((c) => !isUnfinished(s, c)) };
}

/** What a criterion's card shows beside its points: its share of the score, or that it does not count yet. */
export function shareLabel(s: Session, c: Criterion): string {
  if (isUnfinished(s, c)) return 'not counted yet';
  if ((c.role ?? 'score') === 'exclude') return '';
  const share = pointShares(countedProfile(s)).get(c);
  return share === undefined ? '' : `= ${shareText(share)}`;
}

/** The points field's hint: why the same points are worth more or less of the score in another category. */
export function shareHint(s: Session, c: Criterion): string {
  if (isUnfinished(s, c)) return '';
  const profile = countedProfile(s);
  const share = pointShares(profile).get(c);
  const cat = profile.categories.find((x) => x.id === c.category);
  if (share === undefined || cat === undefined) return '';
  const possible = profile.criteria.filter((x) => x.category === c.category && (x.role ?? 'score') !== 'exclude').reduce((n, x) => n + maxPointsOf(x), 0);
  const total = profile.categories.filter((x) => profile.criteria.some((y) => y.category === x.id && (y.role ?? 'score') !== 'exclude')).reduce((n, x) => n + x.weight, 0);
  const weight = total > 0 ? Math.round((100 * cat.weight) / total) : 0;
  return `Worth ${shareText(share)}: ${categoryName(cat)} is ${weight} % of the score, shared by ${possible} possible points.`;
}

/** Brings every open card's share up to date after an edit (one criterion's points change the others' shares). */
export function refreshShares(root: ParentNode, s: Session): void {
  const profile = currentProfile(s);
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-share]'))) {
    const c = profile.criteria[Number(el.getAttribute('data-share'))];
    if (c !== undefined) el.textContent = shareLabel(s, c);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-share-hint]'))) {
    const c = profile.criteria[Number(el.getAttribute('data-share-hint'))];
    if (c !== undefined) el.textContent = shareHint(s, c);
  }
}
