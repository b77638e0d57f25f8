// Tests of cutting CSV bytes into whole rows for worker threads: each cut agrees with what CsvParser reads.
import fc from 'fast-check';
import { CsvError, CsvParser } from '../../src/cli/csv-reader';
import { firstRowEnd, lastRowEnd, rowEnd } from '../../src/cli/row-boundaries';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Rows and their source texts, or the CSV error's message. */
function parse(text: string, atFileStart = true): { rows: string[][]; raw: (string | undefined)[] } | string {
  const parser = new CsvParser({ atFileStart });
  try {
    const rows = parser.push(text);
    const raw = parser.lastRaw;
    rows.push(...parser.end());
    return { rows, raw: [...raw, ...parser.lastRaw] };
  } catch (err) {
    if (err instanceof CsvError) return 'CsvError';
    throw err;
  }
}

describe('lastRowEnd', () => {
  it.each([
    ['a,b\nc,d\ne', 'a,b\nc,d\n'],
    ['a,b\r\nc,d\r\n', 'a,b\r\nc,d\r\n'],
    ['a\rb\rc', 'a\rb\r'],
    ['"x\ny",1\n"open\n', '"x\ny",1\n'],
    ['"a ""q"" b"\nnext', '"a ""q"" b"\n'],
    ['5" screen,b\nc', '5" screen,b\n'],
    ['"abc"def,"x\n"\nz', '"abc"def,"x\n"\n'],
    ['no line break', ''],
  ])('cuts %j after %j', (text, before) => {
    expect(lastRowEnd(bytes(text))).toBe(byteLength(before));
  });

  it('leaves a CR or a quote as the last byte undecided (its LF or its pair may come next)', () => {
    expect(lastRowEnd(bytes('a\nb\r'))).toBe(2);
    expect(lastRowEnd(bytes('a\n"b\nc"'))).toBe(2);
  });

  it('counts in bytes, not characters', () => {
    expect(lastRowEnd(bytes('Zürich,東京\nx'))).toBe(byteLength('Zürich,東京\n'));
  });
});

describe('firstRowEnd', () => {
  it('cuts after the first row, however long its quoted fields', () => {
    expect(firstRowEnd(bytes('"h\n1",h2\r\nrow\n'))).toBe(byteLength('"h\n1",h2\r\n'));
    expect(firstRowEnd(bytes('"open\n'))).toBe(0);
  });
});

describe('cuts agree with CsvParser on any text', () => {
  const alphabet = fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é');
  const csvText = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(''));

  it('the quote-jumping search finds the same cut as the byte-by-byte walk', () => {
    fc.assert(fc.property(csvText, (text) => lastRowEnd(bytes(text)) === rowEnd(bytes(text), false)), { numRuns: 3000 });
  });

  it('parsing the two sides of a cut gives the rows (and source texts) of the whole', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const b = bytes(text);
        for (const cut of [lastRowEnd(b), firstRowEnd(b)]) {
          if (cut === 0) continue;
          const head = Buffer.from(b.subarray(0, cut)).toString('utf8');
          const tail = Buffer.from(b.subarray(cut)).toString('utf8');
          const whole = parse(text, false);
          const left = parse(head, false);
          const right = tail === '' ? { rows: [], raw: [] } : parse(tail, false);
          if (typeof whole === 'string' || typeof left === 'string' || typeof right === 'string') {
            // Only an open quote fails, and it can only be on the right of a cut.
            expect(left).not.toBe('CsvError');
            expect(right).toBe(whole);
            continue;
          }
          expect([...left.rows, ...right.rows]).toEqual(whole.rows);
          expect([...left.raw, ...right.raw]).toEqual(whole.raw);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the first cut holds exactly one row', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const cut = firstRowEnd(bytes(text));
        if (cut === 0) return;
        const left = parse(Buffer.from(bytes(text).subarray(0, cut)).toString('utf8'), false);
        expect(typeof left === 'string' ? left : left.rows.length).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});
