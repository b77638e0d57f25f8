// The npm package as users get it: `npm pack`, installed into an empty directory with no registry, runs `npx icp score`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, REPO, runIcp, tempDir, TODAY, twoProfileModel } from './fixtures';

/** npm's own variables (set when this runs under `npm test`) are left out: they would point the child npm at this repo. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

/** `npx icp ...` in the installed project, never fetching anything; `preload` is a module node loads first. */
function npxIcp(args: readonly string[], cwd: string, preload?: string): { status: number | null; stdout: string; stderr: string } {
  const env = cleanEnv();
  if (preload !== undefined) env.NODE_OPTIONS = `--require ${preload}`;
  return spawnSync('npx', ['--offline', '--no-install', 'icp', ...args], { cwd, env, encoding: 'utf8' });
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', [...args], { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the packed tarball', () => {
  const dir = tempDir();
  const app = path.join(dir, 'app');
  let tarball = '';
  let shipped: string[] = [];

  beforeAll(() => {
    // `npm test` builds first; --ignore-scripts keeps prepack from rebuilding dist-cli/ under the other CLI tests' feet.
    if (!existsSync(path.join(REPO, 'dist-cli', 'icp.js'))) throw new Error('dist-cli/icp.js is missing: run `npm run build` first');
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO)) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(dir, packed[0]!.filename);
    shipped = packed[0]!.files.map((f) => f.path).sort();
    execFileSync('mkdir', [app]);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
    npm(['install', tarball, '--offline', '--no-audit', '--no-fund'], app);
    writeFileSync(path.join(app, 'accounts.csv'), ACCOUNTS_CSV);
    writeFileSync(path.join(app, 'model.json'), JSON.stringify(twoProfileModel()));
  }, 120_000);

  it('ships the compiled command line and its bin, no TypeScript sources and no tests', () => {
    expect(shipped).toEqual(expect.arrayContaining(['bin/icp.js', 'dist-cli/icp.js', 'dist-cli/score-worker.js', 'package.json', 'README.md', 'LICENSE']));
    expect(shipped.filter((f) => /\.ts$|^(src|test|emulator|tools|bench|playground|sidebar)\//.test(f))).toEqual([]);
  });

  it('installs with no dependency to fetch: the bundle holds everything it runs (no tsx, no TypeScript at run time)', () => {
    expect(readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['icp-scorer']);
  });

  it('`npx icp score` there scores as the checkout does, on one thread and on a worker thread', async () => {
    const args = ['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY];
    const expected = await runIcp(args, { cwd: app });
    expect(expected.code).toBe(0);
    expect(expected.stdout.split('\r\n')[0]).toBe('Account,Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email,ICP Score,ICP Tier,ICP Why');
    const installed = npxIcp(args, app);
    expect(installed.stderr).toBe(expected.stderr);
    expect(installed.stdout).toBe(expected.stdout);
    // The worker is started from the installed dist-cli/score-worker.js. count-workers.cjs counts it (and reports on
    // npx's own process too, which NODE_OPTIONS also reaches: that one starts none).
    const threaded = npxIcp([...args, '--threads', '2'], app, path.join(__dirname, 'count-workers.cjs'));
    expect(threaded.stderr.startsWith(expected.stderr)).toBe(true);
    expect(threaded.stderr).toContain('workers started: 1\n');
    expect(threaded.stdout).toBe(expected.stdout);
    const version = npxIcp(['--version'], app);
    const { version: packageVersion } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`icp ${packageVersion}\n`);
  });
});
