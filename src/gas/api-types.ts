// The sidebar <-> server contract: every type google.script.run may carry (plain JSON only, dates as ISO text).

import type { Model } from '../engine/model';
import type { ValidationIssue } from '../engine/validate';

/** What google.script.run can carry (https://developers.google.com/apps-script/guides/html/reference/run). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

export interface EditorState {
  /** The saved model, or null when none is saved yet. */
  model: Model | null;
  /** Version of the saved model (0 = none); the editor sends it back on save to detect someone else's save. */
  version: number;
  sheetName: string;
  /** Header row of the active sheet (as text). */
  headers: string[];
  /** Data rows on the active sheet (excluding the header row). */
  rowCount: number;
  templates: TemplateInfo[];
  /** Set when the stored model is unreadable: the editor opens a fresh draft and says why. */
  storedModelError: string | null;
}

/** The active sheet's data for the live preview, as plain values (Dates as ISO text). */
export interface SheetSample {
  sheetName: string;
  headers: string[];
  rows: (string | number | boolean)[][];
  /** Rows on the sheet; more than rows.length when the sample was capped. */
  totalRows: number;
  /** Today's date in the script time zone (YYYY-MM-DD), for withinDays in the preview. */
  today: string;
}

export interface PreviewResult {
  ok: boolean;
  issues: ValidationIssue[];
  /** Data rows on the sheet (blank rows included). */
  rows: number;
  /** Rows scored for the preview (at most the preview cap). */
  scored: number;
  blank: number;
  /** Counts of non-disqualified scores in 20 bins of 5 points: [0,5), [5,10), ... [95,100]. */
  histogram: number[];
  tiers: { label: string; min: number; color: string | null; count: number }[];
  disqualified: { label: string; count: number };
  /** How many accounts the draft puts in another tier than the saved model does; null when nothing is saved. */
  changedTier: number | null;
  /** Columns the draft reads that the sheet does not have. */
  missingColumns: string[];
}

export interface ColumnSuggestions {
  column: string;
  /** Most frequent distinct values, most frequent first. */
  values: { value: string; count: number }[];
}

export type SaveResult =
  | { ok: true; version: number; refreshedFormulas: number; message: string }
  | { ok: false; reason: 'stale' | 'invalid' | 'busy'; message: string; issues: ValidationIssue[]; currentVersion: number; draft: Json };

export interface ValidateResult {
  ok: boolean;
  issues: ValidationIssue[];
}

export interface ImportResult {
  ok: boolean;
  model: Model | null;
  issues: ValidationIssue[];
}

export interface ScoreSheetOptions {
  profile?: string;
  /** Write live array formulas instead of values. */
  live?: boolean;
}

export interface ScoreSheetResult {
  ok: boolean;
  message: string;
  scoredRows: number;
  totalRows: number;
  /** True when the run stopped before the time limit and left the sheet labelled partial. */
  partial: boolean;
  tierCounts: { label: string; count: number }[];
}

export interface TierSummaryOptions {
  /** Header names of numeric columns to sum per tier (revenue, deal size). */
  sumColumns: string[];
}

export interface TierSummaryResult {
  ok: boolean;
  message: string;
  sheetName: string;
}

export interface ValidationReport {
  ok: boolean;
  message: string;
}
