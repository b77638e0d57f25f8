// Validates 2-D arguments of Range.setValues / setFormulas / setBackgrounds... with Apps Script's error messages.

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${v.length > 0 ? typeName(v[0]) : 'Object'}[]`;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  return 'Object';
}

/**
 * Checks that `data` is rows x cols. Messages as Apps Script gives them, e.g. "The number of rows in the data does
 * not match the number of rows in the range. The data has 2 but the range has 3."
 */
export function checkGrid(data: unknown, rows: number, cols: number, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw new Error(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  const grid = data as unknown[][];
  if (grid.length !== rows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${rows}.`);
  }
  for (const row of grid) {
    if (row.length !== cols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`,
      );
    }
  }
  return grid;
}

/**
 * A cell holds at most 50,000 characters (https://support.google.com/drive/answer/37603, "Google Sheets: ... Up to
 * 50,000 characters in a single cell"). Apps Script refuses the whole write, before changing any cell, with this message.
 */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Throws CELL_TOO_LONG when any text in `grid` (values or formulas, as written) is longer than a cell holds. */
export function checkCellText(grid: readonly (readonly unknown[])[]): void {
  for (const row of grid) {
    for (const v of row) if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Error(CELL_TOO_LONG);
  }
}
