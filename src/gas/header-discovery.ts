// Finds the header row of a custom function's rows argument from the calling cell's formula.

import { cellText } from '../engine/read/text';

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

export interface FoundHeaders {
  headers: string[];
  /** True when the header row is the first row of the rows argument itself (A1:H100). */
  headerInsideRange: boolean;
}

/**
 * The sheet's first non-empty row over the range's columns, searched from row 1 down to the range's first row.
 * One range read; called inside a custom function, which may read the spreadsheet.
 */
export function findHeaders(fnName: string, expectedWidth: number): FoundHeaders {
  const hint = `Add the headers argument, e.g. =${fnName}(A2:H2, A$1:H$1).`;
  const cell = SpreadsheetApp.getActiveRange();
  const formula = cell === null ? '' : cell.getFormula();
  const ref = formula === '' ? null : firstRangeArgument(formula, fnName);
  if (cell === null || ref === null) {
    throw new FunctionError(`${fnName} could not tell which columns its rows come from (the first argument is not a plain range like A2:H2). ${hint}`);
  }
  const width = ref.endColumn - ref.startColumn + 1;
  if (width !== expectedWidth) {
    throw new FunctionError(`${fnName} could not match its rows to the range in the formula. ${hint}`);
  }
  const sheet = ref.sheetName === null ? cell.getSheet() : SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ref.sheetName);
  if (sheet === null) throw new FunctionError(`${fnName}: there is no sheet named "${ref.sheetName}". ${hint}`);
  const lastRow = Math.min(ref.startRow, sheet.getLastRow());
  if (lastRow >= 1) {
    const block = sheet.getRange(1, ref.startColumn, lastRow, width).getValues();
    for (let r = 0; r < block.length; r++) {
      const row = block[r]!;
      if (row.some((v) => v !== '' && v !== null)) {
        return { headers: row.map((v) => cellText(v)), headerInsideRange: r + 1 === ref.startRow };
      }
    }
  }
  throw new FunctionError(`${fnName} found no header row above row ${ref.startRow}. ${hint}`);
}
