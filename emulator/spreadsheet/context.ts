// What every SpreadsheetApp wrapper object shares: the environment, the document, options; permission checks.
import type { EmulatorEnv } from '../env';
import type { Workbook } from './workbook';

export interface SpreadsheetAppOptions {
  /** Returned by SpreadsheetApp.getUi() (the Ui emulator); without it getUi() throws as in a context without UI. */
  ui?: unknown;
}

export interface Ctx {
  env: EmulatorEnv;
  book: Workbook;
  options: SpreadsheetAppOptions;
}

/**
 * Custom functions may read the spreadsheet but not change it
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services):
 * a write from inside one throws "You do not have permission to call <method>".
 */
export function assertWritable(ctx: Ctx, method: string): void {
  if (ctx.env.customFunctionCell !== null) ctx.env.denied(method);
}

/** In AuthMode.NONE (onOpen before the add-on is enabled) the document cannot be read. */
export function assertDocumentAccess(ctx: Ctx, method: string): void {
  if (ctx.env.authMode === 'NONE') ctx.env.denied(method);
}
