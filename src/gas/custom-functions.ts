// The custom functions: coerce Sheets' arguments, read the stored model once per call, score every row with the engine.

import { compileModel, type CompiledModel } from '../engine/model-compile';
import type { CompiledProfile } from '../engine/compile';
import type { RowResult } from '../engine/results';
import { EngineError } from '../engine/errors';
import { isBlank } from '../engine/read/blank';
import { cellText } from '../engine/read/text';
import { findHeaders, FunctionError } from './header-discovery';
import { readStoredModel } from './model-store';
import { scriptToday } from './today';
import { spreadsheetTimeZone, toSheetDays } from './sheet-dates';

type Cell = unknown;
type Matrix = Cell[][];
type Output = string | number;

/** Sheets passes one cell as a value and a range as a 2-D array (https://developers.google.com/apps-script/guides/sheets/functions#arguments). */
function toMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg]];
}

function asText(arg: unknown): string | undefined {
  if (arg === undefined || arg === null || arg === '') return undefined;
  return typeof arg === 'string' ? arg : undefined;
}

interface Call {
  fnName: string;
  rows: Matrix;
  headers: string[];
  /** Rows of the argument that are the header row itself (only the first, when the range starts on it). */
  skipFirst: boolean;
  model: CompiledModel;
}

function loadModel(fnName: string, headers: readonly unknown[]): CompiledModel {
  const stored = readStoredModel(SpreadsheetApp.getActiveSpreadsheet());
  if (stored.error !== null) throw new FunctionError(`${fnName}: ${stored.error}`);
  if (stored.model === null) {
    throw new FunctionError(`${fnName}: no ICP model is saved in this spreadsheet yet. Open Extensions > ICP Scorer > Open ICP editor, then save a model.`);
  }
  return compileModel(stored.model, headers, { today: scriptToday() });
}

function prepare(fnName: string, rowsArg: unknown, headersArg: unknown): Call {
  const rows = toMatrix(rowsArg);
  toSheetDays(rows, spreadsheetTimeZone);
  const width = rows[0]?.length ?? 0;
  let headers: string[];
  let skipFirst = false;
  if (headersArg === undefined || headersArg === null || headersArg === '') {
    const found = findHeaders(fnName, width);
    headers = found.headers;
    skipFirst = found.headerInsideRange;
  } else {
    const h = toMatrix(headersArg);
    if (h.length !== 1 || h[0]!.length !== width) {
      throw new FunctionError(
        `${fnName}: the headers range is ${h.length} row(s) by ${h[0]?.length ?? 0} column(s), but the rows are ${width} column(s) wide. Pass one header row exactly as wide as the rows, e.g. =${fnName}(A2:H2, A$1:H$1).`,
      );
    }
    headers = h[0]!.map((v) => cellText(v));
  }
  return { fnName, rows, headers, skipFirst, model: loadModel(fnName, headers) };
}

function chooseProfile(call: Call, name: string | undefined): CompiledProfile {
  let profile: CompiledProfile;
  try {
    profile = call.model.profile(name);
  } catch (e) {
    if (e instanceof EngineError) throw new FunctionError(`${call.fnName}: ${e.message}`);
    throw e;
  }
  const used = new Set(profile.profile.criteria.map((c) => c.column));
  if (used.size > 0 && profile.missingColumns.length === used.size) {
    throw new FunctionError(
      `${call.fnName}: none of the columns the "${profile.name}" profile reads (${[...used].slice(0, 4).join(', ')}) are in the headers (${call.headers.slice(0, 6).join(', ')}). Check the headers or the criteria's columns.`,
    );
  }
  return profile;
}

/** One value for one row, a column of values for many; the header row (when inside the range) gets the function's label. */
function mapRows(call: Call, label: string, perRow: (row: Cell[]) => Output): Output | Output[][] {
  const out: Output[][] = call.rows.map((row, i) => {
    if (i === 0 && call.skipFirst) return [label];
    return [row.every((v) => isBlank(v)) ? '' : perRow(row)];
  });
  return out.length === 1 ? out[0]![0]! : out;
}

/** Like mapRows for score and tier: the whole range goes through the engine's column-by-column batch path. */
function mapResults(call: Call, label: string, profile: CompiledProfile, pick: (r: RowResult) => Output): Output | Output[][] {
  const body = call.skipFirst ? call.rows.slice(1) : call.rows;
  const out: Output[][] = profile.evaluateMany(body).map((r) => [r.blank ? '' : pick(r)]);
  if (call.skipFirst) out.unshift([label]);
  return out.length === 1 ? out[0]![0]! : out;
}

/** Runs a custom function body, turning our errors into readable #ERROR! messages and never leaking a stack. */
function guarded<T>(fnName: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof FunctionError) throw new Error(e.message);
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${fnName} failed: ${message}`);
  }
}

/** A text second argument is the profile name (ICP_TIER(I2, "Enterprise")). */
function splitArgs(headersArg: unknown, profileArg: unknown): { headers: unknown; profile: string | undefined } {
  if (typeof headersArg === 'string' && headersArg !== '' && profileArg === undefined) return { headers: undefined, profile: headersArg };
  return { headers: headersArg, profile: asText(profileArg) };
}

export function ICP_SCORE(rows: unknown, headers?: unknown, profile?: unknown): Output | Output[][] {
  return guarded('ICP_SCORE', () => {
    const args = splitArgs(headers, profile);
    const call = prepare('ICP_SCORE', rows, args.headers);
    const p = chooseProfile(call, args.profile);
    return mapResults(call, 'ICP Score', p, (r) => r.score);
  });
}

export function ICP_EXPLAIN(rows: unknown, headers?: unknown, profile?: unknown): Output | Output[][] {
  return guarded('ICP_EXPLAIN', () => {
    const args = splitArgs(headers, profile);
    const call = prepare('ICP_EXPLAIN', rows, args.headers);
    const p = chooseProfile(call, args.profile);
    return mapRows(call, 'ICP Why', (row) => p.evaluateWithWhy(row).text);
  });
}

export function ICP_PROFILE(rows: unknown, headers?: unknown): Output | Output[][] {
  return guarded('ICP_PROFILE', () => {
    const call = prepare('ICP_PROFILE', rows, headers);
    return mapRows(call, 'ICP Profile', (row) => call.model.bestFit(row).profile ?? 'No fit');
  });
}

/** Scores are a number or a single column whose non-blank cells are all numbers. */
function isScores(m: Matrix): boolean {
  if (m.some((r) => r.length !== 1)) return false;
  let numbers = 0;
  for (const [v] of m) {
    if (typeof v === 'number') numbers++;
    else if (v !== '' && v !== null && v !== undefined) return false;
  }
  return numbers > 0;
}

export function ICP_TIER(scoresOrRows: unknown, headers?: unknown, profile?: unknown): Output | Output[][] {
  return guarded('ICP_TIER', () => {
    const args = splitArgs(headers, profile);
    const m = toMatrix(scoresOrRows);
    if (isScores(m)) {
      const stored = readStoredModel(SpreadsheetApp.getActiveSpreadsheet());
      const model = loadModelForScores(stored);
      let p: CompiledProfile;
      try {
        p = compileModel(model, []).profile(args.profile);
      } catch (e) {
        if (e instanceof EngineError) throw new FunctionError(`ICP_TIER: ${e.message}`);
        throw e;
      }
      const out = m.map(([v]) => [typeof v === 'number' ? p.tierOfScore(v) : '']);
      return out.length === 1 ? out[0]![0]! : out;
    }
    // A blank score (ICP_SCORE's answer for a blank row, an empty cell) has no tier, like a blank row: one blank per row.
    if (m.every((r) => r.every((v) => isBlank(v)))) return m.length === 1 ? '' : m.map(() => ['']);
    try {
      const call = prepare('ICP_TIER', scoresOrRows, args.headers);
      const p = chooseProfile(call, args.profile);
      return mapResults(call, 'ICP Tier', p, (r) => r.tier);
    } catch (e) {
      // One column that is neither scores nor a row the model can read: most likely a score cell holding something else.
      const odd = m.every((r) => r.length === 1) && args.headers === undefined ? m.find(([v]) => !isBlank(v))?.[0] : undefined;
      if (!(e instanceof FunctionError) || odd === undefined) throw e;
      throw new FunctionError(
        `ICP_TIER: "${cellText(odd).slice(0, 40)}" is not a score. Give it a score (a number from 0 to 100, e.g. =ICP_TIER(R2)) or a whole account row (e.g. =ICP_TIER(A2:Q2)).`,
      );
    }
  });
}

function loadModelForScores(stored: ReturnType<typeof readStoredModel>) {
  if (stored.error !== null) throw new FunctionError(`ICP_TIER: ${stored.error}`);
  if (stored.model === null) {
    throw new FunctionError('ICP_TIER: no ICP model is saved in this spreadsheet yet. Open Extensions > ICP Scorer > Open ICP editor, then save a model.');
  }
  return stored.model;
}
