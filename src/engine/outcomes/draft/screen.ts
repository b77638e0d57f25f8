// Screens candidates before the sparse fit: the ones whose win rates differ most clearly, a few per column, so the fit stays fast at 10,000 deals.

import type { Candidate } from './candidates';
import { signedClarity } from './evidence';

/** Candidates handed to the sparse fit at most, and from one column at most. */
export const SCREEN_TOTAL = 32;
export const SCREEN_PER_COLUMN = 5;

/** How clearly a candidate's matched deals win more or less often than the rest: |log odds ratio| / its standard error (over the rows `which`, all when null). */
export function clarity(c: Candidate, y: Uint8Array, which: ArrayLike<number> | null = null): number {
  return Math.abs(signedClarity(c.x, y, which));
}

/**
 * The candidates the sparse fit sees (chosen on the rows `which`, all when null): the clearest SCREEN_PER_COLUMN of each column, then the clearest SCREEN_TOTAL of
 * those (sure independence screening). A criterion that only matters with others held fixed yet shows nothing alone
 * is rare among 0/1 criteria, and the fit's cost grows with the candidates it is given.
 */
export function screen(candidates: readonly Candidate[], y: Uint8Array, which: ArrayLike<number> | null = null): Candidate[] {
  const scored = candidates.map((c, i) => ({ c, i, z: clarity(c, y, which) }));
  const byColumn = new Map<number, typeof scored>();
  for (const s of scored) {
    const list = byColumn.get(s.c.column.index) ?? [];
    list.push(s);
    byColumn.set(s.c.column.index, list);
  }
  const kept = [...byColumn.values()].flatMap((list) => list.sort((a, b) => b.z - a.z || a.i - b.i).slice(0, SCREEN_PER_COLUMN));
  return kept.sort((a, b) => b.z - a.z || a.i - b.i).slice(0, SCREEN_TOTAL).sort((a, b) => a.i - b.i).map((s) => s.c);
}
