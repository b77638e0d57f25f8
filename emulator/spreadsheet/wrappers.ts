// Builds the Range, Sheet and Spreadsheet wrappers for modules that may not import their classes (that would close an
// import circle: a Range makes Sheets, a Sheet makes Ranges, both make DeveloperMetadata, which makes both).
// Each class registers itself when its module loads (index.ts loads them all); its type reaches this module through
// declaration merging into WrapperClasses, so the types below name the classes without importing them.
import type { Ctx } from './context';
import type { SheetData } from './sheet-data';

/** Filled in by range.ts, sheet.ts and spreadsheet.ts: `declare module './wrappers' { interface WrapperClasses { ... } }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WrapperClasses {}

export type Range = InstanceType<WrapperClasses['Range']>;
export type Sheet = InstanceType<WrapperClasses['Sheet']>;
export type Spreadsheet = InstanceType<WrapperClasses['Spreadsheet']>;

const classes: Partial<WrapperClasses> = {};

/** Called once by each wrapper class's module, after the class is defined. */
export function registerWrapper<K extends keyof WrapperClasses>(name: K, cls: WrapperClasses[K]): void {
  classes[name] = cls;
}

function wrapperClass<K extends keyof WrapperClasses>(name: K): WrapperClasses[K] {
  const cls = classes[name];
  if (!cls) throw new Error(`The ${name} wrapper is not registered: load the emulator through emulator/spreadsheet (its index.ts).`);
  return cls;
}

export function rangeWrapper(ctx: Ctx, sheet: SheetData, r0: number, c0: number, rows: number, cols: number, openRows = false, openCols = false): Range {
  return new (wrapperClass('Range'))(ctx, sheet, r0, c0, rows, cols, openRows, openCols);
}

export function sheetWrapper(ctx: Ctx, sheet: SheetData): Sheet {
  return new (wrapperClass('Sheet'))(ctx, sheet);
}

export function spreadsheetWrapper(ctx: Ctx): Spreadsheet {
  return new (wrapperClass('Spreadsheet'))(ctx);
}
