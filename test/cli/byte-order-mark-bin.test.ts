// End-to-end tests that `icp score` answers an Excel "CSV UTF-8" export (which starts with a byte order mark) with one.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, runIcp, spawnIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('icp score and the UTF-8 byte order mark', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'plain.csv': ACCOUNTS_CSV, 'excel.csv': `\uFEFF${ACCOUNTS_CSV}`, 'model.json': JSON.stringify(twoProfileModel()) });
  });
  const score = (file: string, out: string, ...more: string[]) =>
    runIcp(['score', file, '--model', 'model.json', '--today', TODAY, '--out', out, ...more], { cwd: dir });
  const bytes = (file: string): Buffer => readFileSync(path.join(dir, file));

  it('an input that starts with one gives an output that starts with one (Excel reads a UTF-8 CSV without it as cp1252), on every thread count', async () => {
    expect((await score('plain.csv', 'plain-out.csv')).code).toBe(0);
    const expected = Buffer.concat([BOM, bytes('plain-out.csv')]);
    // The reasons hold non-ASCII text (curly quotes, the minus sign) whatever the input: Excel would garble them.
    expect(bytes('plain-out.csv').toString('utf8')).toMatch(/[^ -~\s]/);
    for (const threads of ['1', '2']) {
      expect((await score('excel.csv', `excel-${threads}.csv`, '--threads', threads)).code).toBe(0);
      expect(bytes(`excel-${threads}.csv`).equals(expected)).toBe(true);
    }
    // Standard input too, however the mark arrives: here cut into bytes read apart.
    const piped = await spawnIcp(['score', '-', '--model', 'model.json', '--today', TODAY], {
      cwd: dir,
      stdinPieces: [BOM.subarray(0, 1), Buffer.concat([BOM.subarray(1), Buffer.from(ACCOUNTS_CSV)])],
      pauseMs: 300,
    });
    expect(piped.code).toBe(0);
    expect(Buffer.from(piped.stdout, 'utf8').equals(expected)).toBe(true);
  });

  it('an input without one gives an output without one', async () => {
    for (const threads of ['1', '2']) {
      expect((await score('plain.csv', 'out.csv', '--threads', threads)).code).toBe(0);
      expect(bytes('out.csv').subarray(0, 7).toString('utf8')).toBe('Account');
    }
  });
});
