// Operators and roles in plain words, and how a condition is carried over when the user picks another operator.
import type { Condition, OperatorName, Role, Scalar } from '../src/engine/model';

export const OPERATOR_LABELS: Record<OperatorName, string> = {
  in: 'is one of',
  equals: 'is exactly',
  contains: 'contains any of',
  between: 'is between',
  gte: 'is at least',
  lte: 'is at most',
  bands: 'earns points by range',
  isTrue: 'is yes / true',
  notBlank: 'is filled in',
  withinDays: 'is a date in the last',
  matches: 'matches the pattern',
};

/** Order in the operator dropdown: the common ones first. */
export const OPERATOR_ORDER: readonly OperatorName[] = [
  'in', 'equals', 'contains', 'between', 'gte', 'lte', 'bands', 'isTrue', 'notBlank', 'withinDays', 'matches',
];

export const ROLE_LABELS: Record<Role, string> = {
  score: 'Score: earns points',
  must: 'Must-have: disqualifies if missed',
  exclude: 'Exclude: disqualifies if matched',
};

export const ROLE_SHORT: Record<Role, string> = { score: 'Score', must: 'Must-have', exclude: 'Exclude' };

/** Operators that take a list of values with suggestions from the column. */
export function takesValues(op: OperatorName): boolean {
  return op === 'in' || op === 'contains' || op === 'equals';
}

function firstNumber(c: Record<string, unknown>, prefer: 'min' | 'max' = 'min'): number | undefined {
  for (const k of ['value', prefer, prefer === 'min' ? 'max' : 'min', 'days']) {
    const v = c[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** The condition's values worth keeping: scalars other than empty text (an empty value would show as an empty chip). */
function valuesOf(c: Record<string, unknown>): Scalar[] {
  const all: unknown[] = Array.isArray(c.values) ? c.values : [c.value];
  return all.filter((v): v is Scalar => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.trim() !== ''));
}

/** A condition of operator `op` that keeps what it can of `old` (values, numbers). Missing numbers stay missing so validation asks for them. */
export function convertCondition(old: Condition, op: OperatorName): Condition {
  const o = old as unknown as Record<string, unknown>;
  const values = valuesOf(o);
  const n = firstNumber(o, op === 'lte' ? 'max' : 'min');
  switch (op) {
    case 'equals':
      return { op, value: values[0] ?? '' };
    case 'in':
    case 'contains':
      return { op, values };
    case 'between': {
      const c: Condition = { op };
      if (typeof o.min === 'number') c.min = o.min;
      if (typeof o.max === 'number') c.max = o.max;
      if (c.min === undefined && c.max === undefined && n !== undefined) c.min = n;
      return c;
    }
    case 'gte':
    case 'lte':
      return (n === undefined ? { op } : { op, value: n }) as Condition;
    case 'bands':
      return { op, bands: [{ min: 0, max: n ?? 100, points: 10 }] };
    case 'withinDays':
      return { op, days: typeof o.days === 'number' ? o.days : 90 };
    case 'matches':
      return { op, pattern: typeof o.pattern === 'string' ? o.pattern : '', flags: 'i' };
    case 'isTrue':
    case 'notBlank':
      return { op };
  }
}

/** A number as people read it in a summary: 10000000 -> 10M. */
export function shortNumber(n: unknown): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return n === undefined ? '...' : String(n);
  if (Math.abs(n) < 10_000) return String(n);
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** One line describing a criterion's test, for its collapsed card: `Industry is one of SaaS, Fintech`. */
export function describeCondition(column: string, c: Condition): string {
  const list = (vs: readonly Scalar[]): string => (vs.length > 3 ? `${vs.slice(0, 3).join(', ')}, ...` : vs.join(', '));
  const col = column === '' ? '(no column)' : column;
  switch (c.op) {
    case 'equals':
      return `${col} is ${String(c.value)}`;
    case 'in':
      return `${col} is ${list(c.values ?? [])}`;
    case 'contains':
      return `${col} contains ${list(c.values ?? [])}`;
    case 'between':
      return `${col} ${shortNumber(c.min)} to ${shortNumber(c.max)}`;
    case 'gte':
      return `${col} \u2265 ${shortNumber(c.value)}`;
    case 'lte':
      return `${col} \u2264 ${shortNumber(c.value)}`;
    case 'bands':
      return `${col} in ${(c.bands ?? []).length} band(s)`;
    case 'isTrue':
      return `${col} is yes`;
    case 'notBlank':
      return `${col} is filled in`;
    case 'withinDays':
      return `${col} within ${String(c.days ?? '?')} days`;
    case 'matches':
      return `${col} matches ${c.pattern ?? ''}`;
    default:
      return col;
  }
}
