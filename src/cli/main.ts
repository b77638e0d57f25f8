// The `icp` command line: dispatches to a command and turns every failure into a message and an exit code.
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { EngineError } from '../engine';
import { UsageError } from './args';
import { checkCommand } from './commands/check';
import { draftCommand } from './commands/draft';
import { scoreCommand } from './commands/score';
import { sqlCommand } from './commands/sql';
import { validateCommand } from './commands/validate';
import { CliError, EXIT_FAILURE, EXIT_OK, fsReason, isBrokenPipe, WriteWatch, writeLine, type CliIo } from './io';
import { MAIN_USAGE } from './usage';

export type { CliIo } from './io';

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  score: scoreCommand,
  check: checkCommand,
  validate: validateCommand,
  draft: draftCommand,
  sql: sqlCommand,
};

function version(): string {
  // Read at run time rather than imported, so package.json stays outside the TypeScript program. It is one folder
  // up from the bundle (dist-cli/icp.js), two from the sources (src/cli/main.ts).
  for (const up of [['..'], ['..', '..']]) {
    const file = nodePath.join(__dirname, ...up, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'icp-scorer') return pkg.version ?? 'unknown';
  }
  return 'unknown';
}

/** Runs `icp` with `argv` (without node and the script) and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const stdout = new WriteWatch(io.stdout);
  const code = await run(argv, io);
  const failure = await stdout.settle();
  // The reader of standard output went away (`icp validate ... | head -1`): stop quietly, like other tools.
  if (failure === undefined || isBrokenPipe(failure)) return code;
  // A failed command said why already (`icp score` reports its own write errors); otherwise output was lost.
  if (code === EXIT_FAILURE) return code;
  writeLine(io.stderr, `icp: cannot write standard output: ${fsReason(failure)}`);
  return EXIT_FAILURE;
}

/** The command called `name`; a UsageError naming the commands there are when there is none. */
function commandNamed(name: string): (argv: readonly string[], io: CliIo) => Promise<number> {
  // An own property only: `icp constructor` or `icp help toString` must not find Object.prototype's.
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command "${name}" (the commands are score, check, validate, sql and draft)`);
  return command;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr.write(MAIN_USAGE);
      return EXIT_FAILURE;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const sub = rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
      if (sub !== undefined) return await sub(['--help'], io);
      io.stdout.write(MAIN_USAGE);
      return EXIT_OK;
    }
    if (first === '--version') {
      writeLine(io.stdout, `icp ${version()}`);
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
    return await commandNamed(first)(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      writeLine(io.stderr, `icp: ${err.message}`);
      writeLine(io.stderr, 'Run "icp --help" for usage.');
      return EXIT_FAILURE;
    }
    if (err instanceof CliError) {
      writeLine(io.stderr, `icp: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof EngineError) {
      writeLine(io.stderr, `icp: ${err.message}`);
      return EXIT_FAILURE;
    }
    // A bug, not a user mistake: keep the stack so it can be reported.
    writeLine(io.stderr, `icp: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_FAILURE;
  }
}
