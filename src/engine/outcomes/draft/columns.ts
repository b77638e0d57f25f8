// Reads each column of a deals table once: its distinct values (read by the engine's readers), a code per row, and the kind of value it holds.

import { isBlank } from '../../read/blank';
import { readBoolean } from '../../read/boolean';
import { readDay } from '../../read/date';
import { readNumber } from '../../read/number';
import { cellText, LIST_SEPARATORS, normalizeText, splitList } from '../../read/text';

/** What a column holds, as a person would say it: yes/no, numbers, dates, lists of items, or words. */
export type ColumnKind = 'bool' | 'number' | 'date' | 'list' | 'text';

/** A column's distinct values: each row's code (-1 blank) and, per code, the readings the candidates need. */
export interface ReadColumn {
  index: number;
  header: string;
  kind: ColumnKind;
  /** Per row, the index of its distinct value, or -1 for a blank cell. */
  codes: Int32Array;
  /** Per distinct value: the cell value itself (the first seen), and how many rows hold it. */
  raws: unknown[];
  counts: number[];
  /** Per distinct value: its normalised text (as `in` compares it). */
  texts: string[];
  /** Per distinct value: the number it reads as (NaN when none). */
  numbers: Float64Array;
  /** Per distinct value: the calendar day it reads as (NaN when none). */
  days: Float64Array;
  /** Per distinct value: yes / no (undefined when neither). */
  bools: (boolean | undefined)[];
  /** Per distinct value: its list items (normalised), for list columns; else []. */
  items: string[][];
  /** Non-blank cells. */
  filled: number;
  /** Every number read is a whole number (integer ranges then read `51-200`). */
  integers: boolean;
  /** Some cell wrote a currency sign or code: the bounds are shown as money. */
  money: boolean;
}

// A column is of a kind when at least this share of its non-blank cells reads as that kind.
const KIND_SHARE = 0.9;
// A text column is a list when at least this share of its non-blank cells holds a list separator.
const LIST_SHARE = 0.2;
const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp)\b/i;

/** A cell value as a memo key: the same text, number, boolean or day read the same way. */
function keyOf(v: unknown): string {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (v instanceof Date) return `d${v.getTime()}`;
  return `o${cellText(v)}`;
}

/** Reads column `index` of `rows`: each distinct value once (text numbers with a decimal comma when `decimalComma`). */
export function readColumn(rows: readonly (readonly unknown[])[], index: number, header: string, decimalComma = false): ReadColumn {
  const codes = new Int32Array(rows.length);
  const memo = new Map<string, number>();
  const raws: unknown[] = [];
  const counts: number[] = [];
  let filled = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r]![index];
    if (v === undefined || v === null || v === '') {
      codes[r] = -1;
      continue;
    }
    const key = keyOf(v);
    let code = memo.get(key);
    if (code === undefined) {
      code = isBlank(v) ? -1 : raws.length;
      memo.set(key, code);
      if (code >= 0) {
        raws.push(v);
        counts.push(0);
      }
    }
    codes[r] = code;
    if (code >= 0) {
      filled++;
      counts[code]!++;
    }
  }
  const n = raws.length;
  const texts = raws.map((v) => normalizeText(cellText(v)));
  const numbers = new Float64Array(n);
  const days = new Float64Array(n);
  const bools: (boolean | undefined)[] = [];
  let asBool = 0;
  let asNumber = 0;
  let asDay = 0;
  let asList = 0;
  let integers = true;
  let money = false;
  for (let i = 0; i < n; i++) {
    const v = raws[i];
    const c = counts[i]!;
    const b = readBoolean(v);
    bools.push(b);
    if (b !== undefined) asBool += c;
    const num = readNumber(v, decimalComma);
    numbers[i] = num ?? NaN;
    if (num !== undefined) {
      asNumber += c;
      if (!Number.isInteger(num)) integers = false;
      if (typeof v === 'string' && CURRENCY.test(v)) money = true;
    }
    const day = readDay(v);
    days[i] = day ?? NaN;
    if (day !== undefined) asDay += c;
    if (typeof v === 'string' && num === undefined && LIST_SEPARATORS.test(v)) asList += c;
  }
  const share = (k: number): boolean => filled > 0 && k / filled >= KIND_SHARE;
  // Yes/no first (a 0/1 column is a flag, not a count), then dates (an ISO date is no number), then numbers.
  let kind: ColumnKind = share(asBool) && new Set(bools.filter((b) => b !== undefined)).size === 2 ? 'bool'
    : share(asDay) ? 'date'
      : share(asNumber) ? 'number'
        : filled > 0 && asList / filled >= LIST_SHARE ? 'list' : 'text';
  if (kind === 'bool' && !share(asBool)) kind = 'text';
  const items = kind === 'list' ? raws.map((v) => splitList(cellText(v))) : [];
  return { index, header, kind, codes, raws, counts, texts, numbers, days, bools, items, filled, integers, money };
}
