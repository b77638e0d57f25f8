// Stores the model in a hidden, protected sheet of the spreadsheet: custom functions can read it, it travels with copies, no 9 KB limit.

import { formatIssue, checkModel } from '../engine/model-check';
import type { Model } from '../engine/model';
import { cutIndex } from '../engine/read/text';
import { grouped } from '../engine/number-text';
import { MODEL_LIMITS } from '../engine/model-limits';

export const MODEL_SHEET_NAME = 'ICP Model';
/** Where the model goes when the spreadsheet already has a sheet of its own called "ICP Model": never that one. */
export const SPARE_MODEL_SHEET_NAME = 'ICP Scorer model';
/**
 * The named range over the stored model's cells and its =TODAY() cell. Formulas pass it (=ICP_SCORE(A2:H2, ICP_MODEL)),
 * so their result depends on an argument whose value changes on every save and every new day: the only things that
 * make Sheets run a custom function again (https://developers.google.com/apps-script/guides/sheets/functions#optimization).
 */
export const MODEL_RANGE_NAME = 'ICP_MODEL';
/** The model sheet's B1: today's date, recalculated by Sheets on open and on every edit (a volatile function). */
const TODAY_FORMULA = '=TODAY()';
const BANNER_START = 'ICP Scorer model.';
const BANNER = `${BANNER_START} Do not edit: use Extensions > ICP Scorer > Open ICP editor.`;
// A cell holds at most 50,000 characters (https://support.google.com/docs/answer/37603); stay well below.
const CHUNK_CHARS = 40_000;
// Rows for the largest model the engine accepts (MODEL_LIMITS.jsonChars; a chunk may end one character early, before
// an emoji's second half) and the 4 header rows. A longer sheet of that name is somebody's data, not read in full.
const MAX_MODEL_ROWS = Math.ceil(MODEL_LIMITS.jsonChars / (CHUNK_CHARS - 1)) + 4;
const FORMAT_TAG = 'icp-scorer-model-v1';
// Each chunk starts with this so Sheets never parses a chunk as a formula, number or date (`=`, `+`, `-`, digits).
const CHUNK_PREFIX = '|';

export interface StoredModel {
  model: Model | null;
  /** 0 when nothing is saved. */
  version: number;
  /** A readable reason when something is stored but cannot be used (corrupted, edited by hand, invalid). */
  error: string | null;
}

/** FNV-1a, to notice a stored model that was edited or truncated by hand. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Prefixed so Sheets can never read the hex digits as a number (`00012e10`).
  return `fnv:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

const CORRUPT = 'The ICP model stored in this spreadsheet is damaged';
/** What Score this sheet and Validate against outcomes say when no model was saved yet. */
export const NO_MODEL = 'No ICP model is saved in this spreadsheet yet. Open Extensions > ICP Scorer > Open ICP editor, then save a model.';
/** What to do about a damaged model, from anywhere but the editor (the editor says it in its own words). */
export const FIX = 'Open Extensions > ICP Scorer > Open ICP editor and save or re-import your model.';

/** Our banner in A1 or the format row in A2: what tells the model sheet from a user's sheet of the same name. */
function looksOurs(cells: readonly (readonly unknown[])[]): boolean {
  const banner = String(cells[0]?.[0] ?? '');
  return banner.startsWith(BANNER_START) || cells[1]?.[0] === 'format';
}

interface ModelSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Columns A:B of its rows. */
  cells: unknown[][];
}

/**
 * The sheet holding the model (two range reads when it exists), or null. A sheet called "ICP Model" that is not ours
 * (a user's own, empty or not) is skipped for the spare name, so saving can never clear somebody's data.
 */
function findModelSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ModelSheet | null {
  for (const name of [MODEL_SHEET_NAME, SPARE_MODEL_SHEET_NAME]) {
    const sheet = ss.getSheetByName(name);
    if (sheet === null) continue;
    const lastRow = sheet.getLastRow();
    if (lastRow === 0) continue;
    const cells = sheet.getRange(1, 1, Math.min(lastRow, MAX_MODEL_ROWS), 2).getValues();
    if (looksOurs(cells)) return { sheet, cells };
  }
  return null;
}

/** Whether this sheet is the one holding the model (bulk scoring and the summary refuse to work on it). */
export function isModelSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const name = sheet.getName();
  if (name !== MODEL_SHEET_NAME && name !== SPARE_MODEL_SHEET_NAME) return false;
  const lastRow = sheet.getLastRow();
  return lastRow > 0 && looksOurs(sheet.getRange(1, 1, Math.min(lastRow, 2), 2).getValues());
}

/** Reads the stored model: one range read of its sheet, when there is one. */
export function readStoredModel(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): StoredModel {
  const found = findModelSheet(ss);
  if (found === null) return { model: null, version: 0, error: null };
  return parseModelCells(found.cells, found.sheet.getName());
}

/**
 * Whether a custom function argument is the ICP_MODEL range: a 2-D array whose first cell is our banner. Recognised by
 * its content, so it may sit in any argument position after the rows.
 */
export function isModelArgument(arg: unknown): arg is unknown[][] {
  return Array.isArray(arg) && Array.isArray(arg[0]) && String((arg[0] as unknown[])[0] ?? '').startsWith(BANNER_START);
}

/** The =TODAY() value the ICP_MODEL range carries (B1), or null when it holds none (a model saved by an older version). */
export function modelToday(cells: readonly (readonly unknown[])[]): Date | null {
  const v = cells[0]?.[1];
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v : null;
}

/** The stored model from the model sheet's cells (read from the sheet, or passed as the ICP_MODEL argument). */
export function parseModelCells(cells: readonly (readonly unknown[])[], sheetName: string = MODEL_SHEET_NAME): StoredModel {
  if (cells.length < 4) return { model: null, version: 0, error: `${CORRUPT} (the "${sheetName}" sheet is incomplete). ${FIX}` };
  const tag = cells[1]?.[1];
  const version = Number(cells[2]?.[1]);
  const sum = String(cells[3]?.[1] ?? '');
  if (tag !== FORMAT_TAG || !Number.isInteger(version) || version < 1) {
    return { model: null, version: 0, error: `${CORRUPT} (its header rows were changed). ${FIX}` };
  }
  const text = cells.slice(4).map((r) => String(r[0] ?? '').slice(CHUNK_PREFIX.length)).join('');
  // Sheets may run many custom function calls in one runtime (it does not promise to): reuse the last model read when
  // its text is unchanged. Every call still works without it.
  if (lastRead !== null && lastRead.text === text && lastRead.sum === sum) return { model: lastRead.model, version, error: null };
  if (checksum(text) !== sum) return { model: null, version, error: `${CORRUPT} (its text was edited or cut). ${FIX}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { model: null, version, error: `${CORRUPT} (it is not valid JSON). ${FIX}` };
  }
  const result = checkModel(parsed);
  if (!result.ok) {
    return { model: null, version, error: `The stored ICP model is invalid: ${result.issues.slice(0, 3).map(formatIssue).join('; ')}. ${FIX}` };
  }
  lastRead = { text, sum, model: result.model };
  return { model: result.model, version, error: null };
}

// The last valid model read in this runtime, keyed by its exact stored text and checksum.
let lastRead: { text: string; sum: string; model: Model } | null = null;

/** Rows of the model sheet that hold the JSON text: all but the 4 header rows. */
const MAX_CHUNKS = MAX_MODEL_ROWS - 4;
/** The most JSON text the model sheet holds: the engine's limit, for which MAX_CHUNKS rows are always enough. */
export const MAX_MODEL_CHARS = MODEL_LIMITS.jsonChars;

/**
 * The text cut into chunks of at most CHUNK_CHARS, never between the two halves of a surrogate pair (an emoji in a
 * description): a cell holds Unicode text, and half a pair is not a character, so a cut there would come back changed
 * and the checksum would call the whole model damaged.
 */
export function modelChunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = cutIndex(text, Math.min(text.length, i + CHUNK_CHARS));
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Whether a model's JSON text fits the model sheet (it is refused on save, and on import, when it does not). */
export function modelTextFits(text: string): boolean {
  return text.length <= MAX_MODEL_CHARS && modelChunks(text).length <= MAX_CHUNKS;
}

/**
 * Writes the model as the given version: one clear and one write of the whole block, B1's =TODAY(), and the ICP_MODEL
 * named range over the block. Creating the model sheet never moves the user: Sheets' insertSheet activates the new
 * sheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)), so the
 * sheet the user was on is activated again.
 */
export function writeStoredModel(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, model: Model, version: number): void {
  const text = JSON.stringify(model);
  const chunks = modelChunks(text);
  // Refused before anything is created or cleared, so the saved model (or the lack of one) is exactly as it was.
  if (text.length > MAX_MODEL_CHARS || chunks.length > MAX_CHUNKS) {
    throw new Error(
      `The model is too large to save: its JSON is ${grouped(text.length)} characters, and a spreadsheet holds at most ${grouped(MAX_MODEL_CHARS)}. The saved model is unchanged. Shorten the longest value lists and save again.`,
    );
  }
  let sheet = findModelSheet(ss)?.sheet ?? null;
  const named = ss.getNamedRanges().find((n) => n.getName().toUpperCase() === MODEL_RANGE_NAME);
  if (named !== undefined && !isOurNamedRange(named)) {
    throw new Error(`This spreadsheet has a named range called "${MODEL_RANGE_NAME}" of its own; rename it (Data > Named ranges) so ICP Scorer can name the saved model. The saved model is unchanged.`);
  }
  if (sheet === null) {
    const name = [MODEL_SHEET_NAME, SPARE_MODEL_SHEET_NAME].find((n) => ss.getSheetByName(n) === null);
    if (name === undefined) {
      throw new Error(`This spreadsheet has sheets called "${MODEL_SHEET_NAME}" and "${SPARE_MODEL_SHEET_NAME}" of its own; rename one so ICP Scorer can store the model.`);
    }
    const userSheet = ss.getActiveSheet();
    sheet = ss.insertSheet(name);
    sheet.hideSheet();
    // Warning-only: owners can still repair it by hand, but nobody edits it by accident.
    sheet.protect().setDescription('ICP Scorer model: edit it with Extensions > ICP Scorer > Open ICP editor').setWarningOnly(true);
    ss.setActiveSheet(userSheet);
  }
  // B1 is written with the block: a string starting with "=" in setValues is a formula
  // (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)), and the same formula
  // text again is no change. One write, so formulas passing ICP_MODEL run once with the new model, not once per step.
  const rows: string[][] = [
    [BANNER, TODAY_FORMULA],
    ['format', FORMAT_TAG],
    ['version', String(version)],
    ['checksum', checksum(text)],
  ];
  for (const chunk of chunks) rows.push([CHUNK_PREFIX + chunk, '']);
  const block = sheet.getRange(1, 1, rows.length, 2);
  block.setValues(rows);
  // Rows an older, longer model used (and anything else on the sheet) go; a fresh sheet has none.
  const lastRow = sheet.getLastRow();
  if (lastRow > rows.length) sheet.getRange(rows.length + 1, 1, lastRow - rows.length, sheet.getMaxColumns()).clearContent();
  const lastColumn = sheet.getLastColumn();
  if (lastColumn > 2) sheet.getRange(1, 3, rows.length, lastColumn - 2).clearContent();
  if (named === undefined) ss.setNamedRange(MODEL_RANGE_NAME, block);
  else if (named.getRange().getA1Notation() !== block.getA1Notation() || named.getRange().getSheet().getSheetId() !== sheet.getSheetId()) {
    named.setRange(block);
  }
}

/** Our ICP_MODEL range: on a model sheet, or left pointing nowhere after that sheet was deleted. */
function isOurNamedRange(named: GoogleAppsScript.Spreadsheet.NamedRange): boolean {
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = named.getRange();
  } catch {
    return true;
  }
  const name = range.getSheet().getName();
  return (name === MODEL_SHEET_NAME || name === SPARE_MODEL_SHEET_NAME) && range.getRow() === 1 && range.getColumn() === 1;
}
