// Suggested points from one multivariable fit: penalised logistic regression of won/lost on the criteria's matches, mapped back into points and category weights.

import type { Criterion, Profile } from '../model';
import { grouped, percent } from '../number-text';
import { designFromDense, fitPenalisedLogistic, type PenalisedFit } from './logistic';
import { EVIDENCE_LEVEL, holm, screenNearDuplicates, twoSidedP, type DuplicateScreen, type Partner } from './near-duplicates';
import { effectText, type Effect, type FitSummary, type PointsSuggestion, type Suggestion, type WeightSuggestion } from './suggestion';

export { changedPoints, effectText, withSuggestedPoints, type Effect, type Evidence, type FitSummary, type PointsSuggestion, type Suggestion, type WeightSuggestion } from './suggestion';

/** Status codes of a criterion in one deal, as the tally stores them. */
export const MISSED = 0;
export const MATCHED = 1;
export const BLANK = 2;
export const UNREADABLE = 3;

/** Fewer qualified closed deals than this, or no won or no lost one: no fit, every criterion keeps its points. */
export const MIN_FIT_DEALS = 20;
/** The positive points of a category in a suggestion add up to this (or to its current total, when larger). */
export const POINTS_SCALE = 100;

/**
 * The qualified closed deals as the fit reads them: per deal and fitted criterion (criteria that earn points: role
 * `score` or `must`, bands included), a status code and the share of the criterion's most points it earned (1 or 0,
 * or a band's share); 1 won / 0 lost; the deal's account (an index) or null without an account column.
 */
export interface DealMatrix {
  criteria: Criterion[];
  deals: number;
  status: number[];
  credit: number[];
  won: number[];
  group: number[] | null;
}

const pointsOf = (c: Criterion): number => (c.when.op === 'bands' ? Math.max(0, ...c.when.bands.map((b) => b.points)) : typeof c.points === 'number' ? c.points : 0);
const bandPoints = (c: Criterion): number[] | null => (c.when.op === 'bands' ? c.when.bands.map((b) => b.points) : null);

/** The criteria the fit weighs: those that earn points (score and must-have criteria, bands included). */
export function fittedCriteria(profile: Profile): Criterion[] {
  return profile.criteria.filter((c) => {
    const role = c.role ?? 'score';
    return role === 'score' || (role === 'must' && pointsOf(c) !== 0);
  });
}

/** A penalty factor that holds a coefficient at 0. */
const HELD = 1e12;

/** Win rate where it matched minus where it did not (0 when either side has no deal). */
function rawDifference(s: PointsSuggestion): number {
  return s.matched.closed > 0 && s.notMatched.closed > 0 ? s.matched.won / s.matched.closed - s.notMatched.won / s.notMatched.closed : 0;
}

/** `"A" (on 91% of the closed deals)` or `"A" (91% of the closed deals) and "B" (85%)`: near-duplicates and how often each agrees. */
function partnersText(partners: Partner[], label: (column: number) => string): string {
  const parts = partners.map((p, i) => `"${label(p.column)}" (on ${percent(p.agreement)}${i === 0 ? ' of the closed deals' : ''})`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/** `exactly the same closed deals as "A"` or `exactly the closed deals "A" does not`. */
function exactText(p: Partner, label: (column: number) => string): string {
  return p.exact === 'same' ? `exactly the same closed deals as "${label(p.column)}"` : `exactly the closed deals "${label(p.column)}" does not`;
}

/**
 * The reason of a near-duplicate held at 0 (see near-duplicates.ts), naming the partners that carry the effect in the
 * final fit; null when it is not one, or no partner kept an effect (the generic reasons then say it).
 */
function duplicateReason(
  s: PointsSuggestion, screen: DuplicateScreen, column: number, columns: { criterion: number }[], base: PointsSuggestion[], fit: PenalisedFit,
): string | null {
  const note = screen.notes.get(column);
  if (note === undefined || (note.role !== 'shadow' && note.role !== 'seesaw')) return null;
  const keepers = note.partners.filter((p) => fit.coefficients[p.column] !== 0);
  if (keepers.length === 0) return null;
  const label = (c: number): string => base[columns[c]!.criterion]!.label;
  const copy = keepers.find((p) => p.exact !== null);
  if (copy !== undefined) {
    return `No evidence of its own: it ${ratesText(s)}, but it matches ${exactText(copy, label)}, so the data cannot tell the two apart; "${label(copy.column)}" carries their shared effect, so this one is set to 0 (if you trust it more, move the points here).`;
  }
  const who = partnersText(keepers, label);
  // A keeper that is its group's carrier was chosen only as the stronger of members none of which is clear: say so.
  const guess = keepers.every((p) => screen.notes.get(p.column)?.role === 'carrier');
  const carries = guess
    ? `the data cannot tell which matters, and ${keepers.length === 1 ? `"${label(keepers[0]!.column)}", whose evidence is stronger, carries` : 'the ones whose evidence is stronger carry'} their shared effect`
    : keepers.length === 1 ? `"${label(keepers[0]!.column)}" carries it` : 'they carry it';
  const end = guess ? ', so this one is set to 0 (if you trust it more, move the points here).' : ', so this one is set to 0.';
  return note.role === 'seesaw'
    ? `No evidence of its own: it ${ratesText(s)}, but it agrees with ${who}, and given the other criteria it points the other way, ${effectText(note.partial)}: the fit was splitting one effect between near-copies; ${carries}${end}`
    : `No evidence of its own: it ${ratesText(s)}, but it agrees with ${who}, and given the other criteria its own effect, ${effectText(note.partial)}, is not clear once the ${screen.family} criteria weighed are counted; ${carries}${end}`;
}

/** For the member of a group of near-duplicates that carries the group's effect because none is clear: says so. */
function carrierNote(screen: DuplicateScreen, column: number, columns: { criterion: number }[], base: PointsSuggestion[]): string {
  const note = screen.notes.get(column);
  if (note === undefined || note.role !== 'carrier') return '';
  const label = (c: number): string => base[columns[c]!.criterion]!.label;
  const copy = note.partners.find((p) => p.exact !== null);
  if (copy !== undefined) {
    return ` It matches ${exactText(copy, label)}, so the data cannot tell the two apart; it carries their shared effect. If you trust "${label(copy.column)}" more, move the points there.`;
  }
  const one = note.partners.length === 1;
  return ` It agrees with ${partnersText(note.partners, label)}, and the data cannot tell which of ${one ? 'the two' : 'them'} matters (given the other criteria, none is clear once the ${screen.family} criteria weighed are counted); it carries their shared effect because its evidence is the strongest. If you trust ${one ? `"${label(note.partners[0]!.column)}"` : 'one of the others'} more, move the points there.`;
}

function ratesText(s: PointsSuggestion): string {
  const side = (won: number, closed: number): string => (closed === 0 ? 'no deal' : `${percent(won / closed)} of ${grouped(closed)}`);
  return `won ${side(s.matched.won, s.matched.closed)} where it matched against ${side(s.notMatched.won, s.notMatched.closed)} where it did not`;
}

/** Suggests points and category weights for `profile` from the deals (see the file's header and docs/outcomes.md). */
export function suggestFromOutcomes(profile: Profile, m: DealMatrix, seed = 1): Suggestion {
  const k = m.criteria.length;
  const wonTotal = m.won.reduce((a, b) => a + b, 0);
  // Per criterion: the counts and which design columns it has.
  const base = m.criteria.map((c, i): PointsSuggestion => {
    let mc = 0;
    let mw = 0;
    let nc = 0;
    let nw = 0;
    for (let d = 0; d < m.deals; d++) {
      const on = m.status[d * k + i] === MATCHED;
      if (on) {
        mc++;
        mw += m.won[d]!;
      } else {
        nc++;
        nw += m.won[d]!;
      }
    }
    const bands = bandPoints(c);
    return {
      id: c.id, label: c.label ?? c.id, category: c.category, current: pointsOf(c), suggested: pointsOf(c),
      bands: bands === null ? null : { current: bands, suggested: [...bands] }, evidence: 'cannot-judge', match: null, blank: null, unreadable: null,
      matched: { closed: mc, won: mw }, notMatched: { closed: nc, won: nw }, reason: '',
    };
  });
  const keepAll = (note: string): Suggestion => {
    for (const s of base) s.reason = `Cannot be judged: ${note}; its points are left as they are.`;
    return { points: base, weights: currentWeights(profile), usable: false, note: `No suggestion: ${note}.`, fit: null, pointsPerLogOdds: null };
  };
  if (m.deals < MIN_FIT_DEALS) return keepAll(`only ${m.deals} closed ${m.deals === 1 ? 'deal' : 'deals'} that the model qualifies (needs ${MIN_FIT_DEALS})`);
  if (wonTotal === 0 || wonTotal === m.deals) return keepAll(`the ${m.deals} closed deals were all ${wonTotal === 0 ? 'lost' : 'won'}`);

  // Design columns: the match (credit) of each criterion that varies, then blank and unreadable indicators.
  const columns: { criterion: number; kind: 'match' | 'blank' | 'unreadable' }[] = [];
  m.criteria.forEach((c, i) => {
    const seen = new Set<number>();
    const credits = new Set<number>();
    for (let d = 0; d < m.deals; d++) {
      seen.add(m.status[d * k + i]!);
      credits.add(m.credit[d * k + i]!);
    }
    if (credits.size > 1) columns.push({ criterion: i, kind: 'match' });
    // A must-have's blank is its only way not to match among qualified deals: an indicator would copy the match.
    if ((c.role ?? 'score') === 'must') return;
    if (seen.has(BLANK) && seen.size > 1 && credits.size > 1) columns.push({ criterion: i, kind: 'blank' });
    if (seen.has(UNREADABLE) && seen.size > 1 && credits.size > 1) columns.push({ criterion: i, kind: 'unreadable' });
  });
  for (const s of base) {
    const i = base.indexOf(s);
    if (!columns.some((c) => c.criterion === i && c.kind === 'match')) {
      s.reason = s.matched.closed === 0
        ? `Cannot be judged: it matched none of the ${grouped(m.deals)} closed deals; its points are left as they are.`
        : s.notMatched.closed === 0
          ? `Cannot be judged: it matched all ${grouped(m.deals)} closed deals; its points are left as they are.`
          : `Cannot be judged: it earned the same points in all ${grouped(m.deals)} closed deals; its points are left as they are.`;
    }
  }
  if (columns.length === 0) return { ...keepAll('no criterion varies across the closed deals'), note: 'No suggestion: no criterion varies across the closed deals.' };

  const rows = Array.from({ length: m.deals }, (_, d) => columns.map((col) => {
    const at = d * k + col.criterion;
    if (col.kind === 'match') return m.credit[at]!;
    return m.status[at] === (col.kind === 'blank' ? BLANK : UNREADABLE) ? 1 : 0;
  }));
  const design = designFromDense(rows, columns.length);
  const held = new Float64Array(columns.length).fill(1);
  // Near-duplicates (near-duplicates.ts): of two criteria matching nearly the same deals, one without a clear effect of
  // its own given the others, or one set against its copy, is held at 0, so its partner carries the effect.
  const matchColumns = columns.flatMap((col, j) => (col.kind === 'match' ? [j] : []));
  const screen = screenNearDuplicates(design, m.won, m.group, matchColumns, matchColumns.map((j) => Math.sign(rawDifference(base[columns[j]!.criterion]!))));
  for (const note of screen.notes.values()) if (note.role === 'shadow' || note.role === 'seesaw') held[note.column] = HELD;
  let fit: PenalisedFit = fitPenalisedLogistic(design, m.won, { alpha: 1, rule: 'min', folds: 5, groups: m.group, seed, penaltyFactor: held });
  // A shadow: a match whose fitted effect points against its own win rates while its interval holds no effect is a
  // proxy or a correlated twin correcting another criterion, not an effect of its own (left in, it would earn points
  // against its own evidence). It is held at 0 (an overwhelming penalty) and the fit redone, so the suggestion still
  // ranks as the final fit does.
  for (let round = 0; round < 3; round++) {
    let shadows = 0;
    columns.forEach((col, j) => {
      const b = fit.coefficients[j]!;
      if (col.kind !== 'match' || b === 0 || held[j] !== 1) return;
      const unclear = fit.lower[j] == null || fit.upper[j] == null || (fit.lower[j]! <= 0 && fit.upper[j]! >= 0);
      if (unclear && Math.sign(b) !== Math.sign(rawDifference(base[col.criterion]!))) {
        held[j] = HELD;
        shadows++;
      }
    });
    if (shadows === 0) break;
    fit = fitPenalisedLogistic(design, m.won, { alpha: 1, rule: 'min', folds: 5, groups: m.group, seed, penaltyFactor: held });
  }
  const effectOf = (j: number): Effect => ({ effect: fit.coefficients[j]!, lower: fit.lower[j] ?? null, upper: fit.upper[j] ?? null });
  columns.forEach((col, j) => {
    const s = base[col.criterion]!;
    if (col.kind === 'match') s.match = effectOf(j);
    else if (col.kind === 'blank') s.blank = effectOf(j);
    else s.unreadable = effectOf(j);
  });
  const beta = (s: PointsSuggestion): number => (s.match === null ? 0 : s.match.effect);
  const fitted = base.filter((s) => s.match !== null).length;
  const someEffect = base.some((s) => beta(s) !== 0);
  for (const s of base) {
    if (s.match === null) continue;
    const b = s.match.effect;
    const j = columns.findIndex((col) => col.kind === 'match' && base[col.criterion] === s);
    if (b === 0) {
      s.evidence = 'none';
      const rawGap = s.matched.closed > 0 && s.notMatched.closed > 0 ? Math.abs(s.matched.won / s.matched.closed - s.notMatched.won / s.notMatched.closed) : 0;
      const duplicate = someEffect ? duplicateReason(s, screen, j, columns, base, fit) : null;
      s.reason = !someEffect
        ? `No evidence: it ${ratesText(s)}; weighing ${fitted} criteria together on ${grouped(m.deals)} deals, the fit cannot tell any effect from chance and sets it to 0.`
        : duplicate !== null
        ? duplicate
        : rawGap >= 0.05
        ? `No evidence of its own: it ${ratesText(s)}, but the other criteria explain that difference; the fit sets it to 0.`
        : `No evidence: it ${ratesText(s)}, a difference chance alone gives; the fit sets it to 0.`;
    } else {
      const clear = s.match.lower !== null && s.match.upper !== null && (s.match.lower > 0 || s.match.upper < 0);
      s.evidence = clear ? 'effect' : 'weak';
      const way = b > 0 ? 'Goes with winning' : 'Goes with losing';
      const held = clear ? '' : ' (a small effect: its interval includes no effect)';
      s.reason = `${way}, the other criteria held fixed: ${effectText(s.match)}${held}; it ${ratesText(s)}.${b < 0 ? ' A penalty.' : ''}${carrierNote(screen, j, columns, base)}`;
    }
  }
  const mapped = mapToPoints(profile, base, beta);
  // A suggestion needs evidence that the criteria predict at all: an effect that stays clear once the number of
  // criteria weighed is counted (Holm's step-down at 5% over the fitted criteria's Wald tests: one 95% interval in ten
  // excludes no effect by chance alone), or a fit whose held-out deviance beats the intercept-only model's (the first
  // lambda) by more than one standard error.
  const cv = fit.cv;
  const predicts = cv !== null && cv.mean[cv.chosen]! + cv.se[cv.chosen]! < cv.mean[0]!;
  const pValues = matchColumns.map((j) => {
    const se = fit.standardErrors[j];
    return fit.coefficients[j] === 0 || se == null || !(se > 0) ? 1 : twoSidedP(fit.coefficients[j]! / se);
  });
  const clearOnes = holm(pValues, EVIDENCE_LEVEL).some((x) => x);
  const any = clearOnes || (predicts && base.some((s) => s.evidence === 'effect' || s.evidence === 'weak'));
  const summary: FitSummary = {
    method: 'lasso', lambda: fit.lambda, folds: fit.cv?.folds ?? 0, grouped: m.group !== null, deals: m.deals, features: columns.length,
    intervals: 'Wald intervals from the sandwich covariance of the penalised fit, summed per account when deals share one',
    rankAgreement: null,
  };
  if (!any || !mapped.usable) {
    return {
      points: base, weights: currentWeights(profile), usable: false, fit: summary, pointsPerLogOdds: null,
      note: 'No suggestion: weighed together, the criteria predict held-out deals no better than chance, and none goes with winning or losing clearly.',
    };
  }
  summary.rankAgreement = spearman(
    suggestedScores(profile, m, base, mapped.weights),
    Array.from({ length: m.deals }, (_, d) => base.reduce((a, p, i) => a + beta(p) * m.credit[d * k + i]!, 0)),
  );
  return {
    points: base, weights: mapped.weights, usable: true, fit: summary, pointsPerLogOdds: mapped.pointsPerLogOdds,
    note: 'Points and category weights from one penalised logistic regression on all criteria at once (deals of one account together), so the suggested model ranks deals as the fit does.',
  };
}

/**
 * The suggested model's score of each fitted deal from the deal matrix, by the contract's formula (earned / possible
 * per category, floored at 0, capped at 1; a category that can earn nothing is full unless a penalty applies; weighted
 * over the categories with criteria). Criteria outside the fit (exclusions, 0-point must-haves) earn nothing. Used for
 * rankAgreement only; test/engine/fit-points.test.ts checks it against the engine's own scoring.
 */
function suggestedScores(profile: Profile, m: DealMatrix, points: readonly PointsSuggestion[], weights: readonly WeightSuggestion[]): number[] {
  const k = m.criteria.length;
  const weightOf = new Map(weights.map((w) => [w.id, w.suggested]));
  const categories = profile.categories.filter((c) => profile.criteria.some((x) => x.category === c.id));
  const total = categories.reduce((a, c) => a + (weightOf.get(c.id) ?? 0), 0);
  const scores: number[] = [];
  for (let d = 0; d < m.deals; d++) {
    let sum = 0;
    for (const cat of categories) {
      let earned = 0;
      let possible = 0;
      let penalty = false;
      points.forEach((p, i) => {
        if (p.category !== cat.id) return;
        possible += Math.max(0, p.suggested);
        const got = p.suggested * m.credit[d * k + i]!;
        earned += got;
        if (got < 0) penalty = true;
      });
      const fit = possible > 0 ? Math.min(1, Math.max(0, earned / possible)) : penalty ? 0 : 1;
      sum += (weightOf.get(cat.id) ?? 0) * fit;
    }
    scores.push(total > 0 ? (100 * sum) / total : 0);
  }
  return scores;
}

/** Spearman's rank correlation (average ranks for ties); 1 when both are constant, 0 when only one is. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i]! - mean) * (rb[i]! - mean);
    saa += (ra[i]! - mean) ** 2;
    sbb += (rb[i]! - mean) ** 2;
  }
  if (saa === 0 && sbb === 0) return 1;
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

function ranks(x: readonly number[]): number[] {
  const order = x.map((_, i) => i).sort((i, j) => x[i]! - x[j]!);
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && x[order[j]!] === x[order[i]!]) j++;
    for (let t = i; t < j; t++) r[order[t]!] = (i + 1 + j) / 2;
    i = j;
  }
  return r;
}

function currentWeights(profile: Profile): WeightSuggestion[] {
  return profile.categories.map((c) => ({ id: c.id, label: c.label ?? c.id, current: c.weight, suggested: c.weight }));
}

/**
 * Sets `suggested` (and band points) on the fitted criteria and returns the category weights, so that the score's
 * linear part is proportional to the fit's linear predictor. Within category c with positive effects B_c (their sum),
 * criterion j gets round(S x beta_j / B_c) points (penalties negative), S = POINTS_SCALE or the category's current
 * positive total if larger; the category's weight is proportional to B_c x P_c / S, P_c being its points possible
 * after rounding. Then every matched criterion adds the same number of score points per unit of log-odds, whatever its
 * category. A category with only penalties (the model counts it full unless a penalty applies) is weighted by its
 * largest penalty's effect: exact for one penalty, the best a yes/no category can do for several.
 */
function mapToPoints(profile: Profile, points: PointsSuggestion[], beta: (s: PointsSuggestion) => number): {
  weights: WeightSuggestion[]; usable: boolean; pointsPerLogOdds: number | null;
} {
  const raw = new Map<string, number>();
  for (const cat of profile.categories) {
    const members = points.filter((s) => s.category === cat.id);
    if (members.length === 0) {
      raw.set(cat.id, -1); // no criteria that earn points here: the category keeps its weight (it may hold only knock-out rules)
      continue;
    }
    const positive = members.reduce((a, s) => a + Math.max(0, beta(s)), 0);
    const currentTotal = members.reduce((a, s) => a + Math.max(0, s.current), 0);
    const scale = Math.max(POINTS_SCALE, currentTotal);
    const largestPenalty = members.reduce((a, s) => Math.max(a, -beta(s)), 0);
    for (const s of members) {
      if (s.evidence === 'cannot-judge') continue;
      const b = beta(s);
      const norm = positive > 0 ? positive : largestPenalty;
      // The model floors a category at 0, so a penalty beyond the category's possible points can only zero it: capped there.
      const exact = norm > 0 ? Math.round((scale * b) / norm) : 0;
      const size = Math.max(-scale, exact) + 0;
      if (exact < -scale && positive > 0) {
        s.reason += ` Its effect outweighs everything its category "${cat.label ?? cat.id}" earns, and the model floors a category at 0, so it can only take that category to 0; in a category of its own (penalties only) it would count fully.`;
      }
      // A clear effect keeps its direction even when it rounds to 0.
      s.suggested = b !== 0 && size === 0 ? Math.sign(b) : size;
      if (s.bands !== null) {
        const top = Math.max(0, ...s.bands.current);
        s.bands.suggested = s.bands.current.map((p) => (top > 0 ? Math.round((p / top) * s.suggested) + 0 : 0));
      }
    }
    const possible = members.reduce((a, s) => a + Math.max(0, s.suggested), 0);
    raw.set(cat.id, positive > 0 ? (positive * possible) / scale : largestPenalty);
  }
  const fitted = [...raw.values()].filter((v) => v >= 0);
  const total = fitted.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { weights: currentWeights(profile), usable: false, pointsPerLogOdds: null };
  // Whole-number weights adding to 100 over the fitted categories (largest remainder); others keep theirs.
  const ids = profile.categories.map((c) => c.id).filter((id) => raw.get(id)! >= 0);
  const exact = ids.map((id) => (100 * raw.get(id)!) / total);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    whole[i]!++;
    left--;
  }
  const suggested = new Map(ids.map((id, i) => [id, whole[i]!]));
  const weights = profile.categories.map((c) => ({ id: c.id, label: c.label ?? c.id, current: c.weight, suggested: suggested.get(c.id) ?? c.weight }));
  return { weights, usable: true, pointsPerLogOdds: 100 / total };
}
