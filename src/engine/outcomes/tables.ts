// The figures of outcome validation as table cells and sentences, shared by the sidebar panel and `icp validate`.

import { MIN_CLOSED_DEALS, type OutcomeStats } from './stats';
import { percent, roundPercent } from '../number-text';
import type { PointsSuggestion } from './suggest-points';

/** A table as text cells: the header row, then one row per item (the first cell names it). */
export interface OutcomeTable {
  head: string[];
  rows: string[][];
}

const pct = (r: number | null): string => (r === null ? '-' : percent(r));
const times = (r: number | null): string => (r === null ? '-' : `${r.toFixed(1)}x`);

/**
 * `400 accounts: 71 won, 141 lost, 188 open; 33% of closed deals won.` Accounts whose outcome cell is blank or reads as
 * none are counted too (`12 without an outcome`), so the figures add up to the accounts.
 */
export function accountsLine(s: OutcomeStats): string {
  const none = s.accounts - s.won - s.lost - s.open;
  const without = none > 0 ? `, ${none} without an outcome` : '';
  const rate = s.winRate === null ? 'no closed deals yet' : `${percent(s.winRate)} of closed deals won`;
  const line = `${s.accounts} ${s.accounts === 1 ? 'account' : 'accounts'}: ${s.won} won, ${s.lost} lost, ${s.open} open${without}; ${rate}.`;
  // A yes/no column cannot say "open": the reader must know an unticked open deal was counted as lost.
  if (s.flagColumn === null) return line;
  if (s.closedColumn !== null) return `${line} "${s.flagColumn}" is read as yes = won, no = lost, and a deal "${s.closedColumn}" says no to as open.`;
  return `${line} "${s.flagColumn}" is read as yes = won, no = lost: an open deal counts as lost unless its cell is empty or says open.`;
}

/**
 * The ranking quality in words: what the number means is not common knowledge. Below MIN_CLOSED_DEALS closed deals it
 * says how few there are: with 2 won and 1 lost, an AUC of 1.00 is luck as often as it is a good model.
 */
export function aucLine(auc: number | null, closedDeals = MIN_CLOSED_DEALS): string {
  if (auc === null) return 'Ranking quality (AUC): needs at least one won and one lost deal.';
  // Rounded once, so both figures agree: 0.745 is "0.75 ... 75%", where toFixed(2) alone gives 0.74 (binary 0.74499...).
  const hundredths = roundPercent(auc);
  const line = `Ranking quality (AUC): ${(hundredths / 100).toFixed(2)}. A won account outscores a lost one ${hundredths}% of the time (50% is a coin toss, 100% a perfect ranking).`;
  return closedDeals >= MIN_CLOSED_DEALS ? line : `${line} From only ${closedDeals} closed ${closedDeals === 1 ? 'deal' : 'deals'}: too few to trust.`;
}

/** Accounts, won, lost, win rate and lift per tier, then the disqualified group. */
export function tierTable(s: OutcomeStats): OutcomeTable {
  return {
    head: ['Tier', 'Accounts', 'Won', 'Lost', 'Win rate', 'Lift'],
    rows: s.tiers.map((t) => [t.label, String(t.accounts), String(t.won), String(t.lost), pct(t.winRate), times(t.lift)]),
  };
}

/** Points now and suggested: `25 → 32` (with `arrow`), `25 (kept)` with too few deals, `-` for bands. */
function pointsText(s: PointsSuggestion | undefined, arrow: string): string {
  if (s === undefined) return '-';
  return s.suggested === null ? `${s.current} (kept)` : `${s.current} ${arrow} ${s.suggested}`;
}

/**
 * Each scoring criterion's win rate where it matched and where it did not, and its points now and suggested, largest
 * difference first either way (a criterion that goes with losing matters as much as one that goes with winning),
 * unknown differences last, ties in model order. No column for the difference: the rows are sorted by it, and in a
 * 300 px sidebar a fifth column squeezes the names.
 */
export function criteriaTable(s: OutcomeStats, arrow = '→'): OutcomeTable {
  const suggestions = new Map(s.suggestions.map((x) => [x.id, x]));
  const size = (d: number | null): number => (d === null ? -1 : Math.abs(d));
  const sorted = [...s.criteria].sort((a, b) => size(b.difference) - size(a.difference));
  return {
    head: ['Criterion', 'Matched', 'Not matched', 'Points'],
    rows: sorted.map((c) => [
      c.label,
      `${pct(c.matched.winRate)} of ${c.matched.closed}`,
      `${pct(c.notMatched.winRate)} of ${c.notMatched.closed}`,
      pointsText(suggestions.get(c.id), arrow),
    ]),
  };
}

/** Must-haves and exclusions in model order: how many accounts each disqualified and how their closed deals went. */
export function knockoutTable(s: OutcomeStats): OutcomeTable {
  return {
    head: ['Rule', 'Disqualified', 'Won'],
    rows: s.knockouts.map((k) => [`${k.role === 'must' ? 'Must' : 'Exclude'}: ${k.label}`, String(k.accounts), `${pct(k.winRate)} of ${k.won + k.lost}`]),
  };
}

/** How many criteria the suggestions would change. */
export function changedPoints(suggestions: readonly PointsSuggestion[]): number {
  return suggestions.filter((x) => x.suggested !== null && x.suggested !== x.current).length;
}
