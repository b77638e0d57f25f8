// Recalculation: writes into the store, Sheets' custom function recalculation rule, spills, and the formula engine.
import { HyperFormula } from 'hyperformula';
import { CallOutcome, invokeCustom } from './custom-functions';
import { DependencyIndex } from './dependency-index';
import { type EngineBook, FormulaEngine } from './engine';
import { ArgRect, FormulaCell, type SheetData } from './sheet-data';
import { parseSimpleCall, renameSheetInFormula } from './formula-text';
import type { NamedRangeRecord } from './records';
import { applySpill, clearSpill, SpillWriter } from './spill';
import { CellValue, copyValue, ParsedInput, sameValue } from './values';

/** What recalculation needs of the document (the Workbook, which owns this Recalc and passes itself in). */
export interface RecalcBook extends EngineBook {
  sheetByName(name: string): SheetData | undefined;
}

type ChangeListener = (sheet: SheetData, r0: number, c0: number, r1: number, c1: number) => void;

let builtinNames: Set<string> | null = null;

/** Names HyperFormula implements (SUM, IF, VALUE...): formulas calling them go to the engine. */
function isBuiltin(name: string): boolean {
  builtinNames ??= new Set(HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()));
  return builtinNames.has(name);
}

export class Recalc implements SpillWriter {
  readonly engine: FormulaEngine;
  readonly index = new DependencyIndex();
  /** Emulator-evaluated formulas waiting to be (re)computed. */
  private dirty = new Set<FormulaCell>();
  /** Array results to re-place (a blocking cell changed). */
  private reapply = new Set<FormulaCell>();
  private settling = false;
  readonly listeners: ChangeListener[] = [];

  constructor(private readonly book: RecalcBook) {
    this.engine = new FormulaEngine(book, this);
  }

  /**
   * Sheets recalculates a custom function only when its formula text changes or a cell passed to it changes
   * (https://developers.google.com/apps-script/guides/sheets/functions#optimization). Formulas that are one call
   * `=CUSTOM(refs or literals)` are evaluated here with exactly that rule; others go to HyperFormula.
   */
  classify(fc: FormulaCell): void {
    const call = parseSimpleCall(fc.text);
    fc.call = null;
    fc.argRects = [];
    fc.unresolved = null;
    if (!call || (isBuiltin(call.name) && !this.book.impls.has(call.name))) {
      fc.kind = 'engine';
      return;
    }
    // A name that is no named range is left to the engine, which shows #NAME? as Sheets does.
    const names = call.args.flatMap((arg) => (arg.kind === 'name' ? [this.namedRange(arg.name)] : []));
    if (names.some((n) => n === undefined)) {
      fc.kind = 'engine';
      return;
    }
    fc.kind = 'native';
    fc.call = call;
    for (const arg of call.args) {
      if (arg.kind === 'name') {
        const n = this.namedRange(arg.name)!;
        fc.argRects.push({ sheet: n.sheet, r0: n.r0, c0: n.c0, r1: n.r1, c1: n.c1, single: n.r0 === n.r1 && n.c0 === n.c1 });
        continue;
      }
      if (arg.kind !== 'ref') continue;
      const ref = arg.ref;
      const sheet = ref.sheetName === null ? fc.sheet : this.book.sheetByName(ref.sheetName);
      if (!sheet) {
        fc.unresolved = `Unresolved sheet name '${ref.sheetName ?? ''}'.`;
        continue;
      }
      const a = ref.a;
      const b = ref.b ?? ref.a;
      const rect: ArgRect = {
        sheet,
        r0: (a.row ?? 1) - 1,
        c0: (a.col ?? 1) - 1,
        r1: b.row === null ? Infinity : b.row - 1,
        c1: b.col === null ? Infinity : b.col - 1,
        single: ref.b === null,
      };
      if (rect.r1 < rect.r0) [rect.r0, rect.r1] = [rect.r1, rect.r0];
      if (rect.c1 < rect.c0) [rect.c0, rect.c1] = [rect.c1, rect.c0];
      fc.argRects.push(rect);
    }
  }

  private namedRange(name: string): NamedRangeRecord | undefined {
    const lower = name.toLowerCase();
    return this.book.namedRangeList().find((n) => n.name.toLowerCase() === lower);
  }

  /** All formula cells of the workbook. */
  *allFormulas(): Generator<FormulaCell> {
    for (const sheet of this.book.sheetList()) {
      const list: FormulaCell[] = [];
      sheet.formulas.forEach((fc) => list.push(fc));
      yield* list;
    }
  }

  // ---- writes ---------------------------------------------------------------------------------------------

  /** A user write (setValues, setFormula, clear...) of a block of cells; recalculates before returning. */
  writeCells(sheet: SheetData, r0: number, c0: number, rows: number, cols: number, input: (dr: number, dc: number) => ParsedInput): void {
    const plain = sheet.formulas.count === 0 && sheet.spillOwner.count === 0 && sheet.engineArray.count === 0;
    const tracked = this.engine.active;
    const formats = sheet.styles.get('numberFormat');
    for (let dr = 0; dr < rows; dr++) {
      const r = r0 + dr;
      for (let dc = 0; dc < cols; dc++) {
        const c = c0 + dc;
        const p = input(dr, dc);
        if (plain && p.kind === 'value') {
          sheet.set(r, c, p.value);
          if (p.format !== undefined && formats?.get(r, c) === undefined) sheet.style('numberFormat').set(r, c, p.format);
          if (tracked) this.engine.touch(sheet, r, c);
        } else {
          this.writeCell(sheet, r, c, p);
        }
      }
    }
    sheet.version++;
    this.afterWrite(sheet, r0, c0, r0 + rows - 1, c0 + cols - 1);
    this.engine.tick();
    this.settle();
  }

  /** A user write of scattered cells on one sheet (find and replace); recalculates once. */
  writeList(sheet: SheetData, entries: { r: number; c: number; input: ParsedInput }[]): void {
    for (const e of entries) {
      this.writeCell(sheet, e.r, e.c, e.input);
      this.afterWrite(sheet, e.r, e.c, e.r, e.c);
    }
    sheet.version++;
    this.engine.tick();
    this.settle();
  }

  /**
   * The spreadsheet is opened: volatile functions (TODAY, NOW) are computed again when the clock has moved, and what
   * reads them follows, as in Sheets, where opening a spreadsheet recalculates them.
   */
  opened(): void {
    this.engine.tick();
    this.settle();
  }

  /**
   * Named ranges were added, moved or removed: formulas naming one read its new cells (the named-range argument's
   * value changes, so they run again when its rectangle moved), and the engine learns the names.
   */
  namedRangesChanged(): void {
    for (const fc of this.allFormulas()) {
      if (!fc.call?.args.some((a) => a.kind === 'name') && !(fc.kind === 'engine' && parseSimpleCall(fc.text)?.args.some((a) => a.kind === 'name'))) continue;
      const before = JSON.stringify(fc.argRects.map((r) => [r.sheet.name, r.r0, r.c0, r.r1, r.c1]));
      const wasNative = fc.kind === 'native';
      this.classify(fc);
      if (fc.kind === 'native' && (!wasNative || JSON.stringify(fc.argRects.map((r) => [r.sheet.name, r.r0, r.c0, r.r1, r.c1])) !== before)) {
        this.dirty.add(fc);
      }
      if (wasNative && fc.kind === 'engine') this.engine.formulaSet(fc);
      if (!wasNative && fc.kind === 'native') this.engine.formulaRemoved(fc);
    }
    this.index.rebuild(this.allFormulas());
    this.engine.namedRangesChanged();
    this.settle();
  }

  private writeCell(sheet: SheetData, r: number, c: number, p: ParsedInput): void {
    const old = sheet.formulas.get(r, c);
    if (p.kind === 'formula') {
      // Writing the same formula text again is not a change (the documented recalculation rule).
      if (old && old.text === p.text) return;
      if (old) this.dropFormula(old);
      this.releaseCell(sheet, r, c);
      const fc = new FormulaCell(p.text, sheet, r, c);
      sheet.formulas.set(r, c, fc);
      sheet.formulaVersion++;
      sheet.set(r, c, '');
      this.classify(fc);
      if (fc.kind === 'native') {
        this.index.add(fc);
        this.dirty.add(fc);
      }
      this.engine.formulaSet(fc);
      return;
    }
    if (old) this.dropFormula(old);
    const owner = sheet.spillOwner.get(r, c);
    if (owner && p.value === '') return; // Clearing a spilled cell leaves the array result in place.
    this.releaseCell(sheet, r, c);
    sheet.set(r, c, p.value);
    if (p.format !== undefined && sheet.styles.get('numberFormat')?.get(r, c) === undefined) sheet.style('numberFormat').set(r, c, p.format);
    this.engine.touch(sheet, r, c);
  }

  /** The cell stops being part of someone else's array result. */
  private releaseCell(sheet: SheetData, r: number, c: number): void {
    const owner = sheet.spillOwner.get(r, c);
    if (owner) {
      sheet.spillOwner.set(r, c, undefined);
      this.reapply.add(owner);
    }
    if (sheet.engineArray.get(r, c)) sheet.engineArray.set(r, c, undefined);
  }

  dropFormula(fc: FormulaCell): void {
    const sheet = fc.sheet;
    if (sheet.formulas.get(fc.row, fc.col) === fc) {
      sheet.formulas.set(fc.row, fc.col, undefined);
      sheet.formulaVersion++;
    }
    fc.removed = true;
    this.dirty.delete(fc);
    this.reapply.delete(fc);
    sheet.anchors.delete(fc);
    if (fc.kind === 'native') this.index.removed();
    clearSpill(this, fc);
    this.engine.formulaRemoved(fc);
  }

  /** A value computed by the emulator or the engine (not typed by the user). */
  systemWrite(sheet: SheetData, r: number, c: number, v: CellValue, fromEngine = false): void {
    if (sameValue(sheet.get(r, c), v)) return;
    sheet.set(r, c, v);
    this.changed(sheet, r, c, r, c);
    if (!fromEngine) this.engine.touch(sheet, r, c);
  }

  freed(sheet: SheetData, r0: number, c0: number, r1: number, c1: number, except: FormulaCell): void {
    for (const fc of sheet.anchors) {
      if (fc === except || fc.removed || fc.error === null) continue;
      if (fc.row <= r1 && fc.row + fc.wantRows - 1 >= r0 && fc.col <= c1 && fc.col + fc.wantCols - 1 >= c0) this.reapply.add(fc);
    }
  }

  /** After user writes: dependent custom functions, array results in or blocked by the area, listeners. */
  afterWrite(sheet: SheetData, r0: number, c0: number, r1: number, c1: number): void {
    this.changed(sheet, r0, c0, r1, c1);
    for (const fc of sheet.anchors) {
      if (fc.removed) continue;
      const hit = fc.row <= r1 && fc.row + fc.wantRows - 1 >= r0 && fc.col <= c1 && fc.col + fc.wantCols - 1 >= c0;
      if (hit && !(fc.row >= r0 && fc.row <= r1 && fc.col >= c0 && fc.col <= c1 && fc.wantRows === 1 && fc.wantCols === 1)) this.reapply.add(fc);
    }
  }

  private changed(sheet: SheetData, r0: number, c0: number, r1: number, c1: number): void {
    this.index.query(sheet, r0, c0, r1, c1, this.dirty);
    for (const l of this.listeners) l(sheet, r0, c0, r1, c1);
  }

  markDirty(fc: FormulaCell): void {
    if (!fc.removed && fc.kind === 'native') this.dirty.add(fc);
  }

  queueReapply(fc: FormulaCell): void {
    this.reapply.add(fc);
  }

  // ---- evaluation -----------------------------------------------------------------------------------------

  /** Runs until every dirty formula, pending engine update and array placement is done. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < 10_000; round++) {
        if (this.reapply.size > 0) this.processReapply();
        else if (this.dirty.size > 0) this.evaluateDirty();
        else if (this.engine.hasPending()) this.engine.flush();
        else break;
      }
      if (this.index.needsCompaction()) this.index.rebuild(this.allFormulas());
    } finally {
      this.settling = false;
    }
  }

  private processReapply(): void {
    const list = [...this.reapply];
    this.reapply.clear();
    for (const fc of list) {
      if (fc.removed) continue;
      if (fc.kind === 'native') {
        if (fc.result) applySpill(this, fc);
      } else {
        this.engine.reevaluate(fc);
      }
    }
  }

  /** Evaluates dirty formulas, arguments before the formulas that read them. */
  private evaluateDirty(): void {
    const pending = new Set(this.dirty);
    this.dirty.clear();
    while (pending.size > 0) {
      const ready: FormulaCell[] = [];
      for (const fc of pending) if (!this.readsAny(fc, pending)) ready.push(fc);
      const batch = ready.length > 0 ? ready : [...pending]; // a cycle: evaluate anyway
      for (const fc of batch) {
        pending.delete(fc);
        this.evaluateNative(fc);
      }
    }
  }

  private readsAny(fc: FormulaCell, pending: Set<FormulaCell>): boolean {
    if (pending.size === 1) return false;
    for (const rect of fc.argRects) {
      let found = false;
      const r1 = Math.min(rect.r1, rect.sheet.maxRows - 1);
      const c1 = Math.min(rect.c1, rect.sheet.maxCols - 1);
      rect.sheet.formulas.forEachIn(rect.r0, rect.c0, r1, c1, (other) => {
        if (other !== fc && pending.has(other)) found = true;
      });
      if (found) return true;
    }
    return false;
  }

  private evaluateNative(fc: FormulaCell): void {
    if (fc.removed || fc.kind !== 'native' || !fc.call) return;
    const outcome = fc.unresolved !== null ? { values: [['#REF!']], errorValue: '#REF!', error: fc.unresolved } : this.callNative(fc);
    this.applyOutcome(fc, outcome);
  }

  private callNative(fc: FormulaCell): CallOutcome {
    const call = fc.call;
    if (!call) return { values: [['']], errorValue: null, error: null };
    const args: unknown[] = [];
    let refIndex = 0;
    for (const arg of call.args) {
      if (arg.kind === 'omitted') args.push(undefined);
      else if (arg.kind === 'literal') args.push(arg.value);
      // A reference or a named range: its rectangle, in argument order.
      else {
        const rect = fc.argRects[refIndex++];
        args.push(rect ? readArg(rect) : '');
      }
    }
    return invokeCustom(this.book, fc, call.name, args);
  }

  /** Shows a custom function's outcome in its cell (and spill area). */
  applyOutcome(fc: FormulaCell, outcome: CallOutcome): void {
    if (fc.removed) return;
    fc.evaluated = true;
    if (outcome.error !== null) {
      clearSpill(this, fc);
      fc.result = null;
      fc.wantRows = 1;
      fc.wantCols = 1;
      fc.sheet.anchors.delete(fc);
      fc.error = outcome.error;
      this.systemWrite(fc.sheet, fc.row, fc.col, outcome.errorValue ?? '#ERROR!');
      return;
    }
    fc.result = outcome.values;
    applySpill(this, fc);
  }

  /** A sheet was renamed: formulas naming it are rewritten (their arguments are the same cells). */
  sheetRenamed(sheet: SheetData, oldName: string): void {
    for (const fc of this.allFormulas()) {
      if (fc.kind === 'native' && fc.argRects.some((r) => r.sheet === sheet)) fc.text = renameSheetInFormula(fc.text, oldName, sheet.name);
    }
    this.engine.sheetRenamed(sheet);
    this.settle();
  }

  /** After copying formula cells into a new document: classify, index, and let the engine compute its formulas. */
  adoptFormulas(): void {
    let engineFormula: FormulaCell | null = null;
    for (const fc of this.allFormulas()) {
      const kind = fc.kind;
      this.classify(fc);
      if (fc.kind !== kind && fc.kind === 'native') this.dirty.add(fc);
      if (fc.kind === 'engine') engineFormula ??= fc;
    }
    this.index.rebuild(this.allFormulas());
    if (engineFormula) this.engine.formulaSet(engineFormula);
    this.settle();
  }

  /** Places an engine formula's array result; false when blocked. */
  placeResult(fc: FormulaCell): boolean {
    return applySpill(this, fc);
  }

  /** After registerCustomFunctions: formulas calling newly known names are evaluated. */
  functionsRegistered(names: string[]): void {
    const known = new Set(names);
    for (const fc of this.allFormulas()) {
      const wasNative = fc.kind === 'native';
      this.classify(fc);
      if (fc.kind === 'native' && !wasNative) {
        this.index.add(fc);
        this.engine.formulaRemoved(fc);
      }
      if (fc.kind === 'native' && fc.call && known.has(fc.call.name)) this.dirty.add(fc);
    }
    this.engine.functionsRegistered();
    this.settle();
  }
}

/** An argument as Sheets passes it: a single cell's value, or a 2-D array of a range's values (Dates as Dates). */
export function readArg(rect: ArgRect): unknown {
  const sheet = rect.sheet;
  if (rect.single) return copyValue(sheet.get(rect.r0, rect.c0));
  const r1 = Math.min(rect.r1, sheet.maxRows - 1);
  const c1 = Math.min(rect.c1, sheet.maxCols - 1);
  const width = c1 - rect.c0 + 1;
  const out: CellValue[][] = [];
  for (let r = rect.r0; r <= r1; r++) {
    const src = sheet.values[r];
    const row = new Array<CellValue>(width);
    for (let i = 0; i < width; i++) {
      const v = src?.[rect.c0 + i];
      row[i] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
    }
    out.push(row);
  }
  return out;
}
