// The log odds ratio of winning for a 2x2 table of closed deals (matched / not, won / lost) and its standard error.

/** The closed-deal counts of one criterion or candidate: won and lost where it matched and where it did not. */
export interface MatchCounts {
  matchedWon: number;
  matchedLost: number;
  notMatchedWon: number;
  notMatchedLost: number;
}

/** Log odds ratio of winning when matched against when not, with +0.5 on each count so empty cells stay finite. */
export function logOddsRatio(k: MatchCounts): number {
  return Math.log(((k.matchedWon + 0.5) * (k.notMatchedLost + 0.5)) / ((k.matchedLost + 0.5) * (k.notMatchedWon + 0.5)));
}

/** The standard error of logOddsRatio (Woolf's formula, with the same +0.5 on each count). */
export function logOddsRatioError(k: MatchCounts): number {
  return Math.sqrt(1 / (k.matchedWon + 0.5) + 1 / (k.matchedLost + 0.5) + 1 / (k.notMatchedWon + 0.5) + 1 / (k.notMatchedLost + 0.5));
}
