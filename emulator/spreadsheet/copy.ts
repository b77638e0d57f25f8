// File > Make a copy: deep-copies every sheet (values, formulas, formats, hidden state, charts, pivots) and document records.
import { copyChartSpec, copyRuleSpec, copyPivotSpec } from './spec-copy';
import { FormulaCell, SheetData } from './sheet-data';
import { CellValue, copyValue } from './values';
import { Workbook } from './workbook';

function copyResult(result: CellValue[][] | null): CellValue[][] | null {
  return result ? result.map((row) => row.map((v) => copyValue(v))) : null;
}

/** File > Make a copy: an independent document with a new id and the same bound script. */
export function copyWorkbook(src: Workbook, name?: string): Workbook {
  const target = new Workbook({ name: name ?? `Copy of ${src.name}`, timeZone: src.timeZone, locale: src.locale });
  copyWorkbookInto(src, target);
  return target;
}

function copyWorkbookInto(src: Workbook, target: Workbook): void {
  const sheetMap = new Map<SheetData, SheetData>();
  const fcMap = new Map<FormulaCell, FormulaCell>();
  const newSheets: SheetData[] = [];
  for (const s of src.sheetList()) {
    const t = new SheetData(s.id, s.name);
    sheetMap.set(s, t);
    newSheets.push(t);
  }
  const mapSheet = (s: SheetData): SheetData => sheetMap.get(s) ?? s;

  for (const s of src.sheetList()) {
    const t = mapSheet(s);
    t.hidden = s.hidden;
    t.maxRows = s.maxRows;
    t.maxCols = s.maxCols;
    t.frozenRows = s.frozenRows;
    t.frozenCols = s.frozenCols;
    t.tabColor = s.tabColor;
    t.values = s.values.map((row) => (row ? row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)) : undefined));
    s.formulas.forEach((fc, r, c) => {
      const n = new FormulaCell(fc.text, t, r, c);
      n.kind = fc.kind;
      n.error = fc.error;
      n.result = copyResult(fc.result);
      n.cachedArgs = fc.cachedArgs;
      n.spillRows = fc.spillRows;
      n.spillCols = fc.spillCols;
      n.wantRows = fc.wantRows;
      n.wantCols = fc.wantCols;
      n.evaluated = fc.evaluated;
      t.formulas.set(r, c, n);
      fcMap.set(fc, n);
    });
    t.engineArray = s.engineArray.clone();
    t.validations = s.validations.clone((v) => ({ ...v, values: [...v.values] }));
    for (const [key, grid] of s.styles) t.styles.set(key, grid.clone());
    t.columnWidths = new Map(s.columnWidths);
    t.rowHeights = new Map(s.rowHeights);
    t.hiddenColumns = new Set(s.hiddenColumns);
    t.hiddenRows = new Set(s.hiddenRows);
    t.conditionalRules = s.conditionalRules.map((rule) => copyRuleSpec(rule, mapSheet));
    t.charts = s.charts.map((chart) => {
      const copy = copyChartSpec(chart);
      copy.ranges = copy.ranges.map((r) => ({ ...r, sheet: mapSheet(r.sheet) }));
      return copy;
    });
    t.pivots = s.pivots.map((p) => copyPivotSpec(p, mapSheet));
  }
  for (const s of src.sheetList()) {
    const t = mapSheet(s);
    s.spillOwner.forEach((owner, r, c) => {
      const mapped = fcMap.get(owner);
      if (mapped) t.spillOwner.set(r, c, mapped);
    });
    for (const a of s.anchors) {
      const mapped = fcMap.get(a);
      if (mapped) t.anchors.add(mapped);
    }
    t.bump();
  }

  target.adoptSheets(newSheets, src.sheetList().indexOf(src.activeSheet));
  target.copyIdsFrom(src);
  target.namedRanges = src.namedRanges.map((n) => ({ ...n, sheet: mapSheet(n.sheet) }));
  target.metadata = src.metadata.map((m) => ({
    ...m,
    location: 'sheet' in m.location ? { ...m.location, sheet: mapSheet(m.location.sheet) } : { ...m.location },
  }));
  target.protections = src.protections.map((p) => ({
    ...p,
    sheet: mapSheet(p.sheet),
    rect: p.rect ? { ...p.rect, sheet: mapSheet(p.rect.sheet) } : null,
    editors: [...p.editors],
    unprotected: p.unprotected.map((u) => ({ ...u, sheet: mapSheet(u.sheet) })),
  }));
  for (const [name, fn] of src.impls) target.impls.set(name, fn);
  target.recalc.adoptFormulas();
}
