// Number reading: plain numbers and the money, percentage and range notations people type and exports use.

import { pointDecimalText } from './locale';

// Multipliers of the word or letter after an amount: `1.2k`, `$3 bn`, `1.5 million`, `$25 mil.`. The SQL export's
// patterns (sql/patterns.ts) are built from this table and CURRENCY, so both read the same amounts.
export const SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, thousands: 1e3,
  m: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, mio: 1e6, million: 1e6, millions: 1e6,
  b: 1e9, bn: 1e9, bil: 1e9, billion: 1e9, billions: 1e9,
  t: 1e12, tn: 1e12, trillion: 1e12, trillions: 1e12,
  // In decimal-comma locales' exports: `1,2 Mio.`, `€ 2,5 Mrd.` (German), `3 Tsd.`, `2,5 Md€` (French), `4 mln`,
  // `1,5 mld` (Italian, Polish). Not the German `Bio.` (a billion there is 10^12, `billion` here 10^9).
  tsd: 1e3, mln: 1e6, mrd: 1e9, md: 1e9, mds: 1e9, mld: 1e9,
};

export const CURRENCY = '(?:[$€£¥₹]|usd|eur|gbp|cad|aud|chf|jpy|inr|us\\$)';
// One amount: optional currency, sign, digits with thousands commas (or spaces: `1 200 000`, as French and Nordic
// exports group them) or decimals, optional suffix and currency. The suffix is not tried where only a currency is
// left (`1,000 EUR`): the letters would be taken for an unknown suffix.
const AMOUNT = new RegExp(
  `^${CURRENCY}?\\s*([+-]?)\\s*${CURRENCY}?\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?:(?!${CURRENCY}$)([a-z]+))?\\.?\\s*${CURRENCY}?$`,
);
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/;
const PERCENT = /^(.+?)\s*%$/;
// `10,001+`, `$10B+`, `Over $5 bil.`, `more than 500`, `>= 50`, `1000 or more`: N.
const AT_LEAST = /^(?:over|more than|above|greater than|at least|>=?|≥)\s*(.+)$|^(.+?)\s*(?:\+|or more|and above|and up)$/;
// `<50`, `under 50`, `Less than $1M`, `up to 10`: the midpoint of 0 and N.
const BELOW = /^(?:under|less than|below|fewer than|up to|<=?|≤)\s*(.+)$/;
// Separators between the two ends of a range: `51-200`, `10 - 20`, `$1M to $10M`, en and em dashes.
const SEPARATOR = '(?:-|–|—|\\bto\\b)';
const RANGE_SEPARATOR = new RegExp(`\\s*${SEPARATOR}\\s*`, 'g');
// The `%` of a range's first end (`10%-20%`): dropped, as the last end's `%` counts for both.
const PERCENT_BEFORE_SEPARATOR = new RegExp(`%(?=\\s*${SEPARATOR})`, 'g');

interface Amount {
  value: number;
  multiplied: boolean;
  multiplier: number;
}

function readAmount(text: string): Amount | undefined {
  const m = AMOUNT.exec(text);
  if (m === null) return undefined;
  const [, sign, digits = '', suffix] = m;
  let multiplier = 1;
  if (suffix !== undefined) {
    const found = SUFFIXES[suffix];
    if (found === undefined) return undefined;
    multiplier = found;
  }
  const base = Number(digits.replace(/[, ]/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const value = (sign === '-' ? -base : base) * multiplier;
  return { value, multiplied: suffix !== undefined, multiplier };
}

function readRange(text: string): number | undefined {
  RANGE_SEPARATOR.lastIndex = 0;
  for (let m = RANGE_SEPARATOR.exec(text); m !== null; m = RANGE_SEPARATOR.exec(text)) {
    if (m.index === 0) continue; // a leading minus is a sign, not a range
    const low = readAmount(text.slice(0, m.index));
    const high = readAmount(text.slice(m.index + m[0].length));
    if (low === undefined || high === undefined) continue;
    // `$10-50M` means 10M to 50M: the low end takes the high end's suffix when it has none.
    const lowValue = !low.multiplied && high.multiplied ? low.value * high.multiplier : low.value;
    return (lowValue + high.value) / 2;
  }
  return undefined;
}

/** /^\d+(?:\.\d+)?$/.test(text) as a loop: most numeric cells are plain digits, and this is their whole reading. */
function isPlain(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === 0) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46 || i + 1 === n) return false;
  for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// `$34.4m`, `€5.8m`, `12k`: the commonest amounts in exports, read without the general AMOUNT expression. No pattern
// checked before it in readNumberText can match such text, and AMOUNT reads it the same way (digits times suffix).
const SHORT_AMOUNT = /^[$€£¥₹]?(\d+(?:\.\d+)?)([kmbt]?)$/;
export const SHORT_SUFFIXES: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

// First and last characters the patterns below can match, so a cell is only run through the ones it may match.
const BELOW_FIRST = new Set(['u', 'l', 'b', 'f', '<', '≤']);
const AT_LEAST_FIRST = new Set(['o', 'm', 'a', 'g', '>', '≥']);
const AT_LEAST_LAST = new Set(['+', 'e', 'p']);

const SPACE_OR_MINUS = /[\u00a0\u2009\u202f\u2212]/;
const ODD_SPACES = /[\u00a0\u2009\u202f]/g;

// The unit LinkedIn and ZoomInfo exports write after a size or an amount: `51-200 employees`, `$1M - $10M (USD)`.
const UNIT = /\s*(?:\b(?:employees?|emps?\.?|staff|people)|\((?:usd|eur|gbp|cad|aud|chf|jpy|inr)\))$/;

function readNumberText(raw: string): number | undefined {
  let text = raw.trim().toLowerCase();
  if (isPlain(text)) return Number(text);
  // No-break and thin spaces group thousands in European exports (`1\u202f000`); U+2212 is the minus sign that
  // word processors and some locales' number formats write.
  if (SPACE_OR_MINUS.test(text)) text = text.replace(ODD_SPACES, ' ').replace(/\u2212/g, '-');
  const short = SHORT_AMOUNT.exec(text);
  if (short !== null) return Number(short[1]) * SHORT_SUFFIXES[short[2]!]!;
  const unit = UNIT.exec(text);
  if (unit !== null && unit.index > 0) text = text.slice(0, unit.index);
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  if (text.indexOf('e') > 0 && SCIENTIFIC.test(text)) return Number(text);
  const percent = last === '%' ? PERCENT.exec(text) : null;
  if (percent !== null) {
    // `10%-20%`: the first end's sign goes with the last one's.
    const n = readNumberText((percent[1] ?? '').replace(PERCENT_BEFORE_SEPARATOR, ''));
    return n === undefined ? undefined : n / 100;
  }
  const below = BELOW_FIRST.has(first) ? BELOW.exec(text) : null;
  if (below !== null) {
    const n = readAmount(below[1] ?? '');
    return n === undefined ? undefined : n.value / 2;
  }
  const atLeast = AT_LEAST_FIRST.has(first) || AT_LEAST_LAST.has(last) ? AT_LEAST.exec(text) : null;
  if (atLeast !== null) {
    const n = readAmount(atLeast[1] ?? atLeast[2] ?? '');
    return n === undefined ? undefined : n.value;
  }
  const single = readAmount(text);
  if (single !== undefined) return single.value;
  return readRange(text);
}

/**
 * The number a person reads in a non-blank cell value, or undefined when there is none (`lots`). Text is read the US
 * way (`1,234.5`), or with `decimalComma` as decimal-comma locales write it (`1.234,5`, `1 234,5`; see locale.ts).
 * A number cell is a number whatever the locale.
 */
export function readNumber(value: unknown, decimalComma = false): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    if (value.length > 80) return undefined;
    const n = readNumberText(decimalComma ? pointDecimalText(value) : value);
    // `1e999` and `$1e300 bn` overflow to Infinity: no number a person can use, so unreadable like `NaN`.
    return n !== undefined && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

// Powers of ten a decimal part divides by: exact doubles up to 1e22.
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
// Currency signs SHORT_AMOUNT and AMOUNT take before the digits: $ £ ¥ € ₹.
const isCurrencySign = (c: number): boolean => c === 36 || c === 163 || c === 165 || c === 8364 || c === 8377;
/** Character codes of the US thousands and decimal signs; a decimal-comma locale's reading swaps them. */
export const COMMA = 44;
export const POINT = 46;
/** The longest text quickNumber reads (15 digits, 4 commas, a point, a currency sign and a suffix fit); longer goes to readNumber. */
const QUICK_MAX_LENGTH = 24;

/**
 * readNumber of the commonest numeric cells, by character codes: a finite number, or text written `145`, `1,234`,
 * `12.5`, `$34.4M`, `€1,200k` (an optional currency sign, digits with or without thousands commas, an optional decimal
 * part and an optional k/m/b/t suffix, no spaces). NaN for any other value, which then goes the general way.
 * groupCode and pointCode are the thousands and decimal signs: COMMA and POINT for readNumber(value), swapped for
 * readNumber(value, true) (`1.234,5`).
 * Why: a column of amounts or head counts has thousands of distinct values, and reading one of these takes less than
 * looking it up in a memo. Same answers as readNumber, to the bit: at most 15 digits make the mantissa an exact
 * integer, so mantissa / 10^k is the correctly rounded decimal, as Number() gives it (Clinger's fast path), and the
 * suffix multiplies it as readNumber does. None of these texts is blank (each has a digit).
 */
export function quickNumber(value: unknown, groupCode = COMMA, pointCode = POINT): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const n = value.length;
  if (n === 0 || n > QUICK_MAX_LENGTH) return NaN;
  let i = isCurrencySign(value.charCodeAt(0)) ? 1 : 0;
  let mantissa = 0;
  let digitCount = 0;
  // Digits since the last comma; the first group has 1-3, every later one exactly 3.
  let group = 0;
  let grouped = false;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      digitCount++;
      group++;
    } else if (c === groupCode) {
      if (grouped ? group !== 3 : group < 1 || group > 3) return NaN;
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (digitCount === 0 || (grouped && group !== 3)) return NaN;
  let scale = 0;
  if (i < n && value.charCodeAt(i) === pointCode) {
    for (i++; i < n; i++) {
      const c = value.charCodeAt(i);
      if (!isDigit(c)) break;
      mantissa = mantissa * 10 + (c - 48);
      digitCount++;
      scale++;
    }
    if (scale === 0) return NaN;
  }
  if (digitCount > 15) return NaN;
  let multiplier = 1;
  if (i < n) {
    if (i !== n - 1) return NaN;
    // SHORT_AMOUNT's suffixes, in either case (readNumberText lower-cases the text first).
    multiplier = SHORT_SUFFIXES[String.fromCharCode(value.charCodeAt(i) | 32)] ?? NaN;
  }
  return (scale === 0 ? mantissa : mantissa / POW10[scale]!) * multiplier;
}
