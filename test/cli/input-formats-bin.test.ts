// End-to-end tests of the input files `icp score` and `icp validate` meet: UTF-16, non-UTF-8 bytes, semicolons and
// tabs, header rows as written, and CRLF cut between chunks; each the same on one thread and on several.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CsvParser } from '../../src/cli/csv-reader';
import type { Delimiter } from '../../src/cli/csv-chars';
import { ACCOUNTS_CSV, runIcp, spawnIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

function parseCsv(text: string, delimiter: Delimiter = ','): string[][] {
  const parser = new CsvParser({ delimiter });
  return [...parser.push(text), ...parser.end()];
}

/** UTF-16 bytes of `text` after its byte order mark, as Excel's "Unicode Text" writes them (LE) or BE. */
function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

/** Accounts with accents, CJK and emoji, each row different, so chunk boundaries cut characters everywhere. */
function manyAccounts(rows: number, delimiter: string, eol: string): string {
  const names = ['Zürich AG', '東京 KK', 'Café 😀', 'Plain'];
  const body = Array.from({ length: rows }, (_, i) =>
    [`${names[i % 4]} ${i}`, i % 3 === 0 ? 'SaaS' : 'Retail', String(10 + (i % 400)), i % 2 === 0 ? 'yes' : 'no', '', 'Salesforce', `a${i}@x.io`].join(delimiter),
  );
  return [['Account', 'Industry', 'Employees', 'Demo Requested', 'Last Funding', 'Tech Stack', 'Email'].join(delimiter), ...body].join(eol) + eol;
}

describe('icp score input formats', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'model.json': JSON.stringify(twoProfileModel()) });
  });
  const score = (file: string, ...more: string[]) => runIcp(['score', file, '--model', 'model.json', '--today', TODAY, ...more], { cwd: dir });

  it.each([
    ['LE', false],
    ['BE', true],
  ])('reads UTF-16 %s (Excel "Unicode Text"), writes UTF-8, says so, and gives the same bytes on every thread count', async (name, bigEndian) => {
    const text = manyAccounts(3000, '\t', '\r\n');
    writeFiles(dir, { 'utf8.txt': text, 'unicode.txt': '' });
    writeFileSync(path.join(dir, 'unicode.txt'), utf16(text, bigEndian));
    const plain = await score('utf8.txt', '--out', 'plain.csv');
    const one = await score('unicode.txt', '--threads', '1', '--out', 'one.csv');
    const two = await score('unicode.txt', '--threads', '2', '--out', 'two.csv');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const note = `icp: note: unicode.txt is UTF-16 ${name} text; the output is UTF-8\n`;
    expect(one.stderr.startsWith(note)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr.replace(note, '').replace(/unicode\.txt/g, 'utf8.txt')).toBe(plain.stderr);
    // UTF-8 after its byte order mark, so Excel, which wrote the UTF-16, reads it as UTF-8 too.
    const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path.join(dir, 'plain.csv'))]);
    expect(readFileSync(path.join(dir, 'one.csv')).equals(expected)).toBe(true);
    expect(readFileSync(path.join(dir, 'two.csv')).equals(expected)).toBe(true);
    expect(expected.toString('utf8')).toContain('Café 😀 2\tRetail');
  });

  describe('bytes that are not UTF-8 (Excel "CSV (Comma delimited)" is cp1252)', () => {
    const refusal = (file: string, line: number): string =>
      `icp: ${file} line ${line} is not UTF-8 text; save the file as "CSV UTF-8" (Excel: File > Save As) and try again\n`;

    it('are refused with the line, exit 2 and no output, on one thread or several', async () => {
      writeFiles(dir, { 'small.csv': '' });
      writeFileSync(path.join(dir, 'small.csv'), Buffer.from('Account,Industry\nSoci\xe9t\xe9 G\xe9n\xe9rale,SaaS\n', 'latin1'));
      // Far into a file cut into several chunks, so a worker thread finds it and the main thread places it.
      const good = manyAccounts(20_000, ',', '\n');
      writeFileSync(path.join(dir, 'big.csv'), Buffer.concat([Buffer.from(good), Buffer.from('Caf\xe9,SaaS,10,,,,\nlast,SaaS,10,,,,\n', 'latin1')]));
      for (const threads of ['1', '3']) {
        expect(await score('small.csv', '--threads', threads, '--out', 'scored.csv')).toEqual({ code: 2, stdout: '', stderr: refusal('small.csv', 2) });
        expect(await score('big.csv', '--threads', threads, '--out', 'scored.csv')).toEqual({ code: 2, stdout: '', stderr: refusal('big.csv', 20_002) });
      }
      expect(existsSync(path.join(dir, 'scored.csv'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('are refused by icp validate and icp check --headers too', async () => {
      writeFileSync(path.join(dir, 'deals.csv'), Buffer.from('Outcome,Industry\nwon,SaaS\nlost,Soci\xe9t\xe9\n', 'latin1'));
      expect(await runIcp(['validate', 'deals.csv'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: refusal('deals.csv', 3) });
      writeFileSync(path.join(dir, 'head.csv'), Buffer.from('Soci\xe9t\xe9,Industry\n', 'latin1'));
      const check = await runIcp(['check', 'model.json', '--headers', 'head.csv'], { cwd: dir });
      expect(check.code).toBe(2);
      expect(check.stderr).toBe(refusal('head.csv', 1));
    });
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('reads a %s-separated export and answers with the same delimiter, on every thread count', async (name, d) => {
    const csv = [
      ['Account', 'Industry', 'Employees', 'Demo Requested', 'Notes'].join(d),
      ['"Acme, Inc."', 'SaaS', '"120"', 'yes', `"has ${d} inside"`].join(d),
      ['Globex', 'Fintech', '120', 'no', 'x, y'].join(d),
      ['Short', 'SaaS'].join(d),
    ].join('\n') + '\n';
    const big = csv + manyAccounts(30_000, d, '\n').split('\n').slice(1).join('\n');
    writeFiles(dir, { 'small.csv': csv, 'big.csv': big });
    const r = await score('small.csv');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`icp: note: small.csv is ${name}-separated; the output is ${name}-separated too`);
    const lines = r.stdout.split('\n');
    // Input columns unchanged, byte for byte, header row included; the ICP columns joined with the same delimiter.
    expect(lines[0]).toBe(['Account', 'Industry', 'Employees', 'Demo Requested', 'Notes', 'ICP Score', 'ICP Tier', 'ICP Why'].join(d));
    expect(lines[1]?.startsWith(['"Acme, Inc."', 'SaaS', '"120"', 'yes', `"has ${d} inside"`, ''].join(d))).toBe(true);
    const out = parseCsv(r.stdout, d as Delimiter);
    expect(out[1]?.slice(0, 5)).toEqual(['Acme, Inc.', 'SaaS', '120', 'yes', `has ${d} inside`]);
    expect(out[1]?.[6]).toBe('A');
    expect(out[2]?.[5]).not.toBe('0');
    expect(out[3]).toHaveLength(8);
    expect(out.slice(1, 4).every((row) => row.length === 8)).toBe(true);

    const one = await score('big.csv', '--threads', '1', '--out', 'one.csv');
    const three = await score('big.csv', '--threads', '3', '--out', 'three.csv');
    expect(one.code).toBe(0);
    expect(three.stderr).toBe(one.stderr);
    expect(readFileSync(path.join(dir, 'three.csv')).equals(readFileSync(path.join(dir, 'one.csv')))).toBe(true);

    const deals = [['Outcome', 'Industry'].join(d), ['won', 'SaaS'].join(d), ['lost', 'Retail'].join(d)].join('\n');
    writeFiles(dir, { 'deals.csv': deals });
    const v = await runIcp(['validate', 'deals.csv', '--json'], { cwd: dir });
    expect(JSON.parse(v.stdout)).toMatchObject({ outcomeColumn: 'Outcome', won: 1, lost: 1 });
  });

  it('copies the header row through as written, quotes and spaces kept (after the byte order mark it had)', async () => {
    const header = '"Account","Industry", Employees ';
    const csv = `\uFEFF${header}\r\n"Acme",SaaS,120\r\n`;
    writeFiles(dir, { 'quoted.csv': csv });
    for (const threads of ['1', '2']) {
      const r = await score('quoted.csv', '--threads', threads);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\r\n')[0]).toBe(`\uFEFF${header},ICP Score,ICP Tier,ICP Why`);
    }
  });

  describe('CRLF input stays CRLF however it arrives', () => {
    it('when the header row\'s CR is the last byte of the first chunk read (one thread and two give the same bytes)', async () => {
      // 64 KB chunks: the header row is 65,535 characters, so its CR is byte 65,536 and its LF starts the next chunk.
      const header = `Account,Industry,Employees,Notes${' '.repeat(65_535 - 32)}`;
      expect(header.length).toBe(65_535);
      writeFiles(dir, { 'crchunk.csv': `${header}\r\nAcme,SaaS,120,x\r\nBeta,Retail,5,y\r\n` });
      const one = await score('crchunk.csv', '--threads', '1', '--out', 'one.csv');
      const two = await score('crchunk.csv', '--threads', '2', '--out', 'two.csv');
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      const a = readFileSync(path.join(dir, 'one.csv'), 'utf8');
      expect(a.split('\r\n')).toHaveLength(4);
      expect(readFileSync(path.join(dir, 'two.csv'), 'utf8')).toBe(a);
    });

    it('when standard input pauses between the CR and the LF', async () => {
      const r = await spawnIcp(['score', '-', '--model', 'model.json', '--today', TODAY], {
        cwd: dir,
        stdinPieces: ['Account,Industry,Employees\r', '\nAcme,SaaS,120\r\nBeta,Retail,5\r\n'],
        // Long enough for the command to start and read the first piece on its own.
        pauseMs: 1500,
      });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\r\n')).toHaveLength(4);
      expect(r.stdout).not.toMatch(/[^\r]\n/);
    });
  });

  it('prints warnings only once the file was read: a CSV error is printed alone', async () => {
    // The template reads columns this file lacks, so there are warnings to hold back.
    writeFiles(dir, { 'broken.csv': 'Account,Industry\nAcme,SaaS\n"never closed,SaaS\n', 'fine.csv': 'Account;Industry\nAcme;SaaS\n' });
    const bad = await runIcp(['score', 'broken.csv', '--today', TODAY], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'icp: broken.csv is not a readable CSV: line 3: unterminated quoted field (the quote opened there is never closed; the field runs to the end of the file, line 4)\n',
    );
    const good = await runIcp(['score', 'fine.csv', '--today', TODAY], { cwd: dir });
    const lines = good.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^icp: note: fine\.csv is semicolon-separated/);
    expect(lines.slice(1, -1).every((l) => l.startsWith('icp: warning: fine.csv has no column'))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toMatch(/^icp: scored 1 row with /);
  });
});

// The accounts fixture stays comma-separated UTF-8: nothing above changed how it is read.
it('the usual comma-separated UTF-8 file gets no note', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel()) });
  const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
  expect(r.stderr).not.toMatch(/note/);
});

// A decimal-comma locale's Excel quotes only cells holding a semicolon, so a header may hold a bare comma.
it('a semicolon export whose header holds a comma is read as semicolon-separated, on one thread or several', async () => {
  const dir = tempDir();
  const csv = 'Account;Industry;Employees;Umsatz (Mio, EUR)\r\nAcme GmbH;SaaS;120;1,5\r\nBeta AG;Government;50;0,7\r\n';
  writeFiles(dir, { 'de.csv': csv, 'model.json': JSON.stringify(twoProfileModel()) });
  for (const threads of ['1', '2']) {
    const r = await runIcp(['score', 'de.csv', '--model', 'model.json', '--today', TODAY, '--threads', threads], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('icp: note: de.csv is semicolon-separated; the output is semicolon-separated too');
    const rows = parseCsv(r.stdout, ';');
    expect(rows[0]).toEqual(['Account', 'Industry', 'Employees', 'Umsatz (Mio, EUR)', 'ICP Score', 'ICP Tier', 'ICP Why']);
    expect(rows[1]?.slice(3, 5)).toEqual(['1,5', '60']);
    expect(rows[2]?.[5]).toBe('Disqualified');
  }
});
