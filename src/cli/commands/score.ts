// `icp score`: streams a CSV through the engine and writes it back with ICP Score, ICP Tier and ICP Why added.
import { compileModel, EngineError, type CompiledProfile, type Model } from '../../engine';
import { flagValue, parseArgs, UsageError, type FlagSpec } from '../args';
import { CsvWriter } from '../csv-writer';
import { readCsvBatches, type CsvParser } from '../csv-reader';
import { csvFailure, inputName, openInput } from '../input';
import { CliError, EXIT_OK, fsReason, plural, writeLine, type CliIo } from '../io';
import { loadModel } from '../model-file';
import { openOutput, type Output } from '../output';
import { SCORE_USAGE } from '../usage';
import { ICP_COLUMNS, RowScorer } from './score-rows';

const FLAGS: FlagSpec = {
  model: { value: true },
  profile: { value: true },
  out: { value: true },
  today: { value: true },
  help: { value: false },
};

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
function compileProfile(model: Model, headers: readonly string[], name: string | undefined, today: Date | undefined): CompiledProfile {
  try {
    return compileModel(model, headers, today === undefined ? {} : { today }).profile(name);
  } catch (err) {
    if (err instanceof EngineError) throw new CliError(err.message);
    throw err;
  }
}

/** One warning line per criterion column the file lacks, naming the criteria that read it. */
function missingColumnWarnings(profile: CompiledProfile, file: string): string[] {
  return profile.missingColumns.map((column) => {
    const ids = profile.profile.criteria.filter((c) => c.column === column).map((c) => c.id);
    return (
      `icp: warning: ${inputName(file)} has no column "${column}"; ` +
      `${ids.length === 1 ? 'criterion' : 'criteria'} ${ids.join(', ')} will count as unknown on every row`
    );
  });
}

function isBrokenPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    io.stdout.write(SCORE_USAGE);
    return EXIT_OK;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('score needs the CSV file to score (or - for standard input)');
  if (extra.length > 0) throw new UsageError(`score takes one CSV file; unexpected: ${extra.join(' ')}`);
  const today = parseToday(flagValue(args, 'today'));
  // The model is checked before any input is read or output created: its mistakes are the likeliest.
  const model = await loadModel(flagValue(args, 'model'));

  const input = await openInput(file, io);
  let parser: CsvParser | undefined;
  const batches = readCsvBatches(input, { onParser: (p) => (parser = p) });
  let output: Output | undefined;
  let committed = false;
  let writer: CsvWriter | undefined;
  try {
    const first = await batches.next();
    const headers = first.done ? undefined : first.value.rows[0];
    if (first.done || headers === undefined) {
      throw new CliError(`${inputName(file)} is empty: its first row must hold the column headers`);
    }
    const profile = compileProfile(model, headers, flagValue(args, 'profile'), today);
    output = await openOutput(flagValue(args, 'out'), io);
    // After the output opened: a run that cannot write anything should print its error alone.
    for (const line of missingColumnWarnings(profile, file)) writeLine(io.stderr, line);
    // Answer in the input's line-ending style, so Windows exports stay CRLF and Unix ones LF.
    writer = new CsvWriter(output.stream, { lineEnding: parser?.lineEnding === '\r\n' ? '\r\n' : '\n' });
    const scorer = new RowScorer(profile, headers.length, writer);
    await writer.writeRow([...headers, ...ICP_COLUMNS]);
    await scorer.scoreBatch(first.value, 1);
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      await scorer.scoreBatch(next.value);
    }
    await writer.end(output.isFile);
    await output.commit();
    committed = true;
    writeLine(io.stderr, `icp: ${scorer.tally.summary(scorer.profileName)}`);
    if (scorer.longRows > 0) {
      writeLine(
        io.stderr,
        `icp: warning: ${plural(scorer.longRows, 'row has', 'rows have')} more cells than the header row ` +
          `(first: row ${scorer.firstLongRow}); the extra cells follow the ICP Why column`,
      );
    }
  } catch (err) {
    // The reader of our standard output went away (`icp score big.csv | head`): stop quietly, like other tools.
    if (isBrokenPipe(err) && output?.isFile === false) return EXIT_OK;
    if (err !== undefined && err === writer?.error) {
      throw new CliError(`cannot write ${flagValue(args, 'out') ?? 'standard output'}: ${fsReason(err)}`);
    }
    throw csvFailure(err, file);
  } finally {
    if (!committed) await output?.abort();
    // Stops the reader and closes the file if we stopped early; a finished generator ignores this.
    await batches.return(undefined).catch(() => undefined);
    input.destroy();
  }

  return EXIT_OK;
}
