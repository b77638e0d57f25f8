// `icp validate`'s report as plain text: win rate by tier, the verdict, AUC, criteria with suggested points, knock-out rules.
import { accountsLine, aucLine, criteriaTable, knockoutTable, tierTable, type OutcomeStats, type OutcomeTable } from '../engine';

/** Labels longer than this are cut with an ellipsis so the tables stay readable in an 100-column terminal. */
const MAX_LABEL = 44;

function cut(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** A table as aligned columns: the first left-aligned (cut to MAX_LABEL when `cutLabels`), the others right-aligned, two spaces apart. */
export function textTable(t: OutcomeTable, cutLabels = false): string[] {
  const all = [t.head, ...(cutLabels ? t.rows.map(([label, ...rest]) => [cut(label ?? ''), ...rest]) : t.rows)];
  const widths = t.head.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
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

/** The whole report, line by line. */
export function outcomeReport(s: OutcomeStats, source: string, outcomeColumn: string): string[] {
  const lines: string[] = [];
  lines.push(`Profile "${s.profile}" on ${source}, outcomes from column "${outcomeColumn}".`);
  lines.push(accountsLine(s));
  lines.push('', 'Win rate by tier', ...textTable(tierTable(s)));
  lines.push('', s.verdict, aucLine(s.auc, s.closed));
  if (s.criteria.length > 0) {
    lines.push('', 'Criteria: win rate of closed deals where each matched and where it did not, strongest first');
    // An ASCII arrow: a terminal's font may lack "→".
    lines.push(...textTable(criteriaTable(s, '->'), true));
  }
  if (s.knockouts.length > 0) {
    lines.push('', 'Must-haves and exclusions: accounts each disqualified, and how often their closed deals were won');
    lines.push(...textTable(knockoutTable(s), true));
    for (const k of s.knockouts) if (k.warning !== null) lines.push(`Warning: ${k.warning}`);
  }
  return lines;
}
