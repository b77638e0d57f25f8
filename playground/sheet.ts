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

/** The accounts sheet, created (or the first blank sheet renamed) when missing, and made active. */
export function accountsSheet(ss: Spreadsheet): Sheet {
  let sheet = ss.getSheetByName(ACCOUNTS_SHEET);
  if (sheet === null) {
    const first = ss.getSheets()[0];
    if (first !== undefined && first.getLastRow() === 0 && first.getName() !== 'ICP Model') sheet = first.setName(ACCOUNTS_SHEET);
    else sheet = ss.insertSheet(ACCOUNTS_SHEET, 0);
  }
  ss.setActiveSheet(sheet);
  return sheet;
}

/** The three formulas of the ICP columns for data in A2:<last column><last row>. */
export function icpFormulas(dataColumns: number, dataRows: number): string[] {
  const range = `A2:${columnLetters(dataColumns)}${dataRows + 1}`;
  return [`=ICP_SCORE(${range})`, `=ICP_TIER(${range})`, `=ICP_EXPLAIN(${range})`];
}

/**
 * Replaces the sheet's contents with `rows` (header first; written as a user types them, so numbers and dates
 * become numbers and dates) and adds the ICP columns to their right: one array formula each, spilling down.
 */
export function loadAccounts(ss: Spreadsheet, rows: string[][]): { dataRows: number; dataColumns: number } {
  const sheet = accountsSheet(ss);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow > 0 && lastColumn > 0) sheet.getRange(1, 1, lastRow, lastColumn).clearContent();
  const width = rows[0]?.length ?? 0;
  const dataRows = rows.length - 1;
  if (width === 0) return { dataRows: 0, dataColumns: 0 };
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  sheet.getRange(1, width + 1, 1, ICP_HEADERS.length).setValues([[...ICP_HEADERS]]);
  if (dataRows > 0) sheet.getRange(2, width + 1, 1, ICP_HEADERS.length).setFormulas([icpFormulas(width, dataRows)]);
  return { dataRows, dataColumns: width };
}

/** The sheets a user sees (not the hidden model sheet), in tab order. */
export function visibleSheets(ss: Spreadsheet): string[] {
  return ss.getSheets().filter((sh) => !sh.isSheetHidden()).map((sh) => sh.getName());
}

/** What the grid shows for a sheet (the active one by default): display values as Sheets shows them, header row first, capped at GRID_ROW_LIMIT data rows. */
export function gridView(ss: Spreadsheet, sheetName?: string): GridView {
  const sheet = (sheetName === undefined ? null : ss.getSheetByName(sheetName)) ?? ss.getActiveSheet();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return { sheetName: sheet.getName(), values: [], icpColumns: [], totalRows: 0 };
  const shown = Math.min(lastRow, GRID_ROW_LIMIT + 1);
  const values = sheet.getRange(1, 1, shown, lastColumn).getDisplayValues();
  const formulas = lastRow >= 2 ? sheet.getRange(2, 1, 1, lastColumn).getFormulas()[0] ?? [] : [];
  const icpColumns = formulas.flatMap((f, i) => (/ICP_/i.test(f) ? [i] : []));
  return { sheetName: sheet.getName(), values, icpColumns, totalRows: lastRow - 1 };
}
