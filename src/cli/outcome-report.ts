// `icp validate`'s report as plain text: win rate and won value by tier, the verdict, AUC, criteria with fitted effects and suggested points, knock-out rules.
import {
  accountsLine, aucLine, cellNotes, criteriaTable, knockoutTable, reasonLines, tierTable, weightsTable, type OutcomeStats, type OutcomeTable,
} from '../engine';

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
  const columns = [`outcomes from column "${outcomeColumn}"`];
  if (s.accountColumn !== null) columns.push(`accounts from "${s.accountColumn}"`);
  if (s.valueColumn !== null) columns.push(`deal value from "${s.valueColumn}"`);
  lines.push(`Profile "${s.profile}" on ${source}, ${columns.join(', ')}.`);
  lines.push(accountsLine(s));
  lines.push('', s.valueColumn === null ? 'Win rate by tier' : 'Win rate and won value by tier (value lift: average won value against all won deals)', ...textTable(tierTable(s)));
  lines.push('', s.verdict, aucLine(s.auc, s.closed, s.aucInterval, s.accountColumn));
  const sg = s.suggestion;
  if (sg.points.length > 0) {
    lines.push('', 'Criteria: win rate where each matched and where it did not, its effect on the odds of winning with the other criteria held fixed (95% interval), and points');
    // An ASCII arrow: a terminal's font may lack "→".
    lines.push(...textTable(criteriaTable(s, '->'), true));
    lines.push('', sg.note);
    if (sg.usable) {
      lines.push('', 'Category weights', ...textTable(weightsTable(sg, '->')));
      if (sg.fit?.rankAgreement != null) lines.push(`The suggested points rank the deals as the fit does (rank correlation ${sg.fit.rankAgreement.toFixed(3)}).`);
    }
    lines.push('', 'Why', ...reasonLines(s).map((r) => `- ${r}`));
    for (const note of cellNotes(sg)) lines.push(`Note: ${note}`);
  }
  if (s.knockouts.length > 0) {
    lines.push('', `Must-haves and exclusions: ${s.unit} each disqualified, and how often their closed deals were won`);
    lines.push(...textTable(knockoutTable(s), true));
    for (const k of s.knockouts) if (k.warning !== null) lines.push(`Warning: ${k.warning}`);
  }
  return lines;
}
