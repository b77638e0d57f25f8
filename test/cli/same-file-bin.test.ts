// End-to-end tests that `icp score` never writes over a file it reads: --out or standard output onto the CSV or the model.
import { closeSync, openSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, runIcp, spawnIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

describe('icp score refuses to write over what it reads', () => {
  let dir: string;
  const model = JSON.stringify(twoProfileModel());
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': model });
  });
  const unchanged = (): void => {
    expect(readFileSync(path.join(dir, 'accounts.csv'), 'utf8')).toBe(ACCOUNTS_CSV);
    expect(readFileSync(path.join(dir, 'model.json'), 'utf8')).toBe(model);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  };

  it.each([
    [['--out', 'accounts.csv'], 'icp: --out accounts.csv is the file being scored; write the scores to another file\n'],
    [['--out', './accounts.csv'], 'icp: --out ./accounts.csv is the file being scored (accounts.csv); write the scores to another file\n'],
    [['--out', 'link.csv'], 'icp: --out link.csv is the file being scored (accounts.csv); write the scores to another file\n'],
    [['--out', 'model.json'], 'icp: --out model.json is the model file; write the scores to another file\n'],
  ])('--out onto the input %j: exit 2, one line, the input kept', async (args, message) => {
    symlinkSync('accounts.csv', path.join(dir, 'link.csv'));
    for (const threads of ['1', '2']) {
      const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--threads', threads, ...args], { cwd: dir });
      expect(r).toEqual({ code: 2, stdout: '', stderr: message });
      unchanged();
    }
  });

  it('standard output appended to the input (`>> accounts.csv`), which would grow the file without end', async () => {
    const fd = openSync(path.join(dir, 'accounts.csv'), 'a');
    try {
      const r = await spawnIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir, stdout: fd });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('icp: standard output is the file being scored (accounts.csv); write the scores to another file\n');
    } finally {
      closeSync(fd);
    }
    unchanged();
  });

  it('standard output onto the file standard input reads (`- < accounts.csv >> accounts.csv`)', async () => {
    const input = openSync(path.join(dir, 'accounts.csv'), 'r');
    const output = openSync(path.join(dir, 'accounts.csv'), 'a');
    try {
      const r = await spawnIcp(['score', '-', '--model', 'model.json', '--today', TODAY], { cwd: dir, stdin: input, stdout: output });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('icp: standard output is the file standard input reads; write the scores to another file\n');
    } finally {
      closeSync(input);
      closeSync(output);
    }
    unchanged();
  });

  it('still writes to /dev/null and to other files', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--out', '/dev/null'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--out', 'scored.csv'], { cwd: dir });
    expect(s.code).toBe(0);
    unchanged();
  });
});
