// Writes a pivot table's current output into its sheet (clearing what it showed before) and removes it.
import { displayValue } from './number-format';
import { renderPivot } from './pivot-render';
import type { PivotSpec } from './sheet-data';
import type { Recalc } from './recalc';

/** What a pivot refresh needs of the document (the Workbook, which calls it). */
export interface PivotBook {
  readonly timeZone: string;
  readonly recalc: Pick<Recalc, 'settle' | 'systemWrite'>;
}

export function refreshPivot(book: PivotBook, spec: PivotSpec): void {
  spec.dirty = false;
  const src = spec.source;
  const source = [];
  for (let r = src.r0; r <= src.r1; r++) {
    const row = [];
    for (let c = src.c0; c <= src.c1; c++) row.push(src.sheet.get(r, c));
    source.push(row);
  }
  const output = renderPivot(spec, source, (v) => displayValue(v, undefined, book.timeZone));
  writeOutput(book, spec, output);
  spec.dirty = false;
  book.recalc.settle();
}

export function removePivotOutput(book: PivotBook, spec: PivotSpec): void {
  writeOutput(book, spec, []);
  book.recalc.settle();
}

function writeOutput(book: PivotBook, spec: PivotSpec, output: unknown[][]): void {
  const { sheet, row, col } = spec.anchor;
  const rows = output.length;
  let cols = 0;
  for (const r of output) cols = Math.max(cols, r.length);
  if (row + rows > sheet.maxRows) sheet.maxRows = row + rows;
  if (col + cols > sheet.maxCols) sheet.maxCols = col + cols;
  const old = spec.rendered;
  for (let r = 0; r < Math.max(rows, old.rows); r++) {
    for (let c = 0; c < Math.max(cols, old.cols); c++) {
      const v = output[r]?.[c];
      book.recalc.systemWrite(sheet, row + r, col + c, v === undefined ? '' : (v as never));
    }
  }
  spec.rendered = { rows, cols };
}
