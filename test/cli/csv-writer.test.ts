// Unit tests of CSV output: when fields are quoted, round trips through the parser, and drain handling.
import fc from 'fast-check';
import { PassThrough, Writable } from 'node:stream';
import { CsvParser } from '../../src/cli/csv-reader';
import { csvField, csvRow, CsvWriter, needsQuotes } from '../../src/cli/csv-writer';

describe('csvField', () => {
  it('leaves plain fields alone', () => {
    for (const s of ['', 'Acme', '1,2'.replace(',', ''), '$1.2M', 'a b', 'Zürich']) expect(csvField(s)).toBe(s);
  });

  it('quotes commas, quotes, line breaks and surrounding white space', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('trail ')).toBe('"trail "');
    expect(csvField('\ttab')).toBe('"\ttab"');
    expect(needsQuotes('a b')).toBe(false);
  });

  it('decides the same for short and long fields (long ones are scanned by a regular expression)', () => {
    const unit = fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\t', '“', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        expect(needsQuotes(text)).toBe(/^[ \t]|[ \t]$|[",\r\n]/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a row joined by commas', () => {
    expect(csvRow(['a', 'b,c', ''])).toBe('a,"b,c",');
  });
});

describe('round trip through the parser', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '€', '1', '\t'), maxLength: 8 });
  const row = fc.array(field, { minLength: 1, maxLength: 5 });

  it('parses what csvRow wrote, whatever the chunking and line ending', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 7 }), (rows, eol, step) => {
        const text = rows.map((r) => csvRow(r) + eol).join('');
        // Lenient: these rows are ragged, and a ragged row with a line break in a cell is refused otherwise (QuoteSpanError).
        const parser = new CsvParser({ lenient: true });
        const parsed: string[][] = [];
        for (let i = 0; i < text.length; i += step) parsed.push(...parser.push(text.slice(i, i + step)));
        parsed.push(...parser.end());
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CsvWriter', () => {
  it('buffers rows into large writes with the chosen line ending', async () => {
    const writes: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        writes.push(chunk.toString());
        cb();
      },
    });
    const writer = new CsvWriter(sink, { lineEnding: '\r\n', chunkSize: 1024 });
    for (let i = 0; i < 1000; i++) await writer.writeRow([String(i), 'x,y']);
    await writer.end(true);
    const all = writes.join('');
    expect(all.split('\r\n')).toHaveLength(1001);
    expect(all.startsWith('0,"x,y"\r\n1,"x,y"\r\n')).toBe(true);
    // About 12 bytes a row in 1 KB chunks: a dozen writes, not a thousand.
    expect(writes.length).toBeLessThan(20);
  });

  it('returns a promise only when the stream asks to wait, and it resolves on drain', async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    const writer = new CsvWriter(out, { chunkSize: 8 });
    const wait = writer.writeRow(['0123456789', 'abcdefghij']);
    expect(wait).toBeInstanceOf(Promise);
    let done = false;
    void wait?.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    out.read();
    await wait;
    expect(done).toBe(true);
  });

  it('rejects the wait when the stream fails', async () => {
    const sink = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, cb) {
        setImmediate(() => cb(new Error('disk full')));
      },
    });
    const writer = new CsvWriter(sink, { chunkSize: 1 });
    await expect(writer.writeRow(['a'])).rejects.toThrow('disk full');
    expect(writer.error?.message).toBe('disk full');
  });
});
