// The one-line, plain-language reason for a row's score: matched, missed, unknown, unreadable, knock-outs.

import type { Role } from './model';
import type { RowResult } from './results';

// Outcome codes of one criterion on one row (compile.ts writes them, this file reads them).
export const MATCHED = 0;
export const MISSED = 1;
export const UNKNOWN = 2;
export const UNREADABLE = 3;
export const KNOCKOUT = 4;
export const KO_NONE = 0;
export const KO_MUST_MISSED = 1;
export const KO_MUST_UNREADABLE = 2;
export const KO_EXCLUDED = 3;

/** A profile's criteria and one row's outcomes, as parallel arrays indexed by criterion. */
export interface ExplainView {
  n: number;
  label: readonly string[];
  column: readonly string[];
  role: readonly Role[];
  maxPoints: ArrayLike<number>;
  /** 1 when the sheet has the criterion's column. */
  columnFound: ArrayLike<number>;
  status: ArrayLike<number>;
  points: ArrayLike<number>;
  knockout: ArrayLike<number>;
  /** The criterion's cell as shown (trimmed text), '' when blank. */
  value(i: number): string;
}

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

function knockoutPhrase(v: ExplainView, i: number): string {
  const label = v.label[i]!;
  const column = v.column[i]!;
  const value = quoted(v.value(i));
  switch (v.knockout[i]) {
    case KO_EXCLUDED:
      return `${label} (${column} ${value})`;
    case KO_MUST_UNREADABLE:
      return `${label} required, ${column} ${value} unreadable`;
    default:
      return `${label} required, ${column} is ${value}`;
  }
}

/** e.g. `72.5 (B). Matched: SaaS +30, 51-1000 employees +25. Missed: Demo requested. Unknown: Recent funding.` */
export function explanationText(result: RowResult, v: ExplainView): string {
  if (result.blank) return '';
  if (result.disqualified) {
    const reasons: string[] = [];
    for (let i = 0; i < v.n; i++) if (v.status[i] === KNOCKOUT) reasons.push(knockoutPhrase(v, i));
    return `${result.tier}: ${reasons.join('; ')}.`;
  }
  const matched: number[] = [];
  const penalties: string[] = [];
  const missed: string[] = [];
  const unknown: string[] = [];
  const unreadable: string[] = [];
  for (let i = 0; i < v.n; i++) {
    const status = v.status[i];
    const points = v.points[i]!;
    const scoring = v.role[i] !== 'exclude';
    if (points < 0) penalties.push(`${v.label[i]} ${signed(points)}`);
    if (status === MATCHED) {
      if (scoring && points > 0) matched.push(i);
    } else if (status === MISSED) {
      if (scoring && v.maxPoints[i]! > 0) missed.push(v.label[i]!);
    } else if (status === UNKNOWN) {
      if (scoring) unknown.push(v.columnFound[i] === 1 ? v.label[i]! : `${v.label[i]} (no “${v.column[i]}” column)`);
    } else if (status === UNREADABLE) {
      unreadable.push(`${v.column[i]} ${quoted(v.value(i))}`);
    }
  }
  // Biggest contributions first (a stable sort keeps model order among equals).
  matched.sort((a, b) => v.points[b]! - v.points[a]!);
  const parts: string[] = [`${result.score} (${result.tier}).`];
  if (matched.length > 0) parts.push(`Matched: ${list(matched.map((i) => `${v.label[i]} ${signed(v.points[i]!)}`))}.`);
  if (penalties.length > 0) parts.push(`Penalty: ${list(penalties)}.`);
  if (missed.length > 0) parts.push(`Missed: ${list(missed)}.`);
  if (unknown.length > 0) parts.push(`Unknown: ${list(unknown)}.`);
  if (unreadable.length > 0) parts.push(`Unreadable: ${list(unreadable)}.`);
  return parts.join(' ');
}
