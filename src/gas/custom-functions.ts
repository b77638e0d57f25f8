// The custom functions: coerce Sheets' arguments, read the stored model once per call, score every row with the engine.

import { compileModel, type CompiledModel } from '../engine/model-compile';
import type { CompiledProfile } from '../engine/compile';
import type { RowResult } from '../engine/results';
import { EngineError } from '../engine/errors';
import { isBlank } from '../engine/read/blank';
import { cellText, headerKey } from '../engine/read/text';
import { duplicateHeaderNote } from '../engine/headers';
import { profileKey, type Model } from '../engine/model';
import { findHeaders, FunctionError } from './header-discovery';
import { modelColumnKeys } from './header-row';
import { isModelArgument, modelToday, NO_MODEL, parseModelCells, readStoredModel } from './model-store';
import { sheetDay, toSheetDays } from './sheet-dates';

type Cell = unknown;
type Matrix = Cell[][];
type Output = string | number;

/** Sheets passes one cell as a value and a range as a 2-D array (https://developers.google.com/apps-script/guides/sheets/functions#arguments). */
function toMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg]];
}

/** A blank optional argument: left out, an empty cell, or only spaces. */
function omitted(arg: unknown): boolean {
  return arg === undefined || arg === null || (typeof arg === 'string' && arg.trim() === '');
}

/**
 * The profile argument as a name. A cell holding a number or a date (a profile called "2026") is read as the text it
 * shows, so it is looked up like any name, and an unknown one is an error rather than a silent switch to the default
 * profile; a range must be one cell.
 */
function profileName(fnName: string, arg: unknown): string | undefined {
  let value = arg;
  if (Array.isArray(value)) {
    const m = toMatrix(value);
    if (m.length !== 1 || m[0]!.length !== 1) {
      throw new FunctionError(`${fnName}: the profile argument is ${m.length} row(s) by ${m[0]?.length ?? 0} column(s); give one profile name, e.g. "Enterprise", or one cell holding it.`);
    }
    value = m[0]![0];
  }
  return omitted(value) ? undefined : cellText(value).trim();
}

interface Call {
  fnName: string;
  rows: Matrix;
  headers: string[];
  /** Index of the header row inside the rows argument (it gets the function's label, rows before it stay blank); -1 when above. */
  headerIndex: number;
  model: CompiledModel;
}

/** The saved model a call scores with, and the day its withinDays criteria count from. */
interface Saved {
  model: Model;
  today: Date;
  /** The spreadsheet's locale, for reading numbers written as text. */
  locale: string;
  /** The spreadsheet's time zone, asked for once and only when a date needs it. */
  timeZone: () => string;
}

/**
 * The saved model, or a readable error. From the ICP_MODEL argument when the formula passes it (no range read, and
 * "today" is the TODAY() value it carries, so the result changes when the day does); else one range read of the model
 * sheet, the fallback for a typed formula that a save has not yet given the argument.
 */
function savedModel(fnName: string, modelArg: unknown[][] | null): Saved {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let zone: string | undefined;
  const timeZone = (): string => (zone ??= ss.getSpreadsheetTimeZone());
  const stored = modelArg === null ? readStoredModel(ss) : parseModelCells(modelArg);
  if (stored.error !== null) throw new FunctionError(`${fnName}: ${stored.error}`);
  if (stored.model === null) {
    // After "ICP_SCORE: ", so the sentence goes on in lower case.
    throw new FunctionError(`${fnName}: ${NO_MODEL.charAt(0).toLowerCase()}${NO_MODEL.slice(1)}`);
  }
  const day = modelArg === null ? null : modelToday(modelArg);
  return {
    model: stored.model,
    today: day === null ? sheetDay(new Date(), timeZone()) : sheetDay(day, timeZone()),
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()
    locale: ss.getSpreadsheetLocale(),
    timeZone,
  };
}

/**
 * The arguments after the rows with the ICP_MODEL range taken out, wherever it sits: the add-on appends it to typed
 * formulas (=ICP_TIER(I2, ICP_MODEL)) and writes it after the other arguments, so it is found by its content. Any other
 * argument past the function's own (`params`, the rows included) is an error rather than silently dropped.
 */
function withoutModel(fnName: string, params: readonly string[], args: readonly unknown[]): { rest: unknown[]; model: unknown[][] | null } {
  const at = args.findIndex((a) => isModelArgument(a));
  const rest = at < 0 ? [...args] : args.filter((_, i) => i !== at);
  let given = rest.length;
  while (given > 0 && rest[given - 1] === undefined) given--;
  if (given > params.length - 1) {
    const n = params.length;
    throw new FunctionError(`${fnName} takes at most ${n} arguments (${params.join(', ')}) besides ICP_MODEL; the formula gives ${given + 1}.`);
  }
  return { rest, model: at < 0 ? null : (args[at] as unknown[][]) };
}

function prepare(fnName: string, rows: Matrix, headersArg: unknown, saved: Saved): Call {
  const model = saved.model;
  const width = rows[0]?.length ?? 0;
  let headers: string[];
  let headerIndex = -1;
  if (omitted(headersArg)) {
    const found = findHeaders(fnName, rows, modelColumnKeys(model));
    headers = found.headers;
    headerIndex = found.headerIndex;
  } else {
    const h = toMatrix(headersArg);
    if (h.length !== 1 || h[0]!.length !== width) {
      throw new FunctionError(
        `${fnName}: the headers range is ${h.length} row(s) by ${h[0]?.length ?? 0} column(s), but the rows are ${width} column(s) wide. Pass one header row exactly as wide as the rows, e.g. =${fnName}(A2:H2, A$1:H$1).`,
      );
    }
    headers = h[0]!.map((v) => cellText(v));
  }
  return { fnName, rows, headers, headerIndex, model: compileModel(model, headers, { today: saved.today, locale: saved.locale }) };
}

/** The rows argument as a matrix, its date cells read as the days the sheet shows. */
function rowsOf(arg: unknown, saved: Saved): Matrix {
  const rows = toMatrix(arg);
  toSheetDays(rows, saved.timeZone);
  return rows;
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

/** The output for the rows at and above the header row inside the argument: blanks, then the label. */
function headerPart(call: Call, label: string): Output[][] {
  const out: Output[][] = [];
  for (let i = 0; i < call.headerIndex; i++) out.push(['']);
  if (call.headerIndex >= 0) out.push([label]);
  return out;
}

/** One value for one row, a column of values for many; the header row (when inside the range) gets the function's label. */
function mapRows(call: Call, label: string, perRow: (row: Cell[]) => Output): Output | Output[][] {
  const out = headerPart(call, label);
  for (const row of call.rows.slice(call.headerIndex + 1)) out.push([row.every((v) => isBlank(v)) ? '' : perRow(row)]);
  return out.length === 1 ? out[0]![0]! : out;
}

/** Like mapRows for score and tier: the whole range goes through the engine's column-by-column batch path. */
function mapResults(call: Call, label: string, profile: CompiledProfile, pick: (r: RowResult) => Output): Output | Output[][] {
  const out = headerPart(call, label);
  for (const r of profile.evaluateMany(call.rows.slice(call.headerIndex + 1))) out.push([r.blank ? '' : pick(r)]);
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

/** Whether `text` names one of the model's profiles (compared as CompiledModel.profile compares names). */
function isProfileName(model: Model, text: string): boolean {
  const key = profileKey(text);
  return model.profiles.some((p) => profileKey(p.name) === key);
}

/**
 * The headers and profile arguments. A text second argument is the profile name (=ICP_TIER(I2, "Enterprise")), except
 * that for one-column `rows` a headers range is one cell, which Sheets passes as its text (=ICP_SCORE(B2:B100, B1)):
 * that text is the header when it names no profile but a column the model reads.
 */
function splitArgs(
  fnName: string,
  rows: Matrix,
  model: Model,
  headersArg: unknown,
  profileArg: unknown,
): { headers: unknown; profile: string | undefined } {
  if (typeof headersArg === 'string' && !omitted(headersArg) && omitted(profileArg)) {
    const column = modelColumnKeys(model).has(headerKey(headersArg));
    if (rows[0]?.length === 1 && column && !isProfileName(model, headersArg)) return { headers: headersArg, profile: undefined };
    return { headers: undefined, profile: headersArg.trim() };
  }
  return { headers: headersArg, profile: profileName(fnName, profileArg) };
}

export function ICP_SCORE(rows: unknown, headers?: unknown, profile?: unknown, model?: unknown): Output | Output[][] {
  return guarded('ICP_SCORE', () => {
    const { rest, model: modelArg } = withoutModel('ICP_SCORE', ['rows', 'headers', 'profile'], [headers, profile, model]);
    const saved = savedModel('ICP_SCORE', modelArg);
    const m = rowsOf(rows, saved);
    const args = splitArgs('ICP_SCORE', m, saved.model, rest[0], rest[1]);
    const call = prepare('ICP_SCORE', m, args.headers, saved);
    const p = chooseProfile(call, args.profile);
    return mapResults(call, 'ICP Score', p, (r) => r.score);
  });
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st... */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function ICP_EXPLAIN(rows: unknown, headers?: unknown, profile?: unknown, model?: unknown): Output | Output[][] {
  return guarded('ICP_EXPLAIN', () => {
    const { rest, model: modelArg } = withoutModel('ICP_EXPLAIN', ['rows', 'headers', 'profile'], [headers, profile, model]);
    const saved = savedModel('ICP_EXPLAIN', modelArg);
    const m = rowsOf(rows, saved);
    const args = splitArgs('ICP_EXPLAIN', m, saved.model, rest[0], rest[1]);
    const call = prepare('ICP_EXPLAIN', m, args.headers, saved);
    const p = chooseProfile(call, args.profile);
    // Two columns of the range with a criterion's header: the first is read, and every explanation says so (the
    // range need not start at column A, so columns are named by their place in it).
    const note = p.duplicateColumns.map((d) => duplicateHeaderNote(d, (i) => `the ${ordinal(i + 1)} column`)).join('; ');
    return mapRows(call, 'ICP Why', (row) => {
      const text = p.evaluateWithWhy(row).text;
      return note === '' ? text : `${text} Note: ${note}.`;
    });
  });
}

export function ICP_PROFILE(rows: unknown, headers?: unknown, model?: unknown): Output | Output[][] {
  return guarded('ICP_PROFILE', () => {
    const { rest, model: modelArg } = withoutModel('ICP_PROFILE', ['rows', 'headers'], [headers, model]);
    const headersArg = rest[0];
    const saved = savedModel('ICP_PROFILE', modelArg);
    const m = rowsOf(rows, saved);
    // It weighs every profile: a profile name given as with the other functions would otherwise read as a bad headers range.
    if (typeof headersArg === 'string' && !omitted(headersArg) && (m[0]?.length ?? 0) > 1) {
      throw new FunctionError(`ICP_PROFILE compares every profile of the model, so it takes no profile ("${headersArg.trim()}"): use =ICP_PROFILE(A2:H2), or =ICP_PROFILE(A2:H2, A$1:H$1) to give the header row.`);
    }
    const call = prepare('ICP_PROFILE', m, headersArg, saved);
    return mapRows(call, 'ICP Profile', (row) => call.model.bestFit(row).profile ?? 'No fit');
  });
}

/**
 * When `m` is scores, the index of its header cell (-1 for none), else null. Scores are a number or one column whose
 * non-blank cells are all numbers, under at most one text cell: its header, e.g. the "ICP Score" label that
 * =ICP_SCORE(A1:H100) writes on the header row, so =ICP_TIER(I1:I100) reads that column the same way.
 */
function scoresHeader(m: Matrix): number | null {
  if (m.some((r) => r.length !== 1)) return null;
  let header = -1;
  let numbers = 0;
  for (let i = 0; i < m.length; i++) {
    const v = m[i]![0];
    if (typeof v === 'number') numbers++;
    else if (v === '' || v === null || v === undefined) continue;
    // Text that reads as a number ("85") is a score typed as text, not a header.
    else if (typeof v === 'string' && numbers === 0 && header < 0 && !Number.isFinite(Number(v))) header = i;
    else return null;
  }
  return numbers > 0 ? header : null;
}

export function ICP_TIER(scoresOrRows: unknown, headersArg?: unknown, profileArg?: unknown, modelArg?: unknown): Output | Output[][] {
  return guarded('ICP_TIER', () => {
    const m = toMatrix(scoresOrRows);
    // A blank score (ICP_SCORE's answer for a blank row, an empty cell) has no tier, like a blank row: one blank per row.
    if (m.every((r) => r.every((v) => isBlank(v)))) return m.length === 1 ? '' : m.map(() => ['']);
    const { rest, model: cells } = withoutModel('ICP_TIER', ['scores_or_rows', 'headers', 'profile'], [headersArg, profileArg, modelArg]);
    const [headers, profile] = rest;
    const saved = savedModel('ICP_TIER', cells);
    const model = saved.model;
    const header = scoresHeader(m);
    if (header !== null) {
      // Scores need no headers: the second argument is the profile when the third is blank, text or not (a cell holding
      // 2026 names the profile "2026"; read as headers, it would be ignored and the default profile used without a word).
      const name = profileName('ICP_TIER', omitted(profile) ? headers : profile);
      let p: CompiledProfile;
      try {
        p = compileModel(model, []).profile(name);
      } catch (e) {
        if (e instanceof EngineError) throw new FunctionError(`ICP_TIER: ${e.message}`);
        throw e;
      }
      // A tier for 150 or -5 would hide a typo or a wrong column behind a plausible label.
      const bad = m.findIndex(([v]) => typeof v === 'number' && !(v >= 0 && v <= 100));
      if (bad >= 0) {
        const where = m.length > 1 ? ` (cell ${bad + 1} of the range)` : '';
        throw new FunctionError(`ICP_TIER: ${cellText(m[bad]![0])}${where} is not a score: scores run from 0 to 100.`);
      }
      const out = m.map(([v], i): Output[] => [i === header ? 'ICP Tier' : typeof v === 'number' ? p.tierOfScore(v) : '']);
      return out.length === 1 ? out[0]![0]! : out;
    }
    const rows = rowsOf(scoresOrRows, saved);
    const args = splitArgs('ICP_TIER', rows, model, headers, profile);
    try {
      const call = prepare('ICP_TIER', rows, args.headers, saved);
      const p = chooseProfile(call, args.profile);
      return mapResults(call, 'ICP Tier', p, (r) => r.tier);
    } catch (e) {
      // One column that is neither scores nor a row the model can read: most likely a score cell holding something else.
      const odd = m.every((r) => r.length === 1) && omitted(args.headers) ? m.find(([v]) => !isBlank(v))?.[0] : undefined;
      if (!(e instanceof FunctionError) || odd === undefined) throw e;
      throw new FunctionError(
        `ICP_TIER: "${cellText(odd).slice(0, 40)}" is not a score. Give it a score (a number from 0 to 100, e.g. =ICP_TIER(R2)) or a whole account row (e.g. =ICP_TIER(A2:Q2)).`,
      );
    }
  });
}
