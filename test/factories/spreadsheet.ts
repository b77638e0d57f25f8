// A fresh emulated spreadsheet for SpreadsheetApp tests: the environment, workbook, app, spreadsheet and a sheet.
import { createEnv } from '../../emulator/env';
import { createSpreadsheetApp, Workbook } from '../../emulator/spreadsheet';
import type { WorkbookOptions } from '../../emulator/spreadsheet/workbook';

export interface EmulatedSpreadsheetOptions {
  env?: Parameters<typeof createEnv>[0];
  book?: WorkbookOptions;
  /** The sheet to hand back; the active sheet when omitted. */
  sheet?: string;
}

export function emulatedSpreadsheet(options: EmulatedSpreadsheetOptions = {}) {
  const env = createEnv(options.env);
  const book = new Workbook(options.book);
  const app = createSpreadsheetApp(env, book);
  const ss = app.getActiveSpreadsheet();
  const sheet = options.sheet === undefined ? ss.getActiveSheet() : ss.getSheetByName(options.sheet)!;
  return { env, book, app, ss, sheet };
}
