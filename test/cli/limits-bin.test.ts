// Models past a limit through the real bin: icp check and icp score refuse them alike, with the limit and the path, never a stack trace.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNTS_CSV, runIcp, tempDir, twoProfileModel, writeFiles } from './fixtures';

const NO_STACK = /\n\s+at |RangeError|Maximum call stack/;

describe('model limits in icp check and icp score', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const m = twoProfileModel();
    const first = m.profiles[0]!.criteria[0]!;
    // The reported case: 130,000 criteria (short ones, so the count is the limit it breaks).
    const many = { ...m, profiles: [{ ...m.profiles[0]!, criteria: Array.from({ length: 130_000 }, (_, i) => ({ ...first, id: `${i}` })) }] };
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV });
    writeFileSync(path.join(dir, 'many.json'), JSON.stringify(many));
    const counted = { ...m, profiles: [{ ...m.profiles[0]!, criteria: Array.from({ length: 130_000 }, (_, i) => ({ id: `${i}` })) }] };
    writeFileSync(path.join(dir, 'count.json'), JSON.stringify(counted));
    writeFileSync(path.join(dir, 'deep.json'), `{"schemaVersion":1,"profiles":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
  });

  test.each([
    ['many.json', /^icp: many\.json is not a valid ICP model:\n {2}\(root\): the model's JSON is [\d,]+ characters; a model may have at most 8,000,000/],
    ['count.json', /^icp: count\.json is not a valid ICP model:\n {2}profiles\[0\]\.criteria: 130,000 criteria; a profile may have at most 1,000\n/],
    ['deep.json', /^icp: deep\.json is not a valid ICP model:\n {2}profiles(\[0\]){31}: nested more than 32 levels deep/],
  ])('%s: score and check both refuse it, exit 2 and 1, no stack', async (file, message) => {
    const score = await runIcp(['score', 'accounts.csv', '--model', file], { cwd: dir });
    expect(score.code).toBe(2);
    expect(score.stdout).toBe('');
    expect(score.stderr).toMatch(message);
    expect(score.stderr).not.toMatch(NO_STACK);
    const check = await runIcp(['check', file], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).not.toMatch(NO_STACK);
    expect(check.stdout + check.stderr).toMatch(/at most 8,000,000|at most 1,000|nested more than 32 levels/);
  });
});
