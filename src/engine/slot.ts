// The outcome of one column's criteria on one cell value, memoised per value (exports repeat values a lot).

import * as cells from './read/cells';
import type { CellReading } from './read/cells';
import type { ReadingKind } from './operators';

// Read once: as CommonJS (tsx), each use of an imported binding would be a getter call in the hot loop.
const { BLANK_READING, CellReading: Reading, ColumnReader } = cells;

export const SCORE = 0;
export const MUST = 1;
export const EXCLUDE = 2;

/** What the judge needs of a criterion reading its column. */
export interface SlotCriterion {
  role: number;
  category: number;
  kind: ReadingKind;
  kindCode: number;
  test: (reading: never) => number;
  bandPoints: readonly number[] | undefined;
  points: number;
}

/** One cell value judged by every criterion on its column. */
export class SlotOutcome {
  blank = true;
  /** The value as shown (trimmed text), for explanations. */
  shown = '';
  /** Some criterion on the column disqualifies the row (a must-have missed or unreadable, an exclusion matched). */
  knockout = false;
  /** Per criterion on the column, in model order: -2 unreadable, -1 no match, else the band index (0 without bands). */
  readonly hits: number[];
  /** (category, points) pairs the matched scoring criteria earn, in model order, flattened. */
  readonly adds: number[] = [];

  constructor(n: number) {
    this.hits = new Array<number>(n).fill(-1);
  }
}

const BLANK_OUTCOME = new SlotOutcome(0);

// Bounded so a column of a million distinct values cannot grow memory without limit.
const CACHE_LIMIT = 50_000;
// After this many reads, a column whose values rarely repeat (ids, e-mails) stops memoising: it would only cost.
const SAMPLE_READS = 2_000;
const MIN_HIT_RATE = 0.3;

export class SlotJudge {
  private readonly reader: cells.ColumnReader;
  private readonly cache = new Map<string | number | boolean, SlotOutcome>();
  private memoise = true;
  private reads = 0;
  private hitCount = 0;
  // Reused when an outcome is not memoised: it is consumed before the next cell of this column is judged.
  private readonly scratch: SlotOutcome;
  private readonly reading = new Reading();

  constructor(private readonly criteria: readonly SlotCriterion[]) {
    this.reader = new ColumnReader(criteria.map((c) => c.kind));
    this.scratch = new SlotOutcome(criteria.length);
  }

  judge(value: unknown): SlotOutcome {
    if (this.memoise) {
      const t = typeof value;
      if (t === 'string' || t === 'number' || t === 'boolean') {
        const key = value as string | number | boolean;
        const hit = this.cache.get(key);
        if (hit !== undefined) {
          this.hitCount++;
          return hit;
        }
        if (++this.reads === SAMPLE_READS && this.hitCount < MIN_HIT_RATE * (this.hitCount + this.reads)) {
          this.memoise = false;
          this.cache.clear();
          return this.fill(this.scratch, value);
        }
        const outcome = this.fill(new SlotOutcome(this.criteria.length), value);
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        this.cache.set(key, outcome);
        return outcome;
      }
    }
    if (value === '' || value === null || value === undefined) return BLANK_OUTCOME;
    return this.fill(this.scratch, value);
  }

  private fill(out: SlotOutcome, value: unknown): SlotOutcome {
    let cell: CellReading;
    try {
      cell = this.reader.fill(this.reading, value);
    } catch {
      // Only exotic objects (a Proxy whose traps throw) get here; no cell holds one, but scoring must never throw.
      return BLANK_OUTCOME;
    }
    if (cell === BLANK_READING) return BLANK_OUTCOME;
    out.blank = false;
    out.shown = cell.shown;
    let knockout = false;
    const { hits, adds } = out;
    adds.length = 0;
    const criteria = this.criteria;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k]!;
      const reading = cell.v[c.kindCode];
      const hit = reading === undefined ? -2 : c.test(reading as never);
      hits[k] = hit;
      if (hit >= 0) {
        if (c.role === EXCLUDE) knockout = true;
        else if (c.category >= 0) adds.push(c.category, c.bandPoints === undefined ? c.points : c.bandPoints[hit]!);
      } else if (c.role === MUST) {
        knockout = true;
      }
    }
    out.knockout = knockout;
    return out;
  }
}
