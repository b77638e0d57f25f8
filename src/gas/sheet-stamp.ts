// getSheetStamp: which sheet a sidebar panel read, and how many rows it had, cheaply, so the panel can tell when it is out of date.

import type { SheetStamp } from './api-types';

/**
 * The stamp of the sheet with id `sheetId` (the active sheet when null): its id, name and last row, three cheap calls
 * (no cell is read, so a sidebar may ask every few seconds). A sheet replaced by an import (a new id), renamed, or
 * given rows or losing them reads differently; the add-on's own writes (scores beside the data, the summary sheet)
 * change none of these. `exists` is false when the sheet is gone.
 */
export function getSheetStamp(sheetId: number | null = null): SheetStamp {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetId === null ? ss.getActiveSheet() : ss.getSheets().find((s) => s.getSheetId() === sheetId);
  if (sheet === undefined) return { exists: false, sheetId: sheetId ?? -1, sheetName: '', lastRow: 0 };
  return { exists: true, sheetId: sheet.getSheetId(), sheetName: sheet.getName(), lastRow: sheet.getLastRow() };
}
