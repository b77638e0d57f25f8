// The tier summary's own sheet: found by a sheet-level developer-metadata marker, so a renamed summary is still ours.

export const SUMMARY_KEY = 'icp-scorer.summary';
export const SUMMARY_SHEET_NAME = 'ICP Tiers';

function markers(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return sheet
    .createDeveloperMetadataFinder()
    .withKey(SUMMARY_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
}

export function isSummarySheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  return markers(sheet).length > 0;
}

/** The summary sheet and the id of the sheet it summarises (the marker's value), or null. */
export function findSummarySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { sheet: GoogleAppsScript.Spreadsheet.Sheet; sourceId: number } | null {
  for (const sheet of ss.getSheets()) {
    const md = markers(sheet)[0];
    if (md !== undefined) return { sheet, sourceId: Number(md.getValue()) };
  }
  return null;
}

/**
 * The summary sheet for `source`, created when missing. A user sheet that already has the name is never touched:
 * ours gets another name and `notice` says so.
 */
export function ensureSummarySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  source: GoogleAppsScript.Spreadsheet.Sheet,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; notice: string | null } {
  const sourceId = String(source.getSheetId());
  const existing = findSummarySheet(ss);
  if (existing !== null) {
    markers(existing.sheet)[0]!.setValue(sourceId);
    return { sheet: existing.sheet, notice: null };
  }
  let name = SUMMARY_SHEET_NAME;
  let notice: string | null = null;
  if (ss.getSheetByName(name) !== null) {
    let n = 1;
    do name = n === 1 ? `${SUMMARY_SHEET_NAME} (ICP Scorer)` : `${SUMMARY_SHEET_NAME} (ICP Scorer ${n})`;
    while (ss.getSheetByName(name) !== null && ++n < 100);
    notice = `A sheet called "${SUMMARY_SHEET_NAME}" already exists and was not made by ICP Scorer, so it was left alone; the summary is on "${name}".`;
  }
  const sheet = ss.insertSheet(name);
  sheet.addDeveloperMetadata(SUMMARY_KEY, sourceId);
  return { sheet, notice };
}
