// `icp score`: streams a CSV through the engine and writes it back with ICP Score, ICP Tier and ICP Why added.
import { promises as fsp } from 'node:fs';
import { compileModel, duplicateHeaderNote, EngineError, type CompiledProfile, type Model } from '../../engine';
import { flagValue, localeFlag, oneFileArgs, UsageError, type FlagSpec, type OneFileCommand } from '../args';
import { delimiterName, type Delimiter } from '../csv-chars';
import { csvRow, CsvWriter } from '../csv-writer';
import { readCsvBatches, type CsvParser } from '../csv-reader';
import type { InputDecoder, InputEncoding } from '../input-decoder';
import { isUtf16File, readFileHead, scoreFileOnThreads, type LongRows } from '../parallel-score';
import { TierTally } from '../tier-tally';
import { csvFailure, inputName, openInput, quoteSpanWarning } from '../input';
import { CliError, EXIT_OK, fsReason, isBrokenPipe, plural, writeLine, type CliIo } from '../io';
import { loadModel } from '../model-file';
import { openOutput, type Output } from '../output';
import { refuseWritingOverInput } from '../same-file';
import { SCORE_USAGE } from '../usage';
import { addedColumns } from './icp-columns';
import { RowScorer } from '../row-scorer';
import { cpuTimes, defaultThreads, measureCpu, THREADED_MIN_BYTES, type CpuTimes } from '../thread-count';

const FLAGS: FlagSpec = {
  model: { value: true },
  profile: { value: true },
  out: { value: true },
  today: { value: true },
  locale: { value: true },
  threads: { value: true },
  lenient: { value: false },
  help: { value: false },
};

const COMMAND: OneFileCommand = { name: 'score', usage: SCORE_USAGE, spec: FLAGS, needs: 'the CSV file to score (or - for standard input)', takes: 'one CSV file' };

/** `--today 2026-03-01` as local midnight: the engine reads dates as calendar days in local time. */
export function parseToday(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(y, mo - 1, d);
    // Date rolls 2026-02-30 over to March; a date that does not exist is a typo to report, not to guess.
    if (date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d) return date;
  }
  throw new UsageError(`--today needs a date like 2026-03-01, not "${text}"`);
}

/** The profile to score with, compiled against the file's headers; an unknown name is a CliError. */
export function compileProfile(
  model: Model, headers: readonly string[], name: string | undefined, today: Date | undefined, locale?: string,
): CompiledProfile {
  try {
    return compileModel(model, headers, { ...(today === undefined ? {} : { today }), ...(locale === undefined ? {} : { locale }) }).profile(name);
  } catch (err) {
    if (err instanceof EngineError) throw new CliError(err.message);
    throw err;
  }
}

/** One warning line per criterion column the file lacks, naming the criteria that read it; a note per criterion column whose header several columns share. */
export function missingColumnWarnings(profile: CompiledProfile, file: string): string[] {
  const missing = profile.missingColumns.map((column) => {
    const ids = profile.profile.criteria.filter((c) => c.column === column).map((c) => c.id);
    return (
      `icp: warning: ${inputName(file)} has no column "${column}"; ` +
      `${ids.length === 1 ? 'criterion' : 'criteria'} ${ids.join(', ')} will count as unknown on every row`
    );
  });
  // Two columns with a criterion's header: the first is read, and the user is told which (PRODUCT.md, "Columns").
  const duplicated = profile.duplicateColumns.map((d) => `icp: note: ${inputName(file)}: ${duplicateHeaderNote(d)}`);
  return [...missing, ...duplicated];
}

/** Answer in the input's line-ending style, so Windows exports stay CRLF and Unix ones (and old Mac CR) get LF. */
function outputLineEnding(input: string | undefined): string {
  return input === '\r\n' ? '\r\n' : '\n';
}

/** Where the rows come from: a stream parsed here, or a file cut into chunks for worker threads. */
interface RowSource {
  headers: string[] | undefined;
  /** The header row's source text, copied through like the data rows; undefined when it has to be re-quoted. */
  headerRaw: string | undefined;
  lineEnding: string;
  delimiter: Delimiter;
  encoding: InputEncoding;
  /** The input started with a byte order mark (UTF-8's, or UTF-16's): the output, UTF-8, starts with one too. */
  byteOrderMark: boolean;
  /** Scores every data row into `writer`, counting tiers in `tally`. */
  scoreRows(profile: CompiledProfile, writer: CsvWriter, tally: TierTally): Promise<LongRows>;
  close(): Promise<void>;
}

/** Reads and scores on this thread, batch by batch as chunks arrive: any input, standard input included. */
async function streamSource(file: string, io: CliIo, lenient: boolean): Promise<RowSource> {
  const input = await openInput(file, io);
  let parser: CsvParser | undefined;
  let decoder: InputDecoder | undefined;
  const batches = readCsvBatches(input, {
    lenient,
    onParser: (p, d) => {
      parser = p;
      decoder = d;
    },
  });
  const close = async (): Promise<void> => {
    // Stops the reader and closes the file if we stopped early; a finished generator ignores this.
    await batches.return(undefined).catch(() => undefined);
    input.destroy();
  };
  try {
    // readCsvBatches yields the first rows only once their line ending is known, so lineEnding is final here.
    const first = await batches.next();
    const headers = first.done ? undefined : first.value.rows[0];
    return {
      headers,
      headerRaw: first.done ? undefined : first.value.raw[0],
      lineEnding: outputLineEnding(parser?.lineEnding),
      delimiter: parser?.delimiter ?? ',',
      encoding: decoder?.encoding ?? 'utf-8',
      byteOrderMark: (parser?.byteOrderMark ?? false) || (decoder?.encoding ?? 'utf-8') !== 'utf-8',
      async scoreRows(profile, writer, tally) {
        const scorer = new RowScorer(profile, headers!.length, writer, 1, tally);
        if (!first.done) await scorer.scoreBatch(first.value, 1);
        for (;;) {
          const next = await batches.next();
          if (next.done) break;
          await scorer.scoreBatch(next.value);
        }
        return { longRows: scorer.longRows, firstLongRow: scorer.firstLongRow, quoteSpans: parser!.quoteSpans };
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Cuts a file into chunks of whole rows scored on worker threads (see parallel-score.ts). */
async function threadedSource(file: string, threads: number, model: Model, today: Date, locale: string | undefined, lenient: boolean, io: CliIo): Promise<RowSource> {
  // Chunks are cut at line-break bytes, which only works for UTF-8: UTF-16 files, rare and small, get one thread.
  // A missing file or a directory fails here with its system code, which csvFailure words as openInput does.
  if (await isUtf16File(file)) return streamSource(file, io, lenient);
  const head = await readFileHead(file, undefined, undefined, lenient);
  const lineEnding = outputLineEnding(head.lineEnding);
  return {
    headers: head.headers,
    headerRaw: head.headerRaw,
    lineEnding,
    delimiter: head.delimiter,
    encoding: 'utf-8',
    byteOrderMark: head.byteOrderMark,
    scoreRows: (profile, writer, tally) =>
      scoreFileOnThreads({
        file,
        head,
        threads,
        writer,
        tally,
        profile,
        setup: { model, profile: profile.name, headers: head.headers!, today: today.getTime(), locale, lineEnding, delimiter: head.delimiter, lenient },
      }),
    close: async () => {},
  };
}

/** Notes on how the file was read when it is not the usual UTF-8 with commas: the output differs from it as said. */
function readingNotes(source: RowSource, file: string): string[] {
  const notes: string[] = [];
  if (source.encoding !== 'utf-8') {
    notes.push(`icp: note: ${inputName(file)} is ${source.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text; the output is UTF-8`);
  }
  if (source.delimiter !== ',') {
    const name = delimiterName(source.delimiter);
    notes.push(`icp: note: ${inputName(file)} is ${name}-separated; the output is ${name}-separated too`);
  }
  return notes;
}

/** The thread count --threads asks for (checked), undefined without the flag. */
async function threadsFlag(file: string, flag: string | undefined): Promise<number | undefined> {
  if (flag !== undefined) {
    // Digits only: Number() would also take "0x2", "1e1" or " 2".
    const n = /^\d+$/.test(flag) ? Number(flag) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads needs a whole number from 1 to 64, not "${flag}"`);
    if (file === '-' && n > 1) throw new UsageError('--threads above 1 needs a file: standard input is read on one thread');
    // Threads read the file at offsets, which a pipe (`<(zcat accounts.csv.gz)`) cannot do: say so, as for standard input.
    const stat = n > 1 ? await fsp.stat(file).catch(() => undefined) : undefined;
    if (stat !== undefined && !stat.isFile() && !stat.isDirectory()) {
      throw new UsageError(`--threads above 1 needs a regular file: ${file} is a pipe or a device, read on one thread`);
    }
    return n;
  }
  return undefined;
}

/** Without --threads: 1 for standard input or a small file, else as many as the CPUs idle since `since` allow (see thread-count.ts). */
async function defaultThreadsFor(file: string, since: CpuTimes): Promise<number> {
  if (file === '-') return 1;
  const stat = await fsp.stat(file).catch(() => undefined);
  if (stat === undefined || !stat.isFile() || stat.size < THREADED_MIN_BYTES) return 1;
  return defaultThreads(stat.size, await measureCpu(since));
}

export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = oneFileArgs(argv, COMMAND, io.stdout);
  if (parsed === undefined) return EXIT_OK;
  const { args, file } = parsed;
  // The first look at how busy the CPUs are; the second is taken once the model and header row are read.
  const since = cpuTimes();
  // Fixed once, so every thread counts days back from the same today even across midnight.
  const today = parseToday(flagValue(args, 'today')) ?? new Date();
  const locale = localeFlag(args);
  const asked = await threadsFlag(file, flagValue(args, 'threads'));
  // The model is checked before any input is read or output created: its mistakes are the likeliest.
  const model = await loadModel(flagValue(args, 'model'));
  const threads = asked ?? (await defaultThreadsFor(file, since));
  if (process.env.ICP_DEBUG_THREADS === '1') writeLine(io.stderr, `icp: debug: ${threads} thread${threads === 1 ? '' : 's'}`);
  await refuseWritingOverInput({ input: file, model: flagValue(args, 'model'), out: flagValue(args, 'out') }, io);

  let source: RowSource | undefined;
  let output: Output | undefined;
  let committed = false;
  let writer: CsvWriter | undefined;
  try {
    const lenient = args.flags.has('lenient');
    source = threads > 1 ? await threadedSource(file, threads, model, today, locale, lenient, io) : await streamSource(file, io, lenient);
    const headers = source.headers;
    if (headers === undefined) {
      throw new CliError(`${inputName(file)} is empty: its first row must hold the column headers`);
    }
    const profile = compileProfile(model, headers, flagValue(args, 'profile'), today, locale);
    output = await openOutput(flagValue(args, 'out'), io);
    const { delimiter } = source;
    writer = new CsvWriter(output.stream, { lineEnding: source.lineEnding, delimiter });
    const tally = new TierTally(profile.tierLabels);
    const added = addedColumns(headers, inputName(file));
    // The header row is copied through as written, like the data rows, after the input's byte order mark if it had one.
    const bom = source.byteOrderMark ? '\uFEFF' : '';
    const headerLine = source.headerRaw ?? csvRow(headers, delimiter);
    await writer.writeLine(bom + headerLine + delimiter + csvRow(added.headers, delimiter));
    const long = await source.scoreRows(profile, writer, tally);
    await writer.end(output.isFile);
    await output.commit();
    committed = true;
    // Only once the whole file was read and written: a run that fails should print its error alone.
    const notes = [...readingNotes(source, file), ...(added.notice === undefined ? [] : [`icp: note: ${added.notice}`])];
    for (const line of [...notes, ...missingColumnWarnings(profile, file)]) writeLine(io.stderr, line);
    writeLine(io.stderr, `icp: ${tally.summary(profile.name)}`);
    if (long.longRows > 0) {
      writeLine(
        io.stderr,
        `icp: warning: ${plural(long.longRows, 'row has', 'rows have')} more cells than the header row ` +
          `(first: row ${long.firstLongRow}); the extra cells follow the ${added.headers.at(-1) as string} column`,
      );
    }
    const spans = quoteSpanWarning(long.quoteSpans, file);
    if (spans !== undefined) writeLine(io.stderr, spans);
  } catch (err) {
    // The reader of our standard output went away (`icp score big.csv | head`): stop quietly, like other tools.
    if (isBrokenPipe(err) && output?.isFile === false) return EXIT_OK;
    if (err !== undefined && err === writer?.error) {
      const out = flagValue(args, 'out');
      throw new CliError(`cannot write ${out === undefined || out === '-' ? 'standard output' : out}: ${fsReason(err)}`);
    }
    throw csvFailure(err, file);
  } finally {
    if (!committed) await output?.abort();
    await source?.close();
  }

  return EXIT_OK;
}
