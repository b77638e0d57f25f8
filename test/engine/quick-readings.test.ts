// Number and date columns read the commonest shapes without the memo (quickNumber, quickDay): same answers as the general readers.
import fc from 'fast-check';
import { compileModel, type Model } from '../../src/engine';
import { isBlank } from '../../src/engine/read/blank';
import { quickDay, readDay } from '../../src/engine/read/date';
import { quickNumber, readNumber } from '../../src/engine/read/number';
import { TODAY } from '../factories/scoring';

/** quickNumber either declines (NaN) or reads exactly what readNumber reads, and never a blank. */
function agrees(value: unknown): void {
  const quick = quickNumber(value);
  if (Number.isNaN(quick)) return;
  expect(quick).toBe(readNumber(value));
  expect(isBlank(value)).toBe(false);
}

const amountText = fc
  .record({
    currency: fc.constantFrom('', '', '$', '€', '£', '¥', '₹', '#', '-', '+'),
    whole: fc.oneof(
      fc.stringMatching(/^\d{1,16}$/),
      fc.stringMatching(/^\d{1,3}(,\d{3}){1,4}$/),
      // Groupings people get wrong: `12,34`, `1234,567`, `1,,000`, a trailing comma.
      fc.stringMatching(/^\d{0,5}(,\d{0,5}){1,3}$/),
    ),
    decimals: fc.oneof(fc.constant(''), fc.constant('.'), fc.stringMatching(/^\.\d{1,8}$/)),
    suffix: fc.constantFrom('', '', 'k', 'K', 'm', 'M', 'b', 'B', 't', 'T', 'bn', 'mm', 'x', '%', '+', ' m', '.'),
  })
  .map(({ currency, whole, decimals, suffix }) => `${currency}${whole}${decimals}${suffix}`);

describe('quickNumber', () => {
  test('reads amount-shaped text as readNumber does, or declines', () => {
    fc.assert(fc.property(amountText, agrees), { numRuns: 5000 });
  });

  test('reads any short text of digits, signs and suffixes as readNumber does, or declines', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789,.$€kmbtKMBT -%+'), maxLength: 26 }), agrees), { numRuns: 5000 });
  });

  test('reads any value of any type as readNumber does, or declines', () => {
    fc.assert(fc.property(fc.anything(), agrees), { numRuns: 2000 });
    fc.assert(fc.property(fc.double(), agrees), { numRuns: 2000 });
  });

  test.each([
    ['145', 145],
    ['1,234', 1234],
    ['12,345,678.5', 12_345_678.5],
    ['$34.4M', 34.4e6],
    ['€1,200k', 1_200_000],
    ['0.1', 0.1],
    ['007', 7],
    [1234.5, 1234.5],
  ])('%s reads as %s', (value, expected) => {
    expect(quickNumber(value)).toBe(expected);
    expect(readNumber(value)).toBe(expected);
  });

  test.each([
    ['a range', '51-200'],
    ['a misplaced comma', '12,34'],
    ['a first group of four digits', '1234,567'],
    ['a trailing point', '12.'],
    ['a spaced suffix', '12 M'],
    ['a two-letter suffix', '9.9bn'],
    ['sixteen digits', '1234567890123456'],
    ['spaces around', ' 145 '],
    ['a sign', '-5'],
    ['a percentage', '12%'],
    ['a placeholder', 'N/A'],
    ['an empty text', ''],
    ['infinity', Infinity],
    ['NaN', NaN],
    ['a Date', new Date(2026, 0, 1)],
  ])('declines %s (the general reader decides)', (_name, value) => {
    expect(quickNumber(value)).toBeNaN();
  });
});

describe('quickDay', () => {
  test('reads any date-shaped text as readDay does, or declines', () => {
    const check = (text: string): void => {
      const quick = quickDay(text);
      if (quick === null) return;
      expect(quick).toBe(readDay(text));
      expect(isBlank(text)).toBe(false);
    };
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-/x '), minLength: 6, maxLength: 11 }), check), { numRuns: 5000 });
  });

  test('declines what is not text in the common shapes', () => {
    expect(quickDay(new Date(2026, 0, 1))).toBeNull();
    expect(quickDay('Mar 1, 2026')).toBeNull();
    expect(quickDay(' 2026-03-01')).toBeNull();
    expect(quickDay('2/30/2026')).toBeUndefined();
  });
});

describe('a column judged through the quick readers', () => {
  // A leading space makes both quick readers decline, so the same value padded goes the memo's way: both must agree.
  const model: Model = {
    schemaVersion: 1,
    profiles: [
      {
        name: 'Quick',
        categories: [{ id: 'fit', label: 'Fit', weight: 1 }],
        criteria: [
          {
            id: 'size', category: 'fit', column: 'Employees', when: { op: 'bands', bands: [{ min: 1, max: 50, points: 5 }, { min: 51, max: 1000, points: 10 }] },
          },
          { id: 'size_must', category: 'fit', column: 'Employees', role: 'must', when: { op: 'between', min: 2, max: 100_000 } },
          { id: 'revenue', category: 'fit', column: 'Revenue', when: { op: 'gte', value: 1e6 }, points: 10 },
          { id: 'funded', category: 'fit', column: 'Funded', when: { op: 'withinDays', days: 365 }, points: 10 },
        ],
        tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
      },
    ],
  };
  const headers = ['Employees', 'Revenue', 'Funded'];
  const dateText = fc
    .tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean())
    .map(([y, m, d, iso]) => (iso ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${m}/${d}/${y}`));

  test('gives every value the outcome the memo path gives it, across more distinct values than the small table holds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amountText, amountText, dateText), { minLength: 70, maxLength: 150 }), (cells) => {
        const rows = cells.map((r) => [...r]);
        const padded = cells.map((r) => r.map((v) => ` ${v}`));
        const quick = compileModel(model, headers, { today: TODAY }).profile();
        const slow = compileModel(model, headers, { today: TODAY }).profile();
        const text = (p: typeof quick, row: string[]): string => {
          const e = p.explain(row);
          return JSON.stringify([e.score, e.tier, e.disqualified, e.items.map((i) => [i.status, i.points, i.knockout])]);
        };
        for (let i = 0; i < rows.length; i++) expect(text(quick, rows[i]!)).toBe(text(slow, padded[i]!));
        expect(Array.from(quick.scoreMany(rows).score)).toEqual(Array.from(slow.scoreMany(padded).score));
      }),
      // A failure is shown as found: shrinking 150 rows, each try compiling two profiles, would take minutes.
      { numRuns: 40, endOnFailure: true },
    );
  });
});
