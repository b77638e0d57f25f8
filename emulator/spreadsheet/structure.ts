// Inserting and deleting rows or columns: cells, formulas (text and arguments), metadata, named ranges, specs move along.
import { adjustFormula, StructuralChange } from './formula-text';
import type { FormulaCell, SheetData } from './sheet-data';
import { shiftIndex, shiftRect } from './records';
import { clearSpill } from './spill';
import type { Workbook } from './workbook';

/** `at` is the 0-based index of the first inserted/deleted row or column. */
export function changeStructure(book: Workbook, sheet: SheetData, dim: 'row' | 'col', at: number, count: number, insert: boolean): void {
  if (count <= 0) return;
  const recalc = book.recalc;
  const delta = insert ? count : -count;

  // Array results on this sheet are taken down and placed again afterwards (Sheets re-expands them).
  const anchors = [...sheet.anchors].filter((fc) => !fc.removed);
  for (const fc of anchors) clearSpill(recalc, fc);
  if (!insert) {
    const doomed: FormulaCell[] = [];
    sheet.formulas.forEach((fc, r, c) => {
      const i = dim === 'row' ? r : c;
      if (i >= at && i < at + count) doomed.push(fc);
    });
    for (const fc of doomed) recalc.dropFormula(fc);
  }
  recalc.settle();

  // Formulas whose argument rectangles gain or lose cells get new arguments: Sheets recalculates them.
  const affected = new Set<FormulaCell>();
  for (const fc of recalc.allFormulas()) {
    if (fc.kind !== 'native') continue;
    for (const rect of fc.argRects) {
      if (rect.sheet !== sheet) continue;
      const [lo, hi] = dim === 'row' ? [rect.r0, rect.r1] : [rect.c0, rect.c1];
      if (insert ? at > lo && at <= hi : at <= hi && at + count - 1 >= lo) affected.add(fc);
    }
  }

  if (dim === 'row') {
    if (insert) sheet.insertRows(at, count);
    else sheet.deleteRows(at, count);
  } else if (insert) sheet.insertCols(at, count);
  else sheet.deleteCols(at, count);
  sheet.formulas.forEach((fc, r, c) => {
    fc.row = r;
    fc.col = c;
  });

  recalc.engine.structural(sheet, dim, at, count, insert);

  const change: StructuralChange = { sheetName: sheet.name, dim, at: at + 1, count, insert };
  for (const fc of recalc.allFormulas()) {
    if (fc.kind !== 'native') continue;
    const text = adjustFormula(fc.text, fc.sheet.name, change);
    if (text === fc.text) continue;
    fc.text = text;
    recalc.classify(fc);
    if (isEngine(fc)) recalc.engine.formulaSet(fc);
  }
  recalc.index.rebuild(recalc.allFormulas());
  for (const fc of affected) recalc.markDirty(fc);

  shiftRecords(book, sheet, dim, at, delta);
  for (const fc of anchors) if (!fc.removed) recalc.queueReapply(fc);
  sheet.bump();
  recalc.settle();
}

function shiftRecords(book: Workbook, sheet: SheetData, dim: 'row' | 'col', at: number, delta: number): void {
  const locType = dim === 'row' ? 'ROW' : 'COLUMN';
  book.metadata = book.metadata.filter((m) => {
    const loc = m.location;
    if ((loc.type !== 'ROW' && loc.type !== 'COLUMN') || loc.type !== locType || loc.sheet !== sheet) return true;
    const next = shiftIndex(loc.index, at, delta);
    if (next === null) return false;
    loc.index = next;
    return true;
  });
  let namesChanged = false;
  book.namedRanges = book.namedRanges.flatMap((n) => {
    if (n.sheet !== sheet) return [n];
    const moved = shiftRect(n, dim, at, delta);
    if (!moved || moved.r0 !== n.r0 || moved.r1 !== n.r1 || moved.c0 !== n.c0 || moved.c1 !== n.c1) namesChanged = true;
    return moved ? [moved] : [];
  });
  if (namesChanged && book.namedRanges.length > 0) book.recalc.namedRangesChanged();
  book.protections = book.protections.flatMap((p) => {
    if (p.sheet !== sheet || !p.rect) return [p];
    const rect = shiftRect(p.rect, dim, at, delta);
    if (!rect) return [];
    p.rect = rect;
    p.unprotected = p.unprotected.flatMap((u) => shiftRect(u, dim, at, delta) ?? []);
    return [p];
  });
  for (const s of book.sheetList()) {
    s.pivots = s.pivots.flatMap((p) => {
      if (p.source.sheet === sheet) {
        const src = shiftRect(p.source, dim, at, delta);
        if (!src) return [];
        p.source = src;
        p.dirty = true;
      }
      if (p.anchor.sheet === sheet) {
        const idx = shiftIndex(dim === 'row' ? p.anchor.row : p.anchor.col, at, delta);
        if (idx === null) return [];
        if (dim === 'row') p.anchor.row = idx;
        else p.anchor.col = idx;
      }
      return [p];
    });
    for (const chart of s.charts) chart.ranges = chart.ranges.flatMap((r) => (r.sheet === sheet ? (shiftRect(r, dim, at, delta) ?? []) : [r]));
    s.conditionalRules = s.conditionalRules.filter((rule) => {
      rule.ranges = rule.ranges.flatMap((r) => (r.sheet === sheet ? (shiftRect(r, dim, at, delta) ?? []) : [r]));
      return rule.ranges.length > 0;
    });
  }
  if (dim === 'col' && sheet.frozenCols > at) sheet.frozenCols = Math.max(0, sheet.frozenCols + delta);
  if (dim === 'row' && sheet.frozenRows > at) sheet.frozenRows = Math.max(0, sheet.frozenRows + delta);
}

/** After reclassification (TypeScript would keep the narrowed kind). */
function isEngine(fc: FormulaCell): boolean {
  return fc.kind === 'engine';
}
