// The 11 operators of the model, as data: which reading of a cell each needs and how it tests it.

import type { Condition, OperatorName, Scalar } from './model';
import { normalizeText } from './read/text';
import { readNumber } from './read/number';
import { compilePattern } from './pattern';

/**
 * How a criterion wants a cell read. Each kind is computed once per cell value (see cells.ts):
 * text = normalised text, list = [whole text, ...items], number, bool, day = calendar day number,
 * raw = trimmed original text (for regular expressions), present = nothing beyond "not blank",
 * lower = trimmed text lower-cased, its spaces left as they are (see CompiledCondition.cheaperKind).
 */
export type ReadingKind = 'text' | 'list' | 'number' | 'bool' | 'day' | 'raw' | 'present' | 'lower';

/** What a condition's test returns: -1 when the value does not match, else the index of the band matched (0 otherwise). */
export type TestResult = number;

export interface CompileContext {
  /** Today's calendar day number, for `withinDays`. */
  today: number;
  /** Text numbers are written with a decimal comma (`1.234,5`): the sheet's locale is one of those (see read/locale.ts). */
  decimalComma: boolean;
}

export interface CompiledCondition {
  kind: ReadingKind;
  /** Tests a (non-blank, readable) reading of the kind above. */
  test(reading: never): TestResult;
  /**
   * A reading, cheaper than `kind`'s, on which `test` gives the same answers: what the engine reads. `kind` stays the
   * reading of the spec's definition (the naive scorer of the benchmarks checks the engine against it).
   */
  cheaperKind?: ReadingKind;
  /** Points of the band at this index (bands only). */
  bandPoints?: readonly number[];
}

// How far a reading may be from a model's number and still count as it: readings carry float noise (`$4.1B` reads
// as 4099999999.9999995, `0.1 + 0.2` as 0.30000000000000004), a few units in the last place, so relative to the number.
// Relative 1e-12 is a thousand times that noise and far below any difference people write (`999,999,999` is not 1e9);
// the absolute floor covers numbers near 0, whose noise is absolute (0.1 + 0.2 - 0.3 is 5.6e-17, not relative to 0).
const ABSOLUTE_TOLERANCE = 1e-9;
const RELATIVE_TOLERANCE = 1e-12;

function tolerance(b: number): number {
  return Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(b));
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= tolerance(b);
}

function textSet(values: readonly Scalar[]): Set<string> {
  return new Set(values.map((v) => normalizeText(String(v))));
}

type Compiler<C extends Condition> = (condition: C, context: CompileContext) => CompiledCondition;
type CompilerTable = { [K in OperatorName]: Compiler<Extract<Condition, { op: K }>> };

/** The bounds of an inclusive range, widened by the tolerance once (open ends are infinite), so a test is two compares. */
function bounds(min: number | undefined, max: number | undefined): { low: number; high: number } {
  return { low: min === undefined ? -Infinity : min - tolerance(min), high: max === undefined ? Infinity : max + tolerance(max) };
}

/** One compiler per operator; each prepares its constants once (sets, regexes, bounds). */
export const OPERATORS: CompilerTable = {
  equals(c) {
    const expected = c.value;
    if (typeof expected === 'number') {
      return { kind: 'number', test: (v: number) => (sameNumber(v, expected) ? 0 : -1) };
    }
    if (typeof expected === 'boolean') {
      return { kind: 'bool', test: (v: boolean) => (v === expected ? 0 : -1) };
    }
    const want = normalizeText(expected);
    return { kind: 'text', test: (v: string) => (v === want ? 0 : -1) };
  },
  in(c, context) {
    const wanted = textSet(c.values);
    // Number values also match the numbers people write for them, as `equals` does: `1,000` or `1k` for 1000.
    const numbers = c.values.filter((v): v is number => typeof v === 'number');
    const isWantedNumber = (item: string): boolean => {
      const n = readNumber(item, context.decimalComma);
      return n !== undefined && numbers.some((w) => sameNumber(n, w));
    };
    return {
      kind: 'list',
      test: (items: readonly string[]) => {
        for (const item of items) if (wanted.has(item)) return 0;
        if (numbers.length > 0) for (const item of items) if (isWantedNumber(item)) return 0;
        return -1;
      },
    };
  },
  contains(c) {
    const needles = [...textSet(c.values)].filter((n) => n !== '');
    // Collapsing runs of spaces changes nothing but spaces, so needles without any match the merely lower-cased text
    // exactly where they match the normalised text, and lower-casing alone skips the scan for runs of spaces.
    const cheaperKind = needles.some((n) => /\s/.test(n)) ? undefined : 'lower';
    if (needles.length <= 1) {
      const needle = needles[0];
      return { kind: 'text', cheaperKind, test: (v: string) => (needle !== undefined && v.includes(needle) ? 0 : -1) };
    }
    // One pass of an alternation of the literal needles beats one includes() per needle.
    const any = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    return { kind: 'text', cheaperKind, test: (v: string) => (any.test(v) ? 0 : -1) };
  },
  between(c) {
    const { low, high } = bounds(c.min, c.max);
    return { kind: 'number', test: (v: number) => (v >= low && v <= high ? 0 : -1) };
  },
  gte(c) {
    const { low } = bounds(c.value, undefined);
    return { kind: 'number', test: (v: number) => (v >= low ? 0 : -1) };
  },
  lte(c) {
    const { high } = bounds(undefined, c.value);
    return { kind: 'number', test: (v: number) => (v <= high ? 0 : -1) };
  },
  bands(c) {
    const bands = c.bands.map((b) => bounds(b.min, b.max));
    return {
      kind: 'number',
      bandPoints: c.bands.map((b) => b.points),
      // The first band the value falls in wins, so overlapping bands behave predictably.
      test: (v: number) => {
        for (let i = 0; i < bands.length; i++) {
          const band = bands[i]!;
          if (v >= band.low && v <= band.high) return i;
        }
        return -1;
      },
    };
  },
  isTrue() {
    return { kind: 'bool', test: (v: boolean) => (v ? 0 : -1) };
  },
  notBlank() {
    return { kind: 'present', test: () => 0 };
  },
  withinDays(c, context) {
    const { days } = c;
    const today = context.today;
    // "A date no more than N days before today": today counts, future dates do not.
    return {
      kind: 'day',
      test: (day: number) => {
        const ago = today - day;
        return ago >= 0 && ago <= days ? 0 : -1;
      },
    };
  },
  matches(c) {
    // Text operators are case-insensitive by the spec, so `i` is always added.
    const flags = new Set(`${c.flags ?? ''}i`.replace(/[gy]/g, ''));
    // Never backtracks for long (pattern.ts): no cell can make a shared model hang a formula.
    const pattern = compilePattern(c.pattern, [...flags].join(''));
    return { kind: 'raw', test: (v: string) => (pattern.test(v) ? 0 : -1) };
  },
};

export function compileCondition(condition: Condition, context: CompileContext): CompiledCondition {
  const compiler = OPERATORS[condition.op] as Compiler<Condition>;
  return compiler(condition, context);
}
