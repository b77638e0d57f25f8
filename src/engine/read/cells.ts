// Reads each cell once per reading kind a column needs, memoising repeated values (exports repeat a lot).

import type { ReadingKind } from '../operators';
import { isBlank } from './blank';
import { readBoolean } from './boolean';
import { readDay } from './date';
import { readNumber } from './number';
import { cellText, normalizeText, splitList } from './text';

/**
 * All the readings of one cell value that its column's criteria need; unreadable kinds are undefined.
 * A class with every field set in the constructor, so all readings share one hidden class and the
 * scoring loop's `cell[kind]` stays a fast monomorphic property access.
 */
export class CellReading {
  blank = true;
  /** The readings by kind code (KIND_CODE), for the scoring loop's indexed access. */
  readonly v: unknown[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  /** The value as text, for explanations. */
  shown = '';
  text: string | undefined = undefined;
  list: readonly string[] | undefined = undefined;
  number: number | undefined = undefined;
  bool: boolean | undefined = undefined;
  day: number | undefined = undefined;
  raw: string | undefined = undefined;
  present: true | undefined = undefined;
}

// Bounded so a column of a million distinct values cannot grow memory without limit.
const CACHE_LIMIT = 50_000;
// After this many reads, a column whose values rarely repeat (ids, e-mails) stops memoising: it would only cost.
const SAMPLE_READS = 2_000;
const MIN_HIT_RATE = 0.3;

const BLANK = new CellReading();

/** Index of each reading kind in CellReading.v. */
export const KIND_CODE: Record<ReadingKind, number> = { text: 0, list: 1, number: 2, bool: 3, day: 4, raw: 5, present: 6 };

export class ColumnReader {
  private readonly cache = new Map<string | number | boolean, CellReading>();
  private readonly needs: readonly ReadingKind[];
  private memoise = true;
  private reads = 0;
  private hits = 0;
  // Reused when not memoising: a reading is consumed before the next cell of this column is read.
  private readonly scratch = new CellReading();

  constructor(needs: Iterable<ReadingKind>) {
    this.needs = [...new Set(needs)];
  }

  read(value: unknown): CellReading {
    const t = typeof value;
    if (this.memoise && (t === 'string' || t === 'number' || t === 'boolean')) {
      const key = value as string | number | boolean;
      const hit = this.cache.get(key);
      if (hit !== undefined) {
        this.hits++;
        return hit;
      }
      if (++this.reads === SAMPLE_READS && this.hits < MIN_HIT_RATE * (this.hits + this.reads)) {
        this.memoise = false;
        this.cache.clear();
        return this.fill(this.scratch, value);
      }
      const reading = this.fill(new CellReading(), value);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, reading);
      return reading;
    }
    if (value === '' || value === null || value === undefined) return BLANK;
    try {
      return this.fill(this.memoise ? new CellReading() : this.scratch, value);
    } catch {
      // Only exotic objects (a Proxy whose traps throw) get here; no cell holds one, but scoring must never throw.
      return BLANK;
    }
  }

  private fill(reading: CellReading, value: unknown): CellReading {
    if (isBlank(value)) return BLANK;
    const shown = typeof value === 'string' ? value.trim() : cellText(value).trim();
    reading.blank = false;
    reading.shown = shown;
    const v = reading.v;
    for (const kind of this.needs) {
      switch (kind) {
        case 'text':
          v[0] = reading.text = normalizeText(shown);
          break;
        case 'list': {
          const whole = normalizeText(shown);
          // A cell that reads as one number (`1,000`, `$1,001-5,000`) is one value: its commas are not list separators.
          const items = readNumber(value) === undefined ? splitList(whole) : [whole];
          v[1] = reading.list = items.length > 1 ? [whole, ...items] : [whole];
          break;
        }
        case 'number':
          v[2] = reading.number = readNumber(value);
          break;
        case 'bool':
          v[3] = reading.bool = readBoolean(value);
          break;
        case 'day':
          v[4] = reading.day = readDay(value);
          break;
        case 'raw':
          v[5] = reading.raw = shown;
          break;
        case 'present':
          v[6] = reading.present = true;
          break;
      }
    }
    return reading;
  }
}
