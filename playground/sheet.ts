// The playground's accounts sheet on the emulator: data from CSV, live ICP_SCORE / ICP_TIER / ICP_EXPLAIN array formulas, and the grid's view of it.
import { headerRowIndex, modelColumnKeys } from '../src/gas/header-row';
import { readStoredModel } from '../src/gas/model-store';
import { SUMMARY_KEY } from '../src/gas/bulk/summary-sheet';
import { ICP_HEADERS } from './csv';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ACCOUNTS_SHEET = 'Accounts';
/** The grid shows at most this many data rows (the formulas cover them all). */
export const GRID_ROW_LIMIT = 1000;

export interface GridView {
  sheetName: string;
  values: string[][];
  /** 0-based index in `values` of the header row, found as the add-on finds it (a title line above it is not the header). */
  headerRow: number;
  icpColumns: number[];
  /** 0-based columns hidden in the sheet (the add-on's "ICP Tier order"): the grid does not show them, as Sheets does not. */
  hiddenColumns: number[];
  /** The sheet's selection (0-based, inclusive), e.g. the columns Score this sheet just wrote; null when it is A1 alone. */
  selection: { r0: number; c0: number; r1: number; c1: number } | null;
  /** Data rows: the rows below the header row. */
  totalRows: number;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The three formulas of the ICP columns for data rows firstRow..lastRow (1-based) over columns A..<dataColumns>. */
export function icpFormulas(dataColumns: number, firstRow: number, lastRow: number): string[] {
  const range = `A${firstRow}:${columnLetters(dataColumns)}${lastRow}`;
  return [`=ICP_SCORE(${range})`, `=ICP_TIER(${range})`, `=ICP_EXPLAIN(${range})`];
}

/**
 * Header keys of the columns the saved model reads: with them the header row is found as the add-on finds it
 * (header-row.ts), so a title line above the header ("Q3 target accounts") is not taken for it.
 */
export function savedModelColumns(ss: Spreadsheet): ReadonlySet<string> {
  return modelColumnKeys(readStoredModel(ss).model);
}

// Sheets shows a typed `$40,000,000` as `$40,000,000.00` (the currency format it picks has two decimals); an export's
// whole amounts are shown as the file wrote them instead.
const WHOLE_DOLLARS = /^\s*[+-]?\$\s*\d{1,3}(?:,\d{3})*\s*$|^\s*[+-]?\$\s*\d+\s*$/;
const WHOLE_DOLLARS_FORMAT = '"$"#,##0';

/** Whole-dollar cells keep no decimals: one format read and one write per column that has them. */
function keepWholeDollars(sheet: Sheet, rows: string[][], firstRow: number): void {
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    if (!rows.some((r) => WHOLE_DOLLARS.test(r[c] ?? ''))) continue;
    const range = sheet.getRange(firstRow, c + 1, rows.length, 1);
    const formats = range.getNumberFormats();
    rows.forEach((r, i) => {
      if (WHOLE_DOLLARS.test(r[c] ?? '')) formats[i]![0] = WHOLE_DOLLARS_FORMAT;
    });
    range.setNumberFormats(formats);
  }
}

/** Adds rows and columns at the end of the sheet until it is at least `rows` x `columns`. */
function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Puts `rows` (written as a user types them, so numbers and dates become numbers and dates) on a fresh accounts sheet,
 * with the ICP columns to their right: their headers on the header row (found as the add-on finds it, with `columns`,
 * the keys of the model's columns: a title line above the header is skipped), one array formula each below it, spilling
 * down. Fresh, as File > Import into a new sheet: clearing the old one would keep what the add-on left on its columns
 * (the developer metadata that marks "Score this sheet" columns, hidden columns, tier colours), and the add-on would
 * then write over the new data.
 */
export function loadAccounts(
  ss: Spreadsheet, rows: string[][], columns: ReadonlySet<string> = new Set(),
): { dataRows: number; dataColumns: number; headerRow: number; summaryRemoved: boolean } {
  const width = rows[0]?.length ?? 0;
  const header = Math.max(0, headerRowIndex(rows, columns));
  const dataRows = rows.length - 1 - header;
  const old = ss.getSheetByName(ACCOUNTS_SHEET);
  const first = ss.getSheets()[0];
  let sheet: Sheet;
  if (old === null && first !== undefined && first.getLastRow() === 0 && first.getName() !== 'ICP Model' && !first.isSheetHidden()) {
    sheet = first.setName(ACCOUNTS_SHEET); // a new spreadsheet's blank Sheet1
  } else {
    sheet = ss.insertSheet(unusedName(ss), old === null ? 0 : old.getIndex() - 1);
  }
  // A new sheet has 1,000 rows and 26 columns, and Sheets refuses a range past them: grow it as File > Import does.
  growTo(sheet, Math.max(rows.length, 1), width + ICP_HEADERS.length);
  if (width > 0) {
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    keepWholeDollars(sheet, rows, 1);
    sheet.getRange(header + 1, width + 1, 1, ICP_HEADERS.length).setValues([[...ICP_HEADERS]]);
    if (dataRows > 0) sheet.getRange(header + 2, width + 1, 1, ICP_HEADERS.length).setFormulas([icpFormulas(width, header + 2, rows.length)]);
  }
  let summaryRemoved = false;
  if (old !== null && old.getSheetId() !== sheet.getSheetId()) {
    summaryRemoved = removeSummaryOf(ss, old.getSheetId());
    ss.deleteSheet(old);
    sheet.setName(ACCOUNTS_SHEET);
  }
  ss.setActiveSheet(sheet);
  return width === 0 ? { dataRows: 0, dataColumns: 0, headerRow: 1, summaryRemoved } : { dataRows, dataColumns: width, headerRow: header + 1, summaryRemoved };
}

/**
 * Removes the tier summary sheet built from the accounts sheet being replaced (its marker, summary-sheet.ts, names the
 * source): its pivot table would count accounts that are gone. Built again from the new sheet, it is made afresh.
 */
function removeSummaryOf(ss: Spreadsheet, sourceId: number): boolean {
  let removed = false;
  for (const sh of ss.getSheets()) {
    const ours = sh.createDeveloperMetadataFinder().withKey(SUMMARY_KEY).find()
      .some((md) => new RegExp(`^source=${sourceId};sheet=${sh.getSheetId()}$`).test(md.getValue() ?? ''));
    if (ours) {
      ss.deleteSheet(sh);
      removed = true;
    }
  }
  return removed;
}

/** A sheet name no sheet has, for the new accounts sheet until the old one is gone. */
function unusedName(ss: Spreadsheet): string {
  for (let i = 1; ; i++) {
    const name = `${ACCOUNTS_SHEET} (loading ${i})`;
    if (ss.getSheetByName(name) === null) return name;
  }
}

/** The sheets a user sees (not the hidden model sheet), in tab order. */
export function visibleSheets(ss: Spreadsheet): string[] {
  return ss.getSheets().filter((sh) => !sh.isSheetHidden()).map((sh) => sh.getName());
}

/** The sheet's selection, when it is more than the default A1 (Score this sheet selects the columns it wrote). */
function selectionOf(sheet: Sheet): GridView['selection'] {
  const a = sheet.getActiveRange();
  if (a === null) return null;
  if (a.getNumRows() === 1 && a.getNumColumns() === 1 && a.getRow() === 1 && a.getColumn() === 1) return null;
  return { r0: a.getRow() - 1, c0: a.getColumn() - 1, r1: a.getLastRow() - 1, c1: a.getLastColumn() - 1 };
}

/**
 * What the grid shows for a sheet (the active one by default): display values as Sheets shows them from row 1 (a title
 * line, then the header row as the add-on finds it), capped at GRID_ROW_LIMIT data rows, its hidden columns and selection.
 */
export function gridView(ss: Spreadsheet, sheetName?: string): GridView {
  const named = sheetName === undefined ? null : ss.getSheetByName(sheetName);
  // A hidden sheet (the stored model) is not shown, as Sheets shows no tab for it: the active sheet is shown instead.
  const sheet = named !== null && !named.isSheetHidden() ? named : ss.getActiveSheet();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const empty = { sheetName: sheet.getName(), values: [], headerRow: 0, icpColumns: [], hiddenColumns: [], selection: null, totalRows: 0 };
  if (lastRow === 0 || lastColumn === 0) return empty;
  const top = sheet.getRange(1, 1, Math.min(lastRow, GRID_ROW_LIMIT + 1), lastColumn);
  const headerRow = Math.max(0, headerRowIndex(top.getValues(), savedModelColumns(ss)));
  const shown = Math.min(lastRow, GRID_ROW_LIMIT + 1 + headerRow);
  const values = sheet.getRange(1, 1, shown, lastColumn).getDisplayValues();
  const formulas = lastRow >= headerRow + 2 ? sheet.getRange(headerRow + 2, 1, 1, lastColumn).getFormulas()[0] ?? [] : [];
  const icpColumns = formulas.flatMap((f, i) => (/ICP_/i.test(f) ? [i] : []));
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= lastColumn; c++) if (sheet.isColumnHiddenByUser(c)) hiddenColumns.push(c - 1);
  return { sheetName: sheet.getName(), values, headerRow, icpColumns, hiddenColumns, selection: selectionOf(sheet), totalRows: lastRow - 1 - headerRow };
}
