// `icp score` on worker threads: the main thread cuts the file into chunks of whole rows, workers score them,
// and the main thread writes their output in file order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { detectDelimiter, type Delimiter } from './csv-chars';
import { CsvError, CsvParser, HEADER_SCAN_LIMIT, MAX_ROW_LENGTH, NotUtf8Error, pushBytes, readCsvBatches, type QuoteSpans } from './csv-reader';
import { encodingOf, InputDecoder, unreadEncodingOf } from './input-decoder';
import type { CsvWriter } from './csv-writer';
import { firstRowEnd, lastRowEnd } from './row-boundaries';
import type { CompiledProfile } from '../engine';
import { scoreChunk } from './score-chunk';
import { WORKER_READY, type ChunkResult, type WorkerMessage, type WorkerSetup } from './score-worker-protocol';
import { TierTally } from './tier-tally';

/**
 * What a worker runs first. Shipped, this module is bundled in dist-cli/ beside score-worker.js (tools/build/cli.ts).
 * Run from the TypeScript sources (the tests, the playground), workers are plain threads without tsx's loader: they
 * register it, then load score-worker.ts. Both by absolute path: an eval'd worker resolves modules from the current
 * directory, which may be anywhere.
 */
function workerBoot(): string {
  const bundled = path.join(__dirname, 'score-worker.js');
  if (fs.existsSync(bundled)) return `require(${JSON.stringify(bundled)});`;
  return `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(__dirname, 'score-worker.ts'))});`;
}

/**
 * Bytes read per chunk sent to a worker: large enough that a message per chunk costs nothing, small enough that
 * a chunk's strings and rows die young. Measured on 1M rows with 2 workers: 1 MB chunks needed a 32 MB young
 * generation to be as fast and then peaked at 310 MB; 256 KB chunks peak lower (see youngGenerationMb).
 */
export const CHUNK_BYTES = 256 * 1024;
/** The young generations of all workers together, in MB: what the workers add to the process's memory. */
const YOUNG_GENERATION_BUDGET_MB = 64;
/** No worker needs more: the size measured fastest below. */
const MAX_YOUNG_GENERATION_MB = 32;
// The old generation's cap is a ceiling that chunks under MAIN_THREAD_MIN_BYTES stay well under.
const MAX_OLD_GENERATION_MB = 128;

/**
 * Each worker's young generation: the budget shared out, from 8 to 32 MB. Why a budget: with a young generation too
 * small for a chunk's strings and rows, the collector copies them out of it again and again. Measured on 1M rows with
 * 2 workers (256 KB chunks): 8 MB each took 7.5-8.2 s of wall time, 12-13 s of CPU and peaked at 194 MB; 32 MB each
 * took 5.4-6.0 s, 8.7-9.7 s of CPU and peaked at 260-266 MB (16 and 24 MB were no faster than 8). Sharing a fixed
 * budget keeps the peak from growing with the number of cores.
 */
export function youngGenerationMb(workers: number): number {
  return Math.max(8, Math.min(MAX_YOUNG_GENERATION_MB, Math.floor(YOUNG_GENERATION_BUDGET_MB / Math.max(1, workers))));
}
/**
 * Chunks of this size or more (only a row longer than a chunk makes them) are scored on the main thread: a worker's
 * heap is capped. What a row costs is its cells more than its bytes: a row of 7 MB holding 3.5 million cells (`,x`)
 * needs over 128 MB as arrays of strings, so 8 MB was too high; under 1 MB, half a million cells at most, it is some 40 MB.
 */
const MAIN_THREAD_MIN_BYTES = 1024 * 1024;
/** Chunks queued per worker: one being scored and one waiting keeps a worker busy with bounded memory. */
const QUEUED_PER_WORKER = 2;

/** The header row of a file and where its data rows start. */
export interface FileHead {
  headers: string[] | undefined;
  /** The header row's source text, to copy through (undefined when it is not plain RFC 4180). */
  headerRaw: string | undefined;
  lineEnding: '\n' | '\r\n' | '\r';
  delimiter: Delimiter;
  /** The file starts with a UTF-8 byte order mark. */
  byteOrderMark: boolean;
  /** Byte offset of the first data row. */
  dataStart: number;
  /** The header row, read leniently, is one a quote spanning lines left malformed (QuoteSpanError). */
  quoteSpans: QuoteSpans;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * True when the file starts with a byte order mark other than UTF-8's: UTF-16 is read on one thread (see InputDecoder),
 * and the one-thread reader is also the one that refuses an encoding we do not read (UTF-32...) by name.
 */
export async function isUtf16File(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    const bytes = head.subarray(0, bytesRead);
    return unreadEncodingOf(bytes) !== undefined || encodingOf(bytes) !== 'utf-8';
  } finally {
    await handle.close();
  }
}

/** Reads the header row of a UTF-8 CSV file (growing the read until the row ends) without reading further. */
export async function readFileHead(file: string, chunkBytes = CHUNK_BYTES, maxRowLength = MAX_ROW_LENGTH, lenient = false): Promise<FileHead> {
  const handle = await fs.promises.open(file, 'r');
  try {
    let bytes: Buffer = Buffer.alloc(0);
    let eof = false;
    const bom = (b: Buffer): number => (b.length >= 3 && BOM.every((x, i) => b[i] === x) ? 3 : 0);
    let end = 0;
    let delimiter: Delimiter | undefined;
    while (!eof) {
      // A header row this long is an unterminated quote: the one-thread reader says so, with its line.
      if (bytes.length > maxRowLength) throw await firstReadError(file, maxRowLength);
      const more = Buffer.alloc(chunkBytes);
      const { bytesRead } = await handle.read(more, 0, chunkBytes, bytes.length);
      eof = bytesRead < chunkBytes;
      bytes = Buffer.concat([bytes, more.subarray(0, bytesRead)]);
      const skip = bom(bytes);
      // Only ASCII matters to where the row ends, so a lossy decoding is good enough to tell the delimiter; and as
      // CsvParser does, a header row that goes on and on (an open quote) is judged by its start.
      const long = bytes.length - skip > HEADER_SCAN_LIMIT;
      delimiter ??= detectDelimiter(bytes.subarray(skip, skip + HEADER_SCAN_LIMIT + 1).toString('utf8'), eof || long);
      const cut = delimiter === undefined ? 0 : firstRowEnd(bytes.subarray(skip), delimiter.charCodeAt(0));
      if (cut > 0) {
        end = skip + cut;
        break;
      }
      end = bytes.length;
    }
    const parser = new CsvParser({ delimiter: delimiter ?? ',', maxRowLength, lenient });
    const decoder = new InputDecoder();
    const rows = pushBytes(parser, decoder, bytes.subarray(0, end));
    const raw = parser.lastRaw;
    rows.push(...pushBytes(parser, decoder, undefined));
    raw.push(...parser.lastRaw);
    rows.push(...parser.end());
    raw.push(...parser.lastRaw);
    return {
      headers: rows[0],
      headerRaw: raw[0],
      lineEnding: parser.lineEnding,
      delimiter: parser.delimiter,
      byteOrderMark: parser.byteOrderMark,
      dataStart: end,
      quoteSpans: parser.quoteSpans,
    };
  } finally {
    await handle.close();
  }
}

export interface ThreadedScoreOptions {
  file: string;
  head: FileHead;
  setup: WorkerSetup;
  /** The profile the workers compile from `setup`, for chunks scored on the main thread. */
  profile: CompiledProfile;
  threads: number;
  writer: CsvWriter;
  tally: TierTally;
  chunkBytes?: number;
  /** The longest row in bytes the main thread gathers for a worker; V8's string limit unless a test lowers it. */
  maxRowLength?: number;
}

/** Rows with more cells than the header row: how many, and the first one's row number (header = 1); and the rows --lenient read as they are. */
export interface LongRows {
  longRows: number;
  firstLongRow: number;
  quoteSpans: QuoteSpans;
}

/**
 * Scores the data rows of `file` on `threads` worker threads and writes them, in file order, to `writer`.
 * Rows come out byte for byte as the single-threaded path writes them: both use CsvParser and RowScorer.
 */
export async function scoreFileOnThreads(o: ThreadedScoreOptions): Promise<LongRows> {
  const chunkBytes = o.chunkBytes ?? CHUNK_BYTES;
  const maxRowLength = o.maxRowLength ?? MAX_ROW_LENGTH;
  const delimiter = o.head.delimiter.charCodeAt(0);
  const input = await fs.promises.open(o.file, 'r');
  let size: number;
  try {
    size = (await input.stat()).size;
  } catch (err) {
    await input.close();
    throw err;
  }
  // The main thread scores too, so `threads` is this thread and threads - 1 workers. No more workers than chunks to
  // score: each costs a V8 instance (some 20-40 MB and a few hundred ms to start), so `--threads 64` on a file of a few
  // chunks must not start 64 of them.
  const chunks = Math.ceil((size - o.head.dataStart) / chunkBytes);
  const count = Math.max(1, Math.min(o.threads - 1, chunks));
  const resourceLimits = { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB, maxYoungGenerationSizeMb: youngGenerationMb(count) };
  const workers = Array.from({ length: count }, () => new Worker(workerBoot(), { eval: true, workerData: o.setup, resourceLimits }));
  /** Chunks sent to each worker and not yet answered; a worker still starting counts as full until it says it is ready. */
  const pending = workers.map(() => QUEUED_PER_WORKER);
  const results = new Map<number, ChunkResult>();
  let failure: unknown;
  let finished = false;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  workers.forEach((worker, w) => {
    worker.on('message', (r: WorkerMessage) => {
      // A worker takes a few hundred ms to start (more on a busy machine): chunks go to it only once it has.
      if (r === WORKER_READY) pending[w] = 0;
      else {
        pending[w]!--;
        results.set(r.id, r);
      }
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
  });

  let sent = 0;
  let written = 0;
  let rowsBefore = 0;
  const long: LongRows = { longRows: 0, firstLongRow: 0, quoteSpans: { ...o.head.quoteSpans } };

  // Writes every result that is next in file order; returns when the next one has not arrived yet.
  const writeReady = async (): Promise<void> => {
    for (let r = results.get(written); r !== undefined; r = results.get(written)) {
      results.delete(written);
      written++;
      if (!r.ok) throw await chunkFailure(r, o.file, maxRowLength);
      o.tally.merge(r.scored, r.blank, r.tiers);
      if (r.longRows > 0 && long.longRows === 0) long.firstLongRow = 1 + rowsBefore + r.firstLongRow;
      long.longRows += r.longRows;
      long.quoteSpans.count += r.quoteSpans;
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
  /** The worker with the fewest chunks in hand, if it has room for one more; undefined when all are busy. */
  const idleWorker = (): number | undefined => {
    let best = 0;
    for (let w = 1; w < workers.length; w++) if (pending[w]! < pending[best]!) best = w;
    return pending[best]! < QUEUED_PER_WORKER ? best : undefined;
  };
  // A chunk goes to a worker with room for it, else is scored here: when the machine is busy and the workers get
  // little CPU, this thread does the work itself instead of waiting, so threads cost little where they cannot help.
  // `bytes` is a view of an ArrayBuffer nothing else uses: it is handed over to the worker, not copied.
  const send = async (bytes: Uint8Array, last: boolean): Promise<void> => {
    await settle(QUEUED_PER_WORKER * (workers.length + 1));
    const chunk = { id: sent, bytes, last };
    // A chunk of MAIN_THREAD_MIN_BYTES is a row of many megabytes: scored here, where the heap is not capped like a worker's.
    const w = bytes.length >= MAIN_THREAD_MIN_BYTES ? undefined : idleWorker();
    if (w === undefined) {
      results.set(sent, scoreChunk(o.profile, o.head.headers!.length, o.setup, chunk));
    } else {
      pending[w]!++;
      workers[w]!.postMessage(chunk, [bytes.buffer as ArrayBuffer]);
    }
    sent++;
  };

  try {
    let position = o.head.dataStart;
    // The start of a row cut by the end of the previous read, copied to the front of the next one.
    let carry = new Uint8Array(0);
    for (;;) {
      // Reading at least as much as is carried keeps a row of many megabytes linear rather than quadratic.
      const size = Math.max(chunkBytes, carry.length);
      const buf = new Uint8Array(carry.length + size);
      buf.set(carry, 0);
      const { bytesRead } = await input.read(buf, carry.length, size, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const filled = carry.length + bytesRead;
      const cut = lastRowEnd(buf.subarray(0, filled), delimiter);
      carry = buf.slice(cut, filled);
      // A row that will not fit in a string (an unterminated quote, nearly always): the one-thread reader reports it.
      if (carry.length > maxRowLength) throw await firstReadError(o.file, maxRowLength);
      if (cut > 0) await send(buf.subarray(0, cut), false);
    }
    // The last row without a line break, or an open quote that CsvParser.end() will report.
    if (carry.length > 0) await send(carry, true);
    await settle(1);
    // Workers count the rows --lenient read as they are, but know no line numbers: the first one's are found by
    // reading the file again on one thread (rare: only a file with such a row pays for it).
    if (long.quoteSpans.count > 0 && long.quoteSpans.startLine === 0) {
      const first = await firstQuoteSpan(o.file, maxRowLength);
      long.quoteSpans.startLine = first.startLine;
      long.quoteSpans.endLine = first.endLine;
    }
    return long;
  } finally {
    finished = true;
    await input.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The lines of the first row a quote spanning lines left malformed, reading the file leniently on one thread. */
async function firstQuoteSpan(file: string, maxRowLength: number): Promise<QuoteSpans> {
  let parser: CsvParser | undefined;
  for await (const batch of readCsvBatches(fs.createReadStream(file), { maxRowLength, lenient: true, onParser: (p) => (parser = p) })) {
    void batch;
    if (parser!.quoteSpans.count > 0) break;
  }
  return { ...parser!.quoteSpans };
}

/** Errors a worker reports that depend on where in the file they are: the main thread reads the file to place them. */
const FILE_ERRORS = new Set(['CsvError', 'NotUtf8Error']);

/** A worker's error as the single-threaded path would report it: CSV errors carry their line in the whole file. */
async function chunkFailure(r: Extract<ChunkResult, { ok: false }>, file: string, maxRowLength: number): Promise<Error> {
  // Rare (an unterminated quote at the end of the file, a byte that is not UTF-8): read the file again to find its line.
  if (FILE_ERRORS.has(r.name)) return firstReadError(file, maxRowLength, new Error(r.message));
  return new Error(r.message);
}

/**
 * The error reading `file` on one thread stops at (a CsvError or NotUtf8Error), so every thread count reports a
 * broken file alike; `otherwise` (or a CsvError) when that reading succeeds.
 */
async function firstReadError(file: string, maxRowLength: number, otherwise?: Error): Promise<Error> {
  try {
    for await (const batch of readCsvBatches(fs.createReadStream(file), { maxRowLength })) void batch;
  } catch (err) {
    if (err instanceof CsvError || err instanceof NotUtf8Error) return err;
  }
  return otherwise ?? new CsvError(`a row is too long to read on several threads; try --threads 1`, 0);
}
