// Validates a profile against deal outcomes: reads won/lost/open cells, win rate and lift per tier, win rate per criterion, a verdict.

import type { CompiledProfile } from '../compile';
import type { Criterion } from '../model';
import { readBoolean } from '../read/boolean';
import { cellText } from '../read/text';
import { BLANK_ROW, DISQUALIFIED } from '../results';
import { percent } from '../number-text';
import { suggestPoints, type PointsSuggestion } from './suggest-points';

export type Outcome = 'won' | 'lost' | 'open';

/** Below this many won + lost deals the verdict says there is not enough data. */
export const MIN_CLOSED_DEALS = 20;
/** Below this many won + lost deals in the top tier, a verdict that it wins more says the sample is small. */
export const FEW_CLOSED_IN_TIER = 10;
/** The top tier must win at least this many times as often as deals overall for the verdict to say the model separates winners. */
export const MIN_SEPARATING_LIFT = 1.2;

const WORDS: Record<string, Outcome> = {};
for (const w of ['won', 'closed won', 'win', 'customer']) WORDS[w] = 'won';
for (const w of ['lost', 'closed lost', 'loss', 'churned']) WORDS[w] = 'lost';
for (const w of ['open', 'in progress', 'pipeline', 'negotiation']) WORDS[w] = 'open';

/** The words an outcome cell may say, per outcome (for messages); CRM stage names below are read too. */
export const OUTCOME_WORDS: Record<Outcome, string[]> = { won: [], lost: [], open: [] };
for (const [w, o] of Object.entries(WORDS)) OUTCOME_WORDS[o].push(w);

// The open stages of the pipelines deal exports come from, as they are written after outcomeKey: Salesforce's default
// Opportunity stages (Prospecting ... Negotiation/Review, then Closed Won / Closed Lost), HubSpot's default sales pipeline
// (Appointment scheduled ... Contract sent, then Closed won / Closed lost), and `Engaging`, as in Maven Analytics' public
// CRM Sales Opportunities data. A deal in one of them is open, not a deal without an outcome.
for (const w of [
  'prospecting', 'qualification', 'needs analysis', 'value proposition', 'id decision makers', 'perception analysis',
  'proposal price quote', 'negotiation review',
  'appointment scheduled', 'qualified to buy', 'presentation scheduled', 'decision maker bought in', 'contract sent',
  'engaging',
]) WORDS[w] = 'open';

/** A cell's text as looked up: lower case, runs of spaces, `-`, `_`, `/` and `.` as one space (`Closed/Won`, `Id. Decision Makers`). */
function outcomeKey(text: string): string {
  return text.toLowerCase().replace(/[\s_\-/.]+/g, ' ').trim();
}

/** An outcome cell as won / lost / open (case-insensitive, separators as in outcomeKey); undefined for blank or anything else. */
export function readOutcome(value: unknown): Outcome | undefined {
  if (typeof value !== 'string') return undefined;
  const key = outcomeKey(cellText(value));
  return Object.prototype.hasOwnProperty.call(WORDS, key) ? WORDS[key] : undefined;
}

/** Reads one outcome cell; which one depends on the column (outcome words, or a yes/no "won" flag). */
export type OutcomeReader = (value: unknown) => Outcome | undefined;

/**
 * A cell of a yes/no column saying whether the deal was won (a `Won?` checkbox, Salesforce's `Won`, HubSpot's
 * `Is Closed Won`): yes (TRUE, a ticked box, 1, x) is won, no is lost; outcome words (`won`, `open`) read as in an
 * outcome column; undefined for blank or anything else. A yes/no column cannot say "open": an open deal is lost here.
 */
export function readWinFlag(value: unknown): Outcome | undefined {
  const yes = readBoolean(value);
  if (yes !== undefined) return yes ? 'won' : 'lost';
  return readOutcome(value);
}

/** The column OutcomeTally reads: its position, its header, and whether it is a yes/no "won" column (readWinFlag). */
export interface OutcomeSource {
  index: number;
  header: string;
  flag: boolean;
  /**
   * Beside a yes/no "won" column, a yes/no "closed" column (Salesforce's `Closed`, HubSpot's `Is Closed`): a deal it
   * says is not closed is open, whatever the won column says. Null or absent without one.
   */
  closed?: { index: number; header: string } | null;
}

export interface TierOutcomes {
  label: string;
  /** True for the group of disqualified accounts (after the tiers). */
  disqualified: boolean;
  /** Non-blank accounts in the group, with or without an outcome. */
  accounts: number;
  won: number;
  lost: number;
  open: number;
  /** won / (won + lost); null when the group has no closed deals. */
  winRate: number | null;
  /** winRate / the overall win rate; null when either is null or the overall rate is 0. */
  lift: number | null;
}

export interface SplitOutcomes {
  /** Closed (won + lost) deals on this side. */
  closed: number;
  won: number;
  winRate: number | null;
}

export interface CriterionWinRates {
  id: string;
  label: string;
  column: string;
  /** Closed deals where the criterion matched. */
  matched: SplitOutcomes;
  /** Closed deals where it did not (missed, blank or unreadable). */
  notMatched: SplitOutcomes;
  /** matched.winRate - notMatched.winRate; null when either side has no closed deals. */
  difference: number | null;
}

/** What one must-have or exclusion did: the accounts it disqualified and how their closed deals went. */
export interface KnockoutWinRates {
  id: string;
  label: string;
  column: string;
  role: 'must' | 'exclude';
  /** Non-blank accounts it disqualified (an account can be disqualified by several rules: each counts it). */
  accounts: number;
  won: number;
  lost: number;
  /** won / (won + lost) among them; null without closed deals. */
  winRate: number | null;
  /**
   * One plain-language sentence when the rule disqualified at least FEW_CLOSED_IN_TIER closed deals and they were won
   * at least as often as closed deals overall (it may be turning winners away); null otherwise.
   */
  warning: string | null;
}

export type VerdictKind = 'separates' | 'warning' | 'too-few';

export interface OutcomeStats {
  profile: string;
  /** Non-blank accounts. */
  accounts: number;
  won: number;
  lost: number;
  open: number;
  /** won + lost */
  closed: number;
  winRate: number | null;
  /** The tiers best first, then the disqualified group. */
  tiers: TierOutcomes[];
  /** The profile's scoring criteria (role `score`), in model order. */
  criteria: CriterionWinRates[];
  /** The profile's must-haves and exclusions, in model order. */
  knockouts: KnockoutWinRates[];
  /**
   * Ranking quality (ROC AUC): the chance that a won account scores above a lost one, ties counting half
   * (0.5 is a coin toss, 1 a perfect ranking); disqualified accounts rank as score 0. Null without both.
   */
  auc: number | null;
  /** Suggested points per scoring criterion without bands, in model order (see suggest-points.ts). */
  suggestions: PointsSuggestion[];
  /** The header of the yes/no column read as won (yes) or lost (no), or null for a column of outcome words. */
  flagColumn: string | null;
  /** The header of the yes/no column whose "no" made a deal open (OutcomeSource.closed), or null. */
  closedColumn: string | null;
  verdictKind: VerdictKind;
  /** One plain-language sentence. */
  verdict: string;
}

const rate = (won: number, lost: number): number | null => (won + lost === 0 ? null : won / (won + lost));

/**
 * Area under the ROC curve of scores against outcomes, by the rank-sum (Mann-Whitney) formula with tied scores
 * given their average rank; null unless there is at least one won and one lost score.
 */
export function rocAuc(wonScores: readonly number[], lostScores: readonly number[]): number | null {
  const nWon = wonScores.length;
  const nLost = lostScores.length;
  if (nWon === 0 || nLost === 0) return null;
  const all = [...wonScores.map((s) => ({ s, won: true })), ...lostScores.map((s) => ({ s, won: false }))].sort((a, b) => a.s - b.s);
  let wonRankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 .. j share their mean
    for (let k = i; k < j; k++) if (all[k]!.won) wonRankSum += averageRank;
    i = j;
  }
  return (wonRankSum - (nWon * (nWon + 1)) / 2) / (nWon * nLost);
}

function tierName(label: string): string {
  return /^[A-Za-z0-9+]{1,3}$/.test(label) ? `${label}-tier accounts` : `${label} accounts`;
}

/** `the A tier`, but `the Tier 1` for a label that already says tier. */
function tierPhrase(label: string): string {
  return /\btiers?\b/i.test(label) ? `the ${label}` : `the ${label} tier`;
}

function verdictOf(stats: Omit<OutcomeStats, 'verdict' | 'verdictKind' | 'suggestions'>): { kind: VerdictKind; text: string } {
  if (stats.closed < MIN_CLOSED_DEALS) {
    return {
      kind: 'too-few',
      text: `Not enough closed deals to judge the model: ${stats.closed} won or lost (fewer than ${MIN_CLOSED_DEALS}).`,
    };
  }
  if (stats.won === 0 || stats.lost === 0) {
    // Every tier then has the same win rate (0% or 100%): nothing to compare, like the AUC.
    return {
      kind: 'warning',
      text: `All ${stats.closed} closed deals were ${stats.won === 0 ? 'lost' : 'won'}: judging the tiers needs both won and lost deals.`,
    };
  }
  const overall = stats.winRate ?? 0;
  const ranked = stats.tiers.filter((t) => !t.disqualified && t.winRate !== null);
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  if (top === undefined || bottom === undefined || top === bottom) {
    const dqClosed = stats.tiers.some((t) => t.disqualified && t.winRate !== null);
    const who = top === undefined ? 'disqualified accounts' : `${tierName(top.label)}${dqClosed ? ' and disqualified accounts' : ''}`;
    return {
      kind: 'warning',
      text: `Only ${who} have closed deals, so the tiers cannot be compared (${percent(overall)} won overall).`,
    };
  }
  const topRate = top.winRate!;
  const bottomRate = bottom.winRate!;
  if (topRate <= bottomRate) {
    return {
      kind: 'warning',
      text: `${tierName(top.label)} closed at ${percent(topRate)} against ${percent(bottomRate)} for ${tierName(bottom.label)}: the top tier does not beat the bottom tier; review the criteria below.`,
    };
  }
  if (topRate <= overall) {
    return {
      kind: 'warning',
      text: `${tierName(top.label)} closed at ${percent(topRate)}, no better than ${percent(overall)} overall: the model does not separate winners; review the criteria below.`,
    };
  }
  // A top tier a hair above the rest (33.4% against 33.35%) is a coin toss, not a model that separates winners.
  if (topRate < MIN_SEPARATING_LIFT * overall || percent(topRate) === percent(overall) || percent(topRate) === percent(bottomRate)) {
    return {
      kind: 'warning',
      text: `${tierName(top.label)} closed at ${percent(topRate)} against ${percent(overall)} overall (${(topRate / overall).toFixed(1)}x) and ${percent(bottomRate)} for ${tierName(bottom.label)}: the tiers barely differ, so the model does not separate winners; review the criteria below.`,
    };
  }
  const lift = top.lift === null ? '' : ` (${top.lift.toFixed(1)}x)`;
  const topClosed = top.won + top.lost;
  // A rate from a handful of deals swings by tens of points with one more deal: say so rather than let it pass as proof.
  const caveat = topClosed < FEW_CLOSED_IN_TIER
    ? ` Read it with care: ${tierPhrase(top.label)} has only ${topClosed} closed ${topClosed === 1 ? 'deal' : 'deals'}.`
    : '';
  return {
    kind: 'separates',
    text: `${tierName(top.label)} closed at ${percent(topRate)} against ${percent(overall)} overall${lift}: the model separates winners.${caveat}`,
  };
}

type Counts = { mw: number; ml: number; nw: number; nl: number };

/**
 * Win rates by tier and by criterion, gathered batch by batch (a CSV of any length is read in batches), for
 * `profile` compiled against the same headers as the rows, each row's outcome read from the constructor's column.
 * Blank rows are skipped. `stats()` gives the same answer however the rows were split into batches.
 */
export class OutcomeTally {
  private readonly groups = new Map<string, TierOutcomes>();
  private readonly dq: TierOutcomes;
  private readonly scoring: Criterion[];
  private readonly counts: Map<string, Counts>;
  private readonly rules: Criterion[];
  /** Criterion ids in model order, as CompiledProfile.statuses() lists them. */
  private readonly ids: string[];
  private readonly knocked: Map<string, { accounts: number; won: number; lost: number }>;
  private readonly wonScores: number[] = [];
  private readonly lostScores: number[] = [];
  private accounts = 0;

  /** The column read, with `closed` null unless beside a yes/no "won" column. */
  private readonly source: OutcomeSource & { closed: { index: number; header: string } | null };
  private readonly read: OutcomeReader;

  /** `column` is an OutcomeSource, or just the position of a column of outcome words. */
  constructor(private readonly profile: CompiledProfile, column: number | OutcomeSource) {
    const source = typeof column === 'number' ? { index: column, header: '', flag: false } : column;
    this.source = { ...source, closed: source.flag ? (source.closed ?? null) : null };
    this.read = source.flag ? readWinFlag : readOutcome;
    // tierLabels ends with the disqualified label; that group is kept apart (a tier may share its label).
    for (const label of profile.tierLabels.slice(0, -1)) this.group(label);
    this.dq = { label: profile.disqualifiedLabel, disqualified: true, accounts: 0, won: 0, lost: 0, open: 0, winRate: null, lift: null };
    this.scoring = profile.profile.criteria.filter((c) => (c.role ?? 'score') === 'score');
    this.counts = new Map(this.scoring.map((c) => [c.id, { mw: 0, ml: 0, nw: 0, nl: 0 }]));
    this.rules = profile.profile.criteria.filter((c) => (c.role ?? 'score') !== 'score');
    this.ids = profile.profile.criteria.map((c) => c.id);
    this.knocked = new Map(this.rules.map((c) => [c.id, { accounts: 0, won: 0, lost: 0 }]));
  }

  private group(label: string): TierOutcomes {
    const g: TierOutcomes = { label, disqualified: false, accounts: 0, won: 0, lost: 0, open: 0, winRate: null, lift: null };
    this.groups.set(label, g);
    return g;
  }

  /** Counts a batch of rows. */
  add(rows: readonly (readonly unknown[])[]): void {
    const { profile, counts, knocked, source } = this;
    const results = profile.scoreMany(rows);
    for (let r = 0; r < rows.length; r++) {
      const kind = results.kind[r]!;
      if (kind === BLANK_ROW) continue;
      const disqualified = kind === DISQUALIFIED;
      const tier = results.tier[r]!;
      this.accounts++;
      const g = disqualified ? this.dq : (this.groups.get(tier) ?? this.group(tier));
      g.accounts++;
      const row = rows[r]!;
      const read = this.read(row[source.index]);
      const outcome = source.closed !== null && read !== undefined && readBoolean(row[source.closed.index]) === false ? 'open' : read;
      if (outcome !== undefined) g[outcome]++;
      const closed = outcome === 'won' || outcome === 'lost';
      if (!closed && !disqualified) continue;
      const won = outcome === 'won';
      // A disqualified account's score is 0: it ranks below every qualified one, as the tiers put it.
      if (closed) (won ? this.wonScores : this.lostScores).push(results.score[r]!);
      const statuses = profile.statuses(rows[r]!);
      for (let i = 0; i < statuses.length; i++) {
        const status = statuses[i]!;
        const id = this.ids[i]!;
        if (status === 'knockout') {
          const k = knocked.get(id)!;
          k.accounts++;
          if (closed) k[outcome]++;
        }
        const c = counts.get(id);
        if (c === undefined || !closed) continue;
        if (status === 'matched') {
          if (won) c.mw++;
          else c.ml++;
        } else if (won) c.nw++;
        else c.nl++;
      }
    }
  }

  /** The figures, the suggested points and the verdict for the rows added so far. */
  stats(): OutcomeStats {
    // Tiers in tier order (a Map keeps insertion order), then the disqualified group; copies, so stats() can be
    // called again after more rows are added.
    const ordered = [...this.groups.values(), this.dq].map((g) => ({ ...g }));
    let won = 0;
    let lost = 0;
    let open = 0;
    for (const g of ordered) {
      won += g.won;
      lost += g.lost;
      open += g.open;
    }
    const winRate = rate(won, lost);
    for (const g of ordered) {
      g.winRate = rate(g.won, g.lost);
      g.lift = g.winRate === null || winRate === null || winRate === 0 ? null : g.winRate / winRate;
    }
    const criteria = this.scoring.map((c): CriterionWinRates => {
      const k = this.counts.get(c.id)!;
      const matched = { closed: k.mw + k.ml, won: k.mw, winRate: rate(k.mw, k.ml) };
      const notMatched = { closed: k.nw + k.nl, won: k.nw, winRate: rate(k.nw, k.nl) };
      const difference = matched.winRate === null || notMatched.winRate === null ? null : matched.winRate - notMatched.winRate;
      return { id: c.id, label: c.label ?? c.id, column: c.column, matched, notMatched, difference };
    });
    const knockouts = this.rules.map((c): KnockoutWinRates => {
      const k = this.knocked.get(c.id)!;
      const kRate = rate(k.won, k.lost);
      const label = c.label ?? c.id;
      const closed = k.won + k.lost;
      const warning = closed >= FEW_CLOSED_IN_TIER && kRate !== null && winRate !== null && kRate >= winRate
        ? `"${label}" disqualified ${closed} closed deals that were won ${percent(kRate)} of the time (${percent(winRate)} overall): it may be turning winners away.`
        : null;
      const role = c.role === 'must' ? 'must' : 'exclude';
      return { id: c.id, label, column: c.column, role, ...k, winRate: kRate, warning };
    });
    const auc = rocAuc(this.wonScores, this.lostScores);
    const suggestions = suggestPoints(
      this.profile.profile.criteria,
      new Map([...this.counts].map(([id, k]) => [id, { matchedWon: k.mw, matchedLost: k.ml, notMatchedWon: k.nw, notMatchedLost: k.nl }])),
    );
    const base = {
      profile: this.profile.name, accounts: this.accounts, won, lost, open, closed: won + lost, winRate, tiers: ordered, criteria, knockouts, auc, suggestions,
      flagColumn: this.source.flag ? this.source.header : null,
      closedColumn: this.source.closed?.header ?? null,
    };
    const verdict = verdictOf(base);
    return { ...base, verdictKind: verdict.kind, verdict: verdict.text };
  }
}

/** OutcomeTally over `rows` in one batch. */
export function outcomeStats(profile: CompiledProfile, rows: readonly (readonly unknown[])[], outcomeColumn: number | OutcomeSource): OutcomeStats {
  const tally = new OutcomeTally(profile, outcomeColumn);
  tally.add(rows);
  return tally.stats();
}
