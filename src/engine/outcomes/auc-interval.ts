// The ROC AUC of scores against won/lost with a 95% interval that counts the deals of one account together (Obuchowski's clustered DeLong variance).

import { normalQuantile } from './logistic';

export interface AucInterval {
  auc: number;
  /** Standard error of the AUC (clustered when the deals carry accounts). */
  se: number;
  /** 95% interval, clipped to [0, 1]. */
  lower: number;
  upper: number;
  /** Clusters the variance was summed over: accounts, or deals when there is no account column. */
  clusters: number;
  /** Two-sided p-value of "the scores rank won and lost deals alike" (AUC = 0.5), by the normal approximation. */
  p: number;
}

/**
 * AUC (ties count half) with its standard error from the placement values of DeLong et al. (1988), summed per
 * cluster as in Obuchowski (1997, Biometrics 53:567-578): with K clusters, M won and N lost deals, V10_k and V01_k
 * the summed placements of cluster k's won and lost deals (m_k, n_k of them),
 *   var = K/(K-1) [ sum (V10_k - m_k A)^2 / M^2 + sum (V01_k - n_k A)^2 / N^2 + 2 sum (V10_k - m_k A)(V01_k - n_k A) / (M N) ].
 * Without clusters each deal is its own (DeLong's variance). Null unless there is at least one won and one lost deal.
 */
export function aucInterval(scores: ArrayLike<number>, won: ArrayLike<number>, cluster: ArrayLike<number> | null = null): AucInterval | null {
  const n = scores.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a]! - scores[b]!);
  let totalWon = 0;
  for (let i = 0; i < n; i++) totalWon += won[i]! ? 1 : 0;
  const totalLost = n - totalWon;
  if (totalWon === 0 || totalLost === 0) return null;
  // Placement of a won deal: the share of lost deals it outscores (ties half); of a lost deal: the share of won deals above it.
  const place = new Float64Array(n);
  let lostBelow = 0;
  let wonBelow = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let wonTied = 0;
    while (j < n && scores[order[j]!] === scores[order[i]!]) {
      if (won[order[j]!]) wonTied++;
      j++;
    }
    const lostTied = j - i - wonTied;
    for (let t = i; t < j; t++) {
      const d = order[t]!;
      place[d] = won[d] ? (lostBelow + lostTied / 2) / totalLost : (totalWon - wonBelow - wonTied + wonTied / 2) / totalWon;
    }
    lostBelow += lostTied;
    wonBelow += wonTied;
    i = j;
  }
  let sumWon = 0;
  for (let d = 0; d < n; d++) if (won[d]) sumWon += place[d]!;
  const auc = sumWon / totalWon;
  const index = new Map<number, number>();
  const v10: number[] = [];
  const v01: number[] = [];
  const mk: number[] = [];
  const nk: number[] = [];
  for (let d = 0; d < n; d++) {
    const key = cluster === null ? d : cluster[d]!;
    let at = index.get(key);
    if (at === undefined) {
      at = v10.length;
      index.set(key, at);
      v10.push(0);
      v01.push(0);
      mk.push(0);
      nk.push(0);
    }
    if (won[d]) {
      v10[at]! += place[d]!;
      mk[at]!++;
    } else {
      v01[at]! += place[d]!;
      nk[at]!++;
    }
  }
  const k = v10.length;
  let s10 = 0;
  let s01 = 0;
  let cross = 0;
  for (let c = 0; c < k; c++) {
    const a = v10[c]! - mk[c]! * auc;
    const b = v01[c]! - nk[c]! * auc;
    s10 += a * a;
    s01 += b * b;
    cross += a * b;
  }
  const factor = k > 1 ? k / (k - 1) : 1;
  const variance = factor * (s10 / (totalWon * totalWon) + s01 / (totalLost * totalLost) + (2 * cross) / (totalWon * totalLost));
  const se = Math.sqrt(Math.max(0, variance));
  const z = normalQuantile(0.975);
  const p = se > 0 ? 2 * (1 - normalCdf(Math.abs(auc - 0.5) / se)) : auc === 0.5 ? 1 : 0;
  return { auc, se, lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), clusters: k, p };
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26 through erf, error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
