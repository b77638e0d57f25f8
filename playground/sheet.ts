// The playground's accounts sheet on the emulator: data from CSV, live ICP_SCORE / ICP_TIER / ICP_EXPLAIN array formulas, and the grid's view of it.
import { ICP_HEADERS } from './csv';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ACCOUNTS_SHEET = 'Accounts';
/** The grid shows at most this many data rows (the formulas cover them all). */
export const GRID_ROW_LIMIT = 1000;

export interface GridView {
  sheetName: string;
  values: string[][];
  icpColumns: number[];
  totalRows: number;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The three formulas of the ICP columns for data in A2:<last column><last row>. */
export function icpFormulas(dataColumns: number, dataRows: number): string[] {
  const range = `A2:${columnLetters(dataColumns)}${dataRows + 1}`;
  return [`=ICP_SCORE(${range})`, `=ICP_TIER(${range})`, `=ICP_EXPLAIN(${range})`];
}

/** Adds rows and columns at the end of the sheet until it is at least `rows` x `columns`. */
function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Puts `rows` (header first; written as a user types them, so numbers and dates become numbers and dates) on a fresh
 * accounts sheet, with the ICP columns to their right: one array formula each, spilling down. Fresh, as File > Import
 * into a new sheet: clearing the old one would keep what the add-on left on its columns (the developer metadata that
 * marks "Score this sheet" columns, hidden columns, tier colours), and the add-on would then write over the new data.
 */
export function loadAccounts(ss: Spreadsheet, rows: string[][]): { dataRows: number; dataColumns: number } {
  const width = rows[0]?.length ?? 0;
  const dataRows = rows.length - 1;
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
    sheet.getRange(1, width + 1, 1, ICP_HEADERS.length).setValues([[...ICP_HEADERS]]);
    if (dataRows > 0) sheet.getRange(2, width + 1, 1, ICP_HEADERS.length).setFormulas([icpFormulas(width, dataRows)]);
  }
  if (old !== null && old.getSheetId() !== sheet.getSheetId()) {
    ss.deleteSheet(old);
    sheet.setName(ACCOUNTS_SHEET);
  }
  ss.setActiveSheet(sheet);
  return width === 0 ? { dataRows: 0, dataColumns: 0 } : { dataRows, dataColumns: width };
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

/** What the grid shows for a sheet (the active one by default): display values as Sheets shows them, header row first, capped at GRID_ROW_LIMIT data rows. */
export function gridView(ss: Spreadsheet, sheetName?: string): GridView {
  const named = sheetName === undefined ? null : ss.getSheetByName(sheetName);
  // A hidden sheet (the stored model) is not shown, as Sheets shows no tab for it: the active sheet is shown instead.
  const sheet = named !== null && !named.isSheetHidden() ? named : ss.getActiveSheet();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return { sheetName: sheet.getName(), values: [], icpColumns: [], totalRows: 0 };
  const shown = Math.min(lastRow, GRID_ROW_LIMIT + 1);
  const values = sheet.getRange(1, 1, shown, lastColumn).getDisplayValues();
  const formulas = lastRow >= 2 ? sheet.getRange(2, 1, 1, lastColumn).getFormulas()[0] ?? [] : [];
  const icpColumns = formulas.flatMap((f, i) => (/ICP_/i.test(f) ? [i] : []));
  return { sheetName: sheet.getName(), values, icpColumns, totalRows: lastRow - 1 };
}
