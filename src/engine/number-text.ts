// Numbers as text for people, the same in every locale and runtime: counts with thousands separators, shares as whole percents.

/**
 * `r` x 100 rounded to a whole percent, exact halves up (57 of 200 = 28.5% is 29%). The nudge undoes binary error in
 * the product: 0.285 x 100 is 28.499999999999996 in floating point, which Math.round alone takes down to 28. Shares
 * here are ratios of counts, so no true value lies within 1e-9 of a half without being one.
 */
export function roundPercent(r: number): number {
  return Math.round(r * 100 + 1e-9);
}

/** 0.4137 -> `41%`. */
export function percent(r: number): string {
  return `${roundPercent(r)}%`;
}

/** Thousands separators without Intl, so the text is the same in every locale and runtime: 100000 -> "100,000". */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
