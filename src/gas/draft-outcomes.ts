// The server side of "Draft a model from outcomes": reads the deals sheet (pinned by id), drafts a model with the engine, returns it with its evidence. Reads only.

import { draftModel } from '../engine/outcomes/draft/draft';
import { draftCriteriaTable, draftNotes, draftTierTable } from '../engine/outcomes/draft/tables';
import { candidateNames, outcomeCandidateColumns } from '../engine/outcomes/column';
import { EngineError } from '../engine/errors';
import type { DraftAnswer, DraftRequest } from './api-types';
import { readTable } from './sheet-table';
import { scriptToday } from './today';

/** The sheet the request pins (by id: the user may switch tabs between calls), else the active one; null when it is gone. */
function pinnedSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number | null | undefined): GoogleAppsScript.Spreadsheet.Sheet | null {
  if (sheetId === null || sheetId === undefined) return ss.getActiveSheet();
  return ss.getSheets().find((s) => s.getSheetId() === sheetId) ?? null;
}

/** Drafts a model from the deals on the pinned (or active) sheet against its outcome column; writes nothing. */
export function draftFromOutcomes(request?: DraftRequest | null): DraftAnswer {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = pinnedSheet(ss, request?.sheetId);
  const base: DraftAnswer = { ok: false, reason: null, message: '', sheetId: null, sheetName: '', candidates: [], outcomeColumn: null, draft: null, tables: null };
  if (sheet === null) return { ...base, reason: 'sheet', message: 'The sheet the draft was read from is gone: open the panel again on your deals sheet.' };
  base.sheetId = sheet.getSheetId();
  base.sheetName = sheet.getName();
  const table = readTable(sheet);
  if (table.rows.length === 0) return { ...base, reason: 'no-data', message: `Sheet "${sheet.getName()}" has no data rows under a header row.` };
  base.candidates = candidateNames(outcomeCandidateColumns(table.headers, table.rows));
  const max = request?.maxCriteria;
  try {
    const draft = draftModel(table.headers, table.rows, {
      outcomeColumn: request?.outcomeColumn ?? null,
      today: scriptToday(),
      locale: ss.getSpreadsheetLocale(),
      source: `sheet "${sheet.getName()}"`,
      ...(typeof max === 'number' && Number.isInteger(max) && max >= 1 && max <= 50 ? { maxCriteria: max } : {}),
    });
    // Dates and NaN never reach google.script.run: the draft is numbers, text and the model's plain JSON.
    const tables = { criteria: draftCriteriaTable(draft), tiers: draftTierTable(draft), notes: draftNotes(draft) };
    return { ...base, ok: draft.ok, reason: draft.ok ? null : 'nothing', message: draft.message, outcomeColumn: draft.outcomeColumn, draft, tables };
  } catch (e) {
    if (e instanceof EngineError) return { ...base, reason: 'no-outcome-column', message: e.message };
    throw e;
  }
}
