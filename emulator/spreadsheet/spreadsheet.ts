// Spreadsheet: the document's sheets, active sheet and range, named ranges, finders, metadata, time zone, toasts.
import { parseA1 } from './a1';
import { copyWorkbook } from './copy';
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { addMetadata, DeveloperMetadata, DeveloperMetadataFinder, metadataForSpreadsheet } from './developer-metadata';
import { enumName } from './enums';
import { findNamedRange, NamedRange, setNamedRange } from './named-range';
import { Protection } from './protection';
import { type Range, type Sheet, rangeWrapper, sheetWrapper, spreadsheetWrapper, registerWrapper } from './wrappers';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, type SheetData } from './sheet-data';
import { TextFinder } from './text-finder';

/** The sheet and cell a custom function is running in (env.customFunctionCell), if any. */
export function callingCell(ctx: Ctx): { sheet: SheetData; r: number; c: number } | null {
  const cell = ctx.env.customFunctionCell;
  if (cell === null) return null;
  const ref = parseA1(cell);
  const sheet = ref?.sheetName ? ctx.book.sheetByName(ref.sheetName) : undefined;
  return ref && sheet ? { sheet, r: ref.row - 1, c: ref.col - 1 } : null;
}

/** The active sheet: inside a custom function, the sheet of the calling cell. */
export function activeSheetData(ctx: Ctx): SheetData {
  return callingCell(ctx)?.sheet ?? ctx.book.activeSheet;
}

/** The active range: inside a custom function, the calling cell; else the selection (A1 by default). */
export function activeRange(ctx: Ctx): Range {
  const cell = callingCell(ctx);
  if (cell) return rangeWrapper(ctx, cell.sheet, cell.r, cell.c, 1, 1);
  const a = ctx.book.activeRange;
  if (a && a.sheet === ctx.book.activeSheet) return rangeWrapper(ctx, a.sheet, a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
  return rangeWrapper(ctx, ctx.book.activeSheet, 0, 0, 1, 1);
}

export class Spreadsheet extends Wrapper {
  override toString(): string {
    return 'Spreadsheet';
  }

  getId(): string {
    return this._ctx.book.id;
  }
  getName(): string {
    return this._ctx.book.name;
  }
  rename(newName: string): void {
    assertWritable(this._ctx, 'rename');
    this._ctx.book.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ctx.book.id}/edit`;
  }

  // ---- sheets ---------------------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this._ctx.book.sheetList().map((s) => sheetWrapper(this._ctx, s));
  }
  getNumSheets(): number {
    return this._ctx.book.sheetList().length;
  }
  /** Sheet names are matched ignoring case; null when there is no such sheet. */
  getSheetByName(name: string): Sheet | null {
    const s = this._ctx.book.sheetByName(String(name));
    return s ? sheetWrapper(this._ctx, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._ctx.book.sheetById(id);
    return s ? sheetWrapper(this._ctx, s) : null;
  }

  /** insertSheet(), (index), (name), (name, index), (name, index, options), (name, options), (options); the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): Sheet {
    assertWritable(this._ctx, 'insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    const book = this._ctx.book;
    book.assertCellCapacity(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = book.addSheet(name, index);
    book.activeSheet = sheet;
    book.activeRange = null;
    return sheetWrapper(this._ctx, sheet);
  }
  deleteSheet(sheet: Sheet): void {
    assertWritable(this._ctx, 'deleteSheet');
    this._ctx.book.removeSheet(sheet._sheet);
  }
  getActiveSheet(): Sheet {
    return sheetWrapper(this._ctx, activeSheetData(this._ctx));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this._ctx.book.activeSheet = sheet._sheet;
    this._ctx.book.activeRange = null;
    return sheet;
  }
  moveActiveSheet(pos: number): void {
    assertWritable(this._ctx, 'moveActiveSheet');
    this._ctx.book.moveSheet(this._ctx.book.activeSheet, pos - 1);
  }
  getActiveRange(): Range {
    return activeRange(this._ctx);
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  getLastRow(): number {
    return activeSheetData(this._ctx).lastRow();
  }
  getLastColumn(): number {
    return activeSheetData(this._ctx).lastColumn();
  }

  /** "Sheet1!A1:B2" (without a sheet name: the active sheet). */
  getRange(a1Notation: string): Range {
    const r = this._ctx.book.resolveA1(String(a1Notation), activeSheetData(this._ctx));
    if (!r || r.r1 >= r.sheet.maxRows || r.c1 >= r.sheet.maxCols) throw new Error('Range not found');
    return rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1, r.openRows, r.openCols);
  }

  // ---- named ranges ---------------------------------------------------------------------------------------

  getRangeByName(name: string): Range | null {
    const rec = findNamedRange(this._ctx.book, String(name));
    return rec ? rangeWrapper(this._ctx, rec.sheet, rec.r0, rec.c0, rec.r1 - rec.r0 + 1, rec.c1 - rec.c0 + 1) : null;
  }
  setNamedRange(name: string, range: Range): void {
    assertWritable(this._ctx, 'setNamedRange');
    setNamedRange(this._ctx.book, String(name), range);
  }
  getNamedRanges(): NamedRange[] {
    return this._ctx.book.namedRanges.map((n) => new NamedRange(this._ctx, n.name));
  }
  removeNamedRange(name: string): void {
    assertWritable(this._ctx, 'removeNamedRange');
    const rec = findNamedRange(this._ctx.book, String(name));
    if (!rec) return;
    this._ctx.book.namedRanges = this._ctx.book.namedRanges.filter((n) => n !== rec);
    this._ctx.book.recalc.namedRangesChanged();
  }

  // ---- finders, metadata, protections -------------------------------------------------------------------------

  /** Searches every sheet, in order. */
  createTextFinder(findText: string): TextFinder {
    const book = this._ctx.book;
    return new TextFinder(this._ctx, String(findText), () => book.sheetList().map((sheet) => ({ sheet, r0: 0, c0: 0, r1: Infinity, c1: Infinity })));
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataForSpreadsheet(this._ctx);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): Spreadsheet {
    assertWritable(this._ctx, 'addDeveloperMetadata');
    addMetadata(this._ctx, { kind: 'spreadsheet' }, key, valueOrVisibility, visibility);
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, { kind: 'spreadsheet' });
  }
  getProtections(type: unknown): Protection[] {
    const t = enumName(type);
    return this._ctx.book.protections.filter((p) => p.type === t).map((p) => new Protection(this._ctx, p));
  }

  // ---- settings and UI ------------------------------------------------------------------------------------

  getSpreadsheetTimeZone(): string {
    return this._ctx.book.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    assertWritable(this._ctx, 'setSpreadsheetTimeZone');
    this._ctx.book.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._ctx.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    assertWritable(this._ctx, 'setSpreadsheetLocale');
    this._ctx.book.locale = locale;
  }
  /** Recorded in workbook.toasts. */
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    assertWritable(this._ctx, 'toast');
    this._ctx.book.toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }
  /** File > Make a copy; the copy is a separate document. */
  copy(name: string): Spreadsheet {
    const copy = copyWorkbook(this._ctx.book, String(name));
    copy.attach(this._ctx.env);
    return spreadsheetWrapper({ ...this._ctx, book: copy });
  }
  getEditors(): never[] {
    return [];
  }
}

instrument(Spreadsheet, 'Spreadsheet');
registerWrapper('Spreadsheet', Spreadsheet);

declare module './wrappers' {
  interface WrapperClasses {
    Spreadsheet: typeof Spreadsheet;
  }
}
