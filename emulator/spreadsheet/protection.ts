// Protected sheets and ranges (recorded, not enforced: the script's user is treated as an editor of every protection).
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { type Range, rangeWrapper } from './wrappers';
import type { ProtectionRecord } from './records';
import type { SheetRect, SheetData } from './sheet-data';

/** The effective user of emulated executions; Sheets makes the protecting user an editor. */
export const EFFECTIVE_USER = 'user@example.com';

export class User extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _email: string,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'User';
  }
  getEmail(): string {
    return this._email;
  }
}

export function newProtection(ctx: Ctx, type: 'SHEET' | 'RANGE', sheet: SheetData, rect: SheetRect | null): Protection {
  const rec: ProtectionRecord = {
    id: ctx.book.newId('protection'),
    type,
    sheet,
    rect,
    description: '',
    warningOnly: false,
    editors: [EFFECTIVE_USER],
    domainEdit: false,
    unprotected: [],
    rangeName: null,
  };
  ctx.book.protections.push(rec);
  return new Protection(ctx, rec);
}

function emailsOf(users: unknown): string[] {
  const list = Array.isArray(users) ? users : [users];
  return list.map((u) => (u instanceof User ? u._email : String(u)));
}

export class Protection extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _rec: ProtectionRecord,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'Protection';
  }
  getProtectionType(): string {
    return this._rec.type;
  }
  getDescription(): string {
    return this._rec.description;
  }
  setDescription(description: string): Protection {
    assertWritable(this._ctx, 'setDescription');
    this._rec.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._rec.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    assertWritable(this._ctx, 'setWarningOnly');
    this._rec.warningOnly = warningOnly;
    return this;
  }
  getEditors(): User[] {
    return this._rec.editors.map((e) => new User(this._ctx, e));
  }
  addEditor(emailAddressOrUser: unknown): Protection {
    return this.addEditors([emailAddressOrUser]);
  }
  addEditors(emailAddresses: unknown[]): Protection {
    assertWritable(this._ctx, 'addEditors');
    for (const e of emailsOf(emailAddresses)) if (!this._rec.editors.includes(e)) this._rec.editors.push(e);
    return this;
  }
  removeEditor(emailAddressOrUser: unknown): Protection {
    return this.removeEditors([emailAddressOrUser]);
  }
  removeEditors(emailAddresses: unknown[]): Protection {
    assertWritable(this._ctx, 'removeEditors');
    const gone = new Set(emailsOf(emailAddresses));
    this._rec.editors = this._rec.editors.filter((e) => !gone.has(e));
    return this;
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return this._rec.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    assertWritable(this._ctx, 'setDomainEdit');
    this._rec.domainEdit = editable;
    return this;
  }
  getRange(): Range {
    const r = this._rec.rect;
    const sheet = this._rec.sheet;
    if (!r) return rangeWrapper(this._ctx, sheet, 0, 0, sheet.maxRows, sheet.maxCols);
    return rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
  }
  getRangeName(): string | null {
    return this._rec.rangeName;
  }
  setRange(range: Range): Protection {
    assertWritable(this._ctx, 'setRange');
    this._rec.rect = { sheet: range._sheet, r0: range._r0, c0: range._c0, r1: range._r1, c1: range._c1 };
    return this;
  }
  getUnprotectedRanges(): Range[] {
    return this._rec.unprotected.map((r) => rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  }
  setUnprotectedRanges(ranges: Range[]): Protection {
    assertWritable(this._ctx, 'setUnprotectedRanges');
    this._rec.unprotected = ranges.map((r) => ({ sheet: r._sheet, r0: r._r0, c0: r._c0, r1: r._r1, c1: r._c1 }));
    return this;
  }
  remove(): void {
    assertWritable(this._ctx, 'remove');
    const book = this._ctx.book;
    book.protections = book.protections.filter((p) => p !== this._rec);
  }
}

instrument(User, 'User');
instrument(Protection, 'Protection');
