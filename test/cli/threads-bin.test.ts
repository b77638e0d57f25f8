// End-to-end tests of --threads: the counts it takes, the inputs it needs, and how many worker threads it starts.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, BIN, runIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

const COUNT_WORKERS = path.join(__dirname, 'count-workers.cjs');

/** Runs the real bin with the worker counter preloaded; resolves with its exit code and standard error. */
function runCounted(args: readonly string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', COUNT_WORKERS, BIN, ...args], { cwd, encoding: 'utf8' }, (err, _stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stderr });
    });
  });
}

describe('icp score --threads', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel()) });
  });

  it.each(['0x2', '1e1', ' 2', '2.0', '+2', '-1'])('refuses %j: a count is written in digits', async (bad) => {
    const r = await runIcp(['score', 'accounts.csv', '--threads', bad], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`icp: --threads needs a whole number from 1 to 64, not "${bad}"\nRun "icp --help" for usage.\n`);
  });

  it('refuses several threads over a pipe named as a file (`<(zcat accounts.csv.gz)`), as over standard input', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    // Nobody writes to the pipe: the command must refuse without opening it, or it would wait forever.
    const r = await runIcp(['score', 'pipe.csv', '--threads', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('icp: --threads above 1 needs a regular file: pipe.csv is a pipe or a device, read on one thread\nRun "icp --help" for usage.\n');
  });

  it('scores a row of millions of cells as one thread does, rather than running a worker out of memory', async () => {
    // 7 MB, far from a row too long to read, but 3.5 million cells: over a worker's capped heap as arrays of strings.
    const rows = Array.from({ length: 10 }, (_, i) => `Co ${i},SaaS,${10 + i},yes,,,`);
    writeFiles(dir, { 'cells.csv': `${ACCOUNTS_CSV.split('\r\n')[0]}\n${rows.join('\n')}\nWide${',x'.repeat(3_500_000)}\nLast,SaaS,5,,,,\n` });
    const one = await runIcp(['score', 'cells.csv', '--model', 'model.json', '--today', TODAY, '--threads', '1', '--out', 'one.csv'], { cwd: dir });
    const two = await runIcp(['score', 'cells.csv', '--model', 'model.json', '--today', TODAY, '--threads', '2', '--out', 'two.csv'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(two).toEqual({ code: 0, stdout: '', stderr: one.stderr });
    expect(readFileSync(path.join(dir, 'two.csv')).equals(readFileSync(path.join(dir, 'one.csv')))).toBe(true);
  });

  it('starts no more worker threads than the file has chunks to score: 64 asked for a small file start one', async () => {
    const r = await runCounted(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--threads', '64', '--out', 'many.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\nworkers started: 1\n$/);
    const one = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--threads', '1', '--out', 'one.csv'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(readFileSync(path.join(dir, 'many.csv')).equals(readFileSync(path.join(dir, 'one.csv')))).toBe(true);
  });
});
