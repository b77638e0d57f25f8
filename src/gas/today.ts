// "Today" for withinDays, as the calendar day in the spreadsheet's time zone.

import { sheetDay, spreadsheetTimeZone } from './sheet-dates';

/** A Date whose local calendar day is today's date in the spreadsheet's time zone. */
export function scriptToday(): Date {
  return sheetDay(new Date(), spreadsheetTimeZone());
}
