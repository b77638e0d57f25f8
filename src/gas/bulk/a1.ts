// Column letters for A1 notation (1 -> A, 27 -> AA): whole-column ranges and formula text.

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `B5:D9` for a block of rows and columns (1-based, inclusive). */
export function blockA1(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}
