// A drafted model's evidence as table cells, shared by the sidebar's draft panel and `icp draft`.

import { grouped, percent, roundPercent } from '../../number-text';
import type { OutcomeTable } from '../tables';
import type { CriterionEvidence, DraftResult } from './draft';

const rate = (won: number, closed: number): string => (closed === 0 ? '-' : `${percent(won / closed)} of ${grouped(closed)}`);

function ratio(x: number): string {
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2);
}

/** `x2.8 (1.4-5.3)`: the odds ratio with its 95% interval; `-` for an exclusion. */
export function effectText(c: CriterionEvidence): string {
  return c.effect === null ? '-' : `x${ratio(c.effect.oddsRatio)} (${ratio(c.effect.low)}-${ratio(c.effect.high)})`;
}

/** One row per drafted criterion: label, category, points (or Exclude), win rates matched / not, fitted effect. */
export function draftCriteriaTable(r: DraftResult): OutcomeTable {
  return {
    head: ['Criterion', 'Category', 'Points', 'Matched', 'Not matched', 'Odds (95%)'],
    rows: r.criteria.map((c) => [
      c.label, c.category, c.role === 'exclude' ? 'Exclude' : String(c.points), rate(c.matched.won, c.matched.closed),
      rate(c.notMatched.won, c.notMatched.closed), effectText(c),
    ]),
  };
}

/** One row per tier (then the disqualified group): its minimum score and the win rate of its closed deals. */
export function draftTierTable(r: DraftResult): OutcomeTable {
  return {
    head: ['Tier', 'Score', 'Closed', 'Won', 'Win rate'],
    rows: r.tiers.map((t, i) => [
      t.label, i === r.tiers.length - 1 ? '-' : `${t.min}+`, grouped(t.closed), grouped(t.won), t.winRate === null ? '-' : percent(t.winRate),
    ]),
  };
}

/** `Rows repeat accounts in column "Account": ...`, the fit and the columns not used, as sentences. */
export function draftNotes(r: DraftResult): string[] {
  const lines: string[] = [];
  if (r.method !== '') lines.push(`Chosen by ${r.method}.`);
  const d = r.heldOutDeviance;
  if (d !== null) {
    const latent = d.latent === null ? '' : `${d.latent.toFixed(3)} for the latent classes, `;
    lines.push(`Held-out deviance per closed ${r.accountColumn === null ? 'account' : 'deal'} in that cross-validation (lower predicts better): ${latent}${d.evidence.toFixed(3)} counting units of evidence, ${d.sparse.toFixed(3)} for the elastic-net fit, ${d.none.toFixed(3)} with no criterion.`);
  }
  if (r.accountColumn !== null) lines.push(`Deals repeat accounts in column "${r.accountColumn}": an account's deals are kept together when cross-validating and in the intervals.`);
  if (r.rankAgreement !== null) {
    const rest = roundPercent(r.rankAgreement) < 100 ? ' (the rest are ties from rounding the points)' : '';
    lines.push(`The drafted points order ${percent(r.rankAgreement)} of pairs of closed ${r.accountColumn === null ? 'accounts' : 'deals'} as the fit does${rest}.`);
  }
  for (const s of r.skipped) lines.push(`Not used: "${s.column}" (${s.reason}).`);
  return lines;
}
