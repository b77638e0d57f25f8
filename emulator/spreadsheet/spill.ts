// Spilling a custom function's array result into the cells below and to the right, or refusing with #REF!.
import { cellA1 } from './a1';
import type { FormulaCell, SheetData } from './sheet-data';
import { CellValue } from './values';

export interface SpillWriter {
  systemWrite(sheet: SheetData, r: number, c: number, v: CellValue): void;
  /** Cells that became free: blocked array results there may now expand. */
  freed(sheet: SheetData, r0: number, c0: number, r1: number, c1: number, except: FormulaCell): void;
}

/**
 * Why an array result cannot be written, in Sheets' words, or null when it fits:
 * "Array result was not expanded because it would overwrite data in B3." /
 * "Result was not automatically expanded, please insert more rows (2)."
 */
export function spillBlockMessage(fc: FormulaCell, values: CellValue[][]): string | null {
  const sheet = fc.sheet;
  const rows = values.length;
  const cols = values[0]?.length ?? 1;
  if (rows * cols <= 1) return null;
  if (fc.row + rows > sheet.maxRows) return `Result was not automatically expanded, please insert more rows (${fc.row + rows - sheet.maxRows}).`;
  if (fc.col + cols > sheet.maxCols) return `Result was not automatically expanded, please insert more columns (${fc.col + cols - sheet.maxCols}).`;
  for (let dr = 0; dr < rows; dr++) {
    const r = fc.row + dr;
    for (let dc = 0; dc < cols; dc++) {
      if (dr === 0 && dc === 0) continue;
      const c = fc.col + dc;
      const owner = sheet.spillOwner.get(r, c);
      const occupied =
        sheet.formulas.get(r, c) !== undefined ||
        sheet.engineArray.get(r, c) !== undefined ||
        (owner !== undefined && owner !== fc) ||
        (owner === undefined && sheet.get(r, c) !== '');
      if (occupied) return `Array result was not expanded because it would overwrite data in ${cellA1(r + 1, c + 1)}.`;
    }
  }
  return null;
}

/** Removes the cells this formula spilled (not the formula cell). */
export function clearSpill(w: SpillWriter, fc: FormulaCell, extraRows = 0, extraCols = 0): void {
  const sheet = fc.sheet;
  const rows = fc.spillRows + extraRows;
  const cols = fc.spillCols + extraCols;
  if (rows * cols > 1) {
    sheet.spillOwner.forEachIn(fc.row, fc.col, fc.row + rows - 1, fc.col + cols - 1, (owner, r, c) => {
      if (owner !== fc) return;
      sheet.spillOwner.set(r, c, undefined);
      w.systemWrite(sheet, r, c, '');
    });
    w.freed(sheet, fc.row, fc.col, fc.row + rows - 1, fc.col + cols - 1, fc);
  }
  fc.spillRows = 1;
  fc.spillCols = 1;
}

/** Writes fc.result into the sheet (the formula cell and its spill area), or #REF! when blocked. */
export function applySpill(w: SpillWriter, fc: FormulaCell): boolean {
  const values = fc.result ?? [['']];
  const sheet = fc.sheet;
  const rows = values.length;
  const cols = values[0]?.length ?? 1;
  fc.wantRows = rows;
  fc.wantCols = cols;
  if (rows * cols > 1) sheet.anchors.add(fc);
  else sheet.anchors.delete(fc);
  const blocked = spillBlockMessage(fc, values);
  if (blocked !== null) {
    clearSpill(w, fc);
    fc.error = blocked;
    w.systemWrite(sheet, fc.row, fc.col, '#REF!');
    return false;
  }
  if (fc.spillRows > rows || fc.spillCols > cols) {
    const oldRows = fc.spillRows;
    const oldCols = fc.spillCols;
    sheet.spillOwner.forEachIn(fc.row, fc.col, fc.row + oldRows - 1, fc.col + oldCols - 1, (owner, r, c) => {
      if (owner !== fc || (r - fc.row < rows && c - fc.col < cols)) return;
      sheet.spillOwner.set(r, c, undefined);
      w.systemWrite(sheet, r, c, '');
    });
    w.freed(sheet, fc.row, fc.col, fc.row + oldRows - 1, fc.col + oldCols - 1, fc);
  }
  for (let dr = 0; dr < rows; dr++) {
    const row = values[dr] ?? [];
    for (let dc = 0; dc < cols; dc++) {
      if (dr === 0 && dc === 0) continue;
      const r = fc.row + dr;
      const c = fc.col + dc;
      sheet.spillOwner.set(r, c, fc);
      w.systemWrite(sheet, r, c, row[dc] ?? '');
    }
  }
  fc.spillRows = rows;
  fc.spillCols = cols;
  fc.error = null;
  w.systemWrite(sheet, fc.row, fc.col, values[0]?.[0] ?? '');
  return true;
}
