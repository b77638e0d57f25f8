// The parts of a recorded pivot table that name no sheet: its row/column groups, values and filters (PivotSpec is in sheet-data.ts).

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
