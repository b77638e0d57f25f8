// Byte order marks: UTF-8's and UTF-16's are read; UTF-32's and the other encodings' we do not read are refused by name.
import { InputDecoder, UnreadEncodingError, unreadEncodingOf } from '../../src/cli/input-decoder';

const MARKS: readonly [string, number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-7', [0x2b, 0x2f, 0x76, 0x38]],
  ['UTF-7', [0x2b, 0x2f, 0x76, 0x39]],
  ['UTF-7', [0x2b, 0x2f, 0x76, 0x2b]],
  ['UTF-7', [0x2b, 0x2f, 0x76, 0x2f]],
  ['UTF-1', [0xf7, 0x64, 0x4c]],
  ['UTF-EBCDIC', [0xdd, 0x73, 0x66, 0x73]],
  ['SCSU', [0x0e, 0xfe, 0xff]],
  ['BOCU-1', [0xfb, 0xee, 0x28]],
  ['GB 18030', [0x84, 0x31, 0x95, 0x33]],
];

/** Decodes `bytes` fed `step` bytes at a time. */
function decode(bytes: Uint8Array, step: number): string {
  const decoder = new InputDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += step) text += decoder.write(bytes.subarray(i, i + step));
  return text + decoder.end();
}

describe('byte order marks we do not read', () => {
  it.each(MARKS)('%s is refused by name, however the bytes arrive', (name, mark) => {
    const bytes = Uint8Array.from([...mark, 0x41, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00]);
    expect(unreadEncodingOf(bytes)).toBe(name);
    for (const step of [1, 2, 3, bytes.length]) {
      let err: unknown;
      try {
        decode(bytes, step);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnreadEncodingError);
      expect(err).toMatchObject({ encoding: name, message: `${name} text (it starts with that encoding's byte order mark) is not read; save the file as UTF-8 ("CSV UTF-8") or UTF-16` });
    }
  });

  it('a file of just the mark is refused too', () => {
    expect(() => decode(Uint8Array.from([0xff, 0xfe, 0x00, 0x00]), 1)).toThrow(UnreadEncodingError);
    expect(() => decode(Uint8Array.from([0x0e, 0xfe, 0xff]), 3)).toThrow(UnreadEncodingError);
  });
});

describe('byte order marks we read', () => {
  const text = 'Account,Industry\nÄpfel,SaaS\n';

  it('UTF-16 LE and BE (not taken for UTF-32), and UTF-8 with and without its mark, in any chunking', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const step of [1, 3, 64]) {
      expect(decode(le, step)).toBe(text);
      expect(decode(be, step)).toBe(text);
      // The UTF-8 mark is kept for the CSV parser, which drops and notes it.
      expect(decode(Buffer.from(`\ufeff${text}`), step)).toBe(`\ufeff${text}`);
      expect(decode(Buffer.from(text), step)).toBe(text);
    }
    // Short files: fewer bytes than the longest mark.
    expect(decode(Buffer.from('a'), 1)).toBe('a');
    expect(decode(Buffer.from('ab\n'), 1)).toBe('ab\n');
    expect(unreadEncodingOf(Buffer.from('+/v'))).toBeUndefined();
  });
});
