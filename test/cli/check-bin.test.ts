// End-to-end tests of `icp check`, `--help` and `--version` through the real bin/icp.js.
import { runIcp, tempDir, twoProfileModel, writeFiles } from './fixtures';

describe('icp check', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'model.json': JSON.stringify(twoProfileModel()) });
  });

  it('reports a valid model with its profile and criterion counts', async () => {
    const r = await runIcp(['check', 'model.json'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'model.json: valid (2 profiles, 8 criteria)\n', stderr: '' });
  });

  it('warns on standard error about a misspelt field it ignores, and still exits 0', async () => {
    const m = twoProfileModel() as unknown as { profiles: Record<string, unknown>[] };
    m.profiles[1]!.disqualifedLabel = 'Out';
    writeFiles(dir, { 'typo.json': JSON.stringify(m) });
    const r = await runIcp(['check', 'typo.json'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: 'typo.json: valid (2 profiles, 8 criteria)\n',
      stderr: 'icp: warning: profiles[1].disqualifedLabel: unknown field, ignored (did you mean "disqualifiedLabel"?)\n',
    });
  });

  it('lists every problem of an invalid model by path and exits with 1', async () => {
    const bad = twoProfileModel() as unknown as { profiles: { criteria: { when: Record<string, unknown> }[]; tiers: unknown }[] };
    bad.profiles[0]!.criteria[1]!.when.min = 'ten';
    bad.profiles[1]!.tiers = 'none';
    writeFiles(dir, { 'bad.json': JSON.stringify(bad) });
    const r = await runIcp(['check', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bad\.json: not a valid ICP model \(\d+ problems\):$/);
    expect(lines.some((l) => l.startsWith('  profiles[0].criteria[1].when.min: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  profiles[1].tiers'))).toBe(true);
  });

  it('exits with 2 when the model file cannot be read', async () => {
    const r = await runIcp(['check', 'nope.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('icp: cannot read model nope.json: no such file\n');
  });

  it('warns about criteria whose column the CSV lacks, reading only its header row', async () => {
    // The second line is not valid CSV: check --headers must not read that far.
    writeFiles(dir, { 'accounts.csv': 'Account,industry,EMPLOYEES,Tech Stack\n"unterminated\n' });
    const r = await runIcp(['check', 'model.json', '--headers', 'accounts.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('model.json: valid (2 profiles, 8 criteria)\n');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'icp: warning: profile "SMB", criterion "demo": column "Demo Requested" is not in accounts.csv',
      'icp: warning: profile "SMB", criterion "funding": column "Last Funding" is not in accounts.csv',
      'icp: warning: profile "Enterprise", criterion "free": column "Email" is not in accounts.csv',
    ]);
  });

  it('says so when every column is present', async () => {
    writeFiles(dir, { 'accounts.csv': 'Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email\n' });
    const r = await runIcp(['check', 'model.json', '--headers', 'accounts.csv'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: "model.json: valid (2 profiles, 8 criteria)\naccounts.csv: every criterion's column is present\n",
      stderr: '',
    });
  });
});

describe('icp --help and --version', () => {
  it('prints usage with examples', async () => {
    const r = await runIcp(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('icp score <accounts.csv');
    expect(r.stdout).toContain('icp check <model.json>');
    expect(r.stdout).toContain('Examples:');
    expect((await runIcp(['-h'])).stdout).toBe(r.stdout);
  });

  it('prints a command help', async () => {
    const r = await runIcp(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: icp score/);
    expect((await runIcp(['help', 'check'])).stdout).toMatch(/^Usage: icp check/);
  });

  it('prints usage on standard error and exits with 2 without a command', async () => {
    const r = await runIcp([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  it('prints the version', async () => {
    const r = await runIcp(['--version']);
    expect(r).toEqual({ code: 0, stdout: 'icp 0.1.0\n', stderr: '' });
  });
});
