// Where scored rows go: standard output, or a file written beside its target and renamed into place at the end.
import { randomBytes } from 'node:crypto';
import { fstatSync, promises as fsp, type Stats } from 'node:fs';
import * as nodePath from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, fsReason, type CliIo } from './io';
import { deleteOnSignal } from './signal-cleanup';

export interface Output {
  stream: Writable;
  /** True for a file, which the writer ends; standard output stays open. */
  isFile: boolean;
  /** Makes the result visible (renames the temporary file onto the target); call after the stream closed. */
  commit(): Promise<void>;
  /** Discards a partial result, so a failed run leaves no half-written file behind. */
  abort(): Promise<void>;
}

/**
 * Bytes a file's stream holds before asking the writer to wait. Node's default (16 KB) is below CsvWriter's 64 KB
 * writes, so every write waited for the disk before the next row was scored: on 1M rows some 3,500 waits for the
 * thread pool, up to a second of idle time on a busy machine. With 1 MB, writing overlaps scoring.
 */
const WRITE_BUFFER = 1 << 20;

/** Links followed at most, as the kernel does (ELOOP beyond); a loop then fails when the target is opened. */
const MAX_LINKS = 40;

/**
 * The file a path names once symbolic links are followed, even to a target that does not exist yet: a link to a
 * file kept elsewhere must stay a link, with the new content in the file it points to.
 */
async function linkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let link: string;
    try {
      link = await fsp.readlink(current);
    } catch {
      // EINVAL: not a link; ENOENT: nothing there yet. Either way, this is the file to write.
      return current;
    }
    current = nodePath.resolve(nodePath.dirname(current), link);
  }
  return current;
}

/** The system's own words for an error ("no such file or directory"), without the code and path Node adds. */
function systemMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^[A-Z]+: (.*?)(?:, \w+ '.*')?$/.exec(message);
  return m?.[1] ?? message;
}

/** Closes a write stream (discarding what it did not write yet) and waits until its file descriptor is released. */
async function closeStream(stream: Writable): Promise<void> {
  if (stream.destroyed) return;
  await new Promise<void>((resolve) => {
    stream.once('close', () => resolve());
    stream.destroy();
  });
}

/**
 * Standard output when `outPath` is undefined, `-` or the file standard output is (`/dev/stdout`); a FIFO or a device
 * written directly, as they cannot be replaced; otherwise a temporary file beside the (link-resolved) target, with the
 * existing file's permissions.
 */
export async function openOutput(outPath: string | undefined, io: CliIo): Promise<Output> {
  // `--out -` is standard output, as `-` is standard input: not a file called "-" that is awkward to delete.
  if (outPath === undefined || outPath === '-') return standardOutput(io);
  // Found now rather than at the final rename, after the whole file was scored for nothing.
  const existing = await fsp.stat(outPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`cannot write ${outPath}: it is a directory`);
  // `--out results/` means a directory: without this, the whole file would be scored before the rename fails.
  if (existing === undefined && (outPath.endsWith('/') || outPath.endsWith(nodePath.sep))) {
    throw new CliError(`cannot write ${outPath}: no such directory ${outPath.replace(/[\\/]+$/, '')}`);
  }
  // `--out /dev/stdout` is our standard output: a socket there cannot be opened again (ENXIO), and a file there
  // (`> scored.csv`, `>> log`) must be written where the shell left off, not replaced: so the stream is used.
  if (existing !== undefined && isStandardOutput(existing, io)) return standardOutput(io);
  if (existing !== undefined && !existing.isFile()) return openDirect(outPath);

  const target = await linkTarget(outPath);
  // Same directory as the target, so the final rename stays on one file system and is atomic.
  const dir = nodePath.dirname(target);
  const temp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // The replaced file keeps its permissions (a chmod 600 list of accounts must not become readable by all).
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  // Before the file exists: a signal that comes while it is being made must not leave it behind.
  const release = deleteOnSignal(temp);
  let handle: fsp.FileHandle;
  try {
    // Created with the mode already, so the data is never more readable than the file it replaces.
    handle = await fsp.open(temp, 'wx', mode ?? 0o666);
  } catch (err) {
    release();
    throw new CliError(`cannot write ${outPath}: ${await createFailure(err, dir)}`);
  }
  try {
    // The umask trimmed the mode open was given.
    if (mode !== undefined) await handle.chmod(mode);
  } catch (err) {
    await handle.close();
    await fsp.rm(temp, { force: true });
    release();
    throw new CliError(`cannot write ${outPath}: ${fsReason(err)}`);
  }
  const stream = handle.createWriteStream({ highWaterMark: WRITE_BUFFER });
  return {
    stream,
    isFile: true,
    async commit() {
      try {
        await fsp.rename(temp, target);
      } catch (err) {
        await fsp.rm(temp, { force: true });
        throw new CliError(`cannot write ${outPath}: ${fsReason(err)}`);
      } finally {
        release();
      }
    },
    async abort() {
      await closeStream(stream);
      await fsp.rm(temp, { force: true });
      release();
    },
  };
}

/** Why the temporary file could not be made in `dir`: a missing directory, else the system's own reason. */
async function createFailure(err: unknown, dir: string): Promise<string> {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && (await fsp.stat(dir).catch(() => undefined)) === undefined) return `no such directory ${dir}`;
  // /proc says ENOENT for a directory that exists, so its message is quoted rather than worded as "no such file".
  return code === 'ENOENT' ? `cannot create a file in ${dir} (${systemMessage(err)})` : fsReason(err);
}

/** Standard output, which the writer leaves open: other code may still write to it. */
function standardOutput(io: CliIo): Output {
  return { stream: io.stdout, isFile: false, commit: async () => {}, abort: async () => {} };
}

/** True when `stat` is of the file our standard output is (same device and inode). */
function isStandardOutput(stat: Stats, io: CliIo): boolean {
  const fd = (io.stdout as Writable & { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    const own = fstatSync(fd);
    return own.dev === stat.dev && own.ino === stat.ino;
  } catch {
    return false;
  }
}

/** A FIFO or a character device, opened for writing as it is: there is nothing to rename, and nothing to take back. */
async function openDirect(outPath: string): Promise<Output> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(outPath, 'w');
  } catch (err) {
    throw new CliError(`cannot write ${outPath}: ${fsReason(err)}`);
  }
  const stream = handle.createWriteStream();
  return { stream, isFile: true, commit: async () => {}, abort: () => closeStream(stream) };
}
