// Which row of a sheet is the header row: the first with two or more filled cells, so a title line above the table is skipped.

// Sheets people keep for themselves often open with a title ("Q3 target accounts", in one cell or merged across the
// table) and a blank line above the header row; taking the title as the header row would leave every criterion
// without its column. A title is a row with one filled cell; a header row names at least two columns.
/** How far below the first non-empty row a header row is looked for. */
export const HEADER_LOOKAHEAD_ROWS = 50;

function filledCells(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (v !== '' && v !== null && v !== undefined) n++;
  return n;
}

/**
 * Index in `rows` of the header row: the first row with at least two filled cells within HEADER_LOOKAHEAD_ROWS of the
 * first non-empty row, else the first non-empty row (a one-column table); -1 when every row is empty.
 */
export function headerRowIndex(rows: readonly (readonly unknown[])[]): number {
  let first = -1;
  for (let i = 0; i < rows.length; i++) {
    if (first >= 0 && i - first >= HEADER_LOOKAHEAD_ROWS) break;
    const n = filledCells(rows[i]!);
    if (n >= 2) return i;
    if (n === 1 && first < 0) first = i;
  }
  return first;
}

/**
 * Whether headerRowIndex(rows) already holds for any rows that could follow: a row with two filled cells is found,
 * or the look-ahead past the first non-empty row is used up. Lets a reader stop before reading a whole sheet.
 */
export function headerRowSettled(rows: readonly (readonly unknown[])[]): boolean {
  let first = -1;
  for (let i = 0; i < rows.length; i++) {
    if (first >= 0 && i - first >= HEADER_LOOKAHEAD_ROWS) return true;
    const n = filledCells(rows[i]!);
    if (n >= 2) return true;
    if (n === 1 && first < 0) first = i;
  }
  return first >= 0 && rows.length - first >= HEADER_LOOKAHEAD_ROWS;
}
