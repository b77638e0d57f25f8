// `contains` searches needles without spaces in the merely lower-cased text: it must agree with the spec's definition.
import fc from 'fast-check';
import type { Condition } from '../../src/engine/model';
import { isBlank } from '../../src/engine/read/blank';
import { normalizeText } from '../../src/engine/read/text';
import { statusOfCell } from '../factories/scoring';

/** The spec: some non-empty normalised value appears in the normalised text. */
function specContains(values: readonly string[], cell: string): boolean {
  const text = normalizeText(cell);
  return values.some((v) => {
    const needle = normalizeText(v);
    return needle !== '' && text.includes(needle);
  });
}

// ASCII in both cases and every kind of space (some of which normalisation leaves alone unless a run needs
// collapsing), plus characters whose lower case depends on context or grows (final sigma, dotted I).
const CHARS = [
  ...'aAbBkKsSiIzZ09 ,;|.-$*(', ' ', ' ', '\t', '\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', 'ſ', 'K', 'ı', 'İ',
  'µ', 'μ', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'é', 'É',
];
// A few of them, so that random needles often do occur in random cells.
const FEW = ['a', 'A', ' ', ' ', '\t', '\u2028', 'Σ', 'ς', 'İ', 'i'];
const text = (chars: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(''));
const values = (chars: readonly string[]): fc.Arbitrary<[string[], string]> =>
  fc.tuple(fc.array(text(chars, 4), { minLength: 1, maxLength: 3 }), text(chars, 16));

test('contains agrees with normalise-then-search on any text and needles, with or without spaces', () => {
  fc.assert(
    fc.property(fc.oneof(values(CHARS), values(FEW)), ([needles, cell]) => {
      fc.pre(!isBlank(cell)); // a blank cell makes a blank row, which has no outcomes
      const when: Condition = { op: 'contains', values: needles };
      expect(statusOfCell(when, cell)).toBe(specContains(needles, cell) ? 'matched' : 'missed');
    }),
    { numRuns: 5000 },
  );
});

test('runs of spaces in the text still match a needle with one space', () => {
  expect(statusOfCell({ op: 'contains', values: ['google workspace'] }, 'Google \t Workspace')).toBe('matched');
  expect(statusOfCell({ op: 'contains', values: ['Google', 'Workspace'] }, 'Google \t Workspace')).toBe('matched');
  // Any white space collapses to one space, in the needle and in the cell: a line separator reads as a space.
  expect(statusOfCell({ op: 'contains', values: ['x\u2028y'] }, 'x\u2028y\tz')).toBe('matched');
  expect(statusOfCell({ op: 'contains', values: ['x y'] }, 'x\u2028\u00a0y')).toBe('matched');
});
