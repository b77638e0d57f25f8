// Range: values, formulas, display values, formats, notes, validation, metadata, pivots and finders of a block of cells.
import { formatA1 } from './a1';
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { DataValidation } from './data-validation';
import { addMetadata, DeveloperMetadata, DeveloperMetadataFinder, metadataForRange } from './developer-metadata';
import { shiftFormula } from './formula-text';
import { checkCellText, checkGrid } from './grid-args';
import { PivotTable, createPivot } from './pivot-api';
import { newProtection, Protection } from './protection';
import type { SheetData, StyleKey } from './sheet-data';
import { normalizeColor, STYLE_DEFAULTS } from './styles';
import { TextFinder } from './text-finder';
import { EMPTY, parseInput, ParsedInput } from './values';
import { type Sheet, sheetWrapper, registerWrapper } from './wrappers';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class Range extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetData,
    readonly _r0: number,
    readonly _c0: number,
    readonly _rows: number,
    readonly _cols: number,
    readonly _openRows = false,
    readonly _openCols = false,
  ) {
    super(ctx);
  }

  override toString(): string {
    return 'Range';
  }

  get _r1(): number {
    return this._r0 + this._rows - 1;
  }

  get _c1(): number {
    return this._c0 + this._cols - 1;
  }

  // ---- position -------------------------------------------------------------------------------------------

  getA1Notation(): string {
    return formatA1(this._r0 + 1, this._c0 + 1, this._r1 + 1, this._c1 + 1, this._openRows, this._openCols);
  }
  getRow(): number {
    return this._r0 + 1;
  }
  getRowIndex(): number {
    return this._r0 + 1;
  }
  getColumn(): number {
    return this._c0 + 1;
  }
  getNumRows(): number {
    return this._rows;
  }
  getHeight(): number {
    return this._rows;
  }
  getNumColumns(): number {
    return this._cols;
  }
  getWidth(): number {
    return this._cols;
  }
  /** The range's own end row (not the sheet's data). */
  getLastRow(): number {
    return this._r1 + 1;
  }
  getLastColumn(): number {
    return this._c1 + 1;
  }
  getSheet(): Sheet {
    return sheetWrapper(this._ctx, this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sub(this._r0 + rowOffset, this._c0 + columnOffset, numRows ?? this._rows, numColumns ?? this._cols);
  }

  /** 1-based position inside this range. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._rows || column > this._cols) throw new Error(OUTSIDE);
    return this._sub(this._r0 + row - 1, this._c0 + column - 1, 1, 1);
  }

  _sub(r0: number, c0: number, rows: number, cols: number): Range {
    if (r0 < 0 || c0 < 0 || rows < 1 || cols < 1 || r0 + rows > this._sheet.maxRows || c0 + cols > this._sheet.maxCols) throw new Error(OUTSIDE);
    return new Range(this._ctx, this._sheet, r0, c0, rows, cols);
  }

  // ---- values ---------------------------------------------------------------------------------------------

  /** A fresh 2-D array: numbers, strings, booleans, Dates (copies); '' for empty cells. */
  getValues(): unknown[][] {
    this._ctx.book.cellsRead += this._rows * this._cols;
    return this._ctx.book.readValues(this._sheet, this._r0, this._c0, this._r1, this._c1);
  }

  getValue(): unknown {
    this._ctx.book.cellsRead++;
    return this._ctx.book.readValues(this._sheet, this._r0, this._c0, this._r0, this._c0)[0]?.[0] ?? '';
  }

  getDisplayValues(): string[][] {
    const book = this._ctx.book;
    book.beforeRead(this._sheet);
    const out: string[][] = [];
    for (let r = this._r0; r <= this._r1; r++) {
      const row: string[] = [];
      for (let c = this._c0; c <= this._c1; c++) row.push(book.displayOf(this._sheet, r, c));
      out.push(row);
    }
    return out;
  }

  getDisplayValue(): string {
    this._ctx.book.beforeRead(this._sheet);
    return this._ctx.book.displayOf(this._sheet, this._r0, this._c0);
  }

  /**
   * Writes values as a person typing them (see parseInput): '=...' is a formula, "'..." is literal text,
   * "123" a number, "TRUE" a boolean, "3/1/2026" a date.
   */
  setValues(values: unknown[][]): Range {
    assertWritable(this._ctx, 'setValues');
    const grid = checkGrid(values, this._rows, this._cols, 'setValues');
    checkCellText(grid);
    const pctx = this._ctx.book.parseContext();
    this._ctx.book.write(this._sheet, this._r0, this._c0, this._rows, this._cols, (dr, dc) => parseInput(grid[dr]?.[dc], pctx));
    return this;
  }

  /** Sets every cell of the range; a formula's relative references shift per cell as when filling. */
  setValue(value: unknown): Range {
    assertWritable(this._ctx, 'setValue');
    checkCellText([[value]]);
    const p = parseInput(value, this._ctx.book.parseContext());
    this._ctx.book.write(this._sheet, this._r0, this._c0, this._rows, this._cols, (dr, dc) =>
      p.kind === 'formula' ? { kind: 'formula', text: shiftFormula(p.text, dr, dc) } : p,
    );
    return this;
  }

  getFormulas(): string[][] {
    const out: string[][] = [];
    for (let r = this._r0; r <= this._r1; r++) {
      const row: string[] = [];
      for (let c = this._c0; c <= this._c1; c++) row.push(this._sheet.formulas.get(r, c)?.text ?? '');
      out.push(row);
    }
    return out;
  }

  getFormula(): string {
    return this._sheet.formulas.get(this._r0, this._c0)?.text ?? '';
  }

  setFormula(formula: string): Range {
    assertWritable(this._ctx, 'setFormula');
    checkCellText([[formula]]);
    const p = toFormulaInput(formula, this._ctx);
    this._ctx.book.write(this._sheet, this._r0, this._c0, this._rows, this._cols, (dr, dc) =>
      p.kind === 'formula' ? { kind: 'formula', text: shiftFormula(p.text, dr, dc) } : p,
    );
    return this;
  }

  setFormulas(formulas: string[][]): Range {
    assertWritable(this._ctx, 'setFormulas');
    const grid = checkGrid(formulas, this._rows, this._cols, 'setFormulas');
    checkCellText(grid);
    this._ctx.book.write(this._sheet, this._r0, this._c0, this._rows, this._cols, (dr, dc) => toFormulaInput(grid[dr]?.[dc], this._ctx));
    return this;
  }

  isBlank(): boolean {
    this._ctx.book.beforeRead(this._sheet);
    for (let r = this._r0; r <= this._r1; r++) {
      for (let c = this._c0; c <= this._c1; c++) if (this._sheet.get(r, c) !== '' || this._sheet.formulas.get(r, c)) return false;
    }
    return true;
  }

  // ---- clearing -------------------------------------------------------------------------------------------

  clearContent(): Range {
    assertWritable(this._ctx, 'clearContent');
    this._clearContents();
    return this;
  }

  /** Clears contents and formats; clear({contentsOnly, formatOnly, validationsOnly, commentsOnly}) selects. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): Range {
    assertWritable(this._ctx, 'clear');
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this._clearContents();
    if (!any || o.formatOnly) this._clearFormats();
    if (o.validationsOnly) this._sheet.validations.clearRect(this._r0, this._c0, this._r1, this._c1);
    if (o.commentsOnly) this._sheet.styles.get('note')?.clearRect(this._r0, this._c0, this._r1, this._c1);
    return this;
  }

  clearFormat(): Range {
    assertWritable(this._ctx, 'clearFormat');
    this._clearFormats();
    return this;
  }

  clearNote(): Range {
    assertWritable(this._ctx, 'clearNote');
    this._sheet.styles.get('note')?.clearRect(this._r0, this._c0, this._r1, this._c1);
    return this;
  }

  clearDataValidations(): Range {
    assertWritable(this._ctx, 'clearDataValidations');
    this._sheet.validations.clearRect(this._r0, this._c0, this._r1, this._c1);
    return this;
  }

  _clearContents(): void {
    const r1 = Math.min(this._r1, this._sheet.values.length - 1);
    let hasFormula = false;
    this._sheet.formulas.forEachIn(this._r0, this._c0, this._r1, this._c1, () => (hasFormula = true));
    if (r1 < this._r0 && !hasFormula) return;
    const rows = hasFormula ? this._rows : r1 - this._r0 + 1;
    this._ctx.book.write(this._sheet, this._r0, this._c0, rows, this._cols, (): ParsedInput => EMPTY);
  }

  _clearFormats(): void {
    for (const [key, grid] of this._sheet.styles) if (key !== 'note') grid.clearRect(this._r0, this._c0, this._r1, this._c1);
  }

  // ---- formats --------------------------------------------------------------------------------------------

  _setStyle(key: StyleKey, method: string, value: string | number | null): Range {
    assertWritable(this._ctx, method);
    const grid = this._sheet.style(key);
    const v = value === null || value === '' ? undefined : value;
    for (let r = this._r0; r <= this._r1; r++) for (let c = this._c0; c <= this._c1; c++) grid.set(r, c, v);
    return this;
  }

  _setStyles(key: StyleKey, method: string, values: unknown[][], map: (v: unknown) => string | number | null): Range {
    assertWritable(this._ctx, method);
    const grid = checkGrid(values, this._rows, this._cols, method);
    const store = this._sheet.style(key);
    for (let dr = 0; dr < this._rows; dr++) {
      for (let dc = 0; dc < this._cols; dc++) {
        const v = map(grid[dr]?.[dc] ?? null);
        store.set(this._r0 + dr, this._c0 + dc, v === null || v === '' ? undefined : v);
      }
    }
    return this;
  }

  _getStyle(key: StyleKey): string | number {
    return this._sheet.styles.get(key)?.get(this._r0, this._c0) ?? STYLE_DEFAULTS[key];
  }

  _getStyles(key: StyleKey): (string | number)[][] {
    const grid = this._sheet.styles.get(key);
    const out: (string | number)[][] = [];
    for (let r = this._r0; r <= this._r1; r++) {
      const row: (string | number)[] = [];
      for (let c = this._c0; c <= this._c1; c++) row.push(grid?.get(r, c) ?? STYLE_DEFAULTS[key]);
      out.push(row);
    }
    return out;
  }

  setBackground(color: string | null): Range {
    return this._setStyle('background', 'setBackground', normalizeColor(color));
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this._setStyles('background', 'setBackgrounds', colors, (v) => normalizeColor(v === null ? null : String(v)));
  }
  getBackground(): string {
    return String(this._getStyle('background'));
  }
  getBackgrounds(): string[][] {
    return this._getStyles('background').map((row) => row.map(String));
  }
  setFontColor(color: string | null): Range {
    return this._setStyle('fontColor', 'setFontColor', normalizeColor(color));
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this._setStyles('fontColor', 'setFontColors', colors, (v) => normalizeColor(v === null ? null : String(v)));
  }
  getFontColor(): string {
    return String(this._getStyle('fontColor'));
  }
  getFontColors(): string[][] {
    return this._getStyles('fontColor').map((row) => row.map(String));
  }
  setFontWeight(fontWeight: string | null): Range {
    return this._setStyle('fontWeight', 'setFontWeight', fontWeight === 'normal' ? null : fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): Range {
    return this._setStyles('fontWeight', 'setFontWeights', fontWeights, (v) => (v === 'normal' || v === null ? null : String(v)));
  }
  getFontWeight(): string {
    return String(this._getStyle('fontWeight'));
  }
  getFontWeights(): string[][] {
    return this._getStyles('fontWeight').map((row) => row.map(String));
  }
  setFontStyle(fontStyle: string | null): Range {
    return this._setStyle('fontStyle', 'setFontStyle', fontStyle === 'normal' ? null : fontStyle);
  }
  getFontStyle(): string {
    return String(this._getStyle('fontStyle'));
  }
  setFontSize(size: number): Range {
    return this._setStyle('fontSize', 'setFontSize', size);
  }
  getFontSize(): number {
    return Number(this._getStyle('fontSize'));
  }
  setFontFamily(fontFamily: string | null): Range {
    return this._setStyle('fontFamily', 'setFontFamily', fontFamily);
  }
  getFontFamily(): string {
    return String(this._getStyle('fontFamily'));
  }
  setFontLine(fontLine: string | null): Range {
    return this._setStyle('fontLine', 'setFontLine', fontLine);
  }
  getFontLine(): string {
    return String(this._getStyle('fontLine'));
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._setStyle('horizontalAlignment', 'setHorizontalAlignment', alignment);
  }
  getHorizontalAlignment(): string {
    return String(this._getStyle('horizontalAlignment'));
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this._setStyle('verticalAlignment', 'setVerticalAlignment', alignment);
  }
  getVerticalAlignment(): string {
    return String(this._getStyle('verticalAlignment'));
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this._setStyle('wrap', 'setWrap', isWrapEnabled ? 'true' : null);
  }
  getWrap(): boolean {
    return this._getStyle('wrap') === 'true';
  }
  setNumberFormat(numberFormat: string): Range {
    return this._setStyle('numberFormat', 'setNumberFormat', numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this._setStyles('numberFormat', 'setNumberFormats', numberFormats, (v) => (v === null ? null : String(v)));
  }
  getNumberFormat(): string {
    return String(this._getStyle('numberFormat'));
  }
  getNumberFormats(): string[][] {
    return this._getStyles('numberFormat').map((row) => row.map(String));
  }
  setNote(note: string | null): Range {
    return this._setStyle('note', 'setNote', note);
  }
  setNotes(notes: (string | null)[][]): Range {
    return this._setStyles('note', 'setNotes', notes, (v) => (v === null ? null : String(v)));
  }
  getNote(): string {
    return String(this._getStyle('note'));
  }
  getNotes(): string[][] {
    return this._getStyles('note').map((row) => row.map(String));
  }

  // ---- validation, metadata, pivots, finders, protection ------------------------------------------------------

  setDataValidation(rule: DataValidation | null): Range {
    assertWritable(this._ctx, 'setDataValidation');
    for (let r = this._r0; r <= this._r1; r++) for (let c = this._c0; c <= this._c1; c++) this._sheet.validations.set(r, c, rule ? rule._spec : undefined);
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    assertWritable(this._ctx, 'setDataValidations');
    const grid = checkGrid(rules, this._rows, this._cols, 'setDataValidations');
    for (let dr = 0; dr < this._rows; dr++) {
      for (let dc = 0; dc < this._cols; dc++) {
        const rule = grid[dr]?.[dc];
        this._sheet.validations.set(this._r0 + dr, this._c0 + dc, rule instanceof DataValidation ? rule._spec : undefined);
      }
    }
    return this;
  }

  getDataValidation(): DataValidation | null {
    const spec = this._sheet.validations.get(this._r0, this._c0);
    return spec ? new DataValidation(this._ctx, spec) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    const out: (DataValidation | null)[][] = [];
    for (let r = this._r0; r <= this._r1; r++) {
      const row: (DataValidation | null)[] = [];
      for (let c = this._c0; c <= this._c1; c++) {
        const spec = this._sheet.validations.get(r, c);
        row.push(spec ? new DataValidation(this._ctx, spec) : null);
      }
      out.push(row);
    }
    return out;
  }

  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this._ctx, String(findText), [{ sheet: this._sheet, r0: this._r0, c0: this._c0, r1: this._r1, c1: this._c1 }]);
  }

  /** Only whole rows or columns carry metadata (see developer-metadata.ts). */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): Range {
    assertWritable(this._ctx, 'addDeveloperMetadata');
    addMetadata(this._ctx, { kind: 'range', range: this }, key, valueOrVisibility, visibility);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataForRange(this._ctx, this);
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, { kind: 'range', range: this });
  }

  /** Called on the anchor cell with the source data (header row first), as in Apps Script. */
  createPivotTable(sourceData: Range): PivotTable {
    assertWritable(this._ctx, 'createPivotTable');
    return createPivot(this._ctx, this, sourceData);
  }

  protect(): Protection {
    assertWritable(this._ctx, 'protect');
    return newProtection(this._ctx, 'RANGE', this._sheet, { sheet: this._sheet, r0: this._r0, c0: this._c0, r1: this._r1, c1: this._c1 });
  }

  activate(): Range {
    const book = this._ctx.book;
    book.activeSheet = this._sheet;
    book.activeRange = { sheet: this._sheet, r0: this._r0, c0: this._c0, r1: this._r1, c1: this._c1 };
    return this;
  }

  activateAsCurrentCell(): Range {
    return this.activate();
  }
}

function toFormulaInput(formula: unknown, ctx: Ctx): ParsedInput {
  const text = formula === null || formula === undefined ? '' : String(formula);
  if (text === '') return EMPTY;
  if (text.startsWith('=')) return { kind: 'formula', text };
  return parseInput(text, ctx.book.parseContext());
}

instrument(Range, 'Range');
registerWrapper('Range', Range);

declare module './wrappers' {
  interface WrapperClasses {
    Range: typeof Range;
  }
}
