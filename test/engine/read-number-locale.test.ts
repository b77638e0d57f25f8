// Numbers written as text are read by the sheet's locale: decimal comma (de, fr, es, pt_BR, ...) or the US reading.
import fc from 'fast-check';
import { compileModel, isDecimalCommaLocale, readNumber, type Model } from '../../src/engine';
import { quickNumber, COMMA, POINT } from '../../src/engine/read/number';

function expectReads(value: unknown, decimalComma: boolean, expected: number | undefined): void {
  const got = readNumber(value, decimalComma);
  if (expected === undefined) {
    expect(got).toBeUndefined();
    return;
  }
  expect(got).toBeDefined();
  expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('isDecimalCommaLocale', () => {
  test.each(['de_DE', 'de', 'de-AT', 'fr_FR', 'fr_CA', 'es_ES', 'es_AR', 'it_IT', 'pt_PT', 'pt_BR', 'nl_NL', 'da_DK', 'sv_SE',
    'nb_NO', 'fi_FI', 'pl_PL', 'cs_CZ', 'ru_RU', 'tr_TR', 'id_ID', 'in_ID', 'vi_VN', 'uk_UA', 'sr-Latn-RS', 'en_ZA'])('%s: decimal comma', (l) => {
    expect(isDecimalCommaLocale(l)).toBe(true);
  });
  test.each(['en_US', 'en_GB', 'en', 'ja_JP', 'zh_CN', 'ko_KR', 'hi_IN', 'es_MX', 'es_US', 'es_419', 'de_CH', 'it_CH', 'th_TH',
    'he_IL', 'ar_EG', '', 'xx', 'not a locale', '1234'])('%j: the US reading', (l) => {
    expect(isDecimalCommaLocale(l)).toBe(false);
  });
  test('no locale: the US reading', () => expect(isDecimalCommaLocale(undefined)).toBe(false));
});

describe('decimal-comma reading (de, fr, es, it, pt, nl, ...)', () => {
  test.each<[string, number | undefined]>([
    ['1.234', 1234],
    ['1,5', 1.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1\u00a0234', 1234],
    ['1.234.567,89', 1234567.89],
    ['0,5', 0.5],
    ['12', 12],
    ['-3,5', -3.5],
    ['1.001-5.000', 3000.5],
    ['10,5 - 20,5', 15.5],
    ['1,2 Mio.', 1.2e6],
    ['€ 2,5 Mrd.', 2.5e9],
    ['2,5 Mrd. €', 2.5e9],
    ['3 Tsd.', 3000],
    ['1,5 mld', 1.5e9],
    ['4 mln', 4e6],
    ['35 %', 0.35],
    ['35,5 %', 0.355],
    ['12,5%', 0.125],
    ['1.234,50 €', 1234.5],
    ['$1,2M', 1.2e6],
    ['10.001+', 10001],
    ['unter 50', undefined],
    ['< 1.000', 500],
    ['1,5e3', 1500],
    // A point with two decimals is no grouping in a decimal-comma locale, and a comma group of three no decimal:
    ['12.5', undefined],
    ['1,234,567', undefined],
    ['lots', undefined],
  ])('%j reads as %p', (text, expected) => expectReads(text, true, expected));

  test('numbers Sheets holds as numbers stay numbers', () => {
    expectReads(1.234, true, 1.234);
    expectReads(1234, true, 1234);
    expectReads(NaN, true, undefined);
  });
});

describe('the US reading stays the default', () => {
  test.each<[string, number | undefined]>([
    ['1.234', 1.234],
    ['1,5', undefined],
    ['1,234.5', 1234.5],
    ['1 234.5', 1234.5],
    ['1,001-5,000', 3000.5],
    ['35 %', 0.35],
    ['€ 2.5 Mrd.', 2.5e9],
  ])('%j reads as %p', (text, expected) => {
    expectReads(text, false, expected);
    expect(readNumber(text)).toBe(readNumber(text, false));
  });
});

/** A number written the US way and the decimal-comma way: `1,234.5` and `1.234,5`. */
function written(digits: string, decimals: string, grouping: boolean): { us: string; comma: string } {
  const groups = grouping ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '|') : digits;
  const us = groups.replace(/\|/g, ',') + (decimals === '' ? '' : `.${decimals}`);
  const comma = groups.replace(/\|/g, '.') + (decimals === '' ? '' : `,${decimals}`);
  return { us, comma };
}

const wholeDigits = fc.stringMatching(/^[1-9]\d{0,11}$/);
const decimalDigits = fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}$/));
const affix = fc.record({
  before: fc.constantFrom('', '$', '€', '€ ', '-'),
  after: fc.constantFrom('', 'k', 'M', ' Mio.', ' Mrd.', '%', ' %', '+', ' €', ' employees'),
});

describe('property: de and en agree on every number each writes its own way', () => {
  test('readNumber(us, false) equals readNumber(comma, true)', () => {
    fc.assert(
      fc.property(wholeDigits, decimalDigits, fc.boolean(), affix, (digits, decimals, grouping, { before, after }) => {
        const { us, comma } = written(digits, decimals, grouping);
        expect(readNumber(`${before}${comma}${after}`, true)).toBe(readNumber(`${before}${us}${after}`, false));
      }),
      { numRuns: 3000 },
    );
  });

  test('text without a point or a comma (`1200`, `1 200`, `51-200`, `35 %`) reads the same in both', () => {
    const unambiguous = fc.stringMatching(/^[$€]?\d{1,9}( ?[-–] ?\d{1,9})?( ?%| ?[kKmM]| employees|\+)?$/);
    fc.assert(fc.property(unambiguous, (text) => expect(readNumber(text, true)).toBe(readNumber(text, false))), { numRuns: 3000 });
  });

  test('quickNumber with the signs swapped reads as readNumber(text, true) does, or declines', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789,.$€kmbtKMBT -%+'), maxLength: 26 });
    fc.assert(
      fc.property(text, (t) => {
        const quick = quickNumber(t, POINT, COMMA);
        if (!Number.isNaN(quick)) expect(quick).toBe(readNumber(t, true));
      }),
      { numRuns: 5000 },
    );
    expect(quickNumber('1.234,5', POINT, COMMA)).toBe(1234.5);
    expect(quickNumber('1,5', POINT, COMMA)).toBe(1.5);
  });
});

describe('CompileOptions.locale threads through scoring', () => {
  const model: Model = {
    schemaVersion: 1,
    profiles: [
      {
        name: 'P',
        categories: [{ id: 'size', label: 'Size', weight: 1 }],
        criteria: [
          { id: 'emp', column: 'Employees', category: 'size', when: { op: 'gte', value: 1000 }, points: 10 },
          { id: 'rev', column: 'Revenue', category: 'size', when: { op: 'between', min: 1, max: 2 }, points: 10 },
          { id: 'band', column: 'Seats', category: 'size', when: { op: 'in', values: [1500] }, points: 10 },
        ],
        tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
      },
    ],
  };
  const headers = ['Employees', 'Revenue', 'Seats'];
  const rows = [
    ['1.234', '1,5', '1.500'],
    ['1.234', '1,5', '1.500'],
  ];

  test.each<[string | undefined, number]>([
    ['de_DE', 100],
    ['fr', 100],
    ['pt_BR', 100],
    ['en_US', 0],
    [undefined, 0],
  ])('locale %p: batch and per-row paths score %d', (locale, expected) => {
    const profile = compileModel(model, headers, locale === undefined ? {} : { locale }).profile();
    expect(profile.evaluateMany(rows).map((r) => r.score)).toEqual([expected, expected]);
    expect(profile.evaluate(rows[0]!).score).toBe(expected);
    expect(profile.explain(rows[0]!).items.map((i) => i.status)).toEqual(
      expected === 100 ? ['matched', 'matched', 'matched'] : ['missed', 'unreadable', 'missed'],
    );
  });

  test('a column of many distinct amounts (the quick path) reads by locale', () => {
    const many = Array.from({ length: 500 }, (_, i) => [`${i + 1}.${String(i % 1000).padStart(3, '0')}`, '', '']);
    const de = compileModel(model, headers, { locale: 'de_DE' }).profile();
    const en = compileModel(model, headers, { locale: 'en_US' }).profile();
    expect(de.evaluateMany(many).every((r) => r.score > 0)).toBe(true);
    expect(en.evaluateMany(many).every((r) => r.score === 0)).toBe(true);
    expect(de.evaluateMany(many)).toEqual(many.map((r) => de.evaluate(r)));
  });
});
