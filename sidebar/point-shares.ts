// Each criterion's share of the 100-point score: points count within their category, and categories by their weight.
import { maxPointsOf } from '../src/engine/max-points';
import type { Criterion, Profile } from '../src/engine/model';
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
  const scoring = profile.criteria.filter((c) => (c.role ?? 'score') !== 'exclude');
  const possible = new Map<string, number>();
  for (const c of scoring) possible.set(c.category, (possible.get(c.category) ?? 0) + maxPointsOf(c));
  const weights = profile.categories.filter((x) => possible.has(x.id));
  const total = weights.reduce((n, x) => n + x.weight, 0);
  const shares = new Map<Criterion, number>();
  for (const c of scoring) {
    const cat = weights.find((x) => x.id === c.category);
    if (cat === undefined || total <= 0) continue;
    const p = possible.get(c.category)!;
    const points = c.when.op === 'bands' ? maxPointsOf(c) : Number(c.points) || 0;
    // A penalty takes away at most its category's whole share.
    const part = p > 0 ? Math.max(-1, points / p) : points < 0 ? -1 : 0;
    shares.set(c, (100 * cat.weight * part) / total);
  }
  return shares;
}

/** What a criterion's card shows beside its points: its share of the score ("= 7.1 of 100"), or that it does not count yet. */
export function shareLabel(s: Session, c: Criterion, shares = countedShares(s)): string {
  if (isUnfinished(s, c)) return 'not counted yet';
  const share = shares.get(c);
  return share === undefined ? '' : `= ${Math.round(share * 10) / 10} of 100`;
}

function countedShares(s: Session): Map<Criterion, number> {
  const p = currentProfile(s);
  return pointShares({ ...p, criteria: p.criteria.filter((x) => !isUnfinished(s, x)) });
}

/** Brings every open card's share up to date after an edit (one criterion's points change the others' shares). */
export function refreshShares(root: ParentNode, s: Session): void {
  const profile = currentProfile(s);
  const shares = countedShares(s);
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-share]'))) {
    const c = profile.criteria[Number(el.getAttribute('data-share'))];
    if (c !== undefined) el.textContent = shareLabel(s, c, shares);
  }
}
