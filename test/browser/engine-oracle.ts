// What the engine itself says for the playground's sheet: the saved model and the accounts, scored in the test process.
import { callServer } from '../../emulator/load-bundle';
import { compileModel, type Model } from '../../src/engine';
import type { EditorState } from '../../src/gas/api-types';
import type { Playground } from '../../playground/server';
import { ICP_HEADERS } from '../../playground/csv';
import { ACCOUNTS_SHEET } from '../../playground/sheet';

/** The sample's fixed "today" as the bundle sees it (a local calendar day). */
export const TODAY = new Date(2026, 10, 1);

export function savedModel(pg: Playground): Model {
  const state = callServer(pg.context, 'getEditorState') as EditorState;
  if (state.model === null) throw new Error('no model is saved');
  return state.model;
}

/** The accounts sheet's header row and data rows (typed values, as custom functions receive them), without the ICP columns. */
export function accounts(pg: Playground): { headers: string[]; rows: unknown[][] } {
  const app = pg.emulator.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName(ACCOUNTS_SHEET);
  if (sheet === null) throw new Error('no Accounts sheet');
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((v) => String(v));
  const width = header.findIndex((h) => h === ICP_HEADERS[0]);
  const w = width < 0 ? header.length : width;
  return { headers: header.slice(0, w), rows: values.slice(1).map((r) => r.slice(0, w)) };
}

/** The engine's scores ('' for a blank row) for every account under the saved model's default profile. */
export function engineScores(pg: Playground): string[] {
  const { headers, rows } = accounts(pg);
  const profile = compileModel(savedModel(pg), headers, { today: TODAY }).profile();
  return rows.map((row) => {
    const r = profile.evaluate(row);
    return r.blank ? '' : String(r.score);
  });
}
