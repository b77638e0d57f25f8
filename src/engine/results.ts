// The shapes the engine returns for one row: a result, and the explanation as data.

import type { Role } from './model';

/** matched / missed: the value was read and tested; unknown: blank or no such column; unreadable: present but not readable; knockout: disqualified the row. */
export type CriterionStatus = 'matched' | 'missed' | 'unknown' | 'unreadable' | 'knockout';

export interface CriterionOutcome {
  id: string;
  label: string;
  column: string;
  category: string;
  role: Role;
  status: CriterionStatus;
  /** Points earned (negative for an applied penalty). */
  points: number;
  /** The most points this criterion can earn. */
  maxPoints: number;
  /** The cell as shown (trimmed text), '' when blank. */
  value: string;
  /** False when the sheet has no column with this criterion's header. */
  columnFound: boolean;
  /** For a knockout: why (a must-have missed or unreadable, or an exclusion matched). */
  knockout?: 'must-missed' | 'must-unreadable' | 'excluded';
}

export interface RowResult {
  /** Every cell of the row is blank: show nothing rather than a misleading 0. */
  blank: boolean;
  /** 0-100, one decimal; 0 when disqualified or blank. */
  score: number;
  /** Tier label; the profile's disqualified label for a knock-out; '' for a blank row. */
  tier: string;
  disqualified: boolean;
}

/** What a row's result is, in BatchResults.kind. */
export const SCORED = 0;
export const BLANK_ROW = 1;
export const DISQUALIFIED = 2;

/**
 * The results of many rows as arrays, one entry per row, instead of one RowResult object per row: a batch of 100,000
 * rows would otherwise allocate 100,000 objects that all outlive the scoring loop (the garbage collector copies each).
 */
export interface BatchResults {
  readonly length: number;
  /** SCORED, BLANK_ROW or DISQUALIFIED per row. */
  readonly kind: Uint8Array;
  /** 0-100, one decimal; 0 when disqualified or blank. */
  readonly score: Float64Array;
  /** Tier label; the profile's disqualified label for a knock-out; '' for a blank row. */
  readonly tier: string[];
}

export interface Explanation extends RowResult {
  profile: string;
  items: CriterionOutcome[];
  /** One short line of plain text. */
  text: string;
}
