// Reads one cell value once per reading kind its column's criteria need (the slot judge memoises the outcome).

import type { ReadingKind } from '../operators';
import { isBlank } from './blank';
import { readBoolean } from './boolean';
import { readDay } from './date';
import { readNumber } from './number';
import { cellText, normalizeText, splitList } from './text';

/** All the readings of one cell value that its column's criteria need; unreadable kinds are undefined. */
export class CellReading {
  blank = true;
  /** The readings by kind code (KIND_CODE), for the scoring loop's indexed access. */
  readonly v: unknown[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
}

/** A non-blank cell value as shown in explanations (trimmed text). May throw on exotic objects. */
export function shownText(value: unknown): string {
  return typeof value === 'string' ? trimmed(value) : cellText(value).trim();
}

/**
 * text.trim(), without the call for text that starts and ends with a visible ASCII character (nearly every cell):
 * trim() removes only white space and line terminators, none of them in that range, and the call costs about as much
 * as the rest of a cell's reading.
 */
function trimmed(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** The reading of every blank cell. */
export const BLANK_READING = new CellReading();

/** Index of each reading kind in CellReading.v. */
export const KIND_CODE: Record<ReadingKind, number> = { text: 0, list: 1, number: 2, bool: 3, day: 4, raw: 5, present: 6, lower: 7 };

export class ColumnReader {
  private readonly needs: readonly number[];
  /** Some reading needed is made from the value's text (text, list, raw, lower), which is only worked out then. */
  private readonly needsText: boolean;

  /** needs: the readings the column's criteria take; decimalComma: read text numbers as decimal-comma locales write them. */
  constructor(needs: Iterable<ReadingKind>, private readonly decimalComma = false) {
    this.needs = [...new Set(needs)].map((kind) => KIND_CODE[kind]);
    const textCodes = [KIND_CODE.text, KIND_CODE.list, KIND_CODE.raw, KIND_CODE.lower];
    this.needsText = this.needs.some((code) => textCodes.includes(code));
  }

  /** Fills `reading` with the readings of a value, or returns BLANK_READING for a blank one. May throw on exotic objects. */
  fill(reading: CellReading, value: unknown): CellReading {
    if (isBlank(value)) return BLANK_READING;
    // A date cell's text (`2026-03-01`, built digit by digit) is not needed to read its day.
    const shown = this.needsText ? shownText(value) : '';
    reading.blank = false;
    const v = reading.v;
    const needs = this.needs;
    for (let k = 0; k < needs.length; k++) {
      switch (needs[k]) {
        case 0:
          v[0] = normalizeText(shown);
          break;
        case 1: {
          const whole = normalizeText(shown);
          // A cell that reads as one number (`1,000`, `$1,001-5,000`) is one value: its commas are not list separators.
          const items = readNumber(value, this.decimalComma) === undefined ? splitList(shown) : [whole];
          v[1] = items.length > 1 ? [whole, ...items] : [whole];
          break;
        }
        case 2:
          v[2] = readNumber(value, this.decimalComma);
          break;
        case 3:
          v[3] = readBoolean(value);
          break;
        case 4:
          v[4] = readDay(value);
          break;
        case 5:
          v[5] = shown;
          break;
        case 6:
          v[6] = true;
          break;
        case 7:
          v[7] = shown.toLowerCase();
          break;
      }
    }
    return reading;
  }
}
