// `icp score` on worker threads: the main thread cuts the file into chunks of whole rows, workers score them,
// and the main thread writes their output in file order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CsvError, CsvParser, readCsvBatches } from './csv-reader';
import type { CsvWriter } from './csv-writer';
import { firstRowEnd, lastRowEnd } from './row-boundaries';
import type { ChunkResult, WorkerSetup } from './score-worker-protocol';
import { TierTally } from './tier-tally';

// Workers are plain threads without tsx's loader: they register it, then load the TypeScript worker. Both by
// absolute path: an eval'd worker resolves modules from the current directory, which may be anywhere.
const WORKER_BOOT = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(__dirname, 'score-worker.ts'))});`;

/** Bytes read per chunk sent to a worker: large enough that a message per chunk costs nothing. */
export const CHUNK_BYTES = 1024 * 1024;
// A worker holds a chunk or two of rows at a time, so a small young generation does (it is what a thread adds to
// the process's memory); the old generation's cap is only a ceiling, high enough for a row of many megabytes.
const WORKER_HEAP = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 8 };
/** Chunks queued per worker: one being scored and one waiting keeps a worker busy with bounded memory. */
const QUEUED_PER_WORKER = 2;

/** The header row of a file and where its data rows start. */
export interface FileHead {
  headers: string[] | undefined;
  lineEnding: '\n' | '\r\n' | '\r';
  /** Byte offset of the first data row. */
  dataStart: number;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Reads the header row of a CSV file (growing the read until the row ends) without reading further. */
export async function readFileHead(file: string, chunkBytes = CHUNK_BYTES): Promise<FileHead> {
  const handle = await fs.promises.open(file, 'r');
  try {
    let bytes: Buffer = Buffer.alloc(0);
    let eof = false;
    const bom = (b: Buffer): number => (b.length >= 3 && BOM.every((x, i) => b[i] === x) ? 3 : 0);
    let end = 0;
    while (!eof) {
      const more = Buffer.alloc(chunkBytes);
      const { bytesRead } = await handle.read(more, 0, chunkBytes, bytes.length);
      eof = bytesRead < chunkBytes;
      bytes = Buffer.concat([bytes, more.subarray(0, bytesRead)]);
      const skip = bom(bytes);
      const cut = firstRowEnd(bytes.subarray(skip));
      if (cut > 0) {
        end = skip + cut;
        break;
      }
      end = bytes.length;
    }
    const parser = new CsvParser();
    const rows = parser.push(bytes.subarray(0, end).toString('utf8'));
    rows.push(...parser.end());
    return { headers: rows[0], lineEnding: parser.lineEnding, dataStart: end };
  } finally {
    await handle.close();
  }
}

export interface ThreadedScoreOptions {
  file: string;
  head: FileHead;
  setup: WorkerSetup;
  threads: number;
  writer: CsvWriter;
  tally: TierTally;
  chunkBytes?: number;
}

/** Rows with more cells than the header row: how many, and the first one's row number (header = 1). */
export interface LongRows {
  longRows: number;
  firstLongRow: number;
}

/** A copy of `bytes` in an ArrayBuffer of its own, which postMessage can hand over without copying again. */
function ownCopy(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}

/**
 * Scores the data rows of `file` on `threads` worker threads and writes them, in file order, to `writer`.
 * Rows come out byte for byte as the single-threaded path writes them: both use CsvParser and RowScorer.
 */
export async function scoreFileOnThreads(o: ThreadedScoreOptions): Promise<LongRows> {
  const chunkBytes = o.chunkBytes ?? CHUNK_BYTES;
  const workers = Array.from({ length: o.threads }, () => new Worker(WORKER_BOOT, { eval: true, workerData: o.setup, resourceLimits: WORKER_HEAP }));
  const results = new Map<number, ChunkResult>();
  let failure: unknown;
  let finished = false;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  for (const worker of workers) {
    worker.on('message', (r: ChunkResult) => {
      results.set(r.id, r);
      signal();
    });
    worker.on('error', (err) => {
      // Not the file's fault: a plain Error, so it is not reported as "cannot read <file>".
      failure ??= new Error(`a scoring thread failed: ${err.message}`);
      signal();
    });
    worker.on('exit', (code) => {
      if (!finished) failure ??= new Error(`a scoring thread stopped unexpectedly (exit code ${code})`);
      signal();
    });
  }

  let sent = 0;
  let written = 0;
  let rowsBefore = 0;
  const long: LongRows = { longRows: 0, firstLongRow: 0 };

  // Writes every result that is next in file order; returns when the next one has not arrived yet.
  const writeReady = async (): Promise<void> => {
    for (let r = results.get(written); r !== undefined; r = results.get(written)) {
      results.delete(written);
      written++;
      if (!r.ok) throw await chunkFailure(r, o.file);
      o.tally.merge(r.scored, r.blank, r.tiers);
      if (r.longRows > 0 && long.longRows === 0) long.firstLongRow = 1 + rowsBefore + r.firstLongRow;
      long.longRows += r.longRows;
      rowsBefore += r.rows;
      const wait = o.writer.writeBytes(r.bytes);
      if (wait !== undefined) await wait;
    }
  };
  // Writes results until fewer than `limit` chunks are out; no await separates the check from the wait.
  const settle = async (limit: number): Promise<void> => {
    for (;;) {
      await writeReady();
      if (sent - written < limit) return;
      if (failure !== undefined) throw failure;
      if (!results.has(written)) await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const send = async (bytes: Uint8Array, last: boolean): Promise<void> => {
    await settle(QUEUED_PER_WORKER * workers.length);
    const copy = ownCopy(bytes);
    workers[sent % workers.length]!.postMessage({ id: sent, bytes: copy, last }, [copy.buffer as ArrayBuffer]);
    sent++;
  };

  try {
    const input = fs.createReadStream(o.file, { start: o.head.dataStart, highWaterMark: chunkBytes });
    let carry: Buffer | undefined;
    for await (const buf of input as AsyncIterable<Buffer>) {
      const data = carry === undefined ? buf : Buffer.concat([carry, buf]);
      const cut = lastRowEnd(data);
      if (cut > 0) await send(data.subarray(0, cut), false);
      carry = cut < data.length ? data.subarray(cut) : undefined;
    }
    // The last row without a line break, or an open quote that CsvParser.end() will report.
    if (carry !== undefined) await send(carry, true);
    await settle(1);
    return long;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A worker's error as the single-threaded path would report it: CSV errors carry their line in the whole file. */
async function chunkFailure(r: Extract<ChunkResult, { ok: false }>, file: string): Promise<Error> {
  if (r.name === 'CsvError') {
    // Rare (an unterminated quote at the end of the file): read the file again to find the line it opened on.
    try {
      for await (const batch of readCsvBatches(fs.createReadStream(file))) void batch;
    } catch (err) {
      if (err instanceof CsvError) return err;
    }
  }
  return new Error(r.message);
}
