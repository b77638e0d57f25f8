// Date cells as the calendar days the sheet shows, whatever the script's own time zone.

// Sheets hands a date cell to a script as the instant it denotes in the spreadsheet's time zone (midnight in
// Berlin for a sheet set to Berlin), while the engine reads a Date's day in the script's time zone, Etc/UTC
// (appsscript.json): east of UTC that is the day before. So each Date is formatted in the spreadsheet's time zone
// (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).

/**
 * Replaces each Date in `rows`, in place, by midnight (script time) of the day the sheet shows for it. `timeZone` is
 * asked for only when a row holds a Date; each distinct instant is formatted once.
 */
export function toSheetDays(rows: unknown[][], timeZone: () => string): void {
  let zone: string | undefined;
  const days = new Map<number, Date>();
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'object' || !(v instanceof Date)) continue;
      const t = v.getTime();
      if (Number.isNaN(t)) continue;
      let day = days.get(t);
      if (day === undefined) {
        zone ??= timeZone();
        day = sheetDay(v, zone);
        days.set(t, day);
      }
      row[c] = day;
    }
  }
}

/** Midnight (script time) of the calendar day `date` falls on in `timeZone`. */
export function sheetDay(date: Date, timeZone: string): Date {
  const [y, m, d] = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd').split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The active spreadsheet's time zone (one service call). */
export function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}
