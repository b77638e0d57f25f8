// "Today" for withinDays, as the calendar day in the spreadsheet's time zone.

/** A Date whose local calendar day is today's date in the spreadsheet's time zone. */
export function scriptToday(): Date {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tz = ss.getSpreadsheetTimeZone();
  const [y, m, d] = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd').split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}
