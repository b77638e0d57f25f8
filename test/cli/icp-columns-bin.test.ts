// End-to-end tests of the headers `icp score` adds when the input has ICP Score, ICP Tier or ICP Why columns already.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CsvParser } from '../../src/cli/csv-reader';
import { ACCOUNTS_CSV, runIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

describe('icp score on a file that has ICP columns already', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel()) });
  });
  const score = (file: string, out: string, ...more: string[]) =>
    runIcp(['score', file, '--model', 'model.json', '--today', TODAY, '--out', out, ...more], { cwd: dir });

  it('scoring its own output again keeps the old columns and names the new ones apart, as the add-on does', async () => {
    expect((await score('accounts.csv', 'once.csv')).code).toBe(0);
    const twice = await score('once.csv', 'twice.csv', '--profile', 'Enterprise');
    expect(twice.code).toBe(0);
    expect(twice.stderr.split('\n')[0]).toBe(
      'icp: note: once.csv already has columns "ICP Score", "ICP Tier" and "ICP Why"; ' +
        'the added ones are "ICP Score (ICP Scorer)", "ICP Tier (ICP Scorer)" and "ICP Why (ICP Scorer)"',
    );
    const once = parseCsv(readFileSync(path.join(dir, 'once.csv'), 'utf8'));
    const rows = parseCsv(readFileSync(path.join(dir, 'twice.csv'), 'utf8'));
    expect(rows[0]).toEqual([...(once[0] as string[]), 'ICP Score (ICP Scorer)', 'ICP Tier (ICP Scorer)', 'ICP Why (ICP Scorer)']);
    // The old columns keep their values; the new ones are the Enterprise profile's.
    rows.slice(1).forEach((row, i) => expect(row.slice(0, -3)).toEqual(once[i + 1]));
    expect(rows.slice(1).some((row) => row.at(-2) === 'Standard')).toBe(true);

    // A third time, every name is taken: the next number.
    const thrice = await score('twice.csv', 'thrice.csv');
    expect(thrice.code).toBe(0);
    const header = parseCsv(readFileSync(path.join(dir, 'thrice.csv'), 'utf8'))[0];
    expect(header?.slice(-3)).toEqual(['ICP Score (ICP Scorer 2)', 'ICP Tier (ICP Scorer 2)', 'ICP Why (ICP Scorer 2)']);
  });

  it('renames only the names taken, compared as columns are found (case, spaces and punctuation ignored)', async () => {
    writeFiles(dir, { 'crm.csv': 'Account,Industry,icp_score\r\nAcme,SaaS,12\r\n' });
    for (const threads of ['1', '2']) {
      const r = await score('crm.csv', 'scored.csv', '--threads', threads);
      expect(r.code).toBe(0);
      expect(r.stderr.split('\n')[0]).toBe('icp: note: crm.csv already has a column "ICP Score"; the added one is "ICP Score (ICP Scorer)"');
      expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8').split('\r\n')[0]).toBe('Account,Industry,icp_score,ICP Score (ICP Scorer),ICP Tier,ICP Why');
    }
  });

  it('adds the plain names, with no note, when nothing clashes', async () => {
    const r = await score('accounts.csv', 'scored.csv');
    expect(r.stderr).not.toMatch(/note/);
    expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8').split('\r\n')[0]).toMatch(/,ICP Score,ICP Tier,ICP Why$/);
  });
});
