// Where scored rows go: standard output, or a file written beside its target and renamed into place at the end.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, fsReason, type CliIo } from './io';

export interface Output {
  stream: Writable;
  /** True for a file, which the writer ends; standard output stays open. */
  isFile: boolean;
  /** Makes the result visible (renames the temporary file onto the target); call after the stream closed. */
  commit(): Promise<void>;
  /** Discards a partial result, so a failed run leaves no half-written file behind. */
  abort(): Promise<void>;
}

/** Standard output when `outPath` is undefined, otherwise a temporary file in the target's directory. */
export async function openOutput(outPath: string | undefined, io: CliIo): Promise<Output> {
  if (outPath === undefined) {
    return { stream: io.stdout, isFile: false, commit: async () => {}, abort: async () => {} };
  }
  // Found now rather than at the final rename, after the whole file was scored for nothing.
  const existing = await fsp.stat(outPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`cannot write ${outPath}: it is a directory`);
  // Same directory as the target, so the final rename stays on one file system and is atomic.
  const dir = nodePath.dirname(outPath);
  const temp = nodePath.join(dir, `.${nodePath.basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(temp, 'wx');
  } catch (err) {
    // Creating a file in an existing directory cannot fail with ENOENT: the directory is what is missing.
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? `no such directory ${dir}` : fsReason(err);
    throw new CliError(`cannot write ${outPath}: ${reason}`);
  }
  const stream = handle.createWriteStream();
  return {
    stream,
    isFile: true,
    async commit() {
      try {
        await fsp.rename(temp, outPath);
      } catch (err) {
        await fsp.rm(temp, { force: true });
        throw new CliError(`cannot write ${outPath}: ${fsReason(err)}`);
      }
    },
    async abort() {
      if (!stream.destroyed) {
        await new Promise<void>((resolve) => {
          stream.once('close', () => resolve());
          stream.destroy();
        });
      }
      await fsp.rm(temp, { force: true });
    },
  };
}
