// Writes a JSON value to a file the way `icp score --out` writes: through a temporary file renamed into place.
import { CsvWriter } from './csv-writer';
import { CliError, fsReason, type CliIo } from './io';
import { openOutput } from './output';

/** Writes `value` as indented JSON to `path` (replacing it); a failed or interrupted write never leaves half a file. */
export async function writeJsonFile(path: string, value: unknown, io: CliIo): Promise<void> {
  const out = await openOutput(path, io);
  let committed = false;
  try {
    // The CLI's line writer (its error handling, and its wait for the file to close before the rename), for one line.
    const writer = new CsvWriter(out.stream, { lineEnding: '\n' });
    await writer.writeLine(JSON.stringify(value, null, 2));
    await writer.end(out.isFile);
    await out.commit();
    committed = true;
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${fsReason(err)}`);
  } finally {
    if (!committed) await out.abort();
  }
}
