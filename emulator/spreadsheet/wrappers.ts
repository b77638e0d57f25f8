// Factories for the main wrapper objects, so modules can create each other's wrappers without import-order trouble.
import type { Ctx } from './context';
import { Range } from './range';
import { Sheet } from './sheet';
import type { SheetData } from './sheet-data';
import { Spreadsheet } from './spreadsheet';

export function rangeWrapper(ctx: Ctx, sheet: SheetData, r0: number, c0: number, rows: number, cols: number, openRows = false, openCols = false): Range {
  return new Range(ctx, sheet, r0, c0, rows, cols, openRows, openCols);
}

export function sheetWrapper(ctx: Ctx, sheet: SheetData): Sheet {
  return new Sheet(ctx, sheet);
}

export function spreadsheetWrapper(ctx: Ctx): Spreadsheet {
  return new Spreadsheet(ctx);
}
