// Drafts a whole ICP model from a table of deals and their outcomes: candidates from every column, a sparse fit, readable criteria with their evidence, exclusions, tiers.

import { compileModel } from '../../model-compile';
import { checkModel, formatIssue } from '../../model-check';
import type { Model } from '../../model';
import { compileContext } from '../../compile';
import { DISQUALIFIED, BLANK_ROW } from '../../results';
import { grouped, percent } from '../../number-text';
import type { SplitOutcomes } from '../stats';
import { maxPointsOf } from '../../max-points';
import type { Band } from '../../model';
import type { CompileContext } from '../../operators';
import type { ReadColumn } from './columns';
import { bandOf } from './unit-criteria';
import { MIN_EXCLUSION_DEALS, type ExclusionDraft } from './exclusions';
import { dealOutcomes } from './outcomes';
import { draftProfile, quantileTiers, type ScoredCriterion } from './build-profile';
import { prepareDraft } from './prepare';
import { rankAgreement } from './rank-agreement';
import { draftCriteria, type Drafted, type DraftedCriteria } from './recipes';

/** Fewer closed deals than this cannot be drafted from (the cross-validation needs both outcomes in every fold). */
export const MIN_DRAFT_DEALS = 40;
/** Criteria drafted at most, unless told otherwise. */
export const DEFAULT_MAX_CRITERIA = 12;
const SEED = 17;

export interface DraftOptions {
  /** The outcome column's header; null or omitted: the column Validate against outcomes would pick. */
  outcomeColumn?: string | null;
  /** "Today" for recency criteria. */
  today?: Date;
  maxCriteria?: number;
  profileName?: string;
  /** The spreadsheet's locale (`de_DE`): text numbers are read with its decimal sign, as scoring reads them. */
  locale?: string;
  /** Where the deals came from, for the profile's description (`deals.csv`, `sheet "Deals"`). */
  source?: string;
}

export interface CriterionEvidence {
  id: string;
  label: string;
  column: string;
  category: string;
  role: 'score' | 'exclude';
  /** Points drafted (null for an exclusion). */
  points: number | null;
  /** Closed deals where it matched and where it did not. */
  matched: SplitOutcomes;
  notMatched: SplitOutcomes;
  /** The fitted odds ratio of winning when matched, with its 95% interval, holding the other criteria fixed; null for an exclusion. */
  effect: { oddsRatio: number; low: number; high: number } | null;
  /** One sentence: the evidence in words (also the criterion's description in the model). */
  text: string;
}

export interface TierEvidence {
  label: string;
  min: number;
  /** Closed deals in the tier, won among them, win rate. */
  closed: number;
  won: number;
  winRate: number | null;
}

export interface DraftResult {
  /** False when nothing could be drafted (message says why); the rest is filled as far as it got. */
  ok: boolean;
  message: string;
  outcomeColumn: string | null;
  /** The column whose repeated values tie deals to one account (folds keep an account's deals together); null. */
  accountColumn: string | null;
  /** Rows repeat accounts: the figures say deals, not accounts. */
  won: number;
  lost: number;
  open: number;
  /** Candidate criteria tried, and from how many columns. */
  candidates: number;
  columnsUsed: number;
  /** Columns that could not become criteria, and why. */
  skipped: { column: string; reason: string }[];
  /** The drafted model (one profile); null when nothing was drafted. */
  model: Model | null;
  criteria: CriterionEvidence[];
  tiers: TierEvidence[];
  /** How the criteria were chosen, in words. */
  method: string;
  /** Which recipe drafted the criteria: the sparse fit, units of evidence, the latent classes, or none (nothing held). */
  recipe: 'sparse' | 'evidence' | 'latent' | 'none';
  /**
   * Held-out deviance per closed deal in the cross-validation that chose the recipe: no criterion, the sparse fit, units
   * of evidence, the latent classes (null when there were no columns to find classes in); null when none ran.
   */
  heldOutDeviance: { none: number; sparse: number; evidence: number; latent: number | null } | null;
  /**
   * Share of pairs of closed deals (with different fitted odds) that the drafted model's scores put in the same order
   * as the fit, ties in score counting half; null without criteria.
   */
  rankAgreement: number | null;
}

const split = (won: number, closed: number): SplitOutcomes => ({ closed, won, winRate: closed === 0 ? null : won / closed });

function ratio(x: number): string {
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2);
}

/** `Won 48% of 42 closed deals where it matched against 30% of 170 where it did not; odds x1.9 (1.2-3.0) with the other criteria held fixed.` */
function evidenceText(m: SplitOutcomes, n: SplitOutcomes, effect: CriterionEvidence['effect'], deals: string, own = false): string {
  const side = (s: SplitOutcomes): string => (s.winRate === null ? `none of 0` : `${percent(s.winRate)} of ${grouped(s.closed)}`);
  const base = `Won ${side(m)} closed ${deals} where it matched against ${side(n)} where it did not`;
  if (effect === null) return `${base}.`;
  // The evidence recipe counts a criterion for its own win rates: its interval is its own, and holds no effect only where grouping or bands blurred it.
  if (own) {
    const unclear = effect.low > 1 || effect.high < 1 ? '' : ': not clear for the criterion as a whole (the interval holds no effect)';
    return `${base}; odds of winning x${ratio(effect.oddsRatio)} (95% interval ${ratio(effect.low)}-${ratio(effect.high)}) on its own${unclear}.`;
  }
  const clear = effect.low > 1 || effect.high < 1 ? '' : ': not clear on its own (the interval holds no effect), it counts with the others';
  return `${base}; odds of winning x${ratio(effect.oddsRatio)} (95% interval ${ratio(effect.low)}-${ratio(effect.high)}) with the other criteria held fixed${clear}.`;
}

/** `By band: 2-3 website visits (30d) 10 points, won 25% of 48; ...; in no band (lower, or blank): won 12% of 73.` */
function bandsText(column: ReadColumn, bands: readonly Band[], fitRows: Int32Array, y: Uint8Array, context: CompileContext): string {
  const band = bandOf(column, bands, fitRows, context);
  const won = new Array<number>(bands.length + 1).fill(0);
  const closed = new Array<number>(bands.length + 1).fill(0);
  band.forEach((b, k) => {
    const at = b < 0 ? bands.length : b;
    closed[at]!++;
    won[at]! += y[k]!;
  });
  const rate = (i: number): string => (closed[i] === 0 ? 'none closed' : `won ${percent(won[i]! / closed[i]!)} of ${grouped(closed[i]!)}`);
  const parts = bands.map((b, i) => `${b.label ?? `band ${i + 1}`} ${b.points} points, ${rate(i)}`);
  return `By band: ${parts.join('; ')}; in no band (the rest, or blank): ${rate(bands.length)}.`;
}

function matchesOf(x: Uint8Array, y: Uint8Array): { m: SplitOutcomes; n: SplitOutcomes } {
  let mc = 0, mw = 0, nc = 0, nw = 0;
  for (let k = 0; k < x.length; k++) {
    if (x[k] === 1) {
      mc++;
      mw += y[k]!;
    } else {
      nc++;
      nw += y[k]!;
    }
  }
  return { m: split(mw, mc), n: split(nw, nc) };
}

/** Drafts a model from `rows` under `headers` (as the engine reads a sheet or CSV). Throws EngineError for a missing outcome column. */
export function draftModel(headers: readonly string[], rows: readonly (readonly unknown[])[], options: DraftOptions = {}): DraftResult {
  const compileOptions = { today: options.today ?? new Date(), ...(options.locale === undefined ? {} : { locale: options.locale }) };
  const context = compileContext(compileOptions);
  const maxCriteria = options.maxCriteria ?? DEFAULT_MAX_CRITERIA;
  const outcomes = dealOutcomes(headers, rows, options.outcomeColumn ?? null);
  const result: DraftResult = {
    ok: false, message: '', outcomeColumn: outcomes.header, accountColumn: null, won: outcomes.won, lost: outcomes.lost, open: outcomes.open,
    candidates: 0, columnsUsed: 0, skipped: [], model: null, criteria: [], tiers: [], method: '', recipe: 'none', heldOutDeviance: null, rankAgreement: null,
  };
  const closed = outcomes.won + outcomes.lost;
  const wonWord = outcomes.yesNo ? `"yes" in ${outcomes.header}` : 'won';
  if (closed < MIN_DRAFT_DEALS) {
    result.message = `Too few closed deals to draft from: ${closed} won or lost in column "${outcomes.header}" (at least ${MIN_DRAFT_DEALS} are needed).`;
    return result;
  }
  if (outcomes.won === 0 || outcomes.lost === 0) {
    result.message = `All ${grouped(closed)} closed deals in column "${outcomes.header}" were ${outcomes.won === 0 ? 'lost' : 'won'}: drafting needs both won and lost deals.`;
    return result;
  }
  const prepared = prepareDraft(headers, rows, outcomes, context);
  const { closedRows, won, accountColumn, exclusions, fitRows, y, candidates } = prepared;
  result.skipped = prepared.skipped;
  result.accountColumn = accountColumn?.header ?? null;
  result.candidates = candidates.length;
  result.columnsUsed = prepared.columnsUsed;
  const deals = accountColumn === null ? 'accounts' : 'deals';

  let drafted: Drafted[] = [];
  let recipe: DraftedCriteria['recipe'] = 'none';
  if (candidates.length > 0 && hasBoth(y)) {
    const d = draftCriteria(prepared, maxCriteria, context, SEED);
    drafted = d.drafted;
    recipe = d.recipe;
    result.method = d.method;
    const c = d.comparison;
    result.heldOutDeviance = c === null || ![c.none.mean, c.sparse.mean, c.evidence.mean].every(Number.isFinite) ? null
      : { none: c.none.mean, sparse: c.sparse.mean, evidence: c.evidence.mean, latent: Number.isFinite(c.latent.mean) ? c.latent.mean : null };
  } else {
    result.method = 'no candidate criteria to fit';
  }
  result.recipe = recipe;

  if (drafted.length === 0 && exclusions.length === 0) {
    result.message = `No column goes with winning clearly enough to draft a criterion from ${grouped(closed)} closed ${deals} (${grouped(outcomes.won)} ${wonWord}): ${grouped(candidates.length)} candidate criteria from ${result.columnsUsed} columns were tried. Nothing was drafted.`;
    return result;
  }

  const scored: ScoredCriterion[] = drafted.map((c) => ({
    header: c.column.header, kindOfColumn: c.column.kind, label: c.label, when: c.when, beta: c.beta,
  }));
  const evidenceByLabel = new Map<string, Drafted>(drafted.map((c) => [c.label, c]));
  const name = options.profileName ?? 'Drafted from outcomes';
  const description = `Drafted from ${grouped(closed)} closed ${deals} (${grouped(outcomes.won)} ${wonWord}) in column "${outcomes.header}"${options.source === undefined ? '' : ` of ${options.source}`}: ${drafted.length} ${drafted.length === 1 ? 'criterion' : 'criteria'} chosen by ${result.method}${exclusions.length > 0 ? `, and ${exclusions.length} exclusion${exclusions.length === 1 ? '' : 's'} for values that lost every closed deal` : ''}. Review before saving.`;
  const profile = draftProfile(name, description, scored, exclusions.map((e) => ({
    header: e.column.header, kindOfColumn: e.column.kind, label: e.label, when: e.when,
  })));

  // Evidence per criterion, in the profile's order, each also the criterion's description.
  const closedWon = won;
  for (const c of profile.criteria) {
    if (c.role === 'exclude') {
      const e = exclusions.find((x) => x.label === c.label)!;
      const xs = Uint8Array.from(closedRows, (r) => (e.column.codes[r]! >= 0 && e.valueHits[e.column.codes[r]!] === 1 ? 1 : 0));
      const { m, n } = matchesOf(xs, closedWon);
      const text = `Lost all ${grouped(m.closed)} closed ${deals} where it matched (at least ${MIN_EXCLUSION_DEALS} needed), against ${percent(n.winRate ?? 0)} won of ${grouped(n.closed)} where it did not.`;
      c.description = text;
      result.criteria.push({ id: c.id, label: c.label ?? c.id, column: c.column, category: c.category, role: 'exclude', points: null, matched: m, notMatched: n, effect: null, text });
      continue;
    }
    const ev = evidenceByLabel.get(c.label ?? '')!;
    const { m, n } = matchesOf(ev.x, y);
    let text = evidenceText(m, n, ev.effect, deals, recipe !== 'sparse');
    if (c.when.op === 'bands') text += ` ${bandsText(ev.column, c.when.bands, fitRows, y, context)}`;
    if (ev.note !== undefined) text += ` ${ev.note}`;
    c.description = text;
    result.criteria.push({ id: c.id, label: c.label ?? c.id, column: c.column, category: c.category, role: 'score', points: maxPointsOf(c) || (c.points ?? 0), matched: m, notMatched: n, effect: ev.effect, text });
  }

  // Tiers at the quantiles of the scores of every row (open deals too: they are what the tiers will sort).
  const model: Model = { schemaVersion: 1, profiles: [profile] };
  const scoring = compileModel(model, headers, compileOptions).profile();
  const all = scoring.scoreMany(rows);
  const scores: number[] = [];
  for (let r = 0; r < rows.length; r++) if (all.kind[r] !== BLANK_ROW && all.kind[r] !== DISQUALIFIED) scores.push(all.score[r]!);
  profile.tiers = quantileTiers(scores);
  const tiered = compileModel(model, headers, compileOptions).profile();
  const results = tiered.scoreMany(rows);
  result.tiers = [...profile.tiers.map((t) => ({ label: t.label, min: t.min })), { label: profile.disqualifiedLabel ?? 'Disqualified', min: 0 }].map((t) => {
    let c = 0, w = 0;
    for (let k = 0; k < closed; k++) {
      if (results.tier[closedRows[k]!] !== t.label) continue;
      c++;
      w += won[k]!;
    }
    return { label: t.label, min: t.min, closed: c, won: w, winRate: c === 0 ? null : w / c };
  });

  if (drafted.length > 0) {
    const eta = new Float64Array(fitRows.length);
    for (const c of drafted) for (let k = 0; k < eta.length; k++) eta[k]! += c.eta[k]!;
    result.rankAgreement = rankAgreement(eta, Float64Array.from(fitRows, (r) => results.score[r]!));
  }

  const check = checkModel(model);
  if (!check.ok) throw new Error(`the drafted model is not valid: ${check.issues.map(formatIssue).join('; ')}`);
  result.model = model;
  result.ok = true;
  result.message = `Drafted ${drafted.length} ${drafted.length === 1 ? 'criterion' : 'criteria'}${exclusions.length > 0 ? ` and ${exclusions.length} exclusion${exclusions.length === 1 ? '' : 's'}` : ''} from ${grouped(closed)} closed ${deals} (${grouped(outcomes.won)} ${wonWord}, ${percent(outcomes.won / closed)}): ${grouped(candidates.length)} candidates from ${result.columnsUsed} columns tried.`;
  return result;
}

function hasBoth(y: Uint8Array): boolean {
  let s = 0;
  for (const v of y) s += v;
  return s > 0 && s < y.length;
}

export type { ExclusionDraft };
