// Unit tests of the streaming CSV parser: RFC 4180 quoting, line endings, BOM, chunk boundaries, encodings, delimiters, errors.
import { Readable } from 'node:stream';
import { detectDelimiter } from '../../src/cli/csv-chars';
import { CsvError, CsvParser, NotUtf8Error, readCsv, readCsvBatches, type ReadCsvOptions } from '../../src/cli/csv-reader';
import { firstInvalidUtf8, type InputDecoder } from '../../src/cli/input-decoder';

/** Parses text fed in the given pieces. */
function parsePieces(pieces: readonly string[]): string[][] {
  const parser = new CsvParser();
  const rows: string[][] = [];
  for (const p of pieces) rows.push(...parser.push(p));
  rows.push(...parser.end());
  return rows;
}

const parse = (text: string): string[][] => parsePieces([text]);

async function collect(input: Readable, options: ReadCsvOptions = {}): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readCsv(input, options)) rows.push(row);
  return rows;
}

describe('CsvParser', () => {
  it('splits plain fields and rows', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('returns the last row without a final line break', () => {
    expect(parse('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,note\n"Acme, Inc.","He said ""hi""\nthen left"\n"",x\n';
    expect(parse(text)).toEqual([
      ['name', 'note'],
      ['Acme, Inc.', 'He said "hi"\nthen left'],
      ['', 'x'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line endings and reports the first one', () => {
    const crlf = new CsvParser();
    expect([...crlf.push('a,b\r\n1,2\r\n'), ...crlf.end()]).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(crlf.lineEnding).toBe('\r\n');
    const lf = new CsvParser();
    lf.push('a\n');
    expect(lf.lineEnding).toBe('\n');
    expect(parse('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parse('"x\r\ny",z\r\n')).toEqual([['x\r\ny', 'z']]);
  });

  it('strips a UTF-8 byte order mark from the first header only', () => {
    expect(parse('\uFEFFAccount,Industry\n\uFEFFx,y\n')).toEqual([
      ['Account', 'Industry'],
      ['\uFEFFx', 'y'],
    ]);
  });

  it('keeps empty fields, empty lines and ragged rows', () => {
    expect(parse('a,b,c\n,,\n\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['', '', ''], [''], ['1'], ['1', '2', '3', '4']]);
    expect(parse('a,\n')).toEqual([['a', '']]);
    expect(parse('')).toEqual([]);
  });

  it('is lenient about stray quotes outside quoted fields', () => {
    expect(parse('5" screen,"a"b\n')).toEqual([['5" screen', 'ab']]);
  });

  it('keeps surrounding spaces of unquoted fields', () => {
    expect(parse(' a , b \n')).toEqual([[' a ', ' b ']]);
  });

  it('throws a CsvError naming the line of an unterminated quote', () => {
    const text = 'a,b\n1,2\n3,"open\nstill open\n';
    expect(() => parse(text)).toThrow(CsvError);
    try {
      parse(text);
    } catch (err) {
      expect((err as CsvError).line).toBe(3);
      expect((err as CsvError).message).toMatch(/line 3/);
    }
  });

  it('counts line breaks inside earlier quoted fields when naming the line', () => {
    const text = 'a\n"x\ny\nz"\n"never closed\n';
    expect(() => parse(text)).toThrow(/line 5/);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const text = '\uFEFFh1,"h,2",h3\r\n"a ""q"" b","multi\r\nline",""\r\nplain,,"end"\r\n"x"\n\n"",last';
    const whole = parse(text);
    expect(whole).toHaveLength(6);
    // Every single cut point, then one character per chunk.
    for (let k = 0; k <= text.length; k++) {
      expect(parsePieces([text.slice(0, k), text.slice(k)])).toEqual(whole);
    }
    expect(parsePieces(text.split(''))).toEqual(whole);
  });

  it('handles a doubled quote cut between chunks and a CR cut from its LF', () => {
    expect(parsePieces(['"a"', '"b"\r', '\nc'])).toEqual([['a"b'], ['c']]);
    expect(parsePieces(['"a"', ',b\r', '', 'c'])).toEqual([['a', 'b'], ['c']]);
  });
});

describe('source text of each row (lastRaw), for copying rows through unchanged', () => {
  function raws(pieces: readonly string[]): (string | undefined)[] {
    const parser = new CsvParser();
    const out: (string | undefined)[] = [];
    for (const p of pieces) {
      parser.push(p);
      out.push(...parser.lastRaw);
    }
    parser.end();
    out.push(...parser.lastRaw);
    return out;
  }

  it('is each row without its line break, quotes and embedded line breaks kept, BOM dropped', () => {
    const text = '\uFEFFh1,"h,2"\r\n"a ""q""","multi\nline"\r\n"x",  y \n\nlast,"1"';
    expect(raws([text])).toEqual(['h1,"h,2"', '"a ""q""","multi\nline"', '"x",  y ', '', 'last,"1"']);
  });

  it('is one entry per row returned, in step with the rows', () => {
    const parser = new CsvParser();
    const rows = parser.push('a,b\nc,d\ne');
    expect(parser.lastRaw).toEqual(['a,b', 'c,d']);
    expect(rows).toHaveLength(2);
    expect(parser.end()).toEqual([['e']]);
    expect(parser.lastRaw).toEqual(['e']);
  });

  it('is the same however the text is cut into chunks', () => {
    expect(raws(['a,b\nc,', 'd\ne,f\n'])).toEqual(['a,b', 'c,d', 'e,f']);
    expect(raws(['"multi\n', 'line"\nnext\n'])).toEqual(['"multi\nline"', 'next']);
    const text = '\uFEFFh1,"h,2"\r\n"a ""q""","multi\r\nline"\r\n"x",  y \r\n\r\nlast,"1"';
    const whole = raws([text]);
    for (let k = 0; k <= text.length; k++) expect(raws([text.slice(0, k), text.slice(k)])).toEqual(whole);
    expect(raws(text.split(''))).toEqual(whole);
  });

  it('is undefined for rows that are not plain RFC 4180, so they are written re-quoted', () => {
    expect(raws(['5" screen,b\n"abc"def,b\nok,"fine"\n'])).toEqual([undefined, undefined, 'ok,"fine"']);
  });
});

describe('readCsv over a stream', () => {
  it('decodes UTF-8 split across byte-by-byte chunks', async () => {
    const text = '\uFEFFAccount,City\n"Zürich AG, €","Café ""Ü""\n✓"\r\nNaïve,東京\n';
    const bytes = Buffer.from(text, 'utf8');
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const rows = await collect(Readable.from(chunks));
    expect(rows).toEqual([
      ['Account', 'City'],
      ['Zürich AG, €', 'Café "Ü"\n✓'],
      ['Naïve', '東京'],
    ]);
  });

  it('accepts string chunks', async () => {
    expect(await collect(Readable.from(['a,b\n1,', '2\n']))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('yields batches, one per chunk that completed rows', async () => {
    const batches: string[][][] = [];
    for await (const b of readCsvBatches(Readable.from([Buffer.from('a\nb\n'), Buffer.from('c'), Buffer.from('\nd')]))) batches.push(b.rows);
    expect(batches).toEqual([[['a'], ['b']], [['c']], [['d']]]);
  });

  it('rejects with CsvError on an unterminated quote at end of stream', async () => {
    await expect(collect(Readable.from([Buffer.from('a\n"b\n')]))).rejects.toThrow(/line 2: unterminated quoted field/);
  });
});

describe('encodings: strict UTF-8, or UTF-16 after its byte order mark', () => {
  const utf16be = (text: string): Buffer => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };
  const text = 'Account\tCity\r\n"Zürich AG, €"\t東京 😀\r\nNaïve\tx\r\n';
  const expected = [
    ['Account', 'City'],
    ['Zürich AG, €', '東京 😀'],
    ['Naïve', 'x'],
  ];

  it.each([
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'utf-16be'],
  ])('decodes %s, its characters cut between any chunks, byte order mark dropped', async (_name, bytes, encoding) => {
    let decoder: InputDecoder | undefined;
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const rows: string[][] = [];
    for await (const row of readCsv(Readable.from(chunks), { onParser: (_p, d) => (decoder = d) })) rows.push(row);
    expect(rows).toEqual(expected);
    expect(decoder?.encoding).toBe(encoding);
  });

  it('refuses bytes that are not UTF-8 (cp1252) with the line they are on, wherever the chunks are cut', async () => {
    const lines = ['Account,City', 'Acme,Paris', '"Multi', 'line",Lyon', 'Soci\xe9t\xe9 G\xe9n\xe9rale,Paris', 'last,x'];
    const bytes = Buffer.from(lines.join('\r\n'), 'latin1');
    for (const size of [1, 3, 7, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      await expect(collect(Readable.from(chunks))).rejects.toEqual(new NotUtf8Error(5));
    }
    // A character cut off by the end of the file.
    await expect(collect(Readable.from([Buffer.from('a\nb\n\xe2\x82', 'latin1')]))).rejects.toEqual(new NotUtf8Error(3));
    expect(firstInvalidUtf8(Buffer.concat([Buffer.from('é'), Buffer.from([0xe9])]))).toBe(2);
  });
});

describe('delimiters told from the header row', () => {
  it.each([
    ['Account,Industry;Region\n', ','],
    ['Account;Industry;Region\n', ';'],
    ['"Acme, Inc.";"Notes\n, more"\n', ';'],
    ['Account\tIndustry\n', '\t'],
    ['Account;Industry\tRegion\n', ';'],
    ['Account\n', ','],
    ['\uFEFF"a;b"\n', ','],
    // The most of them, not the first found: a decimal-comma export quotes only cells that hold its semicolon.
    ['Firma;Branche;Umsatz (Mio, EUR)\n', ';'],
    ['Account\tIndustry\tAvg. CPC, EUR\n', '\t'],
    ['Account,"Notes; misc",Region;Zone\n', ','],
  ])('%j is read with %j', (header, delimiter) => {
    expect(detectDelimiter(header, false)).toBe(delimiter);
  });

  it('waits for the end of the header row before deciding', () => {
    expect(detectDelimiter('Account;Industry', false)).toBeUndefined();
    expect(detectDelimiter('"Account, Inc', false)).toBeUndefined();
    expect(detectDelimiter('Account;Industry', true)).toBe(';');
  });

  it('parses with the detected delimiter, whatever the chunking, and keeps each row\'s source text', () => {
    const text = 'Account;"Notes; misc";Employees\r\n"Acme, Inc.";"a ""b""; c";1,5\r\nBeta;;\r\n';
    const run = (pieces: string[]): { rows: string[][]; raw: (string | undefined)[]; delimiter: string } => {
      const parser = new CsvParser({ delimiter: 'auto' });
      const rows: string[][] = [];
      const raw: (string | undefined)[] = [];
      for (const p of pieces) {
        rows.push(...parser.push(p));
        raw.push(...parser.lastRaw);
      }
      rows.push(...parser.end());
      raw.push(...parser.lastRaw);
      return { rows, raw, delimiter: parser.delimiter };
    };
    const whole = run([text]);
    expect(whole).toEqual({
      rows: [
        ['Account', 'Notes; misc', 'Employees'],
        ['Acme, Inc.', 'a "b"; c', '1,5'],
        ['Beta', '', ''],
      ],
      raw: ['Account;"Notes; misc";Employees', '"Acme, Inc.";"a ""b""; c";1,5', 'Beta;;'],
      delimiter: ';',
    });
    for (let k = 0; k <= text.length; k++) expect(run([text.slice(0, k), text.slice(k)])).toEqual(whole);
    expect(run(['a\tb'])).toEqual({ rows: [['a', 'b']], raw: ['a\tb'], delimiter: '\t' });
  });
});

describe('a row too long for a string (an unterminated quote in a huge file)', () => {
  it('is a CsvError naming the line the quote opened on, not a RangeError', () => {
    const parser = new CsvParser({ maxRowLength: 100 });
    parser.push('a,b\nc,d\n"never closed,');
    expect(() => {
      for (let i = 0; i < 10; i++) parser.push('x'.repeat(30));
    }).toThrow(new CsvError('line 3: a field longer than 100 characters starts there; probably an unterminated quote', 3));
    const unquoted = new CsvParser({ maxRowLength: 100 });
    unquoted.push('a\nb\n');
    expect(() => {
      for (let i = 0; i < 10; i++) unquoted.push('y'.repeat(30));
    }).toThrow(new CsvError('line 3: a row longer than 100 characters starts there', 3));
  });

  it('is reported by readCsvBatches, the header row included', async () => {
    const chunks = ['"open header', ...Array.from({ length: 20 }, () => 'z'.repeat(50))].map((s) => Buffer.from(s));
    await expect(collect(Readable.from(chunks), { maxRowLength: 300 })).rejects.toThrow(/^line 1: a field longer than 300 characters/);
  });
});

describe('the line ending of the first rows', () => {
  it('is known when the first batch is yielded, even if the header row\'s CR ended a chunk', async () => {
    let parser: CsvParser | undefined;
    const batches = readCsvBatches(Readable.from([Buffer.from('h1,h2\r'), Buffer.from('\na,b\r\n')]), { onParser: (p) => (parser = p) });
    const first = await batches.next();
    expect(first.value).toEqual({ rows: [['h1', 'h2'], ['a', 'b']], raw: ['h1,h2', 'a,b'] });
    expect(parser?.lineEnding).toBe('\r\n');
    expect((await batches.next()).done).toBe(true);
  });
});
