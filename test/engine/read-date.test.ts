// Date reading: Date values, ISO dates (with or without a time), US-style and month-name dates, as whole calendar days.
import fc from 'fast-check';
import { readDay } from '../../src/engine';
import { dayNumber } from '../../src/engine/read/date';

const MARCH_1_2026 = dayNumber(2026, 3, 1);

describe('dayNumber', () => {
  test('counts days since 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1970, 1, 2)).toBe(1);
    expect(MARCH_1_2026).toBe(20513);
  });

  test.each<[number, number, number]>([
    [2026, 2, 30],
    [2026, 2, 29],
    [2026, 4, 31],
    [2026, 13, 1],
    [2026, 0, 1],
    [2026, 1, 0],
  ])('%d-%d-%d does not exist', (y, m, d) => {
    expect(dayNumber(y, m, d)).toBeUndefined();
  });

  test('a leap day exists in a leap year', () => {
    expect(dayNumber(2028, 2, 29)).toBe((dayNumber(2028, 2, 28) as number) + 1);
  });
});

describe('readDay: Date values', () => {
  test('a Date reads as the calendar day it shows in local time', () => {
    expect(readDay(new Date(2026, 2, 1))).toBe(MARCH_1_2026);
    expect(readDay(new Date(2026, 2, 1, 23, 59, 59))).toBe(MARCH_1_2026);
    expect(readDay(new Date(2026, 2, 1, 0, 0, 1))).toBe(MARCH_1_2026);
  });

  test('an invalid Date is no date', () => {
    expect(readDay(new Date(NaN))).toBeUndefined();
  });
});

describe('readDay: date text', () => {
  test.each([
    '2026-03-01',
    '2026-3-1',
    '2026/03/01',
    ' 2026-03-01 ',
    '2026-03-01T10:00:00Z',
    '2026-03-01T10:00:00.000Z',
    '2026-03-01T23:30:00-05:00',
    '2026-03-01 10:00',
    '3/1/2026',
    '03/01/2026',
    '3/1/26',
    '3/1/2026 10:30:00',
    '3/1/2026 0:00:00',
    '3/1/2026, 10:30 AM',
    '03/01/2026 10:30 p.m.',
    'Mar 1, 2026',
    'mar 1 2026',
    'March 1, 2026',
    'Mar. 1, 2026',
    '1 Mar 2026',
    '1 March 2026',
  ])('%j is 1 March 2026', (text) => {
    expect(readDay(text)).toBe(MARCH_1_2026);
  });

  test('a two-digit year is 2000-2029 up to 29 and 1930-1999 from 30, as Sheets reads a typed date', () => {
    expect(readDay('1/2/07')).toBe(dayNumber(2007, 1, 2));
    expect(readDay('1/2/00')).toBe(dayNumber(2000, 1, 2));
    expect(readDay('12/31/29')).toBe(dayNumber(2029, 12, 31));
    expect(readDay('1/1/30')).toBe(dayNumber(1930, 1, 1));
    expect(readDay('5/20/72')).toBe(dayNumber(1972, 5, 20));
    expect(readDay('12/31/99')).toBe(dayNumber(1999, 12, 31));
  });

  test('US order is month first', () => {
    expect(readDay('1/2/2026')).toBe(dayNumber(2026, 1, 2));
  });
});

describe('readDay: impossible and unreadable dates', () => {
  test.each(['2/30/2026', '2026-02-30', '2/29/2026', '13/1/2026', '0/1/2026', '4/31/2026', 'Feb 30, 2026', 'Foo 1, 2026'])(
    '%j does not exist',
    (text) => {
      expect(readDay(text)).toBeUndefined();
    },
  );

  test.each<[string, unknown]>([
    ["'lots'", 'lots'],
    ["'2026'", '2026'],
    ["'yesterday'", 'yesterday'],
    ['a number (not a date serial)', 20513],
    ['a boolean', true],
    ['null', null],
    ['an object', {}],
    ['an over-long string', `2026-03-01${' '.repeat(50)}x`],
  ])('%s is not a date', (_name, value) => {
    expect(readDay(value)).toBeUndefined();
  });
});

describe('the quick path for ISO and M/D/YYYY text', () => {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');

  test('dayNumber by arithmetic agrees with Date.UTC for every day of years 100-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const t = Date.UTC(y, m - 1, d);
        const real = new Date(t).getUTCDate() === d ? t / 86_400_000 : undefined;
        expect(dayNumber(y, m, d)).toBe(real);
      }),
      { numRuns: 3000 },
    );
    expect(dayNumber(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(dayNumber(1900, 2, 29)).toBeUndefined();
    expect(dayNumber(2024, 12, 31)).toBe(Date.UTC(2024, 11, 31) / 86_400_000);
  });

  // A leading space sends the same text down the regular-expression path (after trimming): both must read it alike.
  const same = (text: string): void => expect(readDay(text)).toBe(readDay(` ${text}`));

  test('reads what the regular expressions read, for any date-shaped text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }),
        fc.constantFrom('-', '/'), fc.constantFrom('-', '/'), fc.boolean(), fc.boolean(),
        (y, m, d, s1, s2, padMonth, padDay) => {
          same(`${pad(y, 4)}${s1}${pad(m, 2)}${s2}${pad(d, 2)}`);
          same(`${padMonth ? pad(m, 2) : m}/${padDay ? pad(d, 2) : d}/${pad(y, 4)}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('reads what the regular expressions read, for any text of digits and separators', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-/x '), minLength: 8, maxLength: 10 }), same),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['2026-03-01', MARCH_1_2026],
    ['2026/03/01', MARCH_1_2026],
    ['3/1/2026', MARCH_1_2026],
    ['03/01/2026', MARCH_1_2026],
    ['2/29/2026', undefined],
    ['1/1/0020', dayNumber(2020, 1, 1)],
    ['13/1/2026', undefined],
  ])('%s', (text, day) => {
    expect(readDay(text)).toBe(day);
  });
});
