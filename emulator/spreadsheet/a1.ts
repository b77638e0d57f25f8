// A1 notation: column letters, parsing "'Sheet name'!A1:B2" / "A:C" / "2:5" references, formatting them back.

/** Sheets' column limit (ZZZ); rows are bounded by the 10 million cell limit. */
export const MAX_COLUMNS = 18278;
export const MAX_ROWS = 10_000_000;

/** A parsed reference, 1-based and inclusive. A null end means "to the last row / column of the sheet". */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  col: number;
  endRow: number | null;
  endCol: number | null;
}

export function columnToLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + String(row);
}

/** Quotes a sheet name when Sheets would: anything but a plain identifier that cannot be read as a cell. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R[0-9]*C[0-9]*$/i.test(name)) {
    return name;
  }
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!J2" style address of one cell, as used for env.customFunctionCell. */
export function qualifiedCellA1(sheetName: string, row: number, col: number): string {
  return `${quoteSheetName(sheetName)}!${cellA1(row, col)}`;
}

/** Splits "'My sheet'!A1:B2" into the sheet name and the reference part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } | null {
  const text = a1.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i] !== "'" || text[i + 1] !== '!') return null;
    return { sheetName: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: text };
  if (bang === 0) return null;
  return { sheetName: text.slice(0, bang), ref: text.slice(bang + 1) };
}

interface Endpoint {
  col: number | null;
  row: number | null;
}

const ENDPOINT = /^\$?([A-Za-z]{1,3})?(\$?([0-9]+))?$/;

function parseEndpoint(text: string): Endpoint | null {
  const m = ENDPOINT.exec(text.trim());
  if (!m || (m[1] === undefined && m[3] === undefined)) return null;
  if (m[1] === undefined && text.trim().startsWith('$') && m[2]?.startsWith('$')) return null;
  const col = m[1] === undefined ? null : lettersToColumn(m[1]);
  const row = m[3] === undefined ? null : Number(m[3]);
  if (col !== null && (col < 1 || col > MAX_COLUMNS)) return null;
  if (row !== null && (row < 1 || row > MAX_ROWS)) return null;
  return { col, row };
}

/** Parses an A1 reference (no R1C1); returns null when the text is not a valid reference. */
export function parseA1(a1: string): A1Ref | null {
  if (typeof a1 !== 'string') return null;
  const split = splitSheetName(a1);
  if (!split) return null;
  const parts = split.ref.split(':');
  if (parts.length > 2 || parts[0] === undefined) return null;
  const start = parseEndpoint(parts[0]);
  if (!start) return null;
  const sheetName = split.sheetName;
  if (parts.length === 1) {
    if (start.col === null || start.row === null) return null;
    return { sheetName, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parseEndpoint(parts[1] ?? '');
  if (!end) return null;
  if (start.col !== null && start.row !== null && end.col !== null && end.row !== null) {
    return {
      sheetName,
      row: Math.min(start.row, end.row),
      col: Math.min(start.col, end.col),
      endRow: Math.max(start.row, end.row),
      endCol: Math.max(start.col, end.col),
    };
  }
  // Whole columns "A:C", or "A2:C" (rows 2 to the end).
  if (start.col !== null && end.col !== null && end.row === null) {
    return { sheetName, row: start.row ?? 1, col: Math.min(start.col, end.col), endRow: null, endCol: Math.max(start.col, end.col) };
  }
  // Whole rows "2:5", or "B2:5" (columns B to the end).
  if (start.row !== null && end.row !== null && end.col === null) {
    return { sheetName, row: Math.min(start.row, end.row), col: start.col ?? 1, endRow: Math.max(start.row, end.row), endCol: null };
  }
  return null;
}

/** Formats a range back to A1 as Range.getA1Notation does (no sheet name). */
export function formatA1(row: number, col: number, endRow: number, endCol: number, openRows = false, openCols = false): string {
  if (openRows && !openCols) {
    const startRow = row === 1 ? '' : String(row);
    return `${columnToLetters(col)}${startRow}:${columnToLetters(endCol)}`;
  }
  if (openCols && !openRows) {
    const startCol = col === 1 ? '' : columnToLetters(col);
    return `${startCol}${row}:${endRow}`;
  }
  if (row === endRow && col === endCol) return cellA1(row, col);
  return `${cellA1(row, col)}:${cellA1(endRow, endCol)}`;
}
