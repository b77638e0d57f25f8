// PivotTable, PivotGroup, PivotValue and PivotFilter objects over a recorded pivot spec (rendered into the sheet).
// Source data columns are absolute sheet column numbers (1 = column A), per
// https://developers.google.com/apps-script/reference/spreadsheet/pivot-table#addRowGroup(Integer).
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { enumName } from './enums';
import { FilterCriteria, FilterCriteriaBuilder } from './filter-criteria';
import type { PivotFilterSpec, PivotGroupSpec, PivotValueSpec } from './pivot-spec';
import type { PivotSpec } from './sheet-data';
import { removePivotOutput } from './pivot-refresh';
import { type Range, rangeWrapper } from './wrappers';

export function createPivot(ctx: Ctx, anchor: Range, source: Range): PivotTable {
  const spec: PivotSpec = {
    id: ctx.book.newId('object'),
    source: { sheet: source._sheet, r0: source._r0, c0: source._c0, r1: source._r1, c1: source._c1 },
    anchor: { sheet: anchor._sheet, row: anchor._r0, col: anchor._c0 },
    rowGroups: [],
    columnGroups: [],
    values: [],
    filters: [],
    valuesOrientation: 'COLUMNS',
    rendered: { rows: 0, cols: 0 },
    dirty: true,
  };
  anchor._sheet.pivots.push(spec);
  return new PivotTable(ctx, spec);
}

function checkColumn(spec: PivotSpec, column: number): number {
  const col = Number(column);
  if (!Number.isInteger(col) || col < spec.source.c0 + 1 || col > spec.source.c1 + 1) {
    throw new Error(`Invalid argument: sourceDataColumn. Column ${column} is outside the pivot table's source data range.`);
  }
  return col;
}

export class PivotTable extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: PivotSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'PivotTable';
  }
  _changed(): void {
    this._spec.dirty = true;
  }
  addRowGroup(sourceDataColumn: number): PivotGroup {
    assertWritable(this._ctx, 'addRowGroup');
    const g: PivotGroupSpec = { sourceDataColumn: checkColumn(this._spec, sourceDataColumn), displayName: null, ascending: true, showTotals: true, repeatLabels: false };
    this._spec.rowGroups.push(g);
    this._changed();
    return new PivotGroup(this._ctx, this._spec, g, 'row');
  }
  addColumnGroup(sourceDataColumn: number): PivotGroup {
    assertWritable(this._ctx, 'addColumnGroup');
    const g: PivotGroupSpec = { sourceDataColumn: checkColumn(this._spec, sourceDataColumn), displayName: null, ascending: true, showTotals: true, repeatLabels: false };
    this._spec.columnGroups.push(g);
    this._changed();
    return new PivotGroup(this._ctx, this._spec, g, 'column');
  }
  addPivotValue(sourceDataColumn: number, summarizeFunction: unknown): PivotValue {
    assertWritable(this._ctx, 'addPivotValue');
    const v: PivotValueSpec = { sourceDataColumn: checkColumn(this._spec, sourceDataColumn), summarizeFunction: enumName(summarizeFunction), displayName: null };
    this._spec.values.push(v);
    this._changed();
    return new PivotValue(this._ctx, this._spec, v);
  }
  addFilter(sourceDataColumn: number, filterCriteria: FilterCriteria | FilterCriteriaBuilder): PivotFilter {
    assertWritable(this._ctx, 'addFilter');
    const c = filterCriteria._spec;
    const f: PivotFilterSpec = {
      sourceDataColumn: checkColumn(this._spec, sourceDataColumn),
      visibleValues: c.visibleValues ? [...c.visibleValues] : null,
      hiddenValues: [...c.hiddenValues],
    };
    this._spec.filters.push(f);
    this._changed();
    return new PivotFilter(this._ctx, this._spec, f);
  }
  getAnchorCell(): Range {
    const a = this._spec.anchor;
    return rangeWrapper(this._ctx, a.sheet, a.row, a.col, 1, 1);
  }
  getSourceDataRange(): Range {
    const s = this._spec.source;
    return rangeWrapper(this._ctx, s.sheet, s.r0, s.c0, s.r1 - s.r0 + 1, s.c1 - s.c0 + 1);
  }
  getRowGroups(): PivotGroup[] {
    return this._spec.rowGroups.map((g) => new PivotGroup(this._ctx, this._spec, g, 'row'));
  }
  getColumnGroups(): PivotGroup[] {
    return this._spec.columnGroups.map((g) => new PivotGroup(this._ctx, this._spec, g, 'column'));
  }
  getPivotValues(): PivotValue[] {
    return this._spec.values.map((v) => new PivotValue(this._ctx, this._spec, v));
  }
  getFilters(): PivotFilter[] {
    return this._spec.filters.map((f) => new PivotFilter(this._ctx, this._spec, f));
  }
  getValuesDisplayOrientation(): string {
    return this._spec.valuesOrientation;
  }
  setValuesDisplayOrientation(dimension: unknown): PivotTable {
    this._spec.valuesOrientation = enumName(dimension) === 'ROWS' ? 'ROWS' : 'COLUMNS';
    return this;
  }
  remove(): void {
    assertWritable(this._ctx, 'remove');
    const sheet = this._spec.anchor.sheet;
    sheet.pivots = sheet.pivots.filter((p) => p !== this._spec);
    removePivotOutput(this._ctx.book, this._spec);
  }
}

export class PivotGroup extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _pivot: PivotSpec,
    readonly _g: PivotGroupSpec,
    readonly _kind: 'row' | 'column',
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'PivotGroup';
  }
  getSourceDataColumn(): number {
    return this._g.sourceDataColumn;
  }
  sortAscending(): PivotGroup {
    this._g.ascending = true;
    this._pivot.dirty = true;
    return this;
  }
  sortDescending(): PivotGroup {
    this._g.ascending = false;
    this._pivot.dirty = true;
    return this;
  }
  isSortAscending(): boolean {
    return this._g.ascending;
  }
  showTotals(showTotals: boolean): PivotGroup {
    this._g.showTotals = showTotals;
    this._pivot.dirty = true;
    return this;
  }
  totalsAreShown(): boolean {
    return this._g.showTotals;
  }
  hideRepeatedLabels(): PivotGroup {
    this._g.repeatLabels = false;
    this._pivot.dirty = true;
    return this;
  }
  showRepeatedLabels(): PivotGroup {
    this._g.repeatLabels = true;
    this._pivot.dirty = true;
    return this;
  }
  areLabelsRepeated(): boolean {
    return this._g.repeatLabels;
  }
  resetDisplayName(): PivotGroup {
    this._g.displayName = null;
    this._pivot.dirty = true;
    return this;
  }
  getDimension(): string {
    return this._kind === 'row' ? 'ROWS' : 'COLUMNS';
  }
  setDisplayName(name: string): PivotGroup {
    this._g.displayName = name;
    this._pivot.dirty = true;
    return this;
  }
  getIndex(): number {
    const list = this._kind === 'row' ? this._pivot.rowGroups : this._pivot.columnGroups;
    return list.indexOf(this._g);
  }
  getPivotTable(): PivotTable {
    return new PivotTable(this._ctx, this._pivot);
  }
  remove(): void {
    if (this._kind === 'row') this._pivot.rowGroups = this._pivot.rowGroups.filter((g) => g !== this._g);
    else this._pivot.columnGroups = this._pivot.columnGroups.filter((g) => g !== this._g);
    this._pivot.dirty = true;
  }
}

export class PivotValue extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _pivot: PivotSpec,
    readonly _v: PivotValueSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'PivotValue';
  }
  getSourceDataColumn(): number {
    return this._v.sourceDataColumn;
  }
  getSummarizedBy(): string {
    return this._v.summarizeFunction;
  }
  summarizeBy(summarizeFunction: unknown): PivotValue {
    this._v.summarizeFunction = enumName(summarizeFunction);
    this._pivot.dirty = true;
    return this;
  }
  setDisplayName(name: string): PivotValue {
    this._v.displayName = name;
    this._pivot.dirty = true;
    return this;
  }
  getPivotTable(): PivotTable {
    return new PivotTable(this._ctx, this._pivot);
  }
  remove(): void {
    this._pivot.values = this._pivot.values.filter((v) => v !== this._v);
    this._pivot.dirty = true;
  }
}

export class PivotFilter extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _pivot: PivotSpec,
    readonly _f: PivotFilterSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'PivotFilter';
  }
  getSourceDataColumn(): number {
    return this._f.sourceDataColumn;
  }
  getFilterCriteria(): FilterCriteria {
    return new FilterCriteria(this._ctx, { visibleValues: this._f.visibleValues ? [...this._f.visibleValues] : null, hiddenValues: [...this._f.hiddenValues], criteria: null, values: [] });
  }
  getPivotTable(): PivotTable {
    return new PivotTable(this._ctx, this._pivot);
  }
  remove(): void {
    this._pivot.filters = this._pivot.filters.filter((f) => f !== this._f);
    this._pivot.dirty = true;
  }
}

instrument(PivotTable, 'PivotTable');
instrument(PivotGroup, 'PivotGroup');
instrument(PivotValue, 'PivotValue');
instrument(PivotFilter, 'PivotFilter');
