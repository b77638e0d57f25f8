// Finds the header row of a custom function's rows argument from the calling cell's formula.

import { cellText } from '../engine/read/text';
import { HEADER_LOOKAHEAD_ROWS, headerRowIndex, headerRowSettled } from './header-row';

export class FunctionError extends Error {}

export interface RangeRef {
  sheetName: string | null;
  startRow: number;
  startColumn: number;
  endColumn: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The first argument of `name(` in a formula when it is a plain A1 range (`A2:H2`, `Sheet1!A:H`, `'My sheet'!$A$2:$H`). */
export function firstRangeArgument(formula: string, name: string): RangeRef | null {
  const re = new RegExp(
    `${name}\\s*\\(\\s*(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?\\$?([A-Za-z]{1,3})\\$?(\\d*)(?::\\$?([A-Za-z]{1,3})\\$?(\\d*))?\\s*[,;)]`,
    'i',
  );
  const m = re.exec(formula);
  if (m === null) return null;
  const [, quoted, plain, c1 = 'A', r1 = '', c2, r2] = m;
  // `A2` alone is one cell; `A:H` (no row numbers) starts at row 1.
  if (r1 === '' && (c2 === undefined || r2 !== '')) return null;
  const a = columnNumber(c1);
  const b = c2 === undefined ? a : columnNumber(c2);
  return {
    sheetName: quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? null),
    startRow: r1 === '' ? 1 : Number(r1),
    startColumn: Math.min(a, b),
    endColumn: Math.max(a, b),
  };
}

// The first read covers a header row with a title and a few blank lines above it, the usual case, in one call.
const FIRST_READ_ROWS = 16;

/**
 * The sheet's first `above` rows over the columns, read only as far as the header row needs: a formula on row 5,000
 * copied down a table reads its first rows, not the 4,999 above it (which made per-row formulas read the sheet's
 * square). Each further read doubles, so a table far down a sheet still costs a handful of calls.
 */
function readTopRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, width: number, above: number, columns: ReadonlySet<string>,
): unknown[][] {
  const block: unknown[][] = [];
  let size = FIRST_READ_ROWS;
  while (block.length < above && !headerRowSettled(block, columns)) {
    const count = Math.min(size, above - block.length);
    for (const row of sheet.getRange(block.length + 1, column, count, width).getValues()) block.push(row);
    size *= 2;
  }
  return block;
}

export interface FoundHeaders {
  headers: string[];
  /**
   * Index in the rows argument of the header row when the range starts at or above it (A1:H100, A:H): that row gets
   * the function's label and the rows before it (a title, blank lines) stay blank. -1 when the header row is above.
   */
  headerIndex: number;
}

/**
 * The header row over the range's columns (header-row.ts: the first row naming one of `columns`, the model's, else the
 * first about as wide as the table, so a title line is skipped), looked for in the rows above the range and then in the
 * range's own first rows. Reads only the rows above the range that decide it; called inside a custom function, which
 * may read the spreadsheet.
 */
export function findHeaders(fnName: string, rows: readonly (readonly unknown[])[], columns: ReadonlySet<string>): FoundHeaders {
  const hint = `Add the headers argument, e.g. =${fnName}(A2:H2, A$1:H$1).`;
  const cell = SpreadsheetApp.getActiveRange();
  const formula = cell === null ? '' : cell.getFormula();
  const ref = formula === '' ? null : firstRangeArgument(formula, fnName);
  if (cell === null || ref === null) {
    throw new FunctionError(`${fnName} could not tell which columns its rows come from (the first argument is not a plain range like A2:H2). ${hint}`);
  }
  const width = ref.endColumn - ref.startColumn + 1;
  if (width !== (rows[0]?.length ?? 0)) {
    throw new FunctionError(`${fnName} could not match its rows to the range in the formula. ${hint}`);
  }
  const sheet = ref.sheetName === null ? cell.getSheet() : SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ref.sheetName);
  if (sheet === null) throw new FunctionError(`${fnName}: there is no sheet named "${ref.sheetName}". ${hint}`);
  // The rows above the range come from the sheet; the range's own rows are the argument, already in hand. Rows past the
  // sheet's last row are empty, so a shorter read (and then an empty argument) loses nothing.
  const above = Math.min(ref.startRow - 1, sheet.getLastRow());
  const block = readTopRows(sheet, ref.startColumn, width, above, columns);
  const h = headerRowIndex([...block, ...rows.slice(0, HEADER_LOOKAHEAD_ROWS)], columns);
  if (h >= 0) {
    const row = h < block.length ? block[h]! : rows[h - block.length]!;
    return { headers: row.map((v) => cellText(v)), headerIndex: h < block.length ? -1 : h - block.length };
  }
  throw new FunctionError(`${fnName} found no header row above row ${ref.startRow}. ${hint}`);
}
