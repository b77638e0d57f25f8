// Short amounts (`$34.4M`, `12k`) take a fast path in readNumber: it must read them as the general amount rule does.
import fc from 'fast-check';
import { readNumber } from '../../src/engine/read/number';

const SUFFIXES: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, t: 1e12, T: 1e12 };

const shortAmount = fc.record({
  currency: fc.constantFrom('', '$', '€', '£', '¥', '₹'),
  whole: fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.stringMatching(/^\d{1,12}$/)),
  decimals: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,4}$/)),
  suffix: fc.constantFrom(...Object.keys(SUFFIXES)),
});

test('a short amount reads as its digits times its suffix, as when its suffix is spaced out', () => {
  fc.assert(
    fc.property(shortAmount, ({ currency, whole, decimals, suffix }) => {
      const digits = decimals === '' ? whole : `${whole}.${decimals}`;
      const short = `${currency}${digits}${suffix}`;
      expect(readNumber(short)).toBe(Number(digits) * SUFFIXES[suffix]!);
      // With a space before the suffix, the text no longer fits the fast path: the general rule reads it.
      if (suffix !== '') expect(readNumber(`${currency}${digits} ${suffix}`)).toBe(readNumber(short));
    }),
    { numRuns: 3000 },
  );
});

test('near misses of the short form still read by the general rules', () => {
  expect(readNumber('$34.4m')).toBe(34.4e6);
  expect(readNumber(' €5.8M ')).toBe(5.8e6);
  expect(readNumber('$.5m')).toBe(0.5e6);
  expect(readNumber('1,234k')).toBe(1_234_000);
  expect(readNumber('$10M-$50M')).toBe(30e6);
  expect(readNumber('$34.')).toBe(34);
  expect(readNumber('12q')).toBeUndefined();
});
