// Developer metadata: key/value pairs on the spreadsheet, a sheet, a whole row or a whole column, with finders.
// A row or column location moves with its row/column when others are inserted or deleted, and is deleted with it
// (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata) — see structure.ts.
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { enumName } from './enums';
import { type Range, type Sheet, type Spreadsheet, rangeWrapper, sheetWrapper, spreadsheetWrapper } from './wrappers';
import type { MetadataLocation, MetadataRecord } from './records';
import type { SheetData } from './sheet-data';

export type MetadataScope = { kind: 'spreadsheet' } | { kind: 'sheet'; sheet: SheetData } | { kind: 'range'; range: Range };

const ARBITRARY_RANGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function isWholeColumn(range: Range): boolean {
  return range._r0 === 0 && range._r1 === range._sheet.maxRows - 1;
}

function isWholeRow(range: Range): boolean {
  return range._c0 === 0 && range._c1 === range._sheet.maxCols - 1;
}

function locationFor(scope: MetadataScope): MetadataLocation {
  if (scope.kind === 'spreadsheet') return { type: 'SPREADSHEET' };
  if (scope.kind === 'sheet') return { type: 'SHEET', sheet: scope.sheet };
  const r = scope.range;
  if (isWholeColumn(r) && r._cols === 1) return { type: 'COLUMN', sheet: r._sheet, index: r._c0 };
  if (isWholeRow(r) && r._rows === 1) return { type: 'ROW', sheet: r._sheet, index: r._r0 };
  throw new Error(ARBITRARY_RANGE);
}

/** addDeveloperMetadata(key), (key, value), (key, visibility) or (key, value, visibility). */
export function addMetadata(ctx: Ctx, scope: MetadataScope, key: string, valueOrVisibility?: unknown, visibility?: unknown): void {
  const isVisibility = (v: unknown): boolean => v === 'DOCUMENT' || v === 'PROJECT';
  let value: string | null = null;
  let vis = 'DOCUMENT';
  if (visibility !== undefined) {
    value = valueOrVisibility === undefined || valueOrVisibility === null ? null : String(valueOrVisibility);
    vis = enumName(visibility);
  } else if (valueOrVisibility !== undefined && isVisibility(valueOrVisibility)) {
    vis = enumName(valueOrVisibility);
  } else if (valueOrVisibility !== undefined && valueOrVisibility !== null) {
    value = String(valueOrVisibility);
  }
  const book = ctx.book;
  book.metadata.push({ id: book.newId('metadata'), key: String(key), value, visibility: vis === 'PROJECT' ? 'PROJECT' : 'DOCUMENT', location: locationFor(scope) });
}

function associatedWithRange(m: MetadataRecord, r: Range, intersecting: boolean): boolean {
  const loc = m.location;
  if (loc.type === 'COLUMN' && loc.sheet === r._sheet) return loc.index >= r._c0 && loc.index <= r._c1 && (intersecting || isWholeColumn(r));
  if (loc.type === 'ROW' && loc.sheet === r._sheet) return loc.index >= r._r0 && loc.index <= r._r1 && (intersecting || isWholeRow(r));
  return false;
}

export function metadataForRange(ctx: Ctx, range: Range): DeveloperMetadata[] {
  return ctx.book.metadata.filter((m) => associatedWithRange(m, range, false)).map((m) => new DeveloperMetadata(ctx, m));
}

/** Sheet.getDeveloperMetadata: metadata located on the sheet itself. */
export function metadataForSheet(ctx: Ctx, sheet: SheetData): DeveloperMetadata[] {
  return ctx.book.metadata.filter((m) => m.location.type === 'SHEET' && m.location.sheet === sheet).map((m) => new DeveloperMetadata(ctx, m));
}

/** Spreadsheet.getDeveloperMetadata: metadata on the top-level spreadsheet. */
export function metadataForSpreadsheet(ctx: Ctx): DeveloperMetadata[] {
  return ctx.book.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => new DeveloperMetadata(ctx, m));
}

export class DeveloperMetadataLocation extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _loc: MetadataLocation,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'DeveloperMetadataLocation';
  }
  getLocationType(): string {
    return this._loc.type;
  }
  /** The whole column (e.g. "C:C") for a column location, else null. */
  getColumn(): Range | null {
    const loc = this._loc;
    return loc.type === 'COLUMN' ? rangeWrapper(this._ctx, loc.sheet, 0, loc.index, loc.sheet.maxRows, 1, true, false) : null;
  }
  getRow(): Range | null {
    const loc = this._loc;
    return loc.type === 'ROW' ? rangeWrapper(this._ctx, loc.sheet, loc.index, 0, 1, loc.sheet.maxCols, false, true) : null;
  }
  getSheet(): Sheet | null {
    const loc = this._loc;
    return loc.type === 'SPREADSHEET' ? null : sheetWrapper(this._ctx, loc.sheet);
  }
  getSpreadsheet(): Spreadsheet | null {
    return this._loc.type === 'SPREADSHEET' ? spreadsheetWrapper(this._ctx) : null;
  }
}

export class DeveloperMetadata extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _rec: MetadataRecord,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'DeveloperMetadata';
  }
  getId(): number {
    return this._rec.id;
  }
  getKey(): string {
    return this._rec.key;
  }
  getValue(): string | null {
    return this._rec.value;
  }
  getVisibility(): string {
    return this._rec.visibility;
  }
  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this._ctx, this._rec.location);
  }
  setKey(key: string): DeveloperMetadata {
    assertWritable(this._ctx, 'setKey');
    this._rec.key = String(key);
    return this;
  }
  setValue(value: string | null): DeveloperMetadata {
    assertWritable(this._ctx, 'setValue');
    this._rec.value = value === null ? null : String(value);
    return this;
  }
  setVisibility(visibility: unknown): DeveloperMetadata {
    assertWritable(this._ctx, 'setVisibility');
    this._rec.visibility = enumName(visibility) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    return this;
  }
  moveToColumn(column: Range): DeveloperMetadata {
    assertWritable(this._ctx, 'moveToColumn');
    this._rec.location = { type: 'COLUMN', sheet: column._sheet, index: column._c0 };
    return this;
  }
  moveToRow(row: Range): DeveloperMetadata {
    assertWritable(this._ctx, 'moveToRow');
    this._rec.location = { type: 'ROW', sheet: row._sheet, index: row._r0 };
    return this;
  }
  moveToSheet(sheet: Sheet): DeveloperMetadata {
    assertWritable(this._ctx, 'moveToSheet');
    this._rec.location = { type: 'SHEET', sheet: sheet._sheet };
    return this;
  }
  moveToSpreadsheet(): DeveloperMetadata {
    assertWritable(this._ctx, 'moveToSpreadsheet');
    this._rec.location = { type: 'SPREADSHEET' };
    return this;
  }
  remove(): void {
    assertWritable(this._ctx, 'remove');
    const book = this._ctx.book;
    book.metadata = book.metadata.filter((m) => m !== this._rec);
  }
}

export class DeveloperMetadataFinder extends Wrapper {
  private _filters: ((m: MetadataRecord) => boolean)[] = [];
  private _intersecting = false;

  constructor(
    ctx: Ctx,
    readonly _scope: MetadataScope,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'DeveloperMetadataFinder';
  }
  withId(id: number): DeveloperMetadataFinder {
    this._filters.push((m) => m.id === id);
    return this;
  }
  withKey(key: string): DeveloperMetadataFinder {
    this._filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): DeveloperMetadataFinder {
    this._filters.push((m) => m.value === value);
    return this;
  }
  withVisibility(visibility: unknown): DeveloperMetadataFinder {
    const v = enumName(visibility);
    this._filters.push((m) => m.visibility === v);
    return this;
  }
  withLocationType(locationType: unknown): DeveloperMetadataFinder {
    const t = enumName(locationType);
    this._filters.push((m) => m.location.type === t);
    return this;
  }
  onIntersectingLocations(): DeveloperMetadataFinder {
    this._intersecting = true;
    return this;
  }
  find(): DeveloperMetadata[] {
    const scope = this._scope;
    const inScope = (m: MetadataRecord): boolean => {
      if (scope.kind === 'spreadsheet') return true;
      if (scope.kind === 'sheet') return m.location.type !== 'SPREADSHEET' && m.location.sheet === scope.sheet;
      return associatedWithRange(m, scope.range, this._intersecting);
    };
    return this._ctx.book.metadata.filter((m) => inScope(m) && this._filters.every((f) => f(m))).map((m) => new DeveloperMetadata(this._ctx, m));
  }
}

instrument(DeveloperMetadataLocation, 'DeveloperMetadataLocation');
instrument(DeveloperMetadata, 'DeveloperMetadata');
instrument(DeveloperMetadataFinder, 'DeveloperMetadataFinder');
