// The recorded definition of a pivot table: source range, anchor, row/column groups, values and filters.
import type { SheetRect } from './records';
import type { SheetData } from './sheet-data';

export interface PivotGroupSpec {
  /** Absolute 1-based column number in the source sheet (as the Apps Script pivot API counts). */
  sourceDataColumn: number;
  displayName: string | null;
  ascending: boolean;
  showTotals: boolean;
  repeatLabels: boolean;
}

export interface PivotValueSpec {
  sourceDataColumn: number;
  summarizeFunction: string;
  displayName: string | null;
}

export interface PivotFilterSpec {
  sourceDataColumn: number;
  visibleValues: string[] | null;
  hiddenValues: string[];
}

export interface PivotSpec {
  id: number;
  source: SheetRect;
  anchor: { sheet: SheetData; row: number; col: number };
  rowGroups: PivotGroupSpec[];
  columnGroups: PivotGroupSpec[];
  values: PivotValueSpec[];
  filters: PivotFilterSpec[];
  valuesOrientation: 'COLUMNS' | 'ROWS';
  /** Size of the output last written to the sheet. */
  rendered: { rows: number; cols: number };
  dirty: boolean;
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
