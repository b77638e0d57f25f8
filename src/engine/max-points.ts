// The most points one criterion can earn: what it adds to its category's possible points (the scoring rule of PRODUCT.md).
import type { Criterion } from './model';

/** An exclusion earns nothing; bands earn their best band; a penalty (negative points) adds nothing to what is possible. */
export function maxPointsOf(c: Criterion): number {
  if ((c.role ?? 'score') === 'exclude') return 0;
  if (c.when.op === 'bands') return Math.max(0, ...c.when.bands.map((b) => b.points));
  return Math.max(0, c.points ?? 0);
}
