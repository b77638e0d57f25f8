// The ICP model v1 types: the file format users export and import (see README "Model format").

/** A JSON scalar a condition may compare against. */
export type Scalar = string | number | boolean;

/** A numeric band of the `bands` operator: the criterion earns `points` when min <= value <= max. */
export interface Band {
  min?: number;
  max?: number;
  points: number;
  label?: string;
}

/** The condition of a criterion (`when`), one variant per operator. */
export type Condition =
  | { op: 'equals'; value: Scalar }
  | { op: 'in'; values: Scalar[] }
  | { op: 'contains'; values: Scalar[] }
  | { op: 'between'; min?: number; max?: number }
  | { op: 'gte'; value: number }
  | { op: 'lte'; value: number }
  | { op: 'bands'; bands: Band[] }
  | { op: 'isTrue' }
  | { op: 'notBlank' }
  | { op: 'withinDays'; days: number }
  | { op: 'matches'; pattern: string; flags?: string };

export type OperatorName = Condition['op'];

export const OPERATOR_NAMES: readonly OperatorName[] = [
  'equals', 'in', 'contains', 'between', 'gte', 'lte', 'bands', 'isTrue', 'notBlank', 'withinDays', 'matches',
];

/** `score` earns points; `must` earns points and knocks out on a present non-match; `exclude` knocks out on a match. */
export type Role = 'score' | 'must' | 'exclude';

export const ROLES: readonly Role[] = ['score', 'must', 'exclude'];

export interface Criterion {
  id: string;
  label?: string;
  category: string;
  /** Header text of the column the criterion reads; matched case-, space- and punctuation-insensitively. */
  column: string;
  when: Condition;
  /** Points earned on a match (negative = penalty). Not used by `bands` (each band has points) or `exclude`. */
  points?: number;
  role?: Role;
  description?: string;
}

export interface Category {
  id: string;
  label?: string;
  weight: number;
}

export interface Tier {
  label: string;
  min: number;
  /** Optional display colour, `#rrggbb`. */
  color?: string;
}

export interface Profile {
  name: string;
  description?: string;
  categories: Category[];
  criteria: Criterion[];
  tiers: Tier[];
  disqualifiedLabel?: string;
}

export interface Model {
  schemaVersion: 1;
  profiles: Profile[];
  /** Name of the profile used when a function is not told which one; the first profile otherwise. */
  defaultProfile?: string;
}

export const DEFAULT_DISQUALIFIED_LABEL = 'Disqualified';

/** How profile names are compared (choosing a profile, refusing duplicates): case- and space-insensitive. */
export function profileKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
