// A quote never closed swallows the lines after it: the parser reports the row with its lines (issue 19), or reads it
// as it is when lenient; every chunking and the worker-thread chunk parser agree with one thread's reading.
import { CsvError, CsvParser, QuoteSpanError } from '../../src/cli/csv-reader';
import { lastRowEnd } from '../../src/cli/row-boundaries';

/** Parses text fed in pieces of `step` characters. */
function parse(text: string, options: ConstructorParameters<typeof CsvParser>[0] = {}, step = text.length || 1): { rows: string[][]; parser: CsvParser } {
  const parser = new CsvParser(options);
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += step) rows.push(...parser.push(text.slice(i, i + step)));
  rows.push(...parser.end());
  return { rows, parser };
}

function errorOf(text: string, options: ConstructorParameters<typeof CsvParser>[0] = {}, step?: number): unknown {
  try {
    parse(text, options, step);
  } catch (err) {
    return err;
  }
  return undefined;
}

// The issue's case: `B,"SaaS,200` never closes its quote; it runs to the next opening quote, on line 5.
const ISSUE = 'Account,Industry,Employees\nA,SaaS,10\nB,"SaaS,200\nC,Retail,30\nD,"Fintech",40\nE,SaaS,50\n';
const ISSUE_MESSAGE =
  'line 3: a quoted field starts there and runs over line breaks to line 5, where text follows the quote that closes it; probably a quote that is never closed';

describe('a quoted field that runs over line breaks and leaves its row malformed', () => {
  it('is a QuoteSpanError naming the lines where it starts and ends (the issue: 3 of 5 rows, silently, before)', () => {
    const err = errorOf(ISSUE);
    expect(err).toBeInstanceOf(QuoteSpanError);
    expect(err).toBeInstanceOf(CsvError);
    expect(err).toMatchObject({ message: ISSUE_MESSAGE, line: 3, endLine: 5 });
  });

  it('is the same error however the text is cut into chunks, and with CRLF line endings', () => {
    for (const step of [1, 2, 3, 7, 16]) expect(errorOf(ISSUE, {}, step)).toMatchObject({ message: ISSUE_MESSAGE });
    const crlf = ISSUE.replace(/\n/g, '\r\n');
    for (const step of [1, 5, crlf.length]) expect(errorOf(crlf, {}, step)).toMatchObject({ message: ISSUE_MESSAGE, line: 3, endLine: 5 });
  });

  it('is reported when the swallowed lines leave the row with more or fewer cells than the header row', () => {
    const more = 'Account,Industry,Employees\nA,SaaS,10\nB,"SaaS,200\nC,Retail,30\n",40,50\n';
    expect(errorOf(more)).toMatchObject({
      message:
        'line 3: a quoted field starts there and runs over line breaks to line 5, leaving that row with 4 cells where the header row has 3; probably a quote that is never closed',
    });
    const fewer = 'Account,Industry,Employees\n"A\nB"\nC,SaaS,10\n';
    expect(errorOf(fewer)).toMatchObject({ message: expect.stringContaining('line 2: a quoted field starts there and runs over line breaks to line 3, leaving that row with 1 cell where the header row has 3') });
  });

  it('at the end of the file: the quote never closes, an unterminated quote naming where it opened and the last line', () => {
    const atEnd = 'Account,Industry,Employees\nA,SaaS,10\nB,"SaaS,200\nC,Retail,30\n';
    expect(errorOf(atEnd)).toEqual(
      new CsvError('line 3: unterminated quoted field (the quote opened there is never closed; the field runs to the end of the file, line 5)', 3),
    );
    // On the last line itself: nothing after it to swallow.
    expect(errorOf('Account,Industry\nA,"SaaS')).toEqual(new CsvError('line 2: unterminated quoted field (the quote opened there is never closed)', 2));
  });

  it('in the header row: a quote closing at the next row\'s opening quote is reported as the header\'s', () => {
    const header = 'Account,"Industry,Employees\nA,"SaaS",10\nB,Retail,20\n';
    expect(errorOf(header)).toMatchObject({
      message:
        'line 1: a quoted field of the header row starts there and runs over line breaks to line 2, where text follows the quote that closes it; probably a quote that is never closed',
      line: 1,
      endLine: 2,
    });
    expect(errorOf(header.replace(/\n/g, '\r\n'), {}, 3)).toMatchObject({ line: 1, endLine: 2 });
    // Never closed at all: the unterminated quote, from the header's line.
    expect(errorOf('Account,"Industry,Employees\nA,SaaS,10\n')).toMatchObject({ line: 1, message: expect.stringContaining('unterminated quoted field') });
  });

  it('is not raised by a well-formed field holding line breaks, in the header or in a row of the right width', () => {
    const fine = 'Name,"Annual\nRevenue",Note\nAcme,"1,000","two\nlines"\n"Beta, Inc.",5,"x\n\ny"\nGamma,6,z,,\n';
    expect(parse(fine).rows).toEqual([
      ['Name', 'Annual\nRevenue', 'Note'],
      ['Acme', '1,000', 'two\nlines'],
      ['Beta, Inc.', '5', 'x\n\ny'],
      ['Gamma', '6', 'z', '', ''],
    ]);
    // A ragged row without a line break in a quoted field is read as before (padded or flagged by the scorer).
    expect(parse('a,b,c\n1\n1,2,3,4\n').rows).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('lenient: the rows as they were read before, counted with the first one\'s lines', () => {
    const { rows, parser } = parse(ISSUE, { lenient: true });
    expect(rows).toEqual([
      ['Account', 'Industry', 'Employees'],
      ['A', 'SaaS', '10'],
      ['B', 'SaaS,200\nC,Retail,30\nD,Fintech"', '40'],
      ['E', 'SaaS', '50'],
    ]);
    expect(parser.quoteSpans).toEqual({ count: 1, startLine: 3, endLine: 5 });
    const twice = parse(`${ISSUE}F,"x\ny",1,2\n`, { lenient: true }, 4).parser;
    expect(twice.quoteSpans).toEqual({ count: 2, startLine: 3, endLine: 5 });
  });
});

describe('worker-thread chunks (a parser given the header width) agree with the one-thread reading', () => {
  const header = 'Account,Industry,Employees\n';
  const body = ISSUE.slice(header.length);

  it('a chunk parser throws the same kind of error, and counts the same rows when lenient', () => {
    expect(errorOf(body, { atFileStart: false, width: 3 })).toBeInstanceOf(QuoteSpanError);
    expect(parse(body, { atFileStart: false, width: 3, lenient: true }).parser.quoteSpans.count).toBe(1);
    // Without the width (not the file's start) nothing is checked: the header decides, and only the caller knows it.
    expect(errorOf(body, { atFileStart: false })).toBeUndefined();
  });

  it('every cut lastRowEnd makes, wherever a chunk starts and ends, splits the file between two rows of the one-thread reading', () => {
    const text = `${ISSUE}${'G,"Acme, Inc.",5\nH,"x\ny",6\n'.repeat(3)}`;
    const whole = parse(text, { lenient: true }).rows;
    // p splits between rows when reading the text before it and the text after it apart gives the same rows.
    const splits = (p: number): boolean => {
      try {
        const before = parse(text.slice(0, p), { lenient: true }).rows;
        const after = parse(text.slice(p), { atFileStart: false, width: 3, lenient: true }).rows;
        return JSON.stringify([...before, ...after]) === JSON.stringify(whole);
      } catch {
        return false;
      }
    };
    const bytes = Buffer.from(text); // ASCII: byte offsets are character offsets
    const starts = [0, ...Array.from({ length: text.length }, (_, p) => p).filter((p) => p > 0 && splits(p))];
    // Line 3's open quote runs to line 5: the line breaks inside it are not between rows.
    expect(starts).not.toContain(ISSUE.indexOf('C,'));
    expect(starts).not.toContain(ISSUE.indexOf('D,'));
    for (const from of starts) {
      for (let to = from + 1; to <= bytes.length; to++) {
        const cut = lastRowEnd(bytes.subarray(from, to));
        if (cut > 0) expect([from, to, splits(from + cut)]).toEqual([from, to, true]);
      }
    }
  });
});
