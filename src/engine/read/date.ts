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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number (days since 1970-01-01) of a calendar date, or undefined if it does not exist (2/30/2026). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year >= 100 && year <= 9999) return civilDay(year, month, day);
  // Date.UTC reads years 0-99 as 1900-1999; kept for them (and for years no export writes) as it always was.
  const t = Date.UTC(year, month - 1, day);
  const check = new Date(t);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return t / DAY_MS;
}

/**
 * dayNumber by arithmetic, for years 100-9999 (Howard Hinnant's days_from_civil, proleptic Gregorian like Date.UTC):
 * about a tenth of the cost of building and checking a Date, and dates are read for every distinct value of a column.
 */
function civilDay(year: number, month: number, day: number): number | undefined {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
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

/** The number text[from, to) writes in decimal digits, or -1 when another character is there. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * `2026-03-01` and `3/1/2026` read by character codes, the shapes exports write most: the day, or null for any other
 * text (then the regular expressions below decide). Same readings as ISO and US give these shapes.
 */
function commonDay(text: string): number | undefined | null {
  const n = text.length;
  if (n === 10) {
    const sep1 = text.charCodeAt(4);
    const sep2 = text.charCodeAt(7);
    if ((sep1 === 45 || sep1 === 47) && (sep2 === 45 || sep2 === 47)) {
      const year = digits(text, 0, 4);
      const month = digits(text, 5, 7);
      const day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) return dayNumber(year, month, day);
    }
  }
  if (n >= 8 && n <= 10) {
    // M/D/YYYY: one or two digits, a slash, one or two digits, a slash, four digits.
    const slash1 = text.indexOf('/');
    const slash2 = text.indexOf('/', slash1 + 1);
    if ((slash1 === 1 || slash1 === 2) && slash2 - slash1 >= 2 && slash2 - slash1 <= 3 && slash2 === n - 5) {
      const month = digits(text, 0, slash1);
      const day = digits(text, slash1 + 1, slash2);
      const year = digits(text, slash2 + 1, n);
      if (month >= 0 && day >= 0 && year >= 0) return dayNumber(year < 100 ? twoDigitYear(year) : year, month, day);
    }
  }
  return null;
}

function readDateText(raw: string): number | undefined {
  const quick = commonDay(raw);
  if (quick !== null) return quick;
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

/**
 * readDay of a text in the commonest shapes (`2026-03-01`, `3/1/2026`), by character codes: the day, undefined for a
 * date that does not exist (`2/30/2026`, unreadable), null for any other value (then readDay decides). None of these
 * texts is blank (each has a digit).
 */
export function quickDay(value: unknown): number | undefined | null {
  return typeof value === 'string' ? commonDay(value) : null;
}

/** The calendar day of a non-blank cell value, or undefined when it is not a date. */
export function readDay(value: unknown): number | undefined {
  if (value instanceof Date) return dayOfDate(value);
  if (typeof value === 'string') return value.length > 40 ? undefined : readDateText(value);
  return undefined;
}
