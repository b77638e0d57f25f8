// Refuses to write scores onto a file the command reads: the input CSV (by its name, a link, or as standard input) or the model.
import { fstatSync, promises as fsp, type Stats } from 'node:fs';
import { CliError, type CliIo } from './io';

/** The file behind a stream's descriptor (standard input or output), when it has one. */
function streamStat(stream: unknown): Stats | undefined {
  const fd = (stream as { fd?: unknown } | undefined)?.fd;
  if (typeof fd !== 'number') return undefined;
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** The file a path names, links followed; undefined when there is none yet (or it cannot be looked at: opening it says why). */
async function pathStat(path: string): Promise<Stats | undefined> {
  return fsp.stat(path).catch(() => undefined);
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Whether writing to the regular file `outPath` would write over `input` (a path, or `-` for standard input): the same
 * file by name, link or descriptor.
 */
export async function writesOverInput(outPath: string, input: string, io: CliIo): Promise<boolean> {
  const out = await pathStat(outPath);
  if (out === undefined || !out.isFile()) return false;
  return sameFile(out, input === '-' ? streamStat(io.stdin) : await pathStat(input));
}

export interface ReadAndWritten {
  /** The CSV read: a path, or `-` for standard input. */
  input: string;
  model: string | undefined;
  /** `--out`; undefined or `-` for standard output. */
  out: string | undefined;
}

/**
 * Throws a CliError when the output is a regular file the command also reads. `--out accounts.csv` would replace
 * the export with its scored copy; `>> accounts.csv` is worse: every row written is read again, and the file grows
 * until the disk is full. Only regular files count: `/dev/null` as input and output is the same file, and harmless.
 */
export async function refuseWritingOverInput(files: ReadAndWritten, io: CliIo): Promise<void> {
  const toStdout = files.out === undefined || files.out === '-';
  const out = toStdout ? streamStat(io.stdout) : await pathStat(files.out as string);
  if (out === undefined || !out.isFile()) return;
  const input = files.input === '-' ? streamStat(io.stdin) : await pathStat(files.input);
  const model = files.model === undefined ? undefined : await pathStat(files.model);
  // The file's own name in brackets when the output names it otherwise (a link, `./`, standard output).
  const named = (path: string): string => (path === files.out ? '' : ` (${path})`);
  let what: string;
  if (sameFile(out, input)) what = files.input === '-' ? 'the file standard input reads' : `the file being scored${named(files.input)}`;
  else if (sameFile(out, model)) what = `the model file${named(files.model as string)}`;
  else return;
  throw new CliError(`${toStdout ? 'standard output' : `--out ${files.out}`} is ${what}; write the scores to another file`);
}
