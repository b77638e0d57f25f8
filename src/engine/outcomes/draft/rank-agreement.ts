// How closely a model's scores order rows as a fit's linear predictor does: the share of pairs put in the same order.

/**
 * Among pairs of rows whose `fitted` values differ, the share whose `scores` are in the same order, a tie in score
 * counting half (rounding points and scores can tie rows the fit tells apart). 1 when the scores rank as the fit does;
 * null with no such pair. O(n log n): rows sorted by fitted value, then discordant pairs counted by merge sort.
 */
export function rankAgreement(fitted: Float64Array, scores: Float64Array): number | null {
  const n = fitted.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => fitted[a]! - fitted[b]! || scores[a]! - scores[b]!);
  // Pairs with different fitted values.
  let tiedFit = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && fitted[order[j]!] === fitted[order[i]!]) j++;
    tiedFit += ((j - i) * (j - i - 1)) / 2;
    i = j;
  }
  const pairs = (n * (n - 1)) / 2 - tiedFit;
  if (pairs === 0) return null;
  // Pairs (i before j in fitted order) with scores[i] > scores[j]: discordant; equal scores across different fits: half.
  const s = order.map((i) => scores[i]!);
  const discordant = countInversions(s);
  let tiedScoreDifferentFit = 0;
  const byScore = new Map<number, Map<number, number>>();
  for (const i of order) {
    const m = byScore.get(scores[i]!) ?? new Map<number, number>();
    m.set(fitted[i]!, (m.get(fitted[i]!) ?? 0) + 1);
    byScore.set(scores[i]!, m);
  }
  for (const m of byScore.values()) {
    let total = 0;
    let same = 0;
    for (const c of m.values()) {
      total += c;
      same += (c * (c - 1)) / 2;
    }
    tiedScoreDifferentFit += (total * (total - 1)) / 2 - same;
  }
  return 1 - (discordant + tiedScoreDifferentFit / 2) / pairs;
}

/** Pairs i < j with a[i] > a[j] (strictly), by merge sort. */
function countInversions(a: number[]): number {
  if (a.length < 2) return 0;
  const mid = a.length >> 1;
  const left = a.slice(0, mid);
  const right = a.slice(mid);
  let count = countInversions(left) + countInversions(right);
  let i = 0, j = 0, k = 0;
  while (i < left.length && j < right.length) {
    if (left[i]! <= right[j]!) a[k++] = left[i++]!;
    else {
      a[k++] = right[j++]!;
      count += left.length - i;
    }
  }
  while (i < left.length) a[k++] = left[i++]!;
  while (j < right.length) a[k++] = right[j++]!;
  return count;
}
