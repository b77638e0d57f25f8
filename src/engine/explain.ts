// The one-line, plain-language reason for a row's score: matched, missed, unknown, unreadable, knock-outs.

import type { CriterionOutcome, RowResult } from './results';

const MAX_VALUE_CHARS = 40;
// Each list is cut after this many names so the line stays short in a cell; the data form has them all.
const MAX_LISTED = 4;

function list(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more`;
}

function quoted(value: string): string {
  const v = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value;
  return `“${v}”`;
}

function signed(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return rounded < 0 ? `−${-rounded}` : `+${rounded}`;
}

function knockoutPhrase(item: CriterionOutcome): string {
  switch (item.knockout) {
    case 'excluded':
      return `${item.label} (${item.column} ${quoted(item.value)})`;
    case 'must-unreadable':
      return `${item.label} required, ${item.column} ${quoted(item.value)} unreadable`;
    default:
      return `${item.label} required, ${item.column} is ${quoted(item.value)}`;
  }
}

/** e.g. `72.5 (B). Matched: SaaS +30, 51-1000 employees +25. Missed: Demo requested. Unknown: Recent funding.` */
export function explanationText(result: RowResult, items: readonly CriterionOutcome[]): string {
  if (result.blank) return '';
  if (result.disqualified) {
    const reasons = items.filter((i) => i.status === 'knockout').map(knockoutPhrase);
    return `${result.tier}: ${reasons.join('; ')}.`;
  }
  const parts: string[] = [`${result.score} (${result.tier}).`];
  const matched = items
    .filter((i) => i.status === 'matched' && i.role !== 'exclude' && i.points > 0)
    .sort((a, b) => b.points - a.points)
    .map((i) => `${i.label} ${signed(i.points)}`);
  const penalties = items.filter((i) => i.points < 0).map((i) => `${i.label} ${signed(i.points)}`);
  const missed = items.filter((i) => i.status === 'missed' && i.role !== 'exclude' && i.maxPoints > 0).map((i) => i.label);
  const unknown = items
    .filter((i) => i.status === 'unknown' && i.role !== 'exclude')
    .map((i) => (i.columnFound ? i.label : `${i.label} (no “${i.column}” column)`));
  const unreadable = items.filter((i) => i.status === 'unreadable').map((i) => `${i.column} ${quoted(i.value)}`);
  if (matched.length > 0) parts.push(`Matched: ${list(matched)}.`);
  if (penalties.length > 0) parts.push(`Penalty: ${list(penalties)}.`);
  if (missed.length > 0) parts.push(`Missed: ${list(missed)}.`);
  if (unknown.length > 0) parts.push(`Unknown: ${list(unknown)}.`);
  if (unreadable.length > 0) parts.push(`Unreadable: ${list(unreadable)}.`);
  return parts.join(' ');
}
