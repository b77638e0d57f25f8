// Category weights as whole percentages that always add to 100 (largest-remainder rounding), and rebalancing on edit.

/** Whole percentages of the weights, adding to exactly 100 (all 0 when every weight is 0 or invalid). */
export function percentages(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  if (sum <= 0) return clean.map(() => 0);
  return roundTo(clean.map((w) => (w / sum) * 100), 100);
}

/** Rounds non-negative shares to integers that add to `total`, giving the leftover units to the largest remainders. */
export function roundTo(shares: readonly number[], total: number): number[] {
  const floors = shares.map((s) => Math.floor(s));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, r: s - Math.floor(s) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * New weights after the user sets category `index` to `percent`: that category gets it, the others share
 * the rest in proportion to their current weights (equally when they are all 0). The result adds to 100.
 */
export function rebalance(weights: readonly number[], index: number, percent: number): number[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [100];
  const p = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
  const current = percentages(weights);
  const others = current.map((w, i) => (i === index ? 0 : w));
  const othersSum = others.reduce((a, b) => a + b, 0);
  const rest = 100 - p;
  const count = weights.length - 1;
  const shares = others.map((w, i) => {
    if (i === index) return 0;
    return othersSum > 0 ? (w / othersSum) * rest : rest / count;
  });
  const rounded = roundTo(shares.filter((_, i) => i !== index), rest);
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < weights.length; i++) out.push(i === index ? p : (rounded[k++] ?? 0));
  return out;
}

/** Weights after removing one category: the remaining ones scaled back to 100. */
export function withoutIndex(weights: readonly number[], index: number): number[] {
  const rest = weights.filter((_, i) => i !== index);
  if (rest.length === 0) return [];
  const p = percentages(rest);
  return p.every((x) => x === 0) ? roundTo(rest.map(() => 100 / rest.length), 100) : p;
}
