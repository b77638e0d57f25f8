// Conversions between the emulator's cell values and HyperFormula's values (dates as serial numbers, errors).
import { CellError, DetailedCellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import { dateToSerial, serialToDate } from './dates';
import { CellValue } from './values';

const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NAME: '#NAME?',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
  CYCLE: '#REF!',
  REF: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
  ERROR: '#ERROR!',
};

const ERROR_TYPE: Record<string, ErrorType> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NAME?': ErrorType.NAME,
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#REF!': ErrorType.REF,
  '#ERROR!': ErrorType.ERROR,
};

export function errorText(type: string): string {
  return ERROR_TEXT[type] ?? '#ERROR!';
}

export function errorTypeOf(text: string): ErrorType {
  return ERROR_TYPE[text] ?? ErrorType.ERROR;
}

/** Store value of a cell as HyperFormula content: text is apostrophe-quoted so it is never re-parsed. */
export function toEngineContent(v: CellValue, timeZone: string, isErrorCell: boolean): string | number | boolean | null {
  if (v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, timeZone);
  if (isErrorCell && v in ERROR_TYPE) return v;
  return `'${v}`;
}

/** A value returned to HyperFormula by a plugin function. */
export function toEngineScalar(v: CellValue, timeZone: string): number | string | boolean | symbol | CellError {
  if (v === '') return EmptyValue;
  if (v instanceof Date) return dateToSerial(v, timeZone);
  return v;
}

interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

function isRichNumber(v: unknown): v is RichNumberLike {
  return typeof v === 'object' && v !== null && typeof (v as RichNumberLike).val === 'number' && typeof (v as RichNumberLike).getDetailedType === 'function';
}

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/** An interpreter value (inside a plugin call) as a custom function receives it. */
export function fromInterpreter(v: unknown, timeZone: string): unknown {
  if (v === EmptyValue || v === undefined || v === null) return '';
  if (v instanceof CellError) return errorText(v.type);
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map((x) => fromInterpreter(x, timeZone)));
  if (isRichNumber(v)) return DATE_TYPES.has(v.getDetailedType()) ? serialToDate(v.val, timeZone) : v.val;
  return v;
}

/** A cell value reported by HyperFormula (getCellValue / change lists) as the emulator stores it. */
export function fromExported(v: unknown, detailedType: () => string, timeZone: string): CellValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return errorText(v.type);
  if (typeof v === 'number') return DATE_TYPES.has(detailedType()) ? serialToDate(v, timeZone) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
