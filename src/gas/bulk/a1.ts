// Column letters for A1 notation (1 -> A, 27 -> AA): whole-column ranges and formula text.

import { columnLetters } from '../../engine/headers';

/** The letters of a 1-based column number (the engine's columnLetters counts from 0). */
export function columnLetter(column: number): string {
  return columnLetters(column - 1);
}

/** `B5:D9` for a block of rows and columns (1-based, inclusive). */
export function blockA1(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}
