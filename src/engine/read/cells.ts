// Reads each cell once per reading kind a column needs, memoising repeated values (exports repeat a lot).

import type { ReadingKind } from '../operators';
import { isBlank } from './blank';
import { readBoolean } from './boolean';
import { readDay } from './date';
import { readNumber } from './number';
import { cellText, normalizeText, splitList } from './text';

/** All the readings of one cell value that its column's criteria need; unreadable kinds are undefined. */
export interface CellReading {
  blank: boolean;
  /** The value as text, for explanations. */
  shown: string;
  text?: string;
  list?: readonly string[];
  number?: number;
  bool?: boolean;
  day?: number;
  raw?: string;
  present?: true;
}

// Bounded so a column of a million distinct values cannot grow memory without limit.
const CACHE_LIMIT = 20_000;

const BLANK: CellReading = Object.freeze({ blank: true, shown: '' });

export class ColumnReader {
  private readonly cache = new Map<string | number | boolean, CellReading>();
  private readonly needs: ReadonlySet<ReadingKind>;

  constructor(needs: Iterable<ReadingKind>) {
    this.needs = new Set(needs);
  }

  read(value: unknown): CellReading {
    const t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') {
      const key = value as string | number | boolean;
      const hit = this.cache.get(key);
      if (hit !== undefined) return hit;
      const reading = this.compute(value);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, reading);
      return reading;
    }
    return this.compute(value);
  }

  private compute(value: unknown): CellReading {
    if (isBlank(value)) return BLANK;
    const shown = cellText(value).trim();
    const reading: CellReading = { blank: false, shown };
    for (const kind of this.needs) {
      switch (kind) {
        case 'text':
          reading.text = normalizeText(shown);
          break;
        case 'list': {
          const whole = normalizeText(shown);
          // A cell that reads as one number (`1,000`, `$1,001-5,000`) is one value: its commas are not list separators.
          const items = readNumber(value) === undefined ? splitList(whole) : [whole];
          reading.list = items.length > 1 ? [whole, ...items] : [whole];
          break;
        }
        case 'number':
          reading.number = readNumber(value);
          break;
        case 'bool':
          reading.bool = readBoolean(value);
          break;
        case 'day':
          reading.day = readDay(value);
          break;
        case 'raw':
          reading.raw = shown;
          break;
        case 'present':
          reading.present = true;
          break;
      }
    }
    return reading;
  }
}
