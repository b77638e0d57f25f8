// Unit tests of the streaming CSV parser: RFC 4180 quoting, line endings, BOM, chunk boundaries, errors.
import { Readable } from 'node:stream';
import { CsvError, CsvParser, readCsv, readCsvBatches } from '../../src/cli/csv-reader';

/** Parses text fed in the given pieces. */
function parsePieces(pieces: readonly string[]): string[][] {
  const parser = new CsvParser();
  const rows: string[][] = [];
  for (const p of pieces) rows.push(...parser.push(p));
  rows.push(...parser.end());
  return rows;
}

const parse = (text: string): string[][] => parsePieces([text]);

async function collect(input: Readable): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readCsv(input)) rows.push(row);
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
