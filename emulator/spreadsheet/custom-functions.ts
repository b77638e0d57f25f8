// Calling a registered custom function as Sheets does: context (calling cell, auth mode), result shape, errors, time limit.
import { qualifiedCellA1 } from './a1';
import type { FormulaCell } from './sheet-data';
import type { EmulatorEnv } from '../env';
import { MAX_CELL_CHARS } from './grid-args';
import { CellValue } from './values';

export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** Outcome of one custom function call: a rectangular result (at least 1x1), or an error shown in the cell. */
export interface CallOutcome {
  values: CellValue[][];
  /** Cell value shown for an error ('#ERROR!', '#NAME?'), with its message. */
  errorValue: string | null;
  error: string | null;
}

/** Custom functions may run 30 seconds (https://developers.google.com/apps-script/guides/sheets/functions). */
export const CUSTOM_FUNCTION_TIME_LIMIT_MS = 30_000;

export interface InvocationHost {
  env: EmulatorEnv;
  impls: Map<string, CustomFunctionImpl>;
  recordCall(name: string): void;
}

/**
 * Runs NAME(args) for the formula cell `fc`: while it runs, env.customFunctionCell is the calling cell and
 * env.authMode is CUSTOM_FUNCTION, so SpreadsheetApp.getActiveRange() is that cell and writes are refused.
 * A thrown error shows "#ERROR!" with the error's message (the cell's tooltip in Sheets).
 */
export function invokeCustom(host: InvocationHost, fc: FormulaCell, name: string, args: unknown[]): CallOutcome {
  const impl = host.impls.get(name);
  if (!impl) return errorOutcome('#NAME?', `Unknown function: '${name}'.`);
  const env = host.env;
  const savedCell = env.customFunctionCell;
  const savedMode = env.authMode;
  env.customFunctionCell = qualifiedCellA1(fc.sheet.name, fc.row + 1, fc.col + 1);
  env.authMode = 'CUSTOM_FUNCTION';
  host.recordCall(name);
  const started = Date.now();
  let result: unknown;
  try {
    result = impl(...args);
  } catch (err) {
    return errorOutcome('#ERROR!', err instanceof Error ? err.message : String(err));
  } finally {
    env.customFunctionCell = savedCell;
    env.authMode = savedMode;
  }
  if (Date.now() - started > CUSTOM_FUNCTION_TIME_LIMIT_MS) return errorOutcome('#ERROR!', 'Exceeded maximum execution time');
  const values = normalizeResult(result);
  // A formula's text result obeys the cell limit too (https://support.google.com/drive/answer/37603): Sheets shows
  // an error instead of a cut-down text.
  if (values.some((row) => row.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS))) {
    return errorOutcome('#VALUE!', `Text result of ${name} is longer than the limit of ${MAX_CELL_CHARS} characters.`);
  }
  return { values, errorValue: null, error: null };
}

export function errorOutcome(errorValue: string, message: string): CallOutcome {
  return { values: [[errorValue]], errorValue, error: message };
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '#VALUE!' : new Date(v.getTime());
  return String(v);
}

/**
 * A returned 2-D array spills down and right from the formula cell
 * (https://developers.google.com/apps-script/guides/sheets/functions#return_values); a flat array is a column;
 * ragged rows are padded with empty cells.
 */
export function normalizeResult(result: unknown): CellValue[][] {
  if (!Array.isArray(result)) return [[toCellValue(result)]];
  if (result.length === 0) return [['']];
  const twoD = result.some((row) => Array.isArray(row));
  const rows: unknown[][] = twoD ? result.map((row: unknown) => (Array.isArray(row) ? row : [row])) : result.map((v: unknown) => [v]);
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return rows.map((row) => {
    const out = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) out[c] = toCellValue(row[c]);
    return out;
  });
}

/** Deep equality of argument lists (values, 2-D arrays, Dates). */
export function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameArg(a[i], b[i])) return false;
  return true;
}

function sameArg(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return sameArgs(a, b);
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
