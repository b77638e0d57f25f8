// End-to-end tests of where the CLI writes: --out through symlinks, onto FIFOs and devices, keeping permissions,
// and standard output that fails (a closed pipe, a full disk) for every command.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, createReadStream, lstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, runIcp, spawnIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

describe('icp score --out', () => {
  let dir: string;
  let expected: string;
  beforeAll(async () => {
    const d = tempDir();
    writeFiles(d, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel()) });
    expected = (await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: d })).stdout;
  });
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel()) });
  });
  const score = (out: string) => runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--out', out], { cwd: dir });
  const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

  it('writes through a symlink into the file it points to, which keeps its permissions; the link stays a link', async () => {
    const real = tempDir();
    writeFileSync(path.join(real, 'scored.csv'), 'old\n');
    chmodSync(path.join(real, 'scored.csv'), 0o600);
    symlinkSync(path.join(real, 'scored.csv'), path.join(dir, 'link.csv'));
    // A chain of two links, the second relative.
    symlinkSync('link.csv', path.join(dir, 'link2.csv'));
    const r = await score('link2.csv');
    expect(r).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^icp: scored 5 rows/) });
    expect(lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, 'link2.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(real, 'scored.csv'), 'utf8')).toBe(expected);
    expect(statSync(path.join(real, 'scored.csv')).mode & 0o777).toBe(0o600);
    expect(temporaries(dir)).toEqual([]);
    expect(temporaries(real)).toEqual([]);
  });

  it('creates the target of a dangling symlink', async () => {
    symlinkSync('made.csv', path.join(dir, 'dangling.csv'));
    expect((await score('dangling.csv')).code).toBe(0);
    expect(lstatSync(path.join(dir, 'dangling.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'made.csv'), 'utf8')).toBe(expected);
  });

  it('keeps an existing file\'s permissions', async () => {
    writeFileSync(path.join(dir, 'scored.csv'), 'old\n');
    chmodSync(path.join(dir, 'scored.csv'), 0o640);
    expect((await score('scored.csv')).code).toBe(0);
    expect(statSync(path.join(dir, 'scored.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8')).toBe(expected);
  });

  it('writes into a FIFO as it is, rather than replacing it with a file', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (d) => (text += String(d)))
        .on('end', () => resolve(text));
    });
    const r = await score('pipe.csv');
    expect(r.code).toBe(0);
    expect(await read).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });

  it('writes to /dev/stdout directly (no temporary file in /dev)', async () => {
    const r = await score('/dev/stdout');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(temporaries('/dev')).toEqual([]);
  });

  it('writes to /dev/stdout where the shell left off when standard output is a file, instead of replacing the file', async () => {
    const log = path.join(dir, 'log.csv');
    writeFileSync(log, 'written before\n');
    const fd = openSync(log, 'a');
    try {
      const r = await spawnIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY, '--out', '/dev/stdout'], { cwd: dir, stdout: fd });
      expect(r.code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(log, 'utf8')).toBe(`written before\n${expected}`);
    expect(temporaries(dir)).toEqual([]);
  });

  it('says what failed when the directory exists but takes no file (/proc), or does not exist', async () => {
    expect(await score('/proc/x.csv')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'icp: cannot write /proc/x.csv: cannot create a file in /proc (no such file or directory)\n',
    });
    expect((await score('nodir/x.csv')).stderr).toBe('icp: cannot write nodir/x.csv: no such directory nodir\n');
  });

  it('refuses a path ending in / that is no directory before scoring, rather than failing at the end', async () => {
    for (const out of ['results/', 'accounts.csv/']) {
      expect(await score(out)).toEqual({ code: 2, stdout: '', stderr: `icp: cannot write ${out}: no such directory ${out.slice(0, -1)}\n` });
    }
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'model.json']);
  });

  it('takes - as standard output, as it takes - as standard input, rather than making a file called "-"', async () => {
    const r = await score('-');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'model.json']);
  });
});

describe('standard output that fails', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFiles(dir, { 'deals.csv': 'Outcome,Industry\nwon,SaaS\nlost,Retail\n', 'model.json': JSON.stringify(twoProfileModel()) });
  });
  const commands: [string, string[]][] = [
    ['check', ['check', 'model.json']],
    ['validate', ['validate', 'deals.csv', '--model', 'model.json']],
    ['validate --json', ['validate', 'deals.csv', '--model', 'model.json', '--json']],
    ['score', ['score', 'deals.csv', '--model', 'model.json']],
  ];

  it.each(commands)('%s: a reader that went away (EPIPE) ends it quietly with exit 0', async (_name, args) => {
    const r = await spawnIcp(args, { cwd: dir, stdout: 'closed' });
    expect(r.stderr.split('\n').filter((l) => /error|EPIPE|at /.test(l))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each(commands)('%s: any other write error (a full disk) exits 2 with one line', async (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await spawnIcp(args, { cwd: dir, stdout: full });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('icp: cannot write'))).toEqual(['icp: cannot write standard output: no space left on the device']);
      expect(r.stderr).not.toMatch(/\n {4}at /);
    } finally {
      closeSync(full);
    }
  });
});
