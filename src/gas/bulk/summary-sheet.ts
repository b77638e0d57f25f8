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

/**
 * The marker's value: `source=<id>;sheet=<id>`, the summarised sheet and the summary sheet's own id. A duplicated sheet
 * may carry its developer metadata with it; the copy's marker then names another sheet as its own, so a summary the user
 * duplicated to keep as a snapshot is theirs, never refreshed or cleared. A bare number is a marker written before the
 * own id was recorded: it is taken as it is and upgraded at the next build.
 */
function markerValue(sourceId: number, sheetId: number): string {
  return `source=${sourceId};sheet=${sheetId}`;
}

function parseMarker(value: string | null): { sourceId: number; sheetId: number | null } {
  const m = /^source=(-?\d+);sheet=(-?\d+)$/.exec(value ?? '');
  if (m !== null) return { sourceId: Number(m[1]), sheetId: Number(m[2]) };
  return { sourceId: Number(value), sheetId: null };
}

/** The summary marker that belongs to this very sheet (not one copied from the summary it was duplicated from). */
function ownMarker(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return markers(sheet).find((md) => {
    const { sheetId } = parseMarker(md.getValue());
    return sheetId === null || sheetId === sheet.getSheetId();
  });
}

export function isSummarySheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  return ownMarker(sheet) !== undefined;
}

/** The summary sheet and the id of the sheet it summarises, or null. */
export function findSummarySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { sheet: GoogleAppsScript.Spreadsheet.Sheet; sourceId: number } | null {
  for (const sheet of ss.getSheets()) {
    const md = ownMarker(sheet);
    if (md !== undefined) return { sheet, sourceId: parseMarker(md.getValue()).sourceId };
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
  const sourceId = source.getSheetId();
  const existing = findSummarySheet(ss);
  if (existing !== null) {
    ownMarker(existing.sheet)!.setValue(markerValue(sourceId, existing.sheet.getSheetId()));
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
  sheet.addDeveloperMetadata(SUMMARY_KEY, markerValue(sourceId, sheet.getSheetId()));
  return { sheet, notice };
}
