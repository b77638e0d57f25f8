// FewStrings, the low-variety memo: exact-text hits only, probe chains past shared slots, and its size limit.
import { FewStrings, MAX_FEW_STRINGS } from '../../src/engine/few-strings';

function tableOf(texts: readonly string[]): FewStrings<number> {
  const table = new FewStrings<number>();
  texts.forEach((t, i) => expect(table.add(t, i)).toBe(true));
  return table;
}

describe('FewStrings', () => {
  test('finds each text it holds, by its whole text', () => {
    const texts = ['', 'Yes', 'yes', 'YES', 'No', 'Series A', 'Series B', 'Series C', 'N/A', '✅', 'Q1 2024 A', 'Q2 2024 A'];
    const table = tableOf(texts);
    texts.forEach((t, i) => expect(table.get(t)).toBe(i));
    expect(table.size).toBe(texts.length);
  });

  test('misses texts it does not hold, even those that share a slot with one it holds', () => {
    // Same length, first, middle and last character as a held text: the same slot, a different text.
    const table = tableOf(['Q1 2024 A', 'abcde']);
    expect(table.get('Q2 2024 A')).toBeUndefined();
    expect(table.get('axcxe')).toBeUndefined();
    expect(table.get('abcd')).toBeUndefined();
    expect(table.get('Q1 2024 A ')).toBeUndefined();
  });

  test('texts built at run time (not the same string objects) are found', () => {
    const table = tableOf(['Series A']);
    expect(table.get(['Series', 'A'].join(' '))).toBe(0);
  });

  test(`holds at most ${MAX_FEW_STRINGS} texts, then refuses more and keeps what it has`, () => {
    const texts = Array.from({ length: MAX_FEW_STRINGS }, (_, i) => `v${i}`);
    const table = tableOf(texts);
    expect(table.add('one too many', 99)).toBe(false);
    expect(table.get('one too many')).toBeUndefined();
    expect(new Map(table.entries())).toEqual(new Map(texts.map((t, i) => [t, i])));
  });

  test('many texts on one probe chain are all found', () => {
    // The hash reads the length and the first, middle and last characters: these differ only in the 2nd and 4th, so
    // all of them hash to one slot and sit on one chain.
    const texts = Array.from({ length: MAX_FEW_STRINGS }, (_, i) => `a${String.fromCharCode(65 + (i >> 3))}b${i & 7}c`);
    const table = tableOf(texts);
    texts.forEach((t, i) => expect(table.get(t)).toBe(i));
  });
});
