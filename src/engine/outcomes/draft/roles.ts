// Which columns of a deals table can become criteria, and why the others cannot (the outcome, ids and names, what is written after a deal closes).

import type { ReadColumn } from './columns';

/** Why a column is not a candidate, or null when it is one. */
export type SkipReason = 'outcome' | 'after-close' | 'ours' | 'id' | 'empty' | 'one-value';

export const SKIP_TEXT: Record<SkipReason, string> = {
  outcome: 'the outcome',
  'after-close': 'written when a deal closes, so it would predict the outcome from itself',
  ours: 'scores written by ICP Scorer: a draft from them would learn the current model, not the outcomes',
  id: 'names or ids, mostly one value per row',
  empty: 'blank on every closed deal',
  'one-value': 'the same value on every closed deal',
};

/** Space-separated lower-case words of a header (`close_value` -> `close value`). */
export function headerWords(header: string): string {
  return header.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}

// Columns a CRM fills in when a deal closes (its close date, value, reason, stage): they know the outcome.
const AFTER_CLOSE = /\b(close|closed|closing|won|win|lost|loss|churn|churned|outcome|result|lifetime value|ltv)\b|\b(deal|opportunity|opp|sales|pipeline|lead)\s+(stage|status)\b|^(stage|status)$/;
// Columns ICP Scorer writes (Score this sheet, the playground's live formulas, `icp score` and `icp sql`): a model's scores, not the deals' traits.
const OURS = /^icp (score|tier|why|tier order)( live| icp scorer)?$/;
// Columns that name or identify a row rather than describe it.
const ID_WORDS = /\b(id|ids|uuid|guid|key|email|e mail|phone|notes?|comments?|description|address|linkedin|twitter)\b|^(website|url|domain|web site)$|\bid$/;
const NAME_ONLY = /^(account|company|organi[sz]ation|customer|client|lead|contact|opportunity|deal|first|last|full)?\s*(name)?$/;
// A text column with more distinct values than this share of its filled cells (and more than MANY of them) is ids or free text.
const UNIQUE_SHARE = 0.5;
const MANY = 20;

/** Headers of the column that says which account a deal belongs to, best first. */
const ACCOUNT_HEADERS = /^(account|account name|company|company name|organi[sz]ation|customer|customer name|client|client name|domain|website|account id|company id|customer id)$/;

/** Whether a column names accounts (its deals are counted together when the column repeats). */
export function isAccountHeader(header: string): boolean {
  return ACCOUNT_HEADERS.test(headerWords(header));
}

/**
 * Why `column` (read over the whole table) cannot be a candidate, or null. `closedCodes` are its codes on the closed
 * deals only, for the empty and one-value checks.
 */
export function skipReason(column: ReadColumn, closedCodes: Int32Array): SkipReason | null {
  const words = headerWords(column.header);
  if (AFTER_CLOSE.test(words)) return 'after-close';
  if (OURS.test(words)) return 'ours';
  const distinct = new Set<number>();
  for (let k = 0; k < closedCodes.length; k++) if (closedCodes[k]! >= 0) distinct.add(closedCodes[k]!);
  if (distinct.size === 0) return 'empty';
  if (ID_WORDS.test(words) || (NAME_ONLY.test(words) && words !== '')) return 'id';
  // A tech stack's combinations are mostly unique; its items are what repeat.
  const values = column.kind === 'list' ? new Set(column.items.flat()).size : column.raws.length;
  if ((column.kind === 'text' || column.kind === 'list') && values > MANY && values > UNIQUE_SHARE * column.filled) return 'id';
  if (distinct.size === 1 && column.filled === column.codes.length) return 'one-value';
  return null;
}
