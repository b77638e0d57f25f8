// Validates a profile against deal outcomes: reads won/lost/open cells, win rate, lift and won value per tier, win rate per criterion, a tested verdict, suggested points.

import type { CompiledProfile } from '../compile';
import type { Criterion } from '../model';
import { readBoolean } from '../read/boolean';
import { cellText } from '../read/text';
import { BLANK_ROW, DISQUALIFIED } from '../results';
import { grouped, percent } from '../number-text';
import { readNumber } from '../read/number';
import { aucInterval, type AucInterval } from './auc-interval';
import { BLANK, fittedCriteria, MATCHED, MISSED, suggestFromOutcomes, UNREADABLE, type DealMatrix, type Suggestion } from './fit-points';

export type Outcome = 'won' | 'lost' | 'open';

/** Below this many won + lost deals the verdict says there is not enough data. */
export const MIN_CLOSED_DEALS = 20;
/** Below this many won + lost deals in the top tier, a verdict that it wins more says the sample is small. */
export const FEW_CLOSED_IN_TIER = 10;

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
  /** With a value column: the summed value of the group's won deals (readable values only); null without one. */
  wonValue: number | null;
  /** wonValue / the won deals with a readable value; null without any. */
  averageWonValue: number | null;
  /** averageWonValue / the overall average won value; null when either is null or 0. */
  valueLift: number | null;
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

/**
 * `separates`: the AUC's 95% interval lies above 0.5 and the top tier wins more than the bottom one and than overall;
 * `no-evidence`: the interval holds 0.5 (the tiers do not differ detectably); `warning`: the scores rank lost deals
 * higher (interval below 0.5), or rank won deals higher while the tiers do not show it, or the tiers cannot be
 * compared; `too-few`: fewer than MIN_CLOSED_DEALS closed deals.
 */
export type VerdictKind = 'separates' | 'no-evidence' | 'warning' | 'too-few';

/** Whether each row is an account, or a deal (rows repeat accounts, or a deal column says so). */
export type RowUnit = 'accounts' | 'deals';

export interface OutcomeStats {
  profile: string;
  /** Non-blank rows (accounts or deals: see unit). */
  accounts: number;
  /** What a row is: `deals` when the account column repeats an account (or a deal column exists), else `accounts`. */
  unit: RowUnit;
  /** The column naming each row's account, or null; with it, deals of one account are counted together. */
  accountColumn: string | null;
  /** Distinct accounts named among the non-blank rows; null without the column. */
  distinctAccounts: number | null;
  /** Rows whose account cell is blank (each counted as an account of its own in the tests); null without the column. */
  withoutAccount: number | null;
  /** The column of deal value read for value per tier, or null. */
  valueColumn: string | null;
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
  /** The AUC with its 95% interval (deals of one account counted together); null when auc is. */
  aucInterval: AucInterval | null;
  /** Suggested points and category weights from one penalised logistic fit (see fit-points.ts). */
  suggestion: Suggestion;
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

function tierName(label: string, unit: RowUnit): string {
  return /^[A-Za-z0-9+]{1,3}$/.test(label) ? `${label}-tier ${unit}` : `${label} ${unit}`;
}

/** `the A tier`, but `the Tier 1` for a label that already says tier. */
function tierPhrase(label: string): string {
  return /\btiers?\b/i.test(label) ? `the ${label}` : `the ${label} tier`;
}

const hundredths = (x: number): string => x.toFixed(2);

/** `AUC 0.66, 95% interval 0.62 to 0.70` */
export function aucIntervalText(ci: AucInterval): string {
  return `AUC ${hundredths(ci.auc)}, 95% interval ${hundredths(ci.lower)} to ${hundredths(ci.upper)}`;
}

/**
 * The verdict makes one pre-declared test, so it needs no correction for looking at many things: is the score's AUC
 * different from 0.5, by its 95% interval with the deals of one account counted together (aucInterval)? It claims
 * that the model separates winners only when the interval lies above 0.5 and, on top of that, the top tier wins more
 * often than the bottom tier and than overall (a further condition can only make claims rarer). Otherwise it says what
 * holds, with the numbers: the tiers do not differ detectably, the scores rank lost deals higher, or the scores rank
 * won deals higher but the tiers do not show it.
 */
function verdictOf(stats: Omit<OutcomeStats, 'verdict' | 'verdictKind' | 'suggestion'>): { kind: VerdictKind; text: string } {
  const unit = stats.unit;
  if (stats.closed < MIN_CLOSED_DEALS) {
    return {
      kind: 'too-few',
      text: `Not enough closed deals to judge the model: ${grouped(stats.closed)} won or lost (fewer than ${MIN_CLOSED_DEALS}).`,
    };
  }
  if (stats.won === 0 || stats.lost === 0) {
    // Every tier then has the same win rate (0% or 100%): nothing to compare, like the AUC.
    return {
      kind: 'warning',
      text: `All ${grouped(stats.closed)} closed deals were ${stats.won === 0 ? 'lost' : 'won'}: judging the tiers needs both won and lost deals.`,
    };
  }
  const overall = stats.winRate ?? 0;
  const ci = stats.aucInterval!;
  const auc = aucIntervalText(ci);
  const ranked = stats.tiers.filter((t) => !t.disqualified && t.winRate !== null);
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  const comparable = top !== undefined && bottom !== undefined && top !== bottom;
  const rates = comparable
    ? `${tierName(top.label, unit)} closed at ${percent(top.winRate!)} against ${percent(overall)} overall and ${percent(bottom.winRate!)} for ${tierName(bottom.label, unit)}`
    : `${percent(overall)} of closed deals won`;
  if (!comparable) {
    const dqClosed = stats.tiers.some((t) => t.disqualified && t.winRate !== null);
    const who = top === undefined ? `disqualified ${unit}` : `${tierName(top.label, unit)}${dqClosed ? ` and disqualified ${unit}` : ''}`;
    const scores = ci.lower > 0.5 ? ` The scores do rank won deals above lost ones (${auc}).` : '';
    return { kind: 'warning', text: `Only ${who} have closed deals, so the tiers cannot be compared (${percent(overall)} won overall).${scores}` };
  }
  if (ci.lower > 0.5) {
    if (top.winRate! > bottom.winRate! && top.winRate! > overall) {
      const lift = top.lift === null ? '' : ` (${top.lift.toFixed(1)}x)`;
      const topClosed = top.won + top.lost;
      // A rate from a handful of deals swings by tens of points with one more deal: say so rather than let it pass as proof.
      const caveat = topClosed < FEW_CLOSED_IN_TIER
        ? ` Read the tier's rate with care: ${tierPhrase(top.label)} has only ${topClosed} closed ${topClosed === 1 ? 'deal' : 'deals'}.`
        : '';
      return {
        kind: 'separates',
        text: `${tierName(top.label, unit)} closed at ${percent(top.winRate!)} against ${percent(overall)} overall${lift} and ${percent(bottom.winRate!)} for ${tierName(bottom.label, unit)}, and the scores rank won deals above lost ones (${auc}): the model separates winners.${caveat}`,
      };
    }
    return { kind: 'warning', text: `The scores rank won deals above lost ones (${auc}), but the tiers do not show it: ${rates}; review the tier cut-offs.` };
  }
  if (ci.upper < 0.5) {
    return { kind: 'warning', text: `The model ranks lost deals above won ones (${auc}): ${rates}; its criteria point the wrong way, review them below.` };
  }
  return {
    kind: 'no-evidence',
    text: `The tiers do not differ detectably: ${rates}, and the scores' ${auc} includes 0.5, a coin toss.`,
  };
}

type Counts = { mw: number; ml: number; nw: number; nl: number };

/** A column by header text and position. */
export interface ColumnAt {
  header: string;
  index: number;
}

/** The optional columns OutcomeTally reads besides the outcome. */
export interface OutcomeOptions {
  /** Each row's account: deals of one account are counted together, and repeats make the rows deals. */
  account?: ColumnAt | null;
  /** Each deal's value: won value per tier. */
  value?: ColumnAt | null;
  /** Rows are deals even without repeated accounts (a deal or opportunity column exists). */
  dealRows?: boolean;
  /** Numbers written as text are read with a decimal comma (the spreadsheet's locale). */
  decimalComma?: boolean;
  /** Seed of the fit's cross-validation folds. */
  seed?: number;
  /** False skips the fit (suggestion says so): for benchmarks of the verdict alone. Default true. */
  suggest?: boolean;
}

const STATUS_CODE: Record<string, number> = { matched: MATCHED, missed: MISSED, unknown: BLANK, unreadable: UNREADABLE, knockout: MISSED };

/**
 * Win rates by tier and by criterion, gathered batch by batch (a CSV of any length is read in batches), for
 * `profile` compiled against the same headers as the rows, each row's outcome read from the constructor's column.
 * Blank rows are skipped. `stats()` gives the same answer however the rows were split into batches. Memory grows with
 * closed deals: each keeps its score, account and its fitted criteria's statuses for the verdict's test and the fit.
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
  /** Scores, won (1/0) and account of every closed deal, disqualified ones scoring 0. */
  private readonly closedScores: number[] = [];
  private readonly closedWon: number[] = [];
  private readonly closedAccount: number[] = [];
  /** The fit's matrix over qualified closed deals. */
  private readonly fitted: Criterion[];
  private readonly fittedAt: number[];
  private readonly bands: boolean;
  private readonly matrix: DealMatrix;
  private readonly accountIds = new Map<string, number>();
  private repeated = false;
  private blankAccounts = 0;
  private accounts = 0;
  private readonly value: { sum: Map<TierOutcomes, number>; count: Map<TierOutcomes, number> };

  /** The column read, with `closed` null unless beside a yes/no "won" column. */
  private readonly source: OutcomeSource & { closed: { index: number; header: string } | null };
  private readonly read: OutcomeReader;

  /** `column` is an OutcomeSource, or just the position of a column of outcome words. */
  constructor(private readonly profile: CompiledProfile, column: number | OutcomeSource, private readonly options: OutcomeOptions = {}) {
    const source = typeof column === 'number' ? { index: column, header: '', flag: false } : column;
    this.source = { ...source, closed: source.flag ? (source.closed ?? null) : null };
    this.read = source.flag ? readWinFlag : readOutcome;
    // tierLabels ends with the disqualified label; that group is kept apart (a tier may share its label).
    for (const label of profile.tierLabels.slice(0, -1)) this.group(label);
    this.dq = emptyGroup(profile.disqualifiedLabel, true);
    this.scoring = profile.profile.criteria.filter((c) => (c.role ?? 'score') === 'score');
    this.counts = new Map(this.scoring.map((c) => [c.id, { mw: 0, ml: 0, nw: 0, nl: 0 }]));
    this.rules = profile.profile.criteria.filter((c) => (c.role ?? 'score') !== 'score');
    this.ids = profile.profile.criteria.map((c) => c.id);
    this.knocked = new Map(this.rules.map((c) => [c.id, { accounts: 0, won: 0, lost: 0 }]));
    this.fitted = fittedCriteria(profile.profile);
    this.fittedAt = this.fitted.map((c) => this.ids.indexOf(c.id));
    this.bands = this.fitted.some((c) => c.when.op === 'bands');
    this.matrix = { criteria: this.fitted, deals: 0, status: [], credit: [], won: [], group: options.account ? [] : null };
    this.value = { sum: new Map(), count: new Map() };
  }

  private group(label: string): TierOutcomes {
    const g = emptyGroup(label, false);
    this.groups.set(label, g);
    return g;
  }

  /** The account index of a row: its account cell's text (case and spaces ignored); a blank cell is an account of its own. */
  private accountOf(row: readonly unknown[]): number {
    const col = this.options.account;
    if (!col) return -1;
    const text = cellText(row[col.index]).trim().toLowerCase();
    if (text === '') this.blankAccounts++;
    const key = text === '' ? `\u0000${this.accountIds.size}` : text;
    const known = this.accountIds.get(key);
    if (known !== undefined) {
      this.repeated = true;
      return known;
    }
    this.accountIds.set(key, this.accountIds.size);
    return this.accountIds.size - 1;
  }

  /** Counts a batch of rows. */
  add(rows: readonly (readonly unknown[])[]): void {
    const { profile, counts, knocked, source, matrix } = this;
    const results = profile.scoreMany(rows);
    const k = this.fitted.length;
    for (let r = 0; r < rows.length; r++) {
      const kind = results.kind[r]!;
      if (kind === BLANK_ROW) continue;
      const disqualified = kind === DISQUALIFIED;
      const tier = results.tier[r]!;
      this.accounts++;
      const row = rows[r]!;
      const account = this.accountOf(row);
      const g = disqualified ? this.dq : (this.groups.get(tier) ?? this.group(tier));
      g.accounts++;
      const read = this.read(row[source.index]);
      const outcome = source.closed !== null && read !== undefined && readBoolean(row[source.closed.index]) === false ? 'open' : read;
      if (outcome !== undefined) g[outcome]++;
      const closed = outcome === 'won' || outcome === 'lost';
      if (!closed && !disqualified) continue;
      const won = outcome === 'won';
      if (won && this.options.value) {
        const v = readNumber(row[this.options.value.index], this.options.decimalComma ?? false);
        if (v !== undefined) {
          this.value.sum.set(g, (this.value.sum.get(g) ?? 0) + v);
          this.value.count.set(g, (this.value.count.get(g) ?? 0) + 1);
        }
      }
      // A disqualified account's score is 0: it ranks below every qualified one, as the tiers put it.
      if (closed) {
        this.closedScores.push(results.score[r]!);
        this.closedWon.push(won ? 1 : 0);
        this.closedAccount.push(account);
      }
      const statuses = profile.statuses(row);
      if (closed && !disqualified) {
        const points = this.bands ? profile.explain(row).items : null;
        for (let i = 0; i < k; i++) {
          const at = this.fittedAt[i]!;
          const code = STATUS_CODE[statuses[at]!] ?? MISSED;
          matrix.status.push(code);
          const c = this.fitted[i]!;
          const credit = points !== null && c.when.op === 'bands'
            ? (points[at]!.maxPoints > 0 ? Math.max(0, points[at]!.points) / points[at]!.maxPoints : 0)
            : code === MATCHED ? 1 : 0;
          matrix.credit.push(credit);
        }
        matrix.won.push(won ? 1 : 0);
        matrix.group?.push(account);
        matrix.deals++;
      }
      for (let i = 0; i < statuses.length; i++) {
        const status = statuses[i]!;
        const id = this.ids[i]!;
        if (status === 'knockout') {
          const kn = knocked.get(id)!;
          kn.accounts++;
          if (closed) kn[outcome]++;
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
    const originals = [...this.groups.values(), this.dq];
    const ordered = originals.map((g) => ({ ...g }));
    let won = 0;
    let lost = 0;
    let open = 0;
    let valueSum = 0;
    let valueCount = 0;
    for (const g of ordered) {
      won += g.won;
      lost += g.lost;
      open += g.open;
    }
    const hasValue = Boolean(this.options.value);
    originals.forEach((g) => {
      valueSum += this.value.sum.get(g) ?? 0;
      valueCount += this.value.count.get(g) ?? 0;
    });
    const overallAverage = valueCount > 0 ? valueSum / valueCount : null;
    const winRate = rate(won, lost);
    ordered.forEach((g, i) => {
      g.winRate = rate(g.won, g.lost);
      g.lift = g.winRate === null || winRate === null || winRate === 0 ? null : g.winRate / winRate;
      if (!hasValue) return;
      const sum = this.value.sum.get(originals[i]!) ?? 0;
      const count = this.value.count.get(originals[i]!) ?? 0;
      g.wonValue = sum;
      g.averageWonValue = count > 0 ? sum / count : null;
      g.valueLift = g.averageWonValue === null || overallAverage === null || overallAverage === 0 ? null : g.averageWonValue / overallAverage;
    });
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
        ? `"${label}" disqualified ${grouped(closed)} closed deals that were won ${percent(kRate)} of the time (${percent(winRate)} overall): it may be turning winners away.`
        : null;
      const role = c.role === 'must' ? 'must' : 'exclude';
      return { id: c.id, label, column: c.column, role, ...k, winRate: kRate, warning };
    });
    const clusters = this.options.account ? this.closedAccount : null;
    const ci = aucInterval(this.closedScores, this.closedWon, clusters);
    const unit: RowUnit = this.repeated || this.options.dealRows === true ? 'deals' : 'accounts';
    const base = {
      profile: this.profile.name, accounts: this.accounts, unit,
      accountColumn: this.options.account?.header ?? null,
      distinctAccounts: this.options.account ? this.accountIds.size - this.blankAccounts : null,
      withoutAccount: this.options.account ? this.blankAccounts : null,
      valueColumn: this.options.value?.header ?? null,
      won, lost, open, closed: won + lost, winRate, tiers: ordered, criteria, knockouts,
      auc: ci === null ? null : ci.auc, aucInterval: ci,
      flagColumn: this.source.flag ? this.source.header : null,
      closedColumn: this.source.closed?.header ?? null,
    };
    const verdict = verdictOf(base);
    const suggestion = this.options.suggest === false
      ? suggestFromOutcomes(this.profile.profile, { ...this.matrix, deals: 0, status: [], credit: [], won: [], group: null })
      : suggestFromOutcomes(this.profile.profile, this.matrix, this.options.seed ?? 1);
    return { ...base, suggestion, verdictKind: verdict.kind, verdict: verdict.text };
  }
}

function emptyGroup(label: string, disqualified: boolean): TierOutcomes {
  return { label, disqualified, accounts: 0, won: 0, lost: 0, open: 0, winRate: null, lift: null, wonValue: null, averageWonValue: null, valueLift: null };
}

/** OutcomeTally over `rows` in one batch. */
export function outcomeStats(
  profile: CompiledProfile, rows: readonly (readonly unknown[])[], outcomeColumn: number | OutcomeSource, options: OutcomeOptions = {},
): OutcomeStats {
  const tally = new OutcomeTally(profile, outcomeColumn, options);
  tally.add(rows);
  return tally.stats();
}
