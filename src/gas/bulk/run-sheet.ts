// The sheet a multi-call run works on: pinned by id for every call after the first, never "whichever tab is active now".

/**
 * The sheet with this id, or the active sheet when no id is given; null when the id names no sheet (it was deleted).
 * A run of several server calls must pin its sheet: the user may switch tabs between calls, and getActiveSheet follows
 * them (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveSheet()).
 */
export function runSheet(sheetId: number | undefined): GoogleAppsScript.Spreadsheet.Sheet | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (sheetId === undefined || sheetId === null) return ss.getActiveSheet();
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetById(Integer)
  return ss.getSheetById(sheetId);
}
