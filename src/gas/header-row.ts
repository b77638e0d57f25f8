// Which row of a sheet is the header row: the first naming a column the model reads, else the first about as wide as the table.

import type { Model } from '../engine/model';
import { headerKey } from '../engine/read/text';

// Sheets people keep for themselves often open with a title ("Q3 target accounts", in one cell or merged across the
// table, sometimes with an owner or a date beside it) and a blank line above the header row; taking the title as the
// header row would leave every criterion without its column. The row that names a column the model reads is the header
// row; without such a row (no model saved yet, a model for another sheet), the header row is the first that fills
// at least two cells and half as many as the widest row: a title fills one or a few.
/** How far below the first non-empty row a header row is looked for. */
export const HEADER_LOOKAHEAD_ROWS = 50;

const NO_COLUMNS: ReadonlySet<string> = new Set();

/** Header keys (headers.ts matching) of every column the model's criteria read, in every profile. */
export function modelColumnKeys(model: Model | null | undefined): ReadonlySet<string> {
  if (model === null || model === undefined) return NO_COLUMNS;
  const keys = new Set<string>();
  for (const p of model.profiles) for (const c of p.criteria) keys.add(headerKey(c.column));
  keys.delete('');
  return keys;
}

function filledCells(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (v !== '' && v !== null && v !== undefined) n++;
  return n;
}

function namesAColumn(row: readonly unknown[], columns: ReadonlySet<string>): boolean {
  for (const v of row) if ((typeof v === 'string' || typeof v === 'number') && v !== '' && columns.has(headerKey(v))) return true;
  return false;
}

interface Scan {
  /** The header row's index, or -1. */
  index: number;
  /** Whether rows after those scanned could change the answer. */
  open: boolean;
}

function scan(rows: readonly (readonly unknown[])[], columns: ReadonlySet<string>): Scan {
  let first = -1;
  let end = rows.length;
  const filled: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (first >= 0 && i - first >= HEADER_LOOKAHEAD_ROWS) {
      end = i;
      break;
    }
    const row = rows[i]!;
    const n = filledCells(row);
    filled.push(n);
    if (n === 0) continue;
    if (columns.size > 0 && namesAColumn(row, columns)) return { index: i, open: false };
    if (first < 0) first = i;
  }
  if (first < 0) return { index: -1, open: true };
  const open = end - first < HEADER_LOOKAHEAD_ROWS;
  // A header row names (nearly) every column; a title, even with an owner or a date beside it, fills a few cells.
  let widest = 0;
  for (let i = first; i < end; i++) widest = Math.max(widest, filled[i]!);
  const need = Math.max(2, Math.ceil(widest / 2));
  for (let i = first; i < end; i++) if (filled[i]! >= need) return { index: i, open };
  return { index: first, open };
}

/**
 * Index in `rows` of the header row: within HEADER_LOOKAHEAD_ROWS of the first non-empty row, the first row naming one
 * of `columns` (modelColumnKeys), else the first with two or more filled cells and at least half as many as the widest
 * row, else the first non-empty row (a one-column table); -1 when every row is empty.
 */
export function headerRowIndex(rows: readonly (readonly unknown[])[], columns: ReadonlySet<string> = NO_COLUMNS): number {
  return scan(rows, columns).index;
}

/**
 * Whether headerRowIndex(rows, columns) already holds for any rows that could follow: the header row is found, or the
 * look-ahead past the first non-empty row is used up. Lets a reader stop before reading a whole sheet.
 */
export function headerRowSettled(rows: readonly (readonly unknown[])[], columns: ReadonlySet<string> = NO_COLUMNS): boolean {
  return !scan(rows, columns).open;
}
