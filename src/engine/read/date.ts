// Date reading: Date values, ISO `2026-03-01`, US `3/1/2026` and `Mar 1, 2026`, as whole calendar days.

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$/;
// With the time a US-locale datetime has in a Sheets or CRM CSV export: `3/1/2026 10:30:00`, `3/1/2026, 10:30 AM`.
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?$/;
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3));
  return i < 0 ? NaN : i + 1;
}

/** Day number (days since 1970-01-01) of a calendar date, or undefined if it does not exist (2/30/2026). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const t = Date.UTC(year, month - 1, day);
  const check = new Date(t);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return t / DAY_MS;
}

/** The calendar day a Date shows, in the local time zone (Sheets gives date cells as local midnight). */
export function dayOfDate(date: Date): number | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return dayNumber(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The year of a two-digit `3/1/26`: 00-29 is 2000-2029 and 30-99 is 1930-1999, the window Sheets and Excel use when
 * such a date is typed (Microsoft KB 214391, "the 2029 rule"), so `5/20/72` is 1972, as the sheet itself would show.
 */
function twoDigitYear(y: number): number {
  return y < 30 ? 2000 + y : 1900 + y;
}

function readDateText(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  let m = ISO.exec(text);
  if (m !== null) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  m = US.exec(text);
  if (m !== null) {
    const y = Number(m[3]);
    return dayNumber(y < 100 ? twoDigitYear(y) : y, Number(m[1]), Number(m[2]));
  }
  m = MONTH_FIRST.exec(text);
  if (m !== null) return dayNumber(Number(m[3]), monthIndex(m[1] ?? ''), Number(m[2]));
  m = DAY_FIRST.exec(text);
  if (m !== null) return dayNumber(Number(m[3]), monthIndex(m[2] ?? ''), Number(m[1]));
  return undefined;
}

/** The calendar day of a non-blank cell value, or undefined when it is not a date. */
export function readDay(value: unknown): number | undefined {
  if (value instanceof Date) return dayOfDate(value);
  if (typeof value === 'string') return value.length > 40 ? undefined : readDateText(value);
  return undefined;
}
