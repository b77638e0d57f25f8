// The stored state of one sheet: values in row arrays, formulas, formats, notes, validation, charts, pivots, sizes.
// The records a sheet stores name their sheet, and the sheet stores them: they are declared here together, so that
// this module, the bottom of the document's data, imports nothing that imports it back.
import type { SimpleCall } from './formula-text';
import { SparseGrid } from './grid';
import type { PivotFilterSpec, PivotGroupSpec, PivotValueSpec } from './pivot-spec';
import type { CellValue } from './values';

/** A rectangle on a sheet, 0-based and inclusive. */
export interface SheetRect {
  sheet: SheetData;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A reference argument of a simple call, resolved to a sheet (0-based, inclusive; Infinity = open end). */
export interface ArgRect {
  sheet: SheetData;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  single: boolean;
}

/** One formula cell: its text, how it is evaluated, its custom-function result cache and its spill area. */
export class FormulaCell {
  /** 'native': `=CUSTOM(refs/literals)` evaluated by the emulator; 'engine': evaluated by HyperFormula. */
  kind: 'native' | 'engine' = 'engine';
  call: SimpleCall | null = null;
  argRects: ArgRect[] = [];
  /** Set when a referenced sheet does not exist ("Unresolved sheet name 'X'."). */
  unresolved: string | null = null;
  /** Message behind an error value (custom function throw, blocked spill, engine error). */
  error: string | null = null;
  /** Full result of the last custom function call when the formula is that call (for spilling). */
  result: CellValue[][] | null = null;
  /** Arguments of the last custom function call (engine path), to skip recomputation with identical arguments. */
  cachedArgs: unknown[] | null = null;
  /** Applied spill extent, including the formula cell itself. */
  spillRows = 1;
  spillCols = 1;
  /** Extent the result wants; differs from the applied one while blocked. */
  wantRows = 1;
  wantCols = 1;
  removed = false;
  /** Whether the custom function has been called since the formula was written. */
  evaluated = false;
  /** Text as HyperFormula printed it after it was set, to notice HF rewriting references. */
  engineText: string | null = null;

  constructor(
    public text: string,
    public sheet: SheetData,
    public row: number,
    public col: number,
  ) {}
}

/** The recorded definition of an embedded chart (type, data ranges, position, options). */
export interface ChartSpec {
  id: number;
  type: string;
  ranges: SheetRect[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Map<string, unknown>;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
}

/** The recorded definition of a pivot table: source range, anchor, row/column groups, values and filters. */
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

/** The format a conditional rule applies (null: left as it is). */
export interface ConditionalFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
}

/** A conditional format rule as recorded: its ranges, boolean condition and format. */
export interface ConditionalRuleSpec {
  ranges: SheetRect[];
  criteria: string | null;
  values: unknown[];
  format: ConditionalFormat;
}

/** A data validation rule as recorded on its cells. */
export interface DataValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}


export type StyleKey =
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontStyle'
  | 'fontSize'
  | 'fontFamily'
  | 'fontLine'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'numberFormat'
  | 'note';

/** The size of a new sheet, as Spreadsheet.insertSheet makes it. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class SheetData {
  hidden = false;
  maxRows = NEW_SHEET_ROWS;
  maxCols = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  /** values[r][c], 0-based; rows may be missing or shorter than maxCols; '' is empty. Formula cells hold results. */
  values: (CellValue[] | undefined)[] = [];
  formulas = new SparseGrid<FormulaCell>();
  /** Cells filled by a custom function's array result, pointing at the formula that spilled them. */
  spillOwner = new SparseGrid<FormulaCell>();
  /** Cells filled by a HyperFormula array result (e.g. ARRAYFORMULA), not by the user. */
  engineArray = new SparseGrid<true>();
  /** Formula cells whose result wants more than one cell (spilled or blocked). */
  anchors = new Set<FormulaCell>();
  styles = new Map<StyleKey, SparseGrid<string | number>>();
  validations = new SparseGrid<DataValidationSpec>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  conditionalRules: ConditionalRuleSpec[] = [];
  charts: ChartSpec[] = [];
  pivots: PivotSpec[] = [];
  deleted = false;
  /** Bumped on every value change and every formula change; they key the cached content extent. */
  version = 0;
  formulaVersion = 0;
  private rowCache = { key: '', value: 0 };
  private colCache = { key: '', value: 0 };
  private formulaExtentCache = { version: -1, rows: 0, cols: 0 };

  constructor(
    public id: number,
    public name: string,
  ) {}

  get(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? '';
  }

  set(r: number, c: number, v: CellValue): void {
    let row = this.values[r];
    if (!row) {
      if (v === '') return;
      while (this.values.length < r) this.values.push(undefined);
      row = [];
      this.values[r] = row;
    }
    if (c >= row.length) {
      if (v === '') return;
      while (row.length < c) row.push('');
    }
    row[c] = v;
    this.version++;
  }

  style(key: StyleKey): SparseGrid<string | number> {
    let grid = this.styles.get(key);
    if (!grid) {
      grid = new SparseGrid<string | number>();
      this.styles.set(key, grid);
    }
    return grid;
  }

  formulaAt(r: number, c: number): FormulaCell | undefined {
    return this.formulas.get(r, c);
  }

  /** Last row with content (values, formula results or formulas), 1-based; 0 when empty (Sheet.getLastRow). */
  lastRow(): number {
    const key = `${this.version}/${this.formulaVersion}`;
    if (this.rowCache.key === key) return this.rowCache.value;
    let rows = 0;
    for (let r = this.values.length - 1; r >= 0 && rows === 0; r--) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== '') {
          rows = r + 1;
          break;
        }
      }
    }
    rows = Math.max(rows, this.formulaExtent().rows);
    this.rowCache = { key, value: rows };
    return rows;
  }

  /** Last column with content, 1-based; 0 when empty (Sheet.getLastColumn). */
  lastColumn(): number {
    const key = `${this.version}/${this.formulaVersion}`;
    if (this.colCache.key === key) return this.colCache.value;
    let cols = 0;
    for (const row of this.values) {
      if (!row || row.length <= cols) continue;
      for (let c = row.length - 1; c >= cols; c--) {
        if (row[c] !== '') {
          cols = c + 1;
          break;
        }
      }
    }
    cols = Math.max(cols, this.formulaExtent().cols);
    this.colCache = { key, value: cols };
    return cols;
  }

  private formulaExtent(): { rows: number; cols: number } {
    if (this.formulaExtentCache.version === this.formulaVersion) return this.formulaExtentCache;
    let rows = 0;
    let cols = 0;
    this.formulas.forEach((_f, r, c) => {
      if (r + 1 > rows) rows = r + 1;
      if (c + 1 > cols) cols = c + 1;
    });
    this.formulaExtentCache = { version: this.formulaVersion, rows, cols };
    return this.formulaExtentCache;
  }

  insertRows(at: number, n: number): void {
    if (at < this.values.length) this.values.splice(at, 0, ...new Array<undefined>(n));
    this.maxRows += n;
    for (const g of this.grids()) g.insertRows(at, n);
    this.bump();
  }

  deleteRows(at: number, n: number): void {
    this.values.splice(at, n);
    this.maxRows = Math.max(1, this.maxRows - n);
    for (const g of this.grids()) g.deleteRows(at, n);
    this.bump();
  }

  insertCols(at: number, n: number): void {
    for (const row of this.values) if (row && at < row.length) row.splice(at, 0, ...new Array<CellValue>(n).fill(''));
    this.maxCols += n;
    for (const g of this.grids()) g.insertCols(at, n);
    this.columnWidths = shiftKeys(this.columnWidths, at, n);
    this.hiddenColumns = new Set(shiftKeys(new Map([...this.hiddenColumns].map((k) => [k, true])), at, n).keys());
    this.bump();
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.values) if (row && at < row.length) row.splice(at, n);
    this.maxCols = Math.max(1, this.maxCols - n);
    for (const g of this.grids()) g.deleteCols(at, n);
    this.columnWidths = shiftKeys(this.columnWidths, at, -n);
    this.hiddenColumns = new Set(shiftKeys(new Map([...this.hiddenColumns].map((k) => [k, true])), at, -n).keys());
    this.bump();
  }

  bump(): void {
    this.version++;
    this.formulaVersion++;
  }

  private grids(): SparseGrid<unknown>[] {
    return [this.formulas, this.spillOwner, this.engineArray, this.validations, ...this.styles.values()];
  }
}

/** Shifts 0-based keys at or after `at` by n (n < 0 deletes keys in [at, at - n)). */
function shiftKeys<V>(map: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of map) {
    if (k < at) out.set(k, v);
    else if (n > 0) out.set(k + n, v);
    else if (k >= at - n) out.set(k + n, v);
  }
  return out;
}
