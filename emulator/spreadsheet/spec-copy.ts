// Deep copies of the specs a sheet stores (charts, pivot tables, conditional format rules), for builders and Make a copy.
import type { ChartSpec, ConditionalRuleSpec, PivotSpec, SheetData } from './sheet-data';

export function copyChartSpec(spec: ChartSpec): ChartSpec {
  return { ...spec, ranges: spec.ranges.map((r) => ({ ...r })), position: { ...spec.position }, options: new Map(spec.options) };
}

export function copyPivotSpec(spec: PivotSpec, sheetMap: (s: SheetData) => SheetData): PivotSpec {
  return {
    ...spec,
    source: { ...spec.source, sheet: sheetMap(spec.source.sheet) },
    anchor: { ...spec.anchor, sheet: sheetMap(spec.anchor.sheet) },
    rowGroups: spec.rowGroups.map((g) => ({ ...g })),
    columnGroups: spec.columnGroups.map((g) => ({ ...g })),
    values: spec.values.map((v) => ({ ...v })),
    filters: spec.filters.map((f) => ({ ...f, visibleValues: f.visibleValues ? [...f.visibleValues] : null, hiddenValues: [...f.hiddenValues] })),
    rendered: { ...spec.rendered },
  };
}

export function copyRuleSpec(spec: ConditionalRuleSpec, mapSheet: (s: SheetData) => SheetData = (s) => s): ConditionalRuleSpec {
  return { ranges: spec.ranges.map((r) => ({ ...r, sheet: mapSheet(r.sheet) })), criteria: spec.criteria, values: [...spec.values], format: { ...spec.format } };
}
