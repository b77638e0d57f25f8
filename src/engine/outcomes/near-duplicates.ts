// Near-duplicate criteria (matches correlated at 0.5 or more) and which of them has an effect of its own: keeps a proxy or a correlated twin from taking its partner's points.
//
// Two criteria that match nearly the same deals (a "Tech segment" that is mostly the SaaS and Fintech industries, web
// visits and page views) carry one effect between them, and a fit can hardly tell which one has it: only the few deals
// where they disagree can. The lasso at its cross-validated penalty then often keeps both, splitting the effect or
// setting them against each other (one up, its copy down), so a proxy with no effect of its own earns real points. The
// rule: within a group of near-duplicates, a criterion keeps an effect only if its partial effect, given all the other
// criteria, is clear by a test that counts how many criteria are weighed (Holm's step-down at 5% over the fitted
// criteria, on the cluster-robust Wald tests of one plain logistic fit) and points the way its own win rates do. The
// others are held at 0, so the fit gives their share to the partner that has the evidence. When no member of a group
// passes, the data cannot tell which of them matters; the group's effect is not thrown away but carried by the member
// whose evidence is strongest, and its reason says that the choice is the data's best guess.

import { normalCdf } from './auc-interval';
import { problemOf, type Design } from './design';
import { fitPlainLogistic } from './logistic';

/** Criteria whose matches correlate at least this much (Pearson over the closed deals; the phi coefficient for 0/1) are near-duplicates. */
export const NEAR_DUPLICATE_CORRELATION = 0.5;
/** The family-wise level of the evidence test (Holm). */
export const EVIDENCE_LEVEL = 0.05;

export interface PartialEffect {
  /** Change in log-odds when it matches, all other design columns held fixed (plain logistic fit), and its 95% interval. */
  effect: number;
  lower: number;
  upper: number;
  /** Two-sided p-value of its Wald test (cluster-robust standard error). */
  p: number;
}

export interface Partner {
  column: number;
  agreement: number;
  exact: 'same' | 'opposite' | null;
}

export interface DuplicateNote {
  /** Design column of the criterion's match. */
  column: number;
  /**
   * Its near-duplicates (design columns) with the share of deals on which each agrees with it (both match or both
   * miss) and whether it is an exact copy: `same` deals, or exactly the `opposite` ones (a correlation of 1 or -1).
   */
  partners: Partner[];
  partial: PartialEffect;
  /**
   * `own`: clear given the others, in the direction of its win rates: keeps its effect. `shadow`: not clear given the
   * others; `seesaw`: given the others it points against its own win rates; both are held at 0. `carrier`: no member of
   * its group is clear, and its evidence is the strongest: it carries the group's effect.
   */
  role: 'own' | 'shadow' | 'seesaw' | 'carrier';
}

export interface DuplicateScreen {
  /** Per near-duplicate match column, what the rule found; columns without a near-duplicate are absent. */
  notes: Map<number, DuplicateNote>;
  /** Criteria weighed in the evidence test (Holm's family). */
  family: number;
}

/**
 * Screens the match columns `matchColumns` of `design` (0/1 or credit in [0, 1]; other columns, such as blank
 * indicators, are fitted alongside but never screened) against won (1) / lost (0); `rawDirection[k]` is the sign of
 * matchColumns[k]'s raw win-rate difference (matched minus not). `groups` keeps an account's deals together in the
 * standard errors.
 */
export function screenNearDuplicates(
  design: Design, won: ArrayLike<number>, groups: ArrayLike<string | number> | null, matchColumns: readonly number[], rawDirection: readonly number[],
): DuplicateScreen {
  const k = matchColumns.length;
  const partners = nearDuplicatePairs(design, won, matchColumns);
  const notes = new Map<number, DuplicateNote>();
  if (partners.every((list) => list.length === 0)) return { notes, family: k };

  const fit = fitPlainLogistic(design, won, { groups });
  // Wald z of each match, and its z in the direction of its own win rates (positive when the fit agrees with them).
  const z = matchColumns.map((col) => {
    const se = fit.standardErrors[col];
    return se == null || !(se > 0) ? 0 : fit.coefficients[col]! / se;
  });
  const partial = matchColumns.map((col, i): PartialEffect => {
    const b = fit.coefficients[col]!;
    return { effect: b, lower: fit.lower[col] ?? b, upper: fit.upper[col] ?? b, p: twoSidedP(z[i]!) };
  });
  // An exact copy (or complement) of another criterion has no effect of its own to test: the fit's split between the
  // two is the ridge's, and its interval says nothing about it.
  const clear = holm(partial.map((e) => e.p), EVIDENCE_LEVEL).map((c, i) => c && partners[i]!.every((q) => q.exact === null));
  const strength = (i: number): number => z[i]! * rawDirection[i]!;
  const role = new Array<DuplicateNote['role']>(k);
  for (let i = 0; i < k; i++) {
    if (partners[i]!.length === 0) continue;
    role[i] = Math.sign(partial[i]!.effect) !== rawDirection[i] ? 'seesaw' : clear[i] ? 'own' : 'shadow';
  }
  // Groups: connected near-duplicates. One where every member is held keeps its effect on the strongest member.
  for (const group of components(partners)) {
    if (group.some((i) => role[i] === 'own')) continue;
    let best = group[0]!;
    for (const i of group) if (strength(i) > strength(best)) best = i;
    role[best] = 'carrier';
  }
  for (let i = 0; i < k; i++) {
    if (partners[i]!.length === 0) continue;
    notes.set(matchColumns[i]!, {
      column: matchColumns[i]!,
      partners: partners[i]!.map((q) => ({ column: matchColumns[q.index]!, agreement: q.agreement, exact: q.exact })),
      partial: partial[i]!,
      role: role[i]!,
    });
  }
  return { notes, family: k };
}

/** The two-sided p-value of a Wald z. */
export function twoSidedP(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/** Holm's step-down: which hypotheses are rejected at family-wise level `level`. */
export function holm(p: readonly number[], level: number): boolean[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Array<boolean>(p.length).fill(false);
  for (let r = 0; r < order.length; r++) {
    if (!(p[order[r]!]! <= level / (order.length - r))) break;
    out[order[r]!] = true;
  }
  return out;
}

/**
 * For each match column (by position in matchColumns), its near-duplicates: the positions whose column correlates
 * with it at NEAR_DUPLICATE_CORRELATION or more, with the share of deals on which the two agree (both non-zero or both 0).
 * Computed over the distinct rows of the design (identical deals merged with their count), so it costs the same at
 * 1,000 or 100,000 deals.
 */
function nearDuplicatePairs(design: Design, won: ArrayLike<number>, matchColumns: readonly number[]): PairedWith[][] {
  const k = matchColumns.length;
  const prob = problemOf(design, won, null);
  const slot = new Int32Array(design.cols).fill(-1);
  matchColumns.forEach((col, i) => (slot[col] = i));
  const sum = new Float64Array(k);
  const square = new Float64Array(k);
  const cross = new Float64Array(k * k);
  const both = new Float64Array(k * k);
  const rows = prob.byRow;
  const idx: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < prob.n; r++) {
    const w = prob.w[r]!;
    idx.length = 0;
    val.length = 0;
    for (let t = rows.rowStart[r]!; t < rows.rowStart[r + 1]!; t++) {
      const i = slot[rows.colIndex[t]!]!;
      if (i < 0) continue;
      idx.push(i);
      val.push(rows.values === null ? 1 : rows.values[t]!);
    }
    for (let a = 0; a < idx.length; a++) {
      sum[idx[a]!]! += w * val[a]!;
      square[idx[a]!]! += w * val[a]! * val[a]!;
      for (let c = 0; c < idx.length; c++) {
        cross[idx[a]! * k + idx[c]!]! += w * val[a]! * val[c]!;
        both[idx[a]! * k + idx[c]!]! += w;
      }
    }
  }
  const n = prob.total;
  const nonZero = new Float64Array(k);
  for (let i = 0; i < k; i++) nonZero[i] = both[i * k + i]!;
  const out: PairedWith[][] = [];
  for (let a = 0; a < k; a++) {
    const list: PairedWith[] = [];
    for (let c = 0; c < k; c++) {
      if (c === a) continue;
      const cov = cross[a * k + c]! / n - (sum[a]! / n) * (sum[c]! / n);
      const va = square[a]! / n - (sum[a]! / n) ** 2;
      const vc = square[c]! / n - (sum[c]! / n) ** 2;
      if (!(va > 0 && vc > 0)) continue;
      const r = cov / Math.sqrt(va * vc);
      if (Math.abs(r) < NEAR_DUPLICATE_CORRELATION) continue;
      // Agree: both non-zero, or both zero (n - nonZero[a] - nonZero[c] + both).
      const agree = 2 * both[a * k + c]! + (n - nonZero[a]! - nonZero[c]!);
      list.push({ index: c, agreement: agree / n, exact: r > 1 - 1e-9 ? 'same' : r < -1 + 1e-9 ? 'opposite' : null });
    }
    out.push(list);
  }
  return out;
}

/** A near-duplicate by its position in matchColumns. */
interface PairedWith {
  index: number;
  agreement: number;
  exact: Partner['exact'];
}

/** Connected groups of the near-duplicate graph (positions with at least one partner). */
function components(partners: readonly { index: number }[][]): number[][] {
  const seen = new Uint8Array(partners.length);
  const out: number[][] = [];
  for (let s = 0; s < partners.length; s++) {
    if (seen[s] === 1 || partners[s]!.length === 0) continue;
    const group: number[] = [];
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      group.push(i);
      for (const q of partners[i]!) {
        if (seen[q.index] === 1) continue;
        seen[q.index] = 1;
        stack.push(q.index);
      }
    }
    out.push(group.sort((a, b) => a - b));
  }
  return out;
}
