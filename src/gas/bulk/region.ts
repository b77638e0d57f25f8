// Finds a sheet's header row and data region with one small read (the header row as header-row.ts picks it).

import { cellText } from '../../engine/read/text';
import type { Model } from '../../engine/model';
import { headerRowIndex, modelColumnKeys } from '../header-row';

// The header row is looked for in the first rows only, so finding it costs one small read even on a huge sheet.
const HEADER_PROBE_ROWS = 50;

export interface DataRegion {
  /** 1-based row of the header row. */
  headerRow: number;
  /** 1-based row of the last row with content (getLastRow). */
  lastRow: number;
  /** 1-based column of the last column with content (getLastColumn). */
  lastColumn: number;
  /** Header texts, trimmed, one per column 1..lastColumn. */
  headers: string[];
  /** Data rows below the header row (blank rows included). */
  rowCount: number;
}

export type RegionResult = { ok: true; region: DataRegion } | { ok: false; message: string };

/** `model`, the one the sheet is read for, helps find the header row (header-row.ts). */
export function findDataRegion(sheet: GoogleAppsScript.Spreadsheet.Sheet, model?: Model | null): RegionResult {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return { ok: false, message: `The sheet "${sheet.getName()}" is empty: add a header row and account rows first.` };
  const probe = sheet.getRange(1, 1, Math.min(lastRow, HEADER_PROBE_ROWS), lastColumn).getValues();
  const h = headerRowIndex(probe, modelColumnKeys(model));
  if (h < 0) {
    return { ok: false, message: `No header row in the first ${HEADER_PROBE_ROWS} rows of "${sheet.getName()}": put the column names in the first non-empty row.` };
  }
  const headerRow = h + 1;
  const headers = probe[h]!.map((v) => cellText(v).trim());
  return { ok: true, region: { headerRow, lastRow, lastColumn, headers, rowCount: lastRow - headerRow } };
}
