// On save: gives every ICP_* formula in the spreadsheet that lacks it the ICP_MODEL argument, once; plain text is never touched.

// Sheets runs a custom function again only when its formula text or the value of an argument changes
// (https://developers.google.com/apps-script/guides/sheets/functions#optimization). A formula passing ICP_MODEL (the
// stored model's cells and a =TODAY() cell) changes argument value on every save and every new day, by that rule
// alone. A typed =ICP_SCORE(A2:H2) does not pass it: the first save after it was typed rewrites it to
// =ICP_SCORE(A2:H2,ICP_MODEL), which is a formula-text change (so it runs with the new model) and gives it the
// argument from then on. Later saves find nothing to rewrite.

import { isModelSheet } from './model-store';
import { withModelArgument } from './model-argument';

/** Writes `texts` (formulas) into rows first..first+n-1 of one column: one setFormulas per run. */
function writeRun(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, column: number, texts: string[]): void {
  sheet.getRange(firstRow, column, texts.length, 1).setFormulas(texts.map((t) => [t]));
}

/**
 * Rewrites one sheet's ICP_* formulas that lack ICP_MODEL: one getFormulas of its data range, then one setFormulas per
 * column run of cells to rewrite (a dragged-down column is one run). Only formula cells are read and written: a note
 * that shows "ICP_SCORE(A2:H2)" as text is not a formula, and cells between runs are never written.
 */
function passModelOnSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  if (sheet.getLastRow() === 0) return 0;
  const formulas = sheet.getDataRange().getFormulas();
  const width = formulas[0]?.length ?? 0;
  let total = 0;
  for (let c = 0; c < width; c++) {
    let start = -1;
    let run: string[] = [];
    for (let r = 0; r <= formulas.length; r++) {
      const text = r < formulas.length ? (formulas[r]![c] ?? '') : '';
      const rewritten = text === '' ? null : withModelArgument(text);
      if (rewritten !== null) {
        if (start < 0) start = r;
        run.push(rewritten);
        continue;
      }
      if (start >= 0) {
        writeRun(sheet, start + 1, c + 1, run);
        total += run.length;
        start = -1;
        run = [];
      }
    }
  }
  return total;
}

/** Gives every ICP_* formula of the spreadsheet the ICP_MODEL argument; returns how many formulas were rewritten. */
export function passModelEverywhere(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  let total = 0;
  for (const sheet of ss.getSheets()) if (!isModelSheet(sheet)) total += passModelOnSheet(sheet);
  return total;
}
