// Java SimpleDateFormat patterns in a time zone, as Utilities.formatDate uses them (common letters only).
import { zoneParts, type ZoneParts } from '../spreadsheet/dates';
import { isDate } from './realm';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIXED_OFFSET = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/;
/** Letters Java knows but this emulation does not format (week-of-year and friends). */
const UNSUPPORTED = new Set(['w', 'W', 'F']);

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  offsetMinutes: number;
  zoneShort: string;
  zoneLong: string;
}

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fixedOffsetFields(time: number, offsetMinutes: number): Fields {
  const shifted = new Date(time + offsetMinutes * 60000);
  const name = `GMT${offsetText(offsetMinutes, ':')}`;
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
    zoneShort: name,
    zoneLong: name,
  };
}

// One formatter per zone and style: making an Intl.DateTimeFormat costs far more than using one, and every date the
// emulator formats asks for both names (it was a third of the playground's start-up CPU).
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneName(time: number, timeZone: string, style: 'short' | 'long'): string {
  const key = `${style}|${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style });
    zoneNameFormatters.set(key, formatter);
  }
  const part = formatter.formatToParts(time).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Wall-clock fields of an instant in a zone. Unknown zones fall back to GMT, as Java's TimeZone does. */
export function fieldsInZone(time: number, timeZone: string): Fields {
  const fixed = FIXED_OFFSET.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return fixedOffsetFields(time, fixed[1] === '-' ? -minutes : minutes);
  }
  let wall: ZoneParts;
  try {
    wall = zoneParts(time, timeZone, true);
  } catch {
    return { ...fixedOffsetFields(time, 0), zoneShort: 'GMT', zoneLong: 'Greenwich Mean Time' };
  }
  const { year, month, day, hour, minute, second, weekday } = wall;
  const millisecond = ((time % 1000) + 1000) % 1000;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday,
    offsetMinutes: Math.round((wallMs - time) / 60000),
    zoneShort: zoneName(time, timeZone, 'short'),
    zoneLong: zoneName(time, timeZone, 'long'),
  };
}

function dayOfYear(f: Fields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

function formatField(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': // week year; treated as the calendar year
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1] ?? '';
      if (count === 3) return (MONTHS[f.month - 1] ?? '').slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E':
      return count >= 4 ? (DAYS[f.weekday] ?? '') : (DAYS[f.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? f.zoneLong : f.zoneShort;
    case 'Z':
      return offsetText(f.offsetMinutes, '');
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      if (count === 1) return offsetText(f.offsetMinutes, '').slice(0, 3);
      return offsetText(f.offsetMinutes, count === 2 ? '' : ':');
    default:
      if (UNSUPPORTED.has(letter)) throw new Error(`Pattern letter '${letter}' is not emulated`);
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats like Utilities.formatDate(date, timeZone, format). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date)) throw new Error('Invalid argument: date');
  const time = date.getTime();
  if (Number.isNaN(time)) throw new Error('Invalid argument: date');
  const fields = fieldsInZone(time, String(timeZone));
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      // 'text' is literal; '' is a quote, inside or outside literal text.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i += 1;
      for (;;) {
        if (i >= pattern.length) throw new Error('Unterminated quote in date pattern');
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") break;
          i += 1;
        }
        out += pattern[i];
        i += 1;
      }
      i += 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += formatField(ch, count, fields);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
