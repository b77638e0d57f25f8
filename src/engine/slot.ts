// The outcome of one column's criteria on one cell value, memoised per value (exports repeat values a lot).

import { BLANK_READING, CellReading, ColumnReader, KIND_CODE } from './read/cells';
import type { ReadingKind } from './operators';
import { FewStrings, MAX_FEW_STRINGS } from './few-strings';
import { quickNumber, COMMA, POINT } from './read/number';
import { quickDay } from './read/date';

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

/**
 * One cell value judged by every criterion on its column. Shared by every value judged alike (see SlotJudge.intern),
 * so a column has a handful of these, not one per distinct value: they stay in the CPU caches. Never changed once made.
 */
export class SlotOutcome {
  blank = true;
  /** Some criterion on the column disqualifies the row (a must-have missed or unreadable, an exclusion matched). */
  knockout = false;
  /** PRESENT | KNOCKED_OUT bits of the two fields above, for the batch loop to OR in without branching. */
  flags = 0;
  /** Per criterion on the column, in model order: -2 unreadable, -1 no match, else the band index (0 without bands). */
  readonly hits: number[];
  /**
   * Points the value earns per category, aligned with SlotJudge.earnCategories (the distinct categories of the column's
   * earning criteria): a fixed length per column, so the batch loop's trip count never varies with the value, and
   * usually 1, since a column's criteria mostly share a category.
   */
  readonly earns: number[];
  /** earns[0], or 0 without earning criteria: the batch loop's usual one add per cell, without loading the array. */
  earn0 = 0;

  constructor(n: number, earning: number) {
    this.hits = new Array<number>(n).fill(-1);
    this.earns = new Array<number>(earning).fill(0);
  }
}

export const PRESENT = 1;
export const KNOCKED_OUT = 2;

/** How a column's values may be read without the memo (see SlotJudge.judge): not at all, as numbers, as days. */
const NO_QUICK_READING = 0;
const QUICK_NUMBER = 1;
const QUICK_DAY = 2;
/** Outcomes are kept in an array indexed by hitsKey() when it is below this, in a Map otherwise. */
const OUTCOME_ARRAY_LIMIT = 4096;

// Bounded so a column of a million distinct values cannot grow memory without limit.
const CACHE_LIMIT = 50_000;
// After this many reads, a column whose values rarely repeat (ids, e-mails) stops memoising: it would only cost.
const SAMPLE_READS = 2_000;
const MIN_HIT_RATE = 0.3;

/** Whether a criterion adds points to a category when it matches. */
function earns(c: SlotCriterion): boolean {
  return c.role !== EXCLUDE && c.category >= 0;
}

/**
 * The same text, not sharing memory with a larger string. A cell read from a CSV chunk or a sheet's values is
 * often a slice of a string of megabytes (V8 slices rather than copies substrings of 13 or more characters);
 * kept as a memo key it would keep that whole string alive for as long as the memo lives. Concatenating and
 * slicing makes V8 copy the characters into a string of their own (a flat string one character longer).
 */
function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export class SlotJudge {
  private readonly reader: ColumnReader;
  private readonly cache = new Map<string | number | boolean, SlotOutcome>();
  /** The memo of a column's texts while it has few distinct ones (see FewStrings); null once they outgrow it. */
  private few: FewStrings<SlotOutcome> | null = new FewStrings<SlotOutcome>();
  private memoise = true;
  private reads = 0;
  private hitCount = 0;
  private readonly reading = new CellReading();
  /** The outcome of every blank cell (its earns are all 0). */
  private readonly blankOutcome: SlotOutcome;
  /** Index of each criterion's category in SlotOutcome.earns, or -1 when it earns nothing (an exclusion, no category). */
  private readonly earnSlot: Int32Array;
  /** The category of each SlotOutcome.earns entry, each once. */
  readonly earnCategories: Int32Array;
  /** The hits of the value being judged, before its outcome is looked up. */
  private readonly hits: number[];
  /** The outcomes made so far, by hitsKey(): in an array when the keys are small numbers, else in the Map. */
  private readonly interned = new Map<number | string, SlotOutcome>();
  private readonly internedByKey: (SlotOutcome | undefined)[] | null;
  /** NO_QUICK_READING, or QUICK_NUMBER / QUICK_DAY when every criterion on the column reads that one kind. */
  private readonly quick: number;
  /** Base of the hits as digits of one number (each hit + 2 is a digit), or 0 when that number could overflow. */
  private readonly radix: number;

  /** The thousands and decimal signs quickNumber takes (swapped in decimal-comma locales). */
  private readonly groupCode: number;
  private readonly pointCode: number;

  /** decimalComma: the column's text numbers are read as decimal-comma locales write them (`1.234,5`). */
  constructor(private readonly criteria: readonly SlotCriterion[], decimalComma = false) {
    this.reader = new ColumnReader(criteria.map((c) => c.kind), decimalComma);
    this.groupCode = decimalComma ? POINT : COMMA;
    this.pointCode = decimalComma ? COMMA : POINT;
    const categories = [...new Set(criteria.filter(earns).map((c) => c.category))];
    this.earnCategories = Int32Array.from(categories);
    this.earnSlot = Int32Array.from(criteria, (c) => (earns(c) ? categories.indexOf(c.category) : -1));
    this.blankOutcome = new SlotOutcome(criteria.length, categories.length);
    this.hits = new Array<number>(criteria.length).fill(-1);
    // A hit is -2, -1 or a band index, so hit + 2 < radix.
    // A loop, not Math.max(...spread): a spread of many thousands of criteria overflows the stack.
    let mostBands = 1;
    for (const c of criteria) mostBands = Math.max(mostBands, c.bandPoints?.length ?? 1);
    const radix = 2 + mostBands;
    const keys = radix ** criteria.length;
    this.radix = keys <= 2 ** 30 ? radix : 0;
    // Filled to its length up front, so V8 keeps it a plain array (written sparsely, it could turn into a dictionary).
    this.internedByKey = keys <= OUTCOME_ARRAY_LIMIT ? new Array<SlotOutcome | undefined>(keys).fill(undefined) : null;
    const only = (kind: number): boolean => criteria.length > 0 && criteria.every((c) => c.kindCode === kind);
    this.quick = only(KIND_CODE.number) ? QUICK_NUMBER : only(KIND_CODE.day) ? QUICK_DAY : NO_QUICK_READING;
  }

  judge(value: unknown): SlotOutcome {
    // Empty cells first: a third of a sparse column (dates of rare events), and a memo lookup costs more than this test.
    if (value === '') return this.blankOutcome;
    const few = this.few;
    if (few !== null && typeof value === 'string') {
      const hit = few.get(value);
      if (hit !== undefined) {
        this.hitCount++;
        return hit;
      }
      if (few.size < MAX_FEW_STRINGS) {
        this.reads++;
        const outcome = this.fill(value);
        few.add(ownString(value), outcome);
        return outcome;
      }
      // One distinct text too many: the Map takes over, with every text judged so far.
      for (const [text, outcome] of few.entries()) this.cache.set(text, outcome);
      this.few = null;
    }
    // A column of amounts, head counts or dates has thousands of distinct values: reading the common shapes of them
    // (`1,234`, `$34.4M`, `2026-03-01`) by character codes costs less than a memo lookup, which hashes the text.
    if (this.quick === QUICK_NUMBER) {
      const x = quickNumber(value, this.groupCode, this.pointCode);
      if (x === x) return this.judgeReading(x);
    } else if (this.quick === QUICK_DAY) {
      const day = quickDay(value);
      if (day !== null) return this.judgeReading(day);
    }
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
          return this.fill(value);
        }
        const outcome = this.fill(value);
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        this.cache.set(t === 'string' ? ownString(key as string) : key, outcome);
        return outcome;
      }
    }
    if (value === null || value === undefined) return this.blankOutcome;
    return this.fill(value);
  }

  /**
   * The outcome of a value whose one reading (every criterion on the column reads this kind) is `reading`, undefined
   * when the value is not blank but unreadable: what fill() gives the value, without the other readings.
   */
  private judgeReading(reading: number | undefined): SlotOutcome {
    const { criteria, hits } = this;
    for (let k = 0; k < criteria.length; k++) hits[k] = reading === undefined ? -2 : criteria[k]!.test(reading as never);
    return this.outcomeOfHits();
  }

  private fill(value: unknown): SlotOutcome {
    let cell: CellReading;
    try {
      cell = this.reader.fill(this.reading, value);
    } catch {
      // Only exotic objects (a Proxy whose traps throw) get here; no cell holds one, but scoring must never throw.
      return this.blankOutcome;
    }
    if (cell === BLANK_READING) return this.blankOutcome;
    const { criteria, hits } = this;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k]!;
      const reading = cell.v[c.kindCode];
      hits[k] = reading === undefined ? -2 : c.test(reading as never);
    }
    return this.outcomeOfHits();
  }

  /** The outcome of the current hits, made once. */
  private outcomeOfHits(): SlotOutcome {
    const key = this.hitsKey();
    const byKey = this.internedByKey;
    if (byKey !== null) return byKey[key as number] ?? this.intern(key);
    return this.interned.get(key) ?? this.intern(key);
  }

  /** The hits as one number (no string per value judged) when it fits, else as text. */
  private hitsKey(): number | string {
    const { hits, radix } = this;
    if (radix === 0) return hits.join();
    let key = 0;
    for (let k = 0; k < hits.length; k++) key = key * radix + hits[k]! + 2;
    return key;
  }

  /** Makes the outcome of the current hits. */
  private intern(key: number | string): SlotOutcome {
    const { criteria, hits, earnSlot } = this;
    const out = new SlotOutcome(criteria.length, this.earnCategories.length);
    out.blank = false;
    let knockout = false;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k]!;
      const hit = hits[k]!;
      out.hits[k] = hit;
      const e = earnSlot[k]!;
      if (e >= 0 && hit >= 0) out.earns[e]! += c.bandPoints === undefined ? c.points : c.bandPoints[hit]!;
      if (hit >= 0 ? c.role === EXCLUDE : c.role === MUST) knockout = true;
    }
    out.earn0 = out.earns[0] ?? 0;
    out.knockout = knockout;
    out.flags = knockout ? PRESENT | KNOCKED_OUT : PRESENT;
    if (this.internedByKey !== null) this.internedByKey[key as number] = out;
    else this.interned.set(key, out);
    return out;
  }
}
