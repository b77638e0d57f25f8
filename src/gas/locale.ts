// The spreadsheet's locale, which decides how the engine reads numbers written as text (1.234 is 1234 in a German sheet).

/**
 * The active spreadsheet's locale as Sheets names it (`de_DE`, `en_US`): one service call
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()). Passed as the
 * engine's CompileOptions.locale wherever the add-on compiles a model, so a cell reads the same in a formula, a
 * scoring run, the editor's preview and outcome validation.
 */
export function spreadsheetLocale(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
}
