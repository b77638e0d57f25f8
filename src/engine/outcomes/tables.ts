// The figures of outcome validation as table cells and sentences, shared by the sidebar panel and `icp validate`.

import { MIN_CLOSED_DEALS, type OutcomeStats } from './stats';
import { grouped, percent, roundPercent } from '../number-text';
import { effectText, type PointsSuggestion, type Suggestion } from './suggestion';
import type { AucInterval } from './auc-interval';

import { changedPoints } from './suggestion';

export { changedPoints };

/** A table as text cells: the header row, then one row per item (the first cell names it). */
export interface OutcomeTable {
  head: string[];
  rows: string[][];
}

const pct = (r: number | null): string => (r === null ? '-' : percent(r));
const times = (r: number | null): string => (r === null ? '-' : `${r.toFixed(1)}x`);
const money = (v: number | null): string => (v === null ? '-' : grouped(v));

/** `deal` / `deals`, or `account` / `accounts`. */
export function unitWord(s: Pick<OutcomeStats, 'unit'>, n: number): string {
  return s.unit === 'deals' ? (n === 1 ? 'deal' : 'deals') : n === 1 ? 'account' : 'accounts';
}

/**
 * `7,375 deals of 85 accounts: 4,238 won, 2,473 lost, 664 open; 63% of closed deals won.` (`400 accounts: ...` when each
 * row is an account). Rows whose outcome cell is blank or reads as none are counted too (`12 without an outcome`), so
 * the figures add up to the rows.
 */
export function accountsLine(s: OutcomeStats): string {
  const none = s.accounts - s.won - s.lost - s.open;
  const without = none > 0 ? `, ${grouped(none)} without an outcome` : '';
  const rate = s.winRate === null ? 'no closed deals yet' : `${percent(s.winRate)} of closed deals won`;
  const blank = s.withoutAccount !== null && s.withoutAccount > 0 ? `, ${grouped(s.withoutAccount)} without one` : '';
  const of = s.unit === 'deals' && s.distinctAccounts !== null ? ` of ${grouped(s.distinctAccounts)} ${s.distinctAccounts === 1 ? 'account' : 'accounts'}${blank}` : '';
  const line = `${grouped(s.accounts)} ${unitWord(s, s.accounts)}${of}: ${grouped(s.won)} won, ${grouped(s.lost)} lost, ${grouped(s.open)} open${without}; ${rate}.`;
  // A yes/no column cannot say "open": the reader must know an unticked open deal was counted as lost.
  if (s.flagColumn === null) return line;
  if (s.closedColumn !== null) return `${line} "${s.flagColumn}" is read as yes = won, no = lost, and a deal "${s.closedColumn}" says no to as open.`;
  return `${line} "${s.flagColumn}" is read as yes = won, no = lost: an open deal counts as lost unless its cell is empty or says open.`;
}

/**
 * The ranking quality in words: what the number means is not common knowledge. With an interval (aucInterval) it adds
 * it, and how deals were counted. Below MIN_CLOSED_DEALS closed deals it says how few there are: with 2 won and 1
 * lost, an AUC of 1.00 is luck as often as it is a good model.
 */
export function aucLine(auc: number | null, closedDeals = MIN_CLOSED_DEALS, ci: AucInterval | null = null, accountColumn: string | null = null): string {
  if (auc === null) return 'Ranking quality (AUC): needs at least one won and one lost deal.';
  // Rounded once, so both figures agree: 0.745 is "0.75 ... 75%", where toFixed(2) alone gives 0.74 (binary 0.74499...).
  const hundredths = roundPercent(auc);
  const interval = ci === null ? '' : ` (95% interval ${ci.lower.toFixed(2)} to ${ci.upper.toFixed(2)}${accountColumn !== null ? `, deals of one "${accountColumn}" counted together` : ''})`;
  const line = `Ranking quality (AUC): ${(hundredths / 100).toFixed(2)}${interval}. A won deal outscores a lost one ${hundredths}% of the time (50% is a coin toss, 100% a perfect ranking).`;
  return closedDeals >= MIN_CLOSED_DEALS ? line : `${line} From only ${closedDeals} closed ${closedDeals === 1 ? 'deal' : 'deals'}: too few to trust.`;
}

/** Rows, won, lost, win rate and lift per tier, then the disqualified group; with a value column, won value, its average and lift. */
export function tierTable(s: OutcomeStats): OutcomeTable {
  const value = s.valueColumn !== null;
  return {
    head: ['Tier', s.unit === 'deals' ? 'Deals' : 'Accounts', 'Won', 'Lost', 'Win rate', 'Lift', ...(value ? ['Won value', 'Avg won', 'Value lift'] : [])],
    rows: s.tiers.map((t) => [
      t.label, grouped(t.accounts), grouped(t.won), grouped(t.lost), pct(t.winRate), times(t.lift),
      ...(value ? [money(t.wonValue), money(t.averageWonValue), times(t.valueLift)] : []),
    ]),
  };
}

/** `0.62` -> `×1.86` style odds text of an effect, or `left out` for 0, `-` when not fitted. */
function effectCell(p: PointsSuggestion): string {
  if (p.match === null) return '-';
  if (p.match.effect === 0) return 'none (0)';
  return effectText(p.match).replace(/^odds /, '').replace(' (95% interval ', ' (').replace(' to ', '-');
}

/** Points now and suggested: `25 → 32`; bands: `5/20/10 → 0/12/6`. */
function pointsText(p: PointsSuggestion | undefined, arrow: string, usable: boolean): string {
  if (p === undefined) return '-';
  const now = p.bands === null ? String(p.current) : p.bands.current.join('/');
  if (!usable) return now;
  const next = p.bands === null ? String(p.suggested) : p.bands.suggested.join('/');
  return `${now} ${arrow} ${next}`;
}

/**
 * Each criterion that earns points: its win rate where it matched and where it did not, its fitted effect with a 95%
 * interval (odds multiplier, the other criteria held fixed) and its points now and suggested; strongest fitted effect
 * first either way, then in model order.
 */
export function criteriaTable(s: OutcomeStats, arrow = '→'): OutcomeTable {
  const sg = s.suggestion;
  const size = (p: PointsSuggestion): number => (p.match === null ? -1 : Math.abs(p.match.effect));
  const sorted = [...sg.points].sort((a, b) => size(b) - size(a));
  const side = (won: number, closed: number): string => `${closed === 0 ? '-' : percent(won / closed)} of ${grouped(closed)}`;
  return {
    head: ['Criterion', 'Matched', 'Not matched', 'Effect (odds)', 'Points'],
    rows: sorted.map((p) => [p.label, side(p.matched.won, p.matched.closed), side(p.notMatched.won, p.notMatched.closed), effectCell(p), pointsText(p, arrow, sg.usable)]),
  };
}

/** Category weights now and suggested (only when the suggestion is usable). */
export function weightsTable(sg: Suggestion, arrow = '→'): OutcomeTable {
  return { head: ['Category', 'Weight'], rows: sg.weights.map((w) => [w.label, `${w.current} ${arrow} ${w.suggested}`]) };
}

/** Sentences on blank and unreadable cells whose effect's interval excludes none: the model cannot give them points. */
export function cellNotes(sg: Suggestion): string[] {
  const notes: string[] = [];
  for (const p of sg.points) {
    for (const [what, e] of [['a blank', p.blank], ['an unreadable', p.unreadable]] as const) {
      if (e === null || e.effect === 0 || e.lower === null || e.upper === null || (e.lower <= 0 && e.upper >= 0)) continue;
      notes.push(`"${p.label}": deals with ${what} cell ${e.effect > 0 ? 'win more' : 'win less'} often than deals it missed (${effectText(e)}); a model cannot give points to ${what} cell, so fill in the column or add a criterion for it.`);
    }
  }
  return notes;
}

/** The reasons, one line per criterion, in the order of criteriaTable. */
export function reasonLines(s: OutcomeStats): string[] {
  const size = (p: PointsSuggestion): number => (p.match === null ? -1 : Math.abs(p.match.effect));
  return [...s.suggestion.points].sort((a, b) => size(b) - size(a)).map((p) => `${p.label}: ${p.reason}`);
}

/** Must-haves and exclusions in model order: how many accounts each disqualified and how their closed deals went. */
export function knockoutTable(s: OutcomeStats): OutcomeTable {
  return {
    head: ['Rule', 'Disqualified', 'Won'],
    rows: s.knockouts.map((k) => [`${k.role === 'must' ? 'Must' : 'Exclude'}: ${k.label}`, grouped(k.accounts), `${pct(k.winRate)} of ${grouped(k.won + k.lost)}`]),
  };
}

/** Every text the sidebar's Validate panel shows, made on the server so the sidebar bundle carries no table code. */
export interface OutcomeView {
  accountsLine: string;
  aucLine: string;
  tiers: OutcomeTable;
  criteria: OutcomeTable;
  /** Category weights now and suggested; null without a usable suggestion. */
  weights: OutcomeTable | null;
  knockouts: OutcomeTable;
  reasons: string[];
  notes: string[];
  /** Criteria and weights the suggestion would change (0 without a usable one). */
  changed: number;
}

/** The view of `s` (see OutcomeView). */
export function outcomeView(s: OutcomeStats): OutcomeView {
  const sg = s.suggestion;
  return {
    accountsLine: accountsLine(s),
    aucLine: aucLine(s.auc, s.closed, s.aucInterval, s.accountColumn),
    tiers: tierTable(s),
    criteria: criteriaTable(s),
    weights: sg.usable ? weightsTable(sg) : null,
    knockouts: knockoutTable(s),
    reasons: reasonLines(s),
    notes: cellNotes(sg),
    changed: changedPoints(sg),
  };
}
