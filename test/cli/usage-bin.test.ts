// End-to-end tests of how `icp` answers help asked for a command it does not have.
import { runIcp } from './fixtures';

describe('icp help <command>', () => {
  it.each([['help', 'nosuch'], ['--help', 'scor'], ['help', 'toString']])('%s %s: an unknown command is a usage error, not the main help', async (...args) => {
    const r = await runIcp(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `icp: unknown command "${args[1]}" (the commands are score, check, validate, sql and draft)\nRun "icp --help" for usage.\n` });
  });

  it('a known one prints its help', async () => {
    const r = await runIcp(['help', 'score']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: icp score /);
  });
});
