// Sheet: ranges, size, rows/columns insertion and deletion, appendRow, visibility, protections, charts, pivots, formats.
import { newChartSpec, EmbeddedChart, EmbeddedChartBuilder } from './chart-api';
import { copyChartSpec, copyRuleSpec } from './spec-copy';
import { ConditionalFormatRule } from './conditional-format';
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { addMetadata, DeveloperMetadata, DeveloperMetadataFinder, metadataForSheet } from './developer-metadata';
import { enumName } from './enums';
import { NamedRange } from './named-range';
import { PivotTable } from './pivot-api';
import { newProtection, Protection } from './protection';
import { type Range, type Spreadsheet, rangeWrapper, spreadsheetWrapper, registerWrapper } from './wrappers';
import type { SheetData } from './sheet-data';
import { changeStructure } from './structure';
import { TextFinder } from './text-finder';
import { checkCellText } from './grid-args';
import { parseInput } from './values';

export class Sheet extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetData,
  ) {
    super(ctx);
  }

  override toString(): string {
    return 'Sheet';
  }

  getName(): string {
    return this._sheet.name;
  }
  getSheetName(): string {
    return this._sheet.name;
  }
  setName(name: string): Sheet {
    assertWritable(this._ctx, 'setName');
    this._ctx.book.renameSheet(this._sheet, String(name));
    return this;
  }
  getSheetId(): number {
    return this._sheet.id;
  }
  /** 1-based position among the sheets. */
  getIndex(): number {
    return this._ctx.book.sheetList().indexOf(this._sheet) + 1;
  }
  getParent(): Spreadsheet {
    return spreadsheetWrapper(this._ctx);
  }
  getType(): string {
    return 'GRID';
  }

  // ---- ranges ---------------------------------------------------------------------------------------------

  /** getRange(a1) or getRange(row, column[, numRows[, numColumns]]), with Apps Script's errors. */
  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    const sheet = this._sheet;
    if (typeof a1OrRow === 'string') {
      const r = this._ctx.book.resolveA1(a1OrRow, sheet);
      if (!r || r.sheet !== sheet || r.r1 >= sheet.maxRows || r.c1 >= sheet.maxCols) throw new Error('Range not found');
      return rangeWrapper(this._ctx, sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1, r.openRows, r.openCols);
    }
    const row = Number(a1OrRow);
    const col = Number(column);
    const rows = numRows === undefined ? 1 : Number(numRows);
    const cols = numColumns === undefined ? 1 : Number(numColumns);
    if (column === undefined || Number.isNaN(col)) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (cols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return rangeWrapper(this._ctx, sheet, row - 1, col - 1, rows, cols);
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    this._ctx.book.beforeRead(this._sheet);
    const rows = Math.max(1, this._sheet.lastRow());
    const cols = Math.max(1, this._sheet.lastColumn());
    return rangeWrapper(this._ctx, this._sheet, 0, 0, rows, cols);
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const book = this._ctx.book;
    book.beforeRead(this._sheet);
    const rows = numRows === -1 ? this._sheet.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this._sheet.lastColumn() - startColumn + 1 : numColumns;
    book.cellsRead += Math.max(0, rows) * Math.max(0, cols);
    return book.readValues(this._sheet, startRow - 1, startColumn - 1, startRow + rows - 2, startColumn + cols - 2);
  }

  getLastRow(): number {
    this._ctx.book.beforeRead(this._sheet);
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    this._ctx.book.beforeRead(this._sheet);
    return this._sheet.lastColumn();
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxCols;
  }
  getActiveRange(): Range {
    const a = this._ctx.book.activeRange;
    if (a && a.sheet === this._sheet) return rangeWrapper(this._ctx, a.sheet, a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
    return rangeWrapper(this._ctx, this._sheet, 0, 0, 1, 1);
  }
  getNamedRanges(): NamedRange[] {
    return this._ctx.book.namedRanges.filter((n) => n.sheet === this._sheet).map((n) => new NamedRange(this._ctx, n.name));
  }

  // ---- structure ------------------------------------------------------------------------------------------

  _insert(method: string, dim: 'row' | 'col', at: number, count: number): Sheet {
    assertWritable(this._ctx, method);
    const max = dim === 'row' ? this._sheet.maxRows : this._sheet.maxCols;
    if (!Number.isInteger(at) || at < 0 || at > max || !Number.isInteger(count) || count < 1) {
      throw new Error(dim === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    }
    this._ctx.book.assertCellCapacity(count * (dim === 'row' ? this._sheet.maxCols : this._sheet.maxRows));
    changeStructure(this._ctx.book, this._sheet, dim, at, count, true);
    return this;
  }

  _delete(method: string, dim: 'row' | 'col', position: number, count: number): Sheet {
    assertWritable(this._ctx, method);
    const max = dim === 'row' ? this._sheet.maxRows : this._sheet.maxCols;
    if (!Number.isInteger(position) || position < 1 || !Number.isInteger(count) || count < 1 || position + count - 1 > max) {
      throw new Error(dim === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    }
    if (count >= max) throw new Error(dim === 'row' ? "You can't delete all the rows on the sheet." : "You can't delete all the columns on the sheet.");
    changeStructure(this._ctx.book, this._sheet, dim, position - 1, count, false);
    return this;
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this._insert('insertRowBefore', 'row', beforePosition - 1, 1);
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this._insert('insertRowAfter', 'row', afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insert('insertRowsBefore', 'row', beforePosition - 1, howMany);
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insert('insertRowsAfter', 'row', afterPosition, howMany);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('insertRows', 'row', rowIndex - 1, numRows);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this._insert('insertColumnBefore', 'col', beforePosition - 1, 1);
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this._insert('insertColumnAfter', 'col', afterPosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insert('insertColumnsBefore', 'col', beforePosition - 1, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insert('insertColumnsAfter', 'col', afterPosition, howMany);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insert('insertColumns', 'col', columnIndex - 1, numColumns);
  }
  deleteRow(rowPosition: number): Sheet {
    return this._delete('deleteRow', 'row', rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._delete('deleteRows', 'row', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    return this._delete('deleteColumn', 'col', columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._delete('deleteColumns', 'col', columnPosition, howMany);
  }

  /** Writes a row after the last row with content, growing the sheet if needed; values are parsed as setValues. */
  appendRow(rowContents: unknown[]): Sheet {
    assertWritable(this._ctx, 'appendRow');
    if (!Array.isArray(rowContents)) throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    checkCellText([rowContents]);
    const sheet = this._sheet;
    const book = this._ctx.book;
    book.beforeRead(sheet);
    const row = sheet.lastRow();
    const rows = Math.max(sheet.maxRows, row + 1);
    const cols = Math.max(sheet.maxCols, rowContents.length);
    book.assertCellCapacity(rows * cols - sheet.maxRows * sheet.maxCols);
    sheet.maxRows = rows;
    sheet.maxCols = cols;
    if (rowContents.length === 0) return this;
    const pctx = book.parseContext();
    book.write(sheet, row, 0, 1, rowContents.length, (_dr, dc) => parseInput(rowContents[dc], pctx));
    return this;
  }

  // ---- clearing -------------------------------------------------------------------------------------------

  _used(): Range {
    const rows = Math.max(1, this._sheet.lastRow());
    const cols = Math.max(1, this._sheet.lastColumn());
    return rangeWrapper(this._ctx, this._sheet, 0, 0, rows, cols);
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    assertWritable(this._ctx, 'clear');
    const used = this._used();
    if (!options || options.contentsOnly) used._clearContents();
    if (!options || options.formatOnly) for (const [key, grid] of this._sheet.styles) if (key !== 'note') grid.clearRect(0, 0, Infinity, Infinity);
    return this;
  }
  clearContents(): Sheet {
    assertWritable(this._ctx, 'clearContents');
    this._used()._clearContents();
    return this;
  }
  clearFormats(): Sheet {
    assertWritable(this._ctx, 'clearFormats');
    for (const [key, grid] of this._sheet.styles) if (key !== 'note') grid.clearRect(0, 0, Infinity, Infinity);
    return this;
  }
  clearNotes(): Sheet {
    assertWritable(this._ctx, 'clearNotes');
    this._sheet.styles.get('note')?.clearRect(0, 0, Infinity, Infinity);
    return this;
  }

  // ---- visibility, layout -------------------------------------------------------------------------------------

  hideSheet(): Sheet {
    assertWritable(this._ctx, 'hideSheet');
    const visible = this._ctx.book.sheetList().filter((s) => !s.hidden && s !== this._sheet);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    const book = this._ctx.book;
    if (book.activeSheet === this._sheet) {
      // The hidden sheet cannot stay active: the next visible sheet (else the previous one) is shown.
      const list = book.sheetList();
      const at = list.indexOf(this._sheet);
      book.activeSheet = list.slice(at + 1).find((s) => !s.hidden) ?? [...list.slice(0, at)].reverse().find((s) => !s.hidden) ?? book.activeSheet;
      book.activeRange = null;
    }
    return this;
  }
  showSheet(): Sheet {
    assertWritable(this._ctx, 'showSheet');
    this._sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }
  activate(): Sheet {
    this._ctx.book.activeSheet = this._sheet;
    this._ctx.book.activeRange = null;
    return this;
  }
  setFrozenRows(rows: number): void {
    assertWritable(this._ctx, 'setFrozenRows');
    this._sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    assertWritable(this._ctx, 'setFrozenColumns');
    this._sheet.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._sheet.frozenCols;
  }
  /** No layout engine: column widths are only recorded. */
  autoResizeColumns(_startColumn: number, _numColumns: number): Sheet {
    assertWritable(this._ctx, 'autoResizeColumns');
    return this;
  }
  autoResizeColumn(_columnPosition: number): Sheet {
    assertWritable(this._ctx, 'autoResizeColumn');
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    assertWritable(this._ctx, 'setColumnWidth');
    this._sheet.columnWidths.set(columnPosition - 1, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    assertWritable(this._ctx, 'setColumnWidths');
    for (let c = 0; c < numColumns; c++) this._sheet.columnWidths.set(startColumn - 1 + c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._sheet.columnWidths.get(columnPosition - 1) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    assertWritable(this._ctx, 'setRowHeight');
    this._sheet.rowHeights.set(rowPosition - 1, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this._sheet.rowHeights.get(rowPosition - 1) ?? 21;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    assertWritable(this._ctx, 'hideColumns');
    for (let c = 0; c < numColumns; c++) this._sheet.hiddenColumns.add(columnIndex - 1 + c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    assertWritable(this._ctx, 'showColumns');
    for (let c = 0; c < numColumns; c++) this._sheet.hiddenColumns.delete(columnIndex - 1 + c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._sheet.hiddenColumns.has(columnPosition - 1);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    assertWritable(this._ctx, 'hideRows');
    for (let r = 0; r < numRows; r++) this._sheet.hiddenRows.add(rowIndex - 1 + r);
  }
  showRows(rowIndex: number, numRows = 1): void {
    assertWritable(this._ctx, 'showRows');
    for (let r = 0; r < numRows; r++) this._sheet.hiddenRows.delete(rowIndex - 1 + r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this._sheet.hiddenRows.has(rowPosition - 1);
  }
  setTabColor(color: string | null): Sheet {
    assertWritable(this._ctx, 'setTabColor');
    this._sheet.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._sheet.tabColor;
  }

  // ---- protections, rules, finders, metadata --------------------------------------------------------------

  /** Protects the sheet; an existing sheet protection is returned instead of a second one. */
  protect(): Protection {
    assertWritable(this._ctx, 'protect');
    const existing = this._ctx.book.protections.find((p) => p.type === 'SHEET' && p.sheet === this._sheet);
    return existing ? new Protection(this._ctx, existing) : newProtection(this._ctx, 'SHEET', this._sheet, null);
  }
  getProtections(type: unknown): Protection[] {
    const t = enumName(type);
    return this._ctx.book.protections.filter((p) => p.sheet === this._sheet && p.type === t).map((p) => new Protection(this._ctx, p));
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._sheet.conditionalRules.map((r) => new ConditionalFormatRule(this._ctx, copyRuleSpec(r)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    assertWritable(this._ctx, 'setConditionalFormatRules');
    this._sheet.conditionalRules = rules.map((r) => copyRuleSpec(r._spec));
  }
  clearConditionalFormatRules(): void {
    assertWritable(this._ctx, 'clearConditionalFormatRules');
    this._sheet.conditionalRules = [];
  }
  createTextFinder(findText: string): TextFinder {
    const sheet = this._sheet;
    return new TextFinder(this._ctx, String(findText), () => [{ sheet, r0: 0, c0: 0, r1: Infinity, c1: Infinity }]);
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataForSheet(this._ctx, this._sheet);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): Sheet {
    assertWritable(this._ctx, 'addDeveloperMetadata');
    addMetadata(this._ctx, { kind: 'sheet', sheet: this._sheet }, key, valueOrVisibility, visibility);
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, { kind: 'sheet', sheet: this._sheet });
  }

  // ---- pivots and charts ----------------------------------------------------------------------------------

  getPivotTables(): PivotTable[] {
    return this._sheet.pivots.map((p) => new PivotTable(this._ctx, p));
  }
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheet, newChartSpec(this._ctx.book.newId('object')));
  }
  insertChart(chart: EmbeddedChart): void {
    assertWritable(this._ctx, 'insertChart');
    this._sheet.charts = [...this._sheet.charts.filter((c) => c.id !== chart._spec.id), copyChartSpec(chart._spec)];
  }
  updateChart(chart: EmbeddedChart): void {
    assertWritable(this._ctx, 'updateChart');
    this._sheet.charts = this._sheet.charts.map((c) => (c.id === chart._spec.id ? copyChartSpec(chart._spec) : c));
  }
  removeChart(chart: EmbeddedChart): void {
    assertWritable(this._ctx, 'removeChart');
    this._sheet.charts = this._sheet.charts.filter((c) => c.id !== chart._spec.id);
  }
  getCharts(): EmbeddedChart[] {
    return this._sheet.charts.map((c) => new EmbeddedChart(this._ctx, copyChartSpec(c), this._sheet));
  }
}

instrument(Sheet, 'Sheet');
registerWrapper('Sheet', Sheet);

declare module './wrappers' {
  interface WrapperClasses {
    Sheet: typeof Sheet;
  }
}
