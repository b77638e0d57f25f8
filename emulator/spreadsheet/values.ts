// Cell values as Sheets holds them, and how a value written by a script is read (formula, literal text, number, date...).
import { daysInMonth, makeDate } from './dates';

/** A cell's value: '' is an empty cell. */
export type CellValue = number | string | boolean | Date;

export type ParsedInput =
  | { kind: 'formula'; text: string }
  | { kind: 'value'; value: CellValue; format?: string };

export const EMPTY: ParsedInput = { kind: 'value', value: '' };

export const DATE_FORMAT = 'M/d/yyyy';
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const TIME_FORMAT = 'h:mm:ss am/pm';

export interface ParseContext {
  timeZone: string;
  /** The current year in the spreadsheet's zone, for "3/1"-style dates. */
  currentYear: number;
}

/**
 * Reads a value passed to Range.setValue / setValues / appendRow the way Sheets does (USER_ENTERED):
 * - https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object):
 *   "The value can be numeric, string, boolean or date. If it begins with '=' it is interpreted as a formula."
 * - A leading apostrophe forces literal text and is not stored ("'=1+1" is the text "=1+1").
 * - Other text is parsed as a person typing it in an en_US sheet: "123", "1,234.5", "$1,200", "35%", "TRUE",
 *   "3/1/2026", "2026-03-01", "2-10" (a date: February 10 of this year, as Sheets does) become numbers,
 *   booleans and dates; anything else stays text.
 */
export function parseInput(raw: unknown, ctx: ParseContext): ParsedInput {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'number') return { kind: 'value', value: raw };
  if (typeof raw === 'boolean') return { kind: 'value', value: raw };
  if (raw instanceof Date) return { kind: 'value', value: new Date(raw.getTime()) };
  const text = typeof raw === 'string' ? raw : String(raw);
  if (text === '') return EMPTY;
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  return parseText(text, ctx);
}

/** Parses typed text (no formula, no apostrophe) into a number, boolean or date, else keeps the text. */
export function parseText(text: string, ctx: ParseContext): ParsedInput {
  const t = text.trim();
  if (t === '') return { kind: 'value', value: text };
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { kind: 'value', value: true };
  if (upper === 'FALSE') return { kind: 'value', value: false };
  const first = t.charCodeAt(0);
  const numericStart = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 36;
  if (!numericStart && !/^[A-Za-z]{3}/.test(t)) return { kind: 'value', value: text };
  return parseNumber(t) ?? parseDate(t, ctx) ?? { kind: 'value', value: text };
}

const NUMBER = /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;

function parseNumber(t: string): ParsedInput | null {
  const m = NUMBER.exec(t);
  if (!m) return null;
  if (m[1] !== undefined && m[3] !== undefined) return null;
  const sign = (m[1] ?? m[3]) === '-' ? -1 : 1;
  const digits = (m[4] ?? '').replace(/,/g, '');
  let value = sign * Number(digits + (m[5] !== undefined ? `e${m[5]}` : ''));
  if (!Number.isFinite(value)) return null;
  if (m[6] !== undefined) {
    if (m[2] !== undefined) return null;
    value /= 100;
    const decimals = digits.includes('.') ? (digits.split('.')[1] ?? '').length : 0;
    return { kind: 'value', value, format: decimals > 0 ? '0.00%' : '0%' };
  }
  if (m[2] !== undefined) return { kind: 'value', value, format: '"$"#,##0.00' };
  return { kind: 'value', value };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthFromName(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return 0;
  const idx = MONTHS.findIndex((full) => full.startsWith(lower));
  return idx + 1;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const TIME_PART = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

function parseTime(t: string): [number, number, number] | null {
  const m = TIME_PART.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4] !== undefined) {
    if (h < 1 || h > 12) return null;
    const pm = m[4].toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return [h, min, s];
}

function parseDate(t: string, ctx: ParseContext): ParsedInput | null {
  const onlyTime = parseTime(t);
  if (onlyTime) {
    return { kind: 'value', value: makeDate(ctx.timeZone, 1899, 12, 30, ...onlyTime), format: TIME_FORMAT };
  }
  let datePart = t;
  let time: [number, number, number] | null = null;
  const space = t.search(/\s\d{1,2}:\d{2}/);
  if (space > 0) {
    time = parseTime(t.slice(space + 1).trim());
    if (!time) return null;
    datePart = t.slice(0, space).trim();
  }
  let y = 0;
  let mo = 0;
  let d = 0;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(datePart))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if ((m = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(datePart))) {
    mo = Number(m[1]);
    d = Number(m[3]);
    y = m[4] === undefined ? ctx.currentYear : fullYear(m[4]);
  } else if ((m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(datePart))) {
    mo = monthFromName(m[1] ?? '');
    d = Number(m[2]);
    y = Number(m[3]);
  } else if ((m = /^(\d{1,2})[\s-]([A-Za-z]{3,9}\.?)[\s-](\d{4}|\d{2})$/.exec(datePart))) {
    d = Number(m[1]);
    mo = monthFromName(m[2] ?? '');
    y = fullYear(m[3] ?? '');
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || y < 1 || d > daysInMonth(y, mo)) return null;
  const value = makeDate(ctx.timeZone, y, mo, d, ...(time ?? [0, 0, 0]));
  return { kind: 'value', value, format: time ? DATE_TIME_FORMAT : DATE_FORMAT };
}

export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  return (a === undefined && b === '') || (a === '' && b === undefined);
}

/** A copy safe to hand to callers (Dates are mutable). */
export function copyValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return '';
  return v instanceof Date ? new Date(v.getTime()) : v;
}
