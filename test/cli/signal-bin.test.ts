// End-to-end test that stopping `icp score --out` with a signal (Ctrl-C, kill, a closed terminal) leaves no file behind.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BIN, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

const HEADER = 'Account,Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email\n';
const ROWS = Array.from({ length: 2000 }, (_, i) => `Co ${i},SaaS,${i % 300},yes,,Salesforce,a${i}@x.io\n`).join('');

const temporaries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** True once a temporary output holds scored rows. */
function writing(dir: string): boolean {
  return temporaries(dir).some((f) => statSync(path.join(dir, f), { throwIfNoEntry: false })?.size);
}

/** Resolves once `check` is true, polling every 20 ms. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

describe('a signal while icp score writes --out', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: the temporary file is deleted, the old output kept, and the process ends by the signal', async (sig) => {
    const dir = tempDir();
    writeFiles(dir, { 'model.json': JSON.stringify(twoProfileModel()) });
    writeFileSync(path.join(dir, 'scored.csv'), 'previous run\n');
    // Standard input kept open: the command is certainly mid-file, its temporary output made, when the signal comes.
    const child = spawn(process.execPath, [BIN, 'score', '-', '--model', 'model.json', '--today', TODAY, '--out', 'scored.csv'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    child.stdin.write(HEADER + ROWS);
    await until(() => writing(dir));
    child.kill(sig);
    const { code, signal } = await ended;
    child.stdin.destroy();
    expect({ code, signal, stderr }).toEqual({ code: null, signal: sig, stderr: '' });
    expect(temporaries(dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8')).toBe('previous run\n');
  });
});
