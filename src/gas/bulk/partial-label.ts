// The visible "partly scored" label: a suffix on the ICP Score header and a note on it, until a run completes.

import { grouped } from '../../engine/number-text';
import { asCellText } from './safe-text';

const SUFFIX = /\s*\(partial: [^)]*\)\s*$/;

export const PARTIAL_NOTE =
  'ICP Scorer: this sheet is only partly scored. A run stops before Apps Script\'s 6-minute limit and saves where it ' +
  'stopped; rows below the count in this header have no score yet. Run Extensions > ICP Scorer > Score this sheet ' +
  'again (or keep the sidebar open: it continues by itself) to finish.';

/** The header without our partial-run suffix (a collision-renamed `ICP Score (ICP Scorer)` keeps its own). */
export function baseHeader(header: string): string {
  return header.replace(SUFFIX, '');
}

export function isPartialHeader(header: string): boolean {
  return SUFFIX.test(header);
}

export function partialHeader(header: string, scored: number, total: number): string {
  return `${baseHeader(header)} (partial: ${grouped(scored)} of ${grouped(total)})`;
}

/** Writes the header text (one write), and the note when it changes (one more). */
export function writeScoreHeader(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  text: string,
  note: string | null,
): void {
  const cell = sheet.getRange(row, column);
  cell.setValues([[asCellText(text)]]);
  if (note !== null) cell.setNote(note);
}
