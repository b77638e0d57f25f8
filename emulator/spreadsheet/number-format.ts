// Display text of a cell value under a number format (the common subset of Sheets' number and date patterns).
import { dateToSerial, serialToDate, wallClock } from './dates';
import { CellValue, DATE_FORMAT, DATE_TIME_FORMAT, TIME_FORMAT } from './values';

/** What Range.getNumberFormat returns for a cell with the default "Automatic" format. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/**
 * Range.getDisplayValue: booleans as TRUE/FALSE, dates as M/d/yyyy (M/d/yyyy H:mm:ss with a time),
 * numbers as JavaScript prints them unless a number format is set.
 */
export function displayValue(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format === undefined || format === '' || format === DEFAULT_NUMBER_FORMAT || /^general$/i.test(format) ? undefined : format;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    if (fmt === undefined || fmt === '@') return formatDate(value, defaultDateFormat(value, timeZone), timeZone);
    if (isDateFormat(fmt)) return formatDate(value, fmt, timeZone);
    return formatNumber(dateToSerial(value, timeZone), fmt);
  }
  if (fmt === undefined || fmt === '@') return String(value);
  if (isDateFormat(fmt)) return formatDate(serialToDate(value, timeZone), fmt, timeZone);
  return formatNumber(value, fmt);
}

function defaultDateFormat(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  if (w.year === 1899 && w.month === 12 && w.day === 30) return TIME_FORMAT;
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? DATE_FORMAT : DATE_TIME_FORMAT;
}

/** Removes quoted literals and escapes so pattern letters can be inspected. */
function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function isDateFormat(fmt: string): boolean {
  const bare = stripLiterals(fmt).replace(/am\/pm|a\/p/gi, 'h');
  return /[ydhsm]/i.test(bare.replace(/E[+-]/g, ''));
}

function formatNumber(value: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0] ?? fmt;
  let v = value;
  let sign = '';
  if (value < 0) {
    if (sections[1] !== undefined) {
      section = sections[1];
      v = -value;
    } else {
      sign = '-';
      v = -value;
    }
  } else if (value === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const { prefix, pattern, suffix } = splitPattern(section);
  if (/%/.test(stripLiterals(section))) v *= 100;
  const body = pattern === '' ? '' : formatDigits(v, pattern);
  const out = `${literalText(prefix)}${body}${literalText(suffix)}`;
  return sign && out !== '' && /[1-9]/.test(body) ? sign + out : out;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function splitPattern(section: string): { prefix: string; pattern: string; suffix: string } {
  let first = -1;
  let last = -1;
  let quoted = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? '';
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '\\') {
      i++;
      continue;
    }
    if ('0#?'.includes(ch) || ((ch === '.' || ch === ',') && first >= 0) || (ch === '.' && first < 0 && /[0#?]/.test(section.slice(i + 1)))) {
      if (first < 0) first = i;
      last = i;
    }
    if ((ch === 'E' || ch === 'e') && first >= 0 && /[+-]/.test(section[i + 1] ?? '')) {
      let j = i + 2;
      while (j < section.length && /[0#]/.test(section[j] ?? '')) j++;
      last = j - 1;
      i = j - 1;
    }
  }
  if (first < 0) return { prefix: section, pattern: '', suffix: '' };
  return { prefix: section.slice(0, first), pattern: section.slice(first, last + 1), suffix: section.slice(last + 1) };
}

function literalText(part: string): string {
  return part.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/[_*]./g, '');
}

function formatDigits(value: number, pattern: string): string {
  const expMatch = /[Ee]([+-])([0#]+)$/.exec(pattern);
  if (expMatch) {
    const mantissa = pattern.slice(0, expMatch.index);
    const decimals = (mantissa.split('.')[1] ?? '').length;
    const [m, e] = value.toExponential(decimals).split('e');
    const exp = Number(e);
    const expDigits = String(Math.abs(exp)).padStart(expMatch[2]?.length ?? 1, '0');
    return `${m}E${exp < 0 ? '-' : '+'}${expDigits}`;
  }
  const [intPart = '', decPart = ''] = pattern.split('.');
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  let fixed = value.toFixed(maxDec);
  let [intDigits = '0', decDigits = ''] = fixed.split('.');
  while (decDigits.length > minDec && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = decDigits.length > 0 ? `${intDigits}.${decDigits}` : pattern.includes('.') && maxDec === 0 ? `${intDigits}.` : intDigits;
  return fixed === '' ? '0' : fixed;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateToken {
  kind: 'lit' | 'tok';
  text: string;
}

function tokenizeDate(fmt: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i] ?? '';
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      tokens.push({ kind: 'lit', text: fmt.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i += 2;
      continue;
    }
    const ampm = /^(am\/pm|a\/p)/i.exec(fmt.slice(i));
    if (ampm) {
      tokens.push({ kind: 'tok', text: ampm[0].toLowerCase() });
      i += ampm[0].length;
      continue;
    }
    if (/[ydhmsYDHMS]/.test(ch)) {
      let j = i;
      while (j < fmt.length && (fmt[j] ?? '').toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'tok', text: fmt.slice(i, j) });
      i = j;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
    i++;
  }
  return tokens;
}

function formatDate(date: Date, fmt: string, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const tokens = tokenizeDate(fmt);
  const twelveHour = tokens.some((t) => t.kind === 'tok' && t.text.includes('/'));
  const pad = (n: number, len: number): string => String(n).padStart(len, '0');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    const lower = t.text.toLowerCase();
    const c = lower[0];
    if (lower === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += w.hour < 12 ? 'A' : 'P';
    else if (c === 'y') out += lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
    else if (c === 'd') {
      if (lower.length >= 4) out += DAY_NAMES[w.weekday] ?? '';
      else if (lower.length === 3) out += (DAY_NAMES[w.weekday] ?? '').slice(0, 3);
      else out += pad(w.day, lower.length);
    } else if (c === 'h') {
      const h = twelveHour ? w.hour % 12 || 12 : w.hour;
      out += pad(h, Math.min(lower.length, 2));
    } else if (c === 's') out += pad(w.second, Math.min(lower.length, 2));
    else if (c === 'm') {
      const prev = tokens.slice(0, i).reverse().find((x) => x.kind === 'tok');
      const next = tokens.slice(i + 1).find((x) => x.kind === 'tok');
      const minute = lower.length <= 2 && ((prev?.text.toLowerCase().startsWith('h') ?? false) || (next?.text.toLowerCase().startsWith('s') ?? false));
      if (minute) out += pad(w.minute, lower.length);
      else if (lower.length >= 4) out += MONTH_NAMES[w.month - 1] ?? '';
      else if (lower.length === 3) out += (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
      else out += pad(w.month, lower.length);
    }
  }
  return out;
}
