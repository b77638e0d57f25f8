// The spreadsheet document: sheets, named ranges, developer metadata, protections, custom functions, and test helpers.
import { createEnv, EmulatorEnv } from '../env';
import { MAX_COLUMNS, parseA1 } from './a1';
import type { CustomFunctionImpl } from './custom-functions';
import { wallClock } from './dates';
import { displayValue } from './number-format';
import { PivotSpec, SheetRect, SheetData } from './sheet-data';
import { type PivotBook, refreshPivot } from './pivot-refresh';
import { Recalc, type RecalcBook } from './recalc';
import { MetadataRecord, NamedRangeRecord, ProtectionRecord, ToastRecord } from './records';
import { CellValue, copyValue, ParseContext, ParsedInput } from './values';

export interface WorkbookOptions {
  id?: string;
  name?: string;
  /** Spreadsheet time zone (File > Settings); dates are read and shown in it. */
  timeZone?: string;
  locale?: string;
  /** Names of the initial sheets (default: one sheet, "Sheet1"). */
  sheets?: string[];
}

/** A resolved A1 reference: 0-based inclusive rectangle, with whether it was written as whole rows/columns. */
export interface ResolvedRange extends SheetRect {
  openRows: boolean;
  openCols: boolean;
}

/** See Workbook.assertCellCapacity. */
export const MAX_WORKBOOK_CELLS = 10_000_000;

let idCounter = 0;

function newSpreadsheetId(): string {
  idCounter++;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '1';
  let seed = (Date.now() ^ (idCounter * 2654435761)) >>> 0;
  for (let i = 0; i < 43; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345 + idCounter + i) >>> 0;
    id += alphabet[seed % alphabet.length];
  }
  return id;
}

export class Workbook implements RecalcBook, PivotBook {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  env: EmulatorEnv = createEnv();
  readonly impls = new Map<string, CustomFunctionImpl>();
  /** Custom function calls so far (each is one Apps Script server call in Sheets). */
  customFunctionCalls = 0;
  readonly customFunctionCallsByName = new Map<string, number>();
  /** Cells returned by Range.getValues / getValue and Sheet.getSheetValues so far: what the script read, for benchmarks. */
  cellsRead = 0;
  readonly recalc: Recalc;
  namedRanges: NamedRangeRecord[] = [];
  metadata: MetadataRecord[] = [];
  protections: ProtectionRecord[] = [];
  /** Messages shown with Spreadsheet.toast(). */
  readonly toasts: ToastRecord[] = [];
  activeSheet: SheetData;
  activeRange: SheetRect | null = null;
  private sheets: SheetData[] = [];
  private nextSheetId = 0;
  private nextIds = { metadata: 1, protection: 1, object: 1 };

  constructor(options: WorkbookOptions = {}) {
    this.id = options.id ?? newSpreadsheetId();
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.locale = options.locale ?? 'en_US';
    this.recalc = new Recalc(this);
    this.recalc.listeners.push((sheet, r0, c0, r1, c1) => this.markPivots(sheet, r0, c0, r1, c1));
    const names = options.sheets && options.sheets.length > 0 ? options.sheets : ['Sheet1'];
    for (const n of names) this.addSheet(n);
    const first = this.sheets[0];
    if (!first) throw new Error('A workbook needs a sheet.');
    this.activeSheet = first;
  }

  /** Binds the execution environment (done by createSpreadsheetApp). */
  attach(env: EmulatorEnv): void {
    this.env = env;
  }

  recordCall(name: string): void {
    this.customFunctionCalls++;
    this.customFunctionCallsByName.set(name, (this.customFunctionCallsByName.get(name) ?? 0) + 1);
    this.env.counter.count(`CustomFunction.${name}`);
  }

  // ---- test helpers ---------------------------------------------------------------------------------------

  /**
   * Puts rows of values into a sheet from A1. A missing sheet is created; it becomes the active sheet when the
   * active one is empty (a new document's blank Sheet1), as when a user imports data into a new spreadsheet.
   * Values are stored as given (numbers, strings, booleans, Dates; null/undefined as empty); strings starting
   * with '=' are formulas.
   */
  loadValues(sheetName: string, rows: unknown[][]): void {
    let sheet = this.sheetByName(sheetName);
    if (!sheet) {
      sheet = this.addSheet(sheetName);
      if (this.activeSheet.lastRow() === 0) {
        this.activeSheet = sheet;
        this.activeRange = null;
      }
    }
    let width = 0;
    let hasFormula = false;
    const normalized: CellValue[][] = rows.map((row) => {
      if (row.length > width) width = row.length;
      return row.map((v): CellValue => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'string') {
          if (v.length > 1 && v.charCodeAt(0) === 61) hasFormula = true;
          return v;
        }
        if (typeof v === 'number' || typeof v === 'boolean') return v;
        if (v instanceof Date) return new Date(v.getTime());
        return String(v);
      });
    });
    if (normalized.length === 0 || width === 0) return;
    sheet.maxRows = Math.max(sheet.maxRows, normalized.length);
    sheet.maxCols = Math.min(MAX_COLUMNS, Math.max(sheet.maxCols, width));
    const plain = !hasFormula && sheet.formulas.count === 0 && sheet.spillOwner.count === 0 && sheet.engineArray.count === 0;
    if (plain && !this.recalc.engine.active) {
      normalized.forEach((row, r) => {
        const existing = sheet.values[r];
        if (!existing || existing.length <= row.length) sheet.values[r] = row;
        else for (let c = 0; c < row.length; c++) existing[c] = row[c] ?? '';
      });
      sheet.version++;
      this.recalc.afterWrite(sheet, 0, 0, normalized.length - 1, width - 1);
      this.recalc.settle();
      return;
    }
    this.recalc.writeCells(sheet, 0, 0, normalized.length, width, (r, c): ParsedInput => {
      const v = normalized[r]?.[c] ?? '';
      return typeof v === 'string' && v.length > 1 && v.startsWith('=') ? { kind: 'formula', text: v } : { kind: 'value', value: v };
    });
  }

  /** The message of the error shown in a formula cell ("Sheet1!J2"), e.g. what a custom function threw; else null. */
  formulaErrorAt(a1: string): string | null {
    const r = this.resolveA1(a1, this.sheets[0] ?? this.activeSheet);
    if (!r) throw new Error(`Range not found: ${a1}`);
    const fc = r.sheet.formulas.get(r.r0, r.c0);
    if (!fc) return null;
    const v = r.sheet.get(r.r0, r.c0);
    return typeof v === 'string' && v.startsWith('#') ? fc.error : null;
  }

  /** Registers custom functions by name (case-insensitive), as the bound script's @customfunction functions. */
  registerCustomFunctions(impls: Record<string, (...args: unknown[]) => unknown>): void {
    const names = Object.keys(impls).map((n) => n.toUpperCase());
    for (const [name, fn] of Object.entries(impls)) this.impls.set(name.toUpperCase(), fn);
    this.recalc.functionsRegistered(names);
  }

  /**
   * A user opens the spreadsheet (again): volatile functions such as TODAY() are recalculated by the emulator's clock,
   * and custom functions whose arguments changed with them run again. Nothing else runs.
   */
  open(): void {
    this.recalc.opened();
  }

  /** Values of an A1 range ("Sheet1!A1:C3"), without counting Apps Script calls (for tests). */
  valuesAt(a1: string): CellValue[][] {
    const r = this.resolveA1(a1, this.activeSheet);
    if (!r) throw new Error(`Range not found: ${a1}`);
    return this.readValues(r.sheet, r.r0, r.c0, r.r1, r.c1);
  }

  // ---- sheets ---------------------------------------------------------------------------------------------

  sheetList(): readonly SheetData[] {
    return this.sheets;
  }

  /** Sheet names are unique ignoring case. */
  sheetByName(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /**
   * A spreadsheet holds at most 10 million cells, counted over every sheet's rows x columns, empty or not
   * (https://support.google.com/drive/answer/37603). A script action that would grow past that (inserting rows,
   * columns or a sheet) fails before it changes anything.
   */
  assertCellCapacity(extraCells: number): void {
    let cells = 0;
    for (const s of this.sheets) cells += s.maxRows * s.maxCols;
    if (cells + extraCells > MAX_WORKBOOK_CELLS) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`);
    }
  }

  addSheet(name?: string, index?: number, id?: number): SheetData {
    const sheetName = name ?? this.nextSheetName();
    if (sheetName.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (this.sheetByName(sheetName)) throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    const sheet = new SheetData(id ?? this.nextSheetId, sheetName);
    this.nextSheetId = Math.max(this.nextSheetId, sheet.id) + 1;
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.recalc.engine.sheetAdded(sheet);
    return sheet;
  }

  private nextSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }

  removeSheet(sheet: SheetData): void {
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    const idx = this.sheets.indexOf(sheet);
    if (idx < 0) return;
    for (const fc of this.recalc.allFormulas()) if (fc.sheet === sheet) this.recalc.dropFormula(fc);
    this.sheets.splice(idx, 1);
    sheet.deleted = true;
    this.recalc.engine.sheetRemoved(sheet);
    for (const fc of this.recalc.allFormulas()) if (fc.argRects.some((r) => r.sheet === sheet)) {
      fc.unresolved = `Unresolved sheet name '${sheet.name}'.`;
      this.recalc.markDirty(fc);
    }
    this.metadata = this.metadata.filter((m) => !('sheet' in m.location) || m.location.sheet !== sheet);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    this.namedRanges = this.namedRanges.filter((n) => n.sheet !== sheet);
    for (const s of this.sheets) s.pivots = s.pivots.filter((p) => p.source.sheet !== sheet);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[Math.max(0, idx - 1)] ?? this.sheets[0] ?? this.activeSheet;
      this.activeRange = null;
    }
    this.recalc.settle();
  }

  renameSheet(sheet: SheetData, newName: string): void {
    if (newName.trim() === '') throw new Error('Sheet names cannot be empty.');
    const other = this.sheetByName(newName);
    if (other && other !== sheet) throw new Error(`A sheet with the name "${newName}" already exists. Please enter another name.`);
    const old = sheet.name;
    sheet.name = newName;
    this.recalc.sheetRenamed(sheet, old);
  }

  moveSheet(sheet: SheetData, index: number): void {
    const idx = this.sheets.indexOf(sheet);
    if (idx < 0) return;
    this.sheets.splice(idx, 1);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
  }

  newId(kind: 'metadata' | 'protection' | 'object'): number {
    return this.nextIds[kind]++;
  }

  /** Copies id counters (used by copyWorkbook). */
  copyIdsFrom(other: Workbook): void {
    this.nextIds = { ...other.nextIds };
    this.nextSheetId = other.nextSheetId;
  }

  /** Replaces the sheets wholesale (used by copyWorkbook). */
  adoptSheets(sheets: SheetData[], activeIndex: number): void {
    this.sheets = sheets;
    this.activeSheet = sheets[activeIndex] ?? sheets[0] ?? this.activeSheet;
    this.activeRange = null;
  }

  namedRangeList(): readonly NamedRangeRecord[] {
    return this.namedRanges;
  }

  // ---- cells ----------------------------------------------------------------------------------------------

  parseContext(): ParseContext {
    return { timeZone: this.timeZone, currentYear: wallClock(this.env.now(), this.timeZone).year };
  }

  /** Resolves "'Sheet'!A1:B2" (sheet defaults to `defaultSheet`); null for an invalid reference or unknown sheet. */
  resolveA1(a1: string, defaultSheet: SheetData): ResolvedRange | null {
    const ref = parseA1(a1);
    if (!ref) return null;
    const sheet = ref.sheetName === null ? defaultSheet : this.sheetByName(ref.sheetName);
    if (!sheet) return null;
    return {
      sheet,
      r0: ref.row - 1,
      c0: ref.col - 1,
      r1: (ref.endRow ?? sheet.maxRows) - 1,
      c1: (ref.endCol ?? sheet.maxCols) - 1,
      openRows: ref.endRow === null,
      openCols: ref.endCol === null,
    };
  }

  /** A fresh 2-D copy of values ('' for empty, Dates copied). */
  readValues(sheet: SheetData, r0: number, c0: number, r1: number, c1: number): CellValue[][] {
    this.beforeRead(sheet);
    const width = c1 - c0 + 1;
    const out: CellValue[][] = new Array<CellValue[]>(r1 - r0 + 1);
    for (let r = r0; r <= r1; r++) {
      const src = sheet.values[r];
      let row: CellValue[];
      if (!src) {
        row = new Array<CellValue>(width).fill('');
      } else {
        row = src.slice(c0, c1 + 1);
        if (row.length < width) for (let i = row.length; i < width; i++) row.push('');
        for (let i = 0; i < width; i++) {
          const v = row[i];
          if (v === undefined) row[i] = '';
          else if (typeof v === 'object') row[i] = copyValue(v);
        }
      }
      out[r - r0] = row;
    }
    return out;
  }

  displayOf(sheet: SheetData, r: number, c: number): string {
    const fmt = sheet.styles.get('numberFormat')?.get(r, c);
    return displayValue(sheet.get(r, c), typeof fmt === 'string' ? fmt : undefined, this.timeZone);
  }

  /** Writes user input into a block and recalculates. */
  write(sheet: SheetData, r0: number, c0: number, rows: number, cols: number, input: (dr: number, dc: number) => ParsedInput): void {
    this.recalc.writeCells(sheet, r0, c0, rows, cols, input);
  }

  // ---- pivots ---------------------------------------------------------------------------------------------

  pivotList(): PivotSpec[] {
    return this.sheets.flatMap((s) => s.pivots);
  }

  private markPivots(sheet: SheetData, r0: number, c0: number, r1: number, c1: number): void {
    for (const s of this.sheets) {
      for (const p of s.pivots) {
        const src = p.source;
        if (src.sheet === sheet && src.r0 <= r1 && src.r1 >= r0 && src.c0 <= c1 && src.c1 >= c0) p.dirty = true;
      }
    }
  }

  /** Pivot tables show current data when their sheet is read (Sheets refreshes them as the source changes). */
  beforeRead(sheet: SheetData): void {
    for (const p of sheet.pivots) if (p.dirty) refreshPivot(this, p);
  }
}
