// The sidebar <-> server contract: every type google.script.run may carry (plain JSON only, dates as ISO text).

import type { Model } from '../engine/model';
import type { ModelIssue } from '../engine/model-check';
import type { OutcomeStats } from '../engine/outcomes/stats';
import type { DraftResult } from '../engine/outcomes/draft/draft';
import type { OutcomeTable, OutcomeView } from '../engine/outcomes/tables';

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
  /** Header row of the active sheet (as text), without blank headers and the add-on's own output columns. */
  headers: string[];
  /**
   * Headers several columns share, each once: the header and what the user is told (`"Industry" is in columns C and H:
   * column C is read`). Optional: an older server sends none.
   */
  duplicateHeaders?: { header: string; note: string }[];
  /** Data rows on the active sheet (excluding the header row). */
  rowCount: number;
  templates: TemplateInfo[];
  /** Set when the stored model is unreadable: the editor opens a fresh draft and says why. */
  storedModelError: string | null;
}

export interface PreviewResult {
  ok: boolean;
  issues: ModelIssue[];
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
  /** The sheet previewed: the active one now, which may not be the one the editor opened on. '' when not previewed. */
  sheetName: string;
}

export interface ColumnSuggestions {
  column: string;
  /** Most frequent distinct values, most frequent first. */
  values: { value: string; count: number }[];
}

export type SaveResult =
  /** rewrittenFormulas: typed ICP_* formulas this save gave the ICP_MODEL argument (each is rewritten once, ever). */
  | { ok: true; version: number; rewrittenFormulas: number; message: string }
  | { ok: false; reason: 'stale' | 'invalid' | 'busy'; message: string; issues: ModelIssue[]; currentVersion: number; draft: Json };

/** checkDraft(draft): the model checked as the engine checks it (checkModel), its issues by path. */
export interface CheckDraftResult {
  ok: boolean;
  issues: ModelIssue[];
}

export interface ImportResult {
  ok: boolean;
  model: Model | null;
  issues: ModelIssue[];
  /** For a valid model: fields it ignores (a misspelt `disqualifedLabel`) and points that do nothing. */
  warnings: ModelIssue[];
}

/*
 * Bulk scoring and the tier summary (src/gas/bulk), for the sidebar's score and summary panels:
 *   scoreSheet(options?: ScoreSheetOptions): ScoreSheetResult         scores the active sheet (values, or live formulas)
 *   getScoreProgress(sheetId?): ScoreProgress                          saved progress of that sheet (else the active one)
 *   buildTierSummary(options: TierSummaryOptions): TierSummaryResult   creates or refreshes the "ICP Tiers" pivot + chart
 *   getSummaryColumns(): SummaryColumns                                the columns the summary can sum (for a picker)
 * Score panel: call scoreSheet({ profile }) and, while it runs, poll getScoreProgress every few seconds for a progress
 * bar. When the result says partial, call scoreSheet again with the same options and the result's sheetId (that is the automatic
 * continuation: each call resumes where the last stopped) until partial is false. The menu's "Score this sheet" opens
 * the score panel and scores in its own execution, so on open the panel should poll getScoreProgress and, once
 * `running` is false and `partial` is true, continue with scoreSheet. A result with reason 'busy' means another run
 * holds the lock: show its message and retry later. "Insert live formulas" is scoreSheet({ live: true }).
 */

/** The add-on's own output columns (found by a developer-metadata marker, so renaming or moving them is fine). */
export type OutputColumnKind = 'score' | 'tier' | 'why' | 'order';

/** scoreSheet(options): every field optional; `{}` scores the active sheet with the default profile. */
export interface ScoreSheetOptions {
  /** Profile to score with; the model's default profile when omitted. */
  profile?: string;
  /** Write one live array formula per output column (=ICP_SCORE(A2:T500)...) instead of values; up to 20,000 rows. */
  live?: boolean;
  /** Start over even when an earlier run stopped part-way (normally a run continues where the last one stopped). */
  restart?: boolean;
  /**
   * Stop and save progress after about this many milliseconds (default 270,000: 4.5 of Apps Script's 6 minutes).
   * The sidebar may pass less to get control back sooner; at least one chunk is always scored.
   */
  budgetMs?: number;
  /** Rows per read and write (default: about 500,000 cells per chunk). For tests and tuning. */
  chunkRows?: number;
  /**
   * The sheet to score, by id: the sidebar passes the sheetId of the run's first result with every later call, so a
   * run stays on the sheet it started on while the user switches tabs (getActiveSheet follows them). Omitted: the
   * active sheet.
   */
  sheetId?: number;
}

export type ScoreSheetFailure = 'busy' | 'no-model' | 'no-data' | 'profile' | 'columns' | 'sheet' | 'live' | 'size';

export interface TierCount {
  label: string;
  count: number;
  /** The tier's colour (#rrggbb), null for none and for the disqualified group. */
  color: string | null;
}

/**
 * scoreSheet's answer. When `partial` is true the sheet is labelled partial (ICP Score header suffix and note) and
 * calling scoreSheet again continues where this call stopped: the sidebar should call it again while it is open
 * (showing scoredRows / totalRows), or tell the user to run Score this sheet again.
 */
export interface ScoreSheetResult {
  ok: boolean;
  /** Why ok is false; null when ok. 'busy': another run or model save holds the document lock. */
  reason: ScoreSheetFailure | null;
  message: string;
  sheetName: string;
  /** The sheet scored (pass it back as ScoreSheetOptions.sheetId to continue this run); -1 when no sheet was found. */
  sheetId: number;
  mode: 'values' | 'live';
  /** Data rows scored so far (this call and earlier calls of the same run). */
  scoredRows: number;
  /** Data rows on the sheet (blank rows included). */
  totalRows: number;
  partial: boolean;
  /** Tiers best first, then the disqualified group; counts of non-blank rows scored so far (empty in live mode). */
  tierCounts: TierCount[];
  /** Where the output columns are now (A1 column letters) and their current header text. */
  columns: { kind: OutputColumnKind; header: string; column: string }[];
  /** Things the user should know, e.g. a user column already named "ICP Score" that was left alone. */
  notices: string[];
  /** Time spent in the scoring engine during this call, and in the whole call (ms). */
  engineMs: number;
  elapsedMs: number;
}

/**
 * getScoreProgress(sheetId?): that sheet's (else the active sheet's) last or current run, from saved progress; cheap and lock-free, so the
 * sidebar can poll it (every few seconds) while scoreSheet runs in another call.
 */
export interface ScoreProgress {
  sheetName: string;
  /** The sheet this progress is of (pin a run to it with ScoreSheetOptions.sheetId); -1 when it was deleted. */
  sheetId: number;
  /** A run is scoring right now (its progress was saved in the last few minutes). */
  running: boolean;
  /** The sheet is partly scored: a run stopped before the end and the next scoreSheet call continues it. */
  partial: boolean;
  scoredRows: number;
  totalRows: number;
  /** Last progress save (ISO), null when this sheet was never scored. */
  updatedAt: string | null;
  message: string;
}

/** buildTierSummary(options). */
export interface TierSummaryOptions {
  /** Header names of numeric columns to sum per tier (revenue, deal size); see getSummaryColumns(). */
  sumColumns: string[];
}

export interface TierSummaryResult {
  ok: boolean;
  message: string;
  /** The summary sheet ("ICP Tiers" unless a user sheet already had that name). */
  sheetName: string;
  /** The scored sheet the pivot reads. */
  sourceSheetName: string;
  /** Tier groups in the pivot, in pivot order (tiers best first, then the disqualified group). */
  groups: string[];
  /** The pivot's value columns, in order (Accounts, Average ICP score, Sum of ...). */
  values: string[];
}

/** getSummaryColumns(): the columns the tier summary can sum, for the sidebar's picker. */
export interface SummaryColumns {
  sheetName: string;
  /** The sheet has ICP Scorer's output columns (it was scored). */
  scored: boolean;
  /**
   * The user's columns (not ours), with whether their sampled cells read as numbers, and how many of those sampled
   * (`sampled`: non-blank cells looked at) are amounts typed as text, which a pivot table does not add.
   */
  columns: { header: string; numeric: boolean; textAmounts: number; sampled: number }[];
}

/** validateOutcomes(request): both fields optional; `{}` picks the outcome column and uses the default profile. */
export interface OutcomeRequest {
  /** Header of the outcome column; null or omitted: the column named like Outcome / Status / Stage, else the best candidate. */
  outcomeColumn?: string | null;
  /** Profile to validate; the model's default profile when omitted. */
  profile?: string | null;
  /** Header of the column naming each deal's account; null or omitted: found by name (Account, Company, ...); '' for none. */
  accountColumn?: string | null;
  /** Header of the deal-value column; null or omitted: found by name (Deal Value, Amount, ARR, ...); '' for none. */
  valueColumn?: string | null;
}

export type OutcomeFailure = 'no-model' | 'no-data' | 'no-outcome-column' | 'profile' | 'too-few';

/** validateOutcomes' answer: win rates by tier and by criterion against an outcome column; writes nothing. */
export interface OutcomeValidation {
  /** False with a reason and message; for 'too-few' the stats are still given. */
  ok: boolean;
  reason: OutcomeFailure | null;
  message: string;
  sheetName: string;
  /** The model's profiles (empty when no model is saved) and the one validated. */
  profiles: string[];
  profile: string | null;
  /** Headers whose non-blank cells mostly read as won / lost / open, best first. */
  candidates: string[];
  /** The column used; null when none was found. */
  outcomeColumn: string | null;
  /** The sheet's headers, for the account and value column choices. */
  headers: string[];
  /** The account and value columns read (null: none). */
  accountColumn: string | null;
  valueColumn: string | null;
  stats: OutcomeStats | null;
  /** The panel's texts and tables for stats (null when stats is). */
  view: OutcomeView | null;
}

/** draftFromOutcomes(request): every field optional; `{}` reads the active sheet and picks its outcome column. */
export interface DraftRequest {
  /** The sheet to read (from an earlier answer): the user may have switched tabs since. Null or omitted: the active sheet. */
  sheetId?: number | null;
  /** Header of the outcome column (won / lost words, or yes / no); null or omitted: the one Validate would pick. */
  outcomeColumn?: string | null;
  /** Scoring criteria drafted at most (1-50); default 12. */
  maxCriteria?: number | null;
}

export type DraftFailure = 'sheet' | 'no-data' | 'no-outcome-column' | 'nothing';

/** draftFromOutcomes' answer: the drafted model (never saved by the server) with each criterion's evidence; writes nothing. */
export interface DraftAnswer {
  /** False with a reason and message; for 'nothing' the draft says what was tried. */
  ok: boolean;
  reason: DraftFailure | null;
  message: string;
  /** The sheet read: send sheetId back to read the same sheet again. */
  sheetId: number | null;
  sheetName: string;
  /** Headers whose cells mostly read as outcomes, best first. */
  candidates: string[];
  outcomeColumn: string | null;
  draft: DraftResult | null;
  /** The draft's evidence as text tables and sentences (the sidebar shows them as they are, as icp draft prints them). */
  tables: { criteria: OutcomeTable; tiers: OutcomeTable; notes: string[] } | null;
}

/** getSheetStamp(sheetId): a sheet as a panel read it, to tell when the sheet changed under the panel (sheet-stamp.ts). */
export interface SheetStamp {
  /** False when no sheet has this id any more (deleted, or replaced by an import). */
  exists: boolean;
  sheetId: number;
  sheetName: string;
  lastRow: number;
}
