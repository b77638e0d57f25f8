// HyperFormula mirror: created when the first engine formula appears; holds those formulas and only the cells they read.
import { CellError, ExportedCellChange, ExportedChange, HyperFormula, SimpleRangeValue } from 'hyperformula';
import { columnToLetters, MAX_COLUMNS, MAX_ROWS, quoteSheetName } from './a1';
import { groupIntoBlocks } from './cell-blocks';
import { CallOutcome, type InvocationHost, invokeCustom, sameArgs } from './custom-functions';
import { AstLike, createClockPlugin, createCustomFunctionPlugin, EngineAddress, StateLike } from './engine-plugin';
import { wallClock } from './dates';
import { errorTypeOf, fromExported, fromInterpreter, toEngineContent, toEngineScalar } from './engine-values';
import type { FormulaCell, SheetData } from './sheet-data';
import { fromEngineText, toEngineText, topLevelCallName } from './formula-text';
import { SparseGrid } from './grid';
import { spillBlockMessage } from './spill';
import { type CellValue, copyValue } from './values';
import type { NamedRangeRecord } from './records';

/** What the engine reads of the document (the Workbook), named here so this module need not import the Workbook. */
export interface EngineBook extends InvocationHost {
  readonly timeZone: string;
  sheetList(): readonly SheetData[];
  namedRangeList(): readonly NamedRangeRecord[];
}

/** What the engine asks of recalculation (Recalc, which owns the engine and passes itself in). */
export interface EngineRecalc {
  allFormulas(): Iterable<FormulaCell>;
  applyOutcome(fc: FormulaCell, outcome: CallOutcome): void;
  placeResult(fc: FormulaCell): boolean;
  systemWrite(sheet: SheetData, r: number, c: number, v: CellValue, fromEngine?: boolean): void;
}

interface Mask {
  cells: SparseGrid<true>;
  fullCols: Set<number>;
  fullRows: Set<number>;
}

interface EngineResult {
  outcome: CallOutcome;
  blockedAtEvaluation: boolean;
}

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private ids = new Map<SheetData, number>();
  private byId = new Map<number, SheetData>();
  private masks = new Map<SheetData, Mask>();
  private queuedFormulas = new Set<FormulaCell>();
  private queuedReeval = new Set<FormulaCell>();
  private pushes = new Map<SheetData, number[]>();
  private results = new Map<FormulaCell, EngineResult>();
  private depth = 0;
  /** Engine formulas calling a volatile function (TODAY, NOW, RAND...), computed again on open and on every edit. */
  private volatile = new Set<FormulaCell>();
  /** The clock reading (ms) volatile formulas were last computed at. */
  private lastTick = Number.NaN;

  constructor(
    private readonly book: EngineBook,
    private readonly recalc: EngineRecalc,
  ) {}

  get active(): boolean {
    return this.hf !== null;
  }

  hasPending(): boolean {
    return this.queuedFormulas.size > 0 || this.queuedReeval.size > 0 || this.pushes.size > 0;
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  private activate(): void {
    const names = [...this.book.impls.keys()];
    const translations: Record<string, string> = {};
    for (const n of names) translations[n] = n;
    HyperFormula.getLanguage('enGB').extendFunctions(translations);
    const plugins = HyperFormula.getAllFunctionPlugins();
    if (names.length > 0) plugins.push(createCustomFunctionPlugin(names, (ast, state, evaluate) => this.callFromEngine(ast, state, evaluate)));
    plugins.push(createClockPlugin(() => wallClock(this.book.env.now(), this.book.timeZone)));
    this.lastTick = this.book.env.now().getTime();
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      undoLimit: 0,
      functionPlugins: plugins,
      dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD', 'YYYY/MM/DD'],
      currencySymbol: ['$'],
      localeLang: 'en-US',
    });
    this.ids.clear();
    this.byId.clear();
    this.masks.clear();
    this.pushes.clear();
    for (const sheet of this.book.sheetList()) this.addSheet(sheet);
    for (const nr of this.book.namedRangeList()) {
      const sheet = nr.sheet;
      const abs = (r: number, c: number): string => `$${columnToLetters(c + 1)}$${r + 1}`;
      const ref = `=${quoteSheetName(sheet.name)}!${abs(nr.r0, nr.c0)}:${abs(nr.r1, nr.c1)}`;
      try {
        this.hf.addNamedExpression(nr.name, ref);
        this.mirror(sheet, nr.r0, nr.c0, nr.r1, nr.c1);
      } catch {
        // A name HyperFormula does not accept stays unknown to formulas.
      }
    }
    for (const fc of this.recalc.allFormulas()) if (fc.kind === 'engine' && !fc.removed) this.queueFormula(fc);
  }

  private addSheet(sheet: SheetData): void {
    const hf = this.hf;
    if (!hf) return;
    const name = hf.addSheet(sheet.name);
    const id = hf.getSheetId(name);
    if (id === undefined) return;
    this.ids.set(sheet, id);
    this.byId.set(id, sheet);
  }

  /** Custom functions were registered: rebuild the engine so formulas can call them. */
  functionsRegistered(): void {
    if (this.hf) {
      this.hf.destroy();
      this.hf = null;
      this.activate();
    }
  }

  sheetAdded(sheet: SheetData): void {
    if (this.hf) this.addSheet(sheet);
  }

  sheetRemoved(sheet: SheetData): void {
    const id = this.ids.get(sheet);
    if (!this.hf || id === undefined) return;
    const changes = this.hf.removeSheet(id);
    this.ids.delete(sheet);
    this.byId.delete(id);
    this.masks.delete(sheet);
    this.pushes.delete(sheet);
    this.applyChanges(changes);
    this.refreshTexts();
    this.applyResults();
  }

  sheetRenamed(sheet: SheetData): void {
    const id = this.ids.get(sheet);
    if (!this.hf || id === undefined) return;
    this.hf.renameSheet(id, sheet.name);
    this.refreshTexts();
    this.applyResults();
  }

  namedRangesChanged(): void {
    this.functionsRegistered();
  }

  /** Rows or columns were inserted or deleted in the store; do the same in the engine. */
  structural(sheet: SheetData, dim: 'row' | 'col', at: number, count: number, insert: boolean): void {
    const hf = this.hf;
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    this.flushIfPending();
    let changes: ExportedChange[];
    if (dim === 'row') changes = insert ? hf.addRows(id, [at, count]) : hf.removeRows(id, [at, count]);
    else changes = insert ? hf.addColumns(id, [at, count]) : hf.removeColumns(id, [at, count]);
    const mask = this.masks.get(sheet);
    if (mask) {
      if (dim === 'row') {
        if (insert) mask.cells.insertRows(at, count);
        else mask.cells.deleteRows(at, count);
        mask.fullRows = shiftSet(mask.fullRows, at, insert ? count : -count);
      } else {
        if (insert) mask.cells.insertCols(at, count);
        else mask.cells.deleteCols(at, count);
        mask.fullCols = shiftSet(mask.fullCols, at, insert ? count : -count);
      }
    }
    this.applyChanges(changes);
    this.refreshTexts();
    this.applyResults();
  }

  private flushIfPending(): void {
    if (this.hasPending()) this.flush();
  }

  /** HyperFormula rewrites references on structural changes; keep the formula text in step. */
  private refreshTexts(): void {
    const hf = this.hf;
    if (!hf) return;
    for (const fc of this.recalc.allFormulas()) {
      if (fc.kind !== 'engine' || fc.engineText === null) continue;
      const text = hf.getCellFormula(this.address(fc));
      if (text !== undefined && text !== fc.engineText) {
        fc.text = fromEngineText(text);
        fc.engineText = text;
      }
    }
  }

  // ---- cell changes ---------------------------------------------------------------------------------------

  formulaSet(fc: FormulaCell): void {
    if (fc.kind !== 'engine') {
      this.touch(fc.sheet, fc.row, fc.col);
      return;
    }
    if (!this.hf) this.activate();
    else this.queueFormula(fc);
  }

  private queueFormula(fc: FormulaCell): void {
    this.queuedFormulas.add(fc);
    if (VOLATILE.test(fc.text)) this.volatile.add(fc);
    this.maskOf(fc.sheet).cells.set(fc.row, fc.col, true);
  }

  formulaRemoved(fc: FormulaCell): void {
    this.volatile.delete(fc);
    this.queuedFormulas.delete(fc);
    this.queuedReeval.delete(fc);
    this.results.delete(fc);
    this.touch(fc.sheet, fc.row, fc.col);
  }

  /**
   * On open and after every edit: volatile formulas are computed again when the clock has moved since they last were,
   * as Sheets recalculates TODAY() and NOW() "on change" (its default; https://support.google.com/docs/answer/58515).
   * A TODAY() cell whose day did not change keeps its value, so nothing reading it runs again.
   */
  tick(): void {
    if (!this.hf || this.volatile.size === 0) return;
    const now = this.book.env.now().getTime();
    if (now === this.lastTick) return;
    this.lastTick = now;
    for (const fc of this.volatile) {
      if (this.isCurrentEngineFormula(fc)) this.queuedReeval.add(fc);
      else this.volatile.delete(fc);
    }
  }

  /** Re-evaluates an engine formula (its array result may now fit, or no longer fit). */
  reevaluate(fc: FormulaCell): void {
    if (this.hf && fc.kind === 'engine' && !fc.removed) this.queuedReeval.add(fc);
  }

  /** A stored value changed: send it to the engine if a formula there reads the cell. */
  touch(sheet: SheetData, r: number, c: number): void {
    if (!this.hf) return;
    const mask = this.masks.get(sheet);
    if (!mask || !(mask.fullCols.has(c) || mask.fullRows.has(r) || mask.cells.get(r, c))) return;
    if (sheet.formulas.get(r, c)?.kind === 'engine') return;
    this.queuePush(sheet, r, c);
  }

  private queuePush(sheet: SheetData, r: number, c: number): void {
    let list = this.pushes.get(sheet);
    if (!list) {
      list = [];
      this.pushes.set(sheet, list);
    }
    list.push(r, c);
  }

  private maskOf(sheet: SheetData): Mask {
    let mask = this.masks.get(sheet);
    if (!mask) {
      mask = { cells: new SparseGrid<true>(), fullCols: new Set(), fullRows: new Set() };
      this.masks.set(sheet, mask);
    }
    return mask;
  }

  /** Starts mirroring a rectangle (0-based, inclusive; Infinity = to the end) read by engine formulas. */
  private mirror(sheet: SheetData, r0: number, c0: number, r1: number, c1: number): void {
    const mask = this.maskOf(sheet);
    const pushIfContent = (r: number, c: number): void => {
      if (sheet.get(r, c) !== '' && sheet.formulas.get(r, c)?.kind !== 'engine' && !sheet.engineArray.get(r, c)) this.queuePush(sheet, r, c);
    };
    if (!Number.isFinite(r1) || r1 >= MAX_ROWS - 1) {
      const last = Math.min(c1, sheet.maxCols - 1);
      for (let c = c0; c <= last; c++) {
        if (mask.fullCols.has(c)) continue;
        mask.fullCols.add(c);
        for (let r = 0; r < sheet.values.length; r++) if (!mask.cells.get(r, c)) pushIfContent(r, c);
      }
      return;
    }
    if (!Number.isFinite(c1) || c1 >= MAX_COLUMNS - 1) {
      for (let r = r0; r <= r1; r++) {
        if (mask.fullRows.has(r)) continue;
        mask.fullRows.add(r);
        const row = sheet.values[r];
        if (row) for (let c = 0; c < row.length; c++) if (!mask.cells.get(r, c) && !mask.fullCols.has(c)) pushIfContent(r, c);
      }
      return;
    }
    for (let r = r0; r <= r1; r++) {
      if (mask.fullRows.has(r)) continue;
      for (let c = c0; c <= c1; c++) {
        if (mask.fullCols.has(c) || mask.cells.get(r, c)) continue;
        mask.cells.set(r, c, true);
        pushIfContent(r, c);
      }
    }
  }

  private address(fc: FormulaCell): EngineAddress {
    return { sheet: this.ids.get(fc.sheet) ?? -1, row: fc.row, col: fc.col };
  }

  // ---- evaluation -----------------------------------------------------------------------------------------

  /** Sends queued formulas and values to HyperFormula, evaluates once, and brings the results back. */
  flush(): void {
    const hf = this.hf;
    if (!hf) {
      this.queuedFormulas.clear();
      this.queuedReeval.clear();
      this.pushes.clear();
      return;
    }
    const formulas = [...this.queuedFormulas].filter((fc) => this.isCurrentEngineFormula(fc));
    const reevals = [...this.queuedReeval].filter((fc) => this.isCurrentEngineFormula(fc));
    this.queuedFormulas.clear();
    this.queuedReeval.clear();
    let changes: ExportedChange[] = [];
    hf.suspendEvaluation();
    try {
      this.writeFormulas(formulas);
      for (const fc of formulas) this.mirrorPrecedents(fc);
      for (const fc of reevals) this.safeSet(fc.sheet, fc.row, fc.col, [[toEngineText(fc.text)]]);
      this.flushPushes();
    } finally {
      changes = hf.resumeEvaluation();
    }
    for (const fc of formulas) fc.engineText = hf.getCellFormula(this.address(fc)) ?? fc.text;
    this.applyChanges(changes);
    this.applyResults();
  }

  /** Shows the custom function results the engine computed (top-level calls): exact values, spills, errors. */
  private applyResults(): void {
    const results = this.results;
    this.results = new Map();
    for (const [fc, r] of results) {
      if (!this.isCurrentEngineFormula(fc)) continue;
      if (r.outcome.error !== null) {
        this.recalc.applyOutcome(fc, r.outcome);
        continue;
      }
      fc.result = r.outcome.values;
      fc.evaluated = true;
      const placed = this.recalc.placeResult(fc);
      if (placed === r.blockedAtEvaluation) this.reevaluate(fc);
    }
  }

  private isCurrentEngineFormula(fc: FormulaCell): boolean {
    return !fc.removed && fc.kind === 'engine' && fc.sheet.formulas.get(fc.row, fc.col) === fc && this.ids.has(fc.sheet);
  }

  private writeFormulas(formulas: FormulaCell[]): void {
    const bySheet = new Map<SheetData, number[]>();
    for (const fc of formulas) {
      let list = bySheet.get(fc.sheet);
      if (!list) {
        list = [];
        bySheet.set(fc.sheet, list);
      }
      list.push(fc.row, fc.col);
    }
    for (const [sheet, cells] of bySheet) {
      for (const b of groupIntoBlocks(cells)) {
        const data: string[][] = [];
        for (let dr = 0; dr < b.rows; dr++) {
          const row: string[] = [];
          for (let dc = 0; dc < b.cols; dc++) row.push(toEngineText(sheet.formulas.get(b.r0 + dr, b.c0 + dc)?.text ?? ''));
          data.push(row);
        }
        this.safeSet(sheet, b.r0, b.c0, data);
      }
    }
  }

  private mirrorPrecedents(fc: FormulaCell): void {
    const hf = this.hf;
    if (!hf) return;
    for (const p of hf.getCellPrecedents(this.address(fc))) {
      if ('start' in p) {
        const sheet = this.byId.get(p.start.sheet);
        if (sheet) this.mirror(sheet, p.start.row, p.start.col, p.end.row, p.end.col);
      } else {
        const sheet = this.byId.get(p.sheet);
        if (sheet) this.mirror(sheet, p.row, p.col, p.row, p.col);
      }
    }
  }

  private flushPushes(): void {
    const pushes = this.pushes;
    this.pushes = new Map();
    const tz = this.book.timeZone;
    for (const [sheet, cells] of pushes) {
      if (!this.ids.has(sheet)) continue;
      for (const b of groupIntoBlocks(cells)) {
        const data: (string | number | boolean | null)[][] = [];
        for (let dr = 0; dr < b.rows; dr++) {
          const row: (string | number | boolean | null)[] = [];
          for (let dc = 0; dc < b.cols; dc++) {
            const r = b.r0 + dr;
            const c = b.c0 + dc;
            const fc = sheet.formulas.get(r, c);
            if (fc?.kind === 'engine') row.push(toEngineText(fc.text));
            else row.push(toEngineContent(sheet.get(r, c), tz, fc !== undefined || sheet.spillOwner.get(r, c) !== undefined));
          }
          data.push(row);
        }
        this.safeSet(sheet, b.r0, b.c0, data);
      }
    }
  }

  private safeSet(sheet: SheetData, row: number, col: number, data: (string | number | boolean | null)[][]): void {
    const hf = this.hf;
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    try {
      hf.setCellContents({ sheet: id, row, col }, data);
    } catch {
      // Writing over part of an engine array result fails as a block; write cell by cell.
      data.forEach((cells, dr) =>
        cells.forEach((v, dc) => {
          try {
            hf.setCellContents({ sheet: id, row: row + dr, col: col + dc }, [[v]]);
          } catch {
            // The engine refuses this cell; its formulas keep reading the previous value.
          }
        }),
      );
    }
  }

  private applyChanges(changes: ExportedChange[]): void {
    const hf = this.hf;
    if (!hf) return;
    const tz = this.book.timeZone;
    for (const ch of changes) {
      if (!(ch instanceof ExportedCellChange)) continue;
      const { sheet: id, row: r, col: c } = ch.address;
      const sheet = this.byId.get(id);
      if (!sheet) continue;
      const fc = sheet.formulas.get(r, c);
      const value = fromExported(ch.newValue, () => String(hf.getCellValueDetailedType(ch.address)), tz);
      if (fc?.kind === 'engine') {
        const v = ch.newValue;
        fc.error = v !== null && typeof v === 'object' && 'message' in v ? String((v as { message: string }).message) : null;
        this.recalc.systemWrite(sheet, r, c, value, true);
      } else if (fc) {
        continue;
      } else if (sheet.engineArray.get(r, c)) {
        if (value === '' && !hf.isCellPartOfArray(ch.address)) sheet.engineArray.set(r, c, undefined);
        this.recalc.systemWrite(sheet, r, c, value, true);
      } else if (value !== '' && sheet.get(r, c) === '' && sheet.spillOwner.get(r, c) === undefined && hf.isCellPartOfArray(ch.address)) {
        sheet.engineArray.set(r, c, true);
        this.recalc.systemWrite(sheet, r, c, value, true);
      }
    }
  }

  // ---- custom functions called from engine formulas -------------------------------------------------------

  private callFromEngine(ast: AstLike, state: StateLike, evaluate: (a: AstLike) => unknown): unknown {
    const name = (ast.procedureName ?? '').toUpperCase();
    const base = state.formulaAddress;
    const sheet = this.byId.get(base.sheet);
    const fc = sheet?.formulas.get(base.row, base.col);
    this.depth++;
    try {
      const args = (ast.args ?? []).map((a) => this.argument(a, base, evaluate));
      const topLevel = fc !== undefined && fc.kind === 'engine' && this.depth === 1 && topLevelCallName(fc.text) === name;
      const tz = this.book.timeZone;
      if (!fc) return new CellError(errorTypeOf('#ERROR!'), 'Custom function called outside a formula cell.');
      if (!topLevel) return this.toEngineResult(invokeCustom(this.book, fc, name, args), tz);
      let outcome: CallOutcome;
      if (fc.cachedArgs && fc.result && sameArgs(fc.cachedArgs, args)) {
        outcome = { values: fc.result, errorValue: null, error: null };
      } else {
        outcome = invokeCustom(this.book, fc, name, args);
        fc.cachedArgs = args;
      }
      if (outcome.error !== null) {
        this.results.set(fc, { outcome, blockedAtEvaluation: false });
        return new CellError(errorTypeOf(outcome.errorValue ?? '#ERROR!'), outcome.error);
      }
      const blocked = spillBlockMessage(fc, outcome.values);
      this.results.set(fc, { outcome, blockedAtEvaluation: blocked !== null });
      if (blocked !== null) return new CellError(errorTypeOf('#REF!'), blocked);
      return toEngineScalar(outcome.values[0]?.[0] ?? '', tz);
    } finally {
      this.depth--;
    }
  }

  private toEngineResult(outcome: CallOutcome, tz: string): unknown {
    if (outcome.error !== null) return new CellError(errorTypeOf(outcome.errorValue ?? '#ERROR!'), outcome.error);
    const values = outcome.values;
    if (values.length === 1 && values[0]?.length === 1) return toEngineScalar(values[0][0] ?? '', tz);
    return SimpleRangeValue.onlyValues(values.map((row) => row.map((v) => toEngineScalar(v, tz))) as never);
  }

  /** A custom function argument: referenced cells come from the store (Dates stay Dates), computed cells from the engine. */
  private argument(a: AstLike, base: EngineAddress, evaluate: (a: AstLike) => unknown): unknown {
    const tz = this.book.timeZone;
    if (a.type === 'EMPTY') return undefined;
    const evaluated = evaluate(a);
    if (a.type === 'CELL_REFERENCE' && a.reference) {
      const addr = a.reference.toSimpleCellAddress(base);
      const sheet = this.byId.get(addr.sheet);
      if (!sheet || this.isEngineCell(sheet, addr.row, addr.col)) return fromInterpreter(evaluated, tz);
      return copyValue(sheet.get(addr.row, addr.col));
    }
    const rect = this.rangeOf(a, base);
    if (!rect || !(evaluated instanceof SimpleRangeValue)) return fromInterpreter(evaluated, tz);
    const { sheet, r0, c0 } = rect;
    const r1 = Math.min(rect.r1, sheet.maxRows - 1);
    const c1 = Math.min(rect.c1, sheet.maxCols - 1);
    const data = evaluated.rawData();
    const out: unknown[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= c1; c++) {
        if (this.isEngineCell(sheet, r, c)) row.push(fromInterpreter(data[r - r0]?.[c - c0], tz));
        else row.push(copyValue(sheet.get(r, c)));
      }
      out.push(row);
    }
    return out;
  }

  private isEngineCell(sheet: SheetData, r: number, c: number): boolean {
    return sheet.formulas.get(r, c)?.kind === 'engine' || sheet.engineArray.get(r, c) === true;
  }

  private rangeOf(a: AstLike, base: EngineAddress): { sheet: SheetData; r0: number; c0: number; r1: number; c1: number } | null {
    const s = a.start;
    const e = a.end;
    if (!s || !e) return null;
    if (a.type === 'CELL_RANGE' && s.toSimpleCellAddress && e.toSimpleCellAddress) {
      const p = s.toSimpleCellAddress(base);
      const q = e.toSimpleCellAddress(base);
      const sheet = this.byId.get(p.sheet);
      return sheet ? { sheet, r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) } : null;
    }
    if (a.type === 'COLUMN_RANGE' && s.toSimpleColumnAddress && e.toSimpleColumnAddress) {
      const p = s.toSimpleColumnAddress(base);
      const q = e.toSimpleColumnAddress(base);
      const sheet = this.byId.get(p.sheet);
      return sheet ? { sheet, r0: 0, c0: Math.min(p.col, q.col), r1: Infinity, c1: Math.max(p.col, q.col) } : null;
    }
    if (a.type === 'ROW_RANGE' && s.toSimpleRowAddress && e.toSimpleRowAddress) {
      const p = s.toSimpleRowAddress(base);
      const q = e.toSimpleRowAddress(base);
      const sheet = this.byId.get(p.sheet);
      return sheet ? { sheet, r0: Math.min(p.row, q.row), c0: 0, r1: Math.max(p.row, q.row), c1: Infinity } : null;
    }
    return null;
  }
}

/** Functions whose value changes with the clock rather than with their arguments. */
const VOLATILE = /(?:^|[^A-Za-z0-9_.])(?:TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

function shiftSet(set: Set<number>, at: number, n: number): Set<number> {
  const out = new Set<number>();
  for (const k of set) {
    if (k < at) out.add(k);
    else if (n > 0) out.add(k + n);
    else if (k >= at - n) out.add(k + n);
  }
  return out;
}
