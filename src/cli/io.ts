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

/** True for the error of writing to a pipe whose reader went away (`icp ... | head`). */
export function isBrokenPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * Catches the write errors of a stream commands write to with plain `write` calls (standard output): without a
 * listener, EPIPE from `icp validate ... | head -1` or ENOSPC from `> /dev/full` is an uncaught 'error' event and a
 * stack trace. The listener stays after `settle`: a late error must not crash the process either.
 */
export class WriteWatch {
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  /** Waits until everything written so far was handed to the system, and returns the first write error, if any. */
  async settle(): Promise<Error | undefined> {
    const s = this.stream;
    if (this.failure === undefined && !s.destroyed && s.writable) {
      // A write's callback runs after the writes before it finished, and gets their error before the 'error' event.
      await new Promise<void>((resolve) =>
        s.write('', (err?: Error | null) => {
          if (err) this.failure ??= err;
          resolve();
        }),
      );
    }
    // A stream that failed already may not have emitted its 'error' event yet, but it says so here.
    return this.failure ?? s.errored ?? undefined;
  }
}

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
