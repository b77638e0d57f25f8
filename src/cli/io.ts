// What a command needs from the outside world, and the error type that carries a message and an exit code.
import type { Readable, Writable } from 'node:stream';

/** The streams `main` runs with; tests pass their own, bin/icp.js passes the process's. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Read by `icp score -`; absent when the caller has no standard input to offer. */
  stdin?: Readable;
}

/** Exit codes: 0 success, 1 `check` found an invalid model, 2 the command could not do its job. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_FAILURE = 2;

/** A failure with a message meant for the user as is; main prints `icp: <message>` and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Writes one line (a newline is added). */
export function writeLine(stream: Writable, line: string): void {
  stream.write(line + '\n');
}

// Node's own messages ("ENOENT: no such file or directory, open 'x'") repeat the path and lead with a code.
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'the file already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

/** A short reason for a file-system error, e.g. "no such file". */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && FS_REASONS[code] !== undefined) return FS_REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

/** Plural-aware count: `plural(1, 'row')` → "1 row", `plural(2, 'criterion', 'criteria')` → "2 criteria". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
