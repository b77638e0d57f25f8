// `icp validate`'s report as plain text: win rate by tier, the verdict, AUC, criteria with suggested points, knock-out rules.
import { percent, type OutcomeStats, type PointsSuggestion } from '../engine';

/** Labels longer than this are cut with an ellipsis so the tables stay readable in an 100-column terminal. */
const MAX_LABEL = 44;

const pct = (r: number | null): string => (r === null ? '-' : percent(r));
const times = (r: number | null): string => (r === null ? '-' : `${r.toFixed(1)}x`);

function cut(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Rows as aligned columns: the first left-aligned, the others right-aligned, two spaces apart. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  return all.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Points now and suggested: `25 -> 32`, `25 (kept)` with too few deals, `-` for bands. */
function pointsText(s: PointsSuggestion | undefined): string {
  if (s === undefined) return '-';
  return s.suggested === null ? `${s.current} (kept)` : `${s.current} -> ${s.suggested}`;
}

/** The whole report, line by line. */
export function outcomeReport(s: OutcomeStats, source: string, outcomeColumn: string): string[] {
  const lines: string[] = [];
  lines.push(`Profile "${s.profile}" on ${source}, outcomes from column "${outcomeColumn}".`);
  lines.push(`${s.accounts} accounts: ${s.won} won, ${s.lost} lost, ${s.open} open; ${pct(s.winRate)} of closed deals won.`);
  lines.push('', 'Win rate by tier');
  lines.push(...textTable(
    ['Tier', 'Accounts', 'Won', 'Lost', 'Win rate', 'Lift'],
    s.tiers.map((t) => [t.label, String(t.accounts), String(t.won), String(t.lost), pct(t.winRate), times(t.lift)]),
  ));
  lines.push('', s.verdict);
  lines.push(
    s.auc === null
      ? 'Ranking quality (AUC): needs at least one won and one lost deal.'
      : `Ranking quality (AUC): ${s.auc.toFixed(2)}. A won account outscores a lost one ${Math.round(s.auc * 100)}% of the time (50% is a coin toss, 100% a perfect ranking).`,
  );
  if (s.criteria.length > 0) {
    const suggestions = new Map(s.suggestions.map((x) => [x.id, x]));
    const sorted = [...s.criteria].sort((a, b) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity));
    lines.push('', 'Criteria: win rate of closed deals where each matched and where it did not, strongest first');
    lines.push(...textTable(
      ['Criterion', 'Matched', 'Not matched', 'Points'],
      sorted.map((c) => [cut(c.label), `${pct(c.matched.winRate)} of ${c.matched.closed}`, `${pct(c.notMatched.winRate)} of ${c.notMatched.closed}`, pointsText(suggestions.get(c.id))]),
    ));
  }
  if (s.knockouts.length > 0) {
    lines.push('', 'Must-haves and exclusions: accounts each disqualified, and how often their closed deals were won');
    lines.push(...textTable(
      ['Rule', 'Disqualified', 'Won'],
      s.knockouts.map((k) => [cut(`${k.role === 'must' ? 'Must' : 'Exclude'}: ${k.label}`), String(k.accounts), `${pct(k.winRate)} of ${k.won + k.lost}`]),
    ));
    for (const k of s.knockouts) if (k.warning !== null) lines.push(`Warning: ${k.warning}`);
  }
  return lines;
}
