// Named ranges: validation of names and the NamedRange object (getName/getRange/setName/setRange/remove).
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { type Range, rangeWrapper } from './wrappers';
import type { NamedRangeRecord } from './records';
import type { Workbook } from './workbook';

/**
 * Sheets accepts letters, digits, underscores and periods, not starting with a digit, not "true"/"false",
 * and not something that reads as a cell (A1 or R1C1).
 */
export function checkRangeName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name);
  if (!valid) throw new Error(`Invalid named range name: ${name}`);
}

export function findNamedRange(book: Workbook, name: string): NamedRangeRecord | undefined {
  const lower = name.toLowerCase();
  return book.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

export function setNamedRange(book: Workbook, name: string, range: Range): void {
  checkRangeName(name);
  const rec: NamedRangeRecord = { name, sheet: range._sheet, r0: range._r0, c0: range._c0, r1: range._r1, c1: range._c1 };
  const existing = findNamedRange(book, name);
  book.namedRanges = existing ? book.namedRanges.map((n) => (n === existing ? rec : n)) : [...book.namedRanges, rec];
  book.recalc.namedRangesChanged();
}

export class NamedRange extends Wrapper {
  constructor(
    ctx: Ctx,
    private _name: string,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'NamedRange';
  }
  _rec(): NamedRangeRecord {
    const rec = findNamedRange(this._ctx.book, this._name);
    if (!rec) throw new Error(`Named range ${this._name} was removed.`);
    return rec;
  }
  getName(): string {
    return this._rec().name;
  }
  getRange(): Range {
    const r = this._rec();
    return rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
  }
  setName(name: string): NamedRange {
    assertWritable(this._ctx, 'setName');
    checkRangeName(name);
    const rec = this._rec();
    rec.name = name;
    this._name = name;
    this._ctx.book.recalc.namedRangesChanged();
    return this;
  }
  setRange(range: Range): NamedRange {
    assertWritable(this._ctx, 'setRange');
    setNamedRange(this._ctx.book, this._rec().name, range);
    return this;
  }
  remove(): void {
    assertWritable(this._ctx, 'remove');
    const rec = this._rec();
    this._ctx.book.namedRanges = this._ctx.book.namedRanges.filter((n) => n !== rec);
    this._ctx.book.recalc.namedRangesChanged();
  }
}

instrument(NamedRange, 'NamedRange');
