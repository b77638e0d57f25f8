// Number reading: every number, money, percentage and range notation of the spec, and what must stay unreadable.
import { readNumber } from '../../src/engine';

/** Asserts `value` reads as `expected` (relative tolerance, so `$1.2M` may carry float noise). */
function expectReads(value: unknown, expected: number): void {
  const got = readNumber(value);
  expect(got).toBeDefined();
  expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('readNumber: plain numbers and amounts', () => {
  test.each<[string, number]>([
    ['1200', 1200],
    ['1,200', 1200],
    ['1,234,567.89', 1234567.89],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1200.', 1200],
    ['1e3', 1000],
    [' 1,200 ', 1200],
  ])('%j reads as %d', (text, expected) => expectReads(text, expected));

  test.each<[string, number]>([
    ['$1.2M', 1.2e6],
    ['€2.5m', 2.5e6],
    ['1.2k', 1200],
    ['1.2K', 1200],
    ['3 bn', 3e9],
    ['3 BN', 3e9],
    ['1.5 million', 1.5e6],
    ['$25 mil.', 25e6],
    ['$5 bil.', 5e9],
    ['£1.2bn', 1.2e9],
    ['USD 5M', 5e6],
    ['5M USD', 5e6],
    ['$1.2 M', 1.2e6],
    ['$1.2\u00a0M', 1.2e6],
  ])('money with a suffix: %j reads as %d', (text, expected) => expectReads(text, expected));

  test.each<[string, number]>([
    ['1,000 EUR', 1000],
    ['1000 usd', 1000],
    ['1000usd', 1000],
    ['250 CAD', 250],
    ['1000 US$', 1000],
    ['10,000 - 50,000 USD', 30000],
    ['over 1000 USD', 1000],
    ['under 1,000 EUR', 500],
  ])('a currency code after a plain amount: %j reads as %d', (text, expected) => expectReads(text, expected));

  test.each<[string, number]>([
    ['35%', 0.35],
    ['12 %', 0.12],
    ['0.5%', 0.005],
    ['100%', 1],
    ['10%-20%', 0.15],
    ['10% - 20%', 0.15],
    ['10% to 20%', 0.15],
    ['10-20%', 0.15],
  ])('percentage %j reads as the fraction %d', (text, expected) => expectReads(text, expected));
});

describe('readNumber: European spacing and the Unicode minus sign', () => {
  test.each<[string, number]>([
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['1\u202f000', 1000],
    ['1\u2009000', 1000],
    ['€1 200 000', 1.2e6],
    ['1 200 000 EUR', 1.2e6],
    ['1 000 employees', 1000],
    ['1 000 - 5 000', 3000],
    ['1 500 million', 1.5e9],
    ['−5', -5],
    ['$−5M', -5e6],
    ['−2.5%', -0.025],
  ])('%j reads as %d', (text, expected) => expectReads(text, expected));

  test.each(['10 20', '1 0000', '1 00', '12 345,67', '1  000'])('%j is not a spaced thousands number', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe('readNumber: ranges count as their midpoint', () => {
  test.each<[string, number]>([
    ['51-200', 125.5],
    ['1,001-5,000', 3000.5],
    ['10 - 20', 15],
    ['$10M-$50M', 30e6],
    ['$10 mil. - $25 mil.', 17.5e6],
    ['$1M to $10M', 5.5e6],
    ['10k-50k', 30e3],
  ])('%j reads as %d', (text, expected) => expectReads(text, expected));

  test('the low end takes the high end’s suffix when it has none: `$10-50M` is 10M to 50M', () => {
    expectReads('$10-50M', 30e6);
    expectReads('10-50k', 30e3);
  });

  test.each<[string, number]>([
    ['51–200', 125.5],
    ['51—200', 125.5],
    ['51 – 200', 125.5],
    ['$10M—$50M', 30e6],
  ])('en and em dashes separate a range too: %j reads as %d', (text, expected) => expectReads(text, expected));
});

describe('readNumber: the unit an export writes after a size or an amount', () => {
  test.each<[string, number]>([
    ['51-200 employees', 125.5],
    ['2-10 employees', 6],
    ['10,001+ employees', 10001],
    ['1 employee', 1],
    ['350 staff', 350],
    ['$1M - $10M (USD)', 5.5e6],
    ['€5m (EUR)', 5e6],
  ])('%j reads as %d', (text, expected) => expectReads(text, expected));

  test('a unit alone has no number', () => {
    expect(readNumber('employees')).toBeUndefined();
    expect(readNumber('(USD)')).toBeUndefined();
  });
});

describe('readNumber: open-ended ranges', () => {
  test.each<[string, number]>([
    ['10,001+', 10001],
    ['$10B+', 10e9],
    ['Over $5 bil.', 5e9],
    ['over 500', 500],
    ['more than 500', 500],
    ['1000 or more', 1000],
  ])('`N+` and `Over N` read as N: %j reads as %d', (text, expected) => expectReads(text, expected));

  test.each<[string, number]>([
    ['<50', 25],
    ['under 50', 25],
    ['Under 50', 25],
    ['Less than $1M', 0.5e6],
    ['less than 1,000', 500],
  ])('`<N`, `under N` and `less than N` read as N/2: %j reads as %d', (text, expected) => expectReads(text, expected));
});

describe('readNumber: negatives', () => {
  test.each<[string, number]>([
    ['-5', -5],
    ['-1,200', -1200],
    ['-$5M', -5e6],
    ['-2.5%', -0.025],
    ['+5', 5],
  ])('%j reads as %d', (text, expected) => expectReads(text, expected));

  test('a leading minus is a sign, not a range separator', () => {
    expectReads('-10-20', 5);
    expectReads('-10 - -5', -7.5);
  });

  test('negative JS numbers read as themselves', () => {
    expect(readNumber(-3.5)).toBe(-3.5);
  });
});

describe('readNumber: JS numbers', () => {
  test.each([0, 1200, 0.35, 1e21, Number.MAX_SAFE_INTEGER])('%d reads as itself', (n) => {
    expect(readNumber(n)).toBe(n);
  });

  test.each([NaN, Infinity, -Infinity])('%d is not a number a person can use', (n) => {
    expect(readNumber(n)).toBeUndefined();
  });
});

describe('readNumber: unreadable values', () => {
  test.each([
    'lots',
    '1,2',
    '2026-03-01',
    '3/1/2026',
    '1.2.3',
    '10x',
    'abc123',
    '123abc',
    'Infinity',
    '-Infinity',
    'NaN',
    'nan',
    'inf',
    // Text that overflows to Infinity is no number a person can use either.
    '1e999',
    '-1e400',
    '$1e300 bn',
    '5 - 10 - 20',
    '--5',
    '5-',
    '1,23,456',
    '$',
    'k',
  ])('%j has no number', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });

  test.each<[string, unknown]>([
    ['true', true],
    ['false', false],
    ['a Date', new Date(2026, 2, 1)],
    ['an invalid Date', new Date(NaN)],
    ['null', null],
    ['undefined', undefined],
    ['an object', { value: 5 }],
    ['an array', [5]],
  ])('%s is not read as a number', (_name, value) => {
    expect(readNumber(value)).toBeUndefined();
  });

  test('an over-long string is not parsed (no work on huge cells)', () => {
    expect(readNumber(`1${'0'.repeat(200)}`)).toBeUndefined();
  });
});
