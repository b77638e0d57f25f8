// Reads the active sheet as a table: the header row (as header-row.ts picks it) and the data rows below it.

import { cellText } from '../engine/read/text';
import { headerRowIndex, modelColumnKeys } from './header-row';
import type { Model } from '../engine/model';
import { toSheetDays } from './sheet-dates';

export interface SheetTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 1-based row number of the header row (0 when the sheet is empty). */
  headerRow: number;
  headers: string[];
  rows: unknown[][];
}

/** One range read of the sheet's data region; `model` (the one the table is read for) helps find its header row. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, model?: Model | null): SheetTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return { sheet, headerRow: 0, headers: [], rows: [] };
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  const h = headerRowIndex(values, modelColumnKeys(model));
  if (h < 0) return { sheet, headerRow: 0, headers: [], rows: [] };
  const rows = values.slice(h + 1);
  toSheetDays(rows, () => sheet.getParent().getSpreadsheetTimeZone());
  return { sheet, headerRow: h + 1, headers: values[h]!.map((v) => cellText(v).trim()), rows };
}
