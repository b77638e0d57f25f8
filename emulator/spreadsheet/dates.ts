// Dates in a spreadsheet time zone: wall-clock parts, Sheets serial numbers (days since 1899-12-30), construction.

export const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 with Sheets' 1899-12-30 epoch. */
const UNIX_EPOCH_SERIAL = 25569;

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z']);
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
/** Cached formatters per zone: without and with the weekday. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withWeekday: boolean): Intl.DateTimeFormat {
  const cache = withWeekday ? weekdayFormatters : formatters;
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      ...(withWeekday ? { weekday: 'short' as const } : {}),
    });
    cache.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone, to the second, as Intl reports them. */
export interface ZoneParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  /** 0 = Sunday; only when asked for, else 0. */
  weekday: number;
}

/** The zone's wall clock at an instant, read with Intl (the one place that does). Throws a RangeError for an unknown zone. */
export function zoneParts(epochMs: number, timeZone: string, withWeekday = false): ZoneParts {
  const parts = formatterFor(timeZone, withWeekday).formatToParts(new Date(epochMs));
  const text = (type: string): string | undefined => parts.find((p) => p.type === type)?.value;
  const get = (type: string): number => Number(text(type) ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    weekday: WEEKDAY_INDEX[text('weekday') ?? 'Sun'] ?? 0,
  };
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in the zone. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (UTC_ZONES.has(timeZone) || !Number.isFinite(epochMs)) return 0;
  // Offsets change on whole quarter hours at most; cache per zone and quarter hour.
  const bucket = `${timeZone}|${Math.floor(epochMs / 900_000)}`;
  const cached = offsetCache.get(bucket);
  if (cached !== undefined) return cached;
  const offset = computeOffset(epochMs, timeZone);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(bucket, offset);
  return offset;
}

const offsetCache = new Map<string, number>();

function computeOffset(epochMs: number, timeZone: string): number {
  const p = zoneParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return asUtc - whole;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const t = date.getTime();
  const local = new Date(t + zoneOffsetMs(t, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
  };
}

/** The instant at which the zone's wall clock shows the given time. */
export function makeDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

export function dateToSerial(date: Date, timeZone: string): number {
  const t = date.getTime();
  return (t + zoneOffsetMs(t, timeZone)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
