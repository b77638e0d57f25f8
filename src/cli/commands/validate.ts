// `icp validate`: reads a CSV with an outcome column and reports how well the model's tiers and criteria predict winning.
import {
  changedPoints, findColumn, formatIssue, OUTCOME_WORDS_HINT, PICKED_OUTCOME_HEADERS, OutcomeTally, preferredOutcomeColumn,
  checkModel, withSuggestedPoints, type CompiledProfile, type Model, type OutcomeStats,
} from '../../engine';
import {
  ACCOUNT_HEADERS, columnByName, columnNamed, DEAL_HEADERS, detectOutcomeColumn, detectValueColumn, findOutcomeColumn, outcomeCandidateColumns,
  outcomeSource, type OutcomeColumn,
} from '../../engine/outcomes/column';
import type { OutcomeOptions } from '../../engine/outcomes/stats';
import { isDecimalCommaLocale } from '../../engine/read/locale';
import { flagValue, localeFlag, oneFileArgs, type FlagSpec, type OneFileCommand, type ParsedArgs } from '../args';
import { readCsvBatches, type CsvParser } from '../csv-reader';
import { csvFailure, inputName, openInput, quoteSpanWarning } from '../input';
import { CliError, EXIT_OK, plural, writeLine, type CliIo } from '../io';
import { loadModel } from '../model-file';
import { outcomeReport } from '../outcome-report';
import { writeJsonFile } from '../json-file';
import { writesOverInput } from '../same-file';
import { VALIDATE_USAGE } from '../usage';
import { compileProfile, missingColumnWarnings, parseToday } from './score';

const FLAGS: FlagSpec = {
  model: { value: true },
  profile: { value: true },
  outcome: { value: true },
  account: { value: true },
  value: { value: true },
  today: { value: true },
  locale: { value: true },
  json: { value: false },
  'suggested-model': { value: true },
  lenient: { value: false },
  help: { value: false },
};

const COMMAND: OneFileCommand = { name: 'validate', usage: VALIDATE_USAGE, spec: FLAGS, needs: 'the CSV file of accounts with outcomes (or - for standard input)', takes: 'one CSV file' };

/** Data rows looked at to choose the outcome column, as the add-on does from the sheet (the first batches; memory stays bounded). */
const DETECT_ROWS = 1000;

/** --outcome (or --account, --value), checked against the header row before any data row is read; undefined without the flag. */
function wantedOutcomeName(headers: readonly string[], wanted: string | undefined, file: string): string | undefined {
  if (wanted !== undefined && findColumn(headers, wanted) === null) throw new CliError(`${inputName(file)} has no column "${wanted}"`);
  return wanted;
}

/**
 * The account and value columns: --account / --value when given (`none` turns one off), else found by header as the
 * add-on finds them (ACCOUNT_HEADERS; VALUE_HEADERS whose first rows read as numbers); never the outcome column.
 */
function extraColumns(headers: readonly string[], rows: readonly (readonly string[])[], args: ParsedArgs, outcome: number, decimalComma: boolean): OutcomeOptions {
  const pick = (flag: string, detect: () => OutcomeOptions['account']): OutcomeOptions['account'] => {
    const wanted = flagValue(args, flag);
    if (wanted === undefined) return detect();
    if (wanted.trim().toLowerCase() === 'none') return null;
    return columnByName(headers, wanted);
  };
  const account = pick('account', () => columnNamed(headers, ACCOUNT_HEADERS, [outcome]));
  const value = pick('value', () => detectValueColumn(headers, rows, decimalComma, [outcome]));
  return { account, value, decimalComma, dealRows: columnNamed(headers, DEAL_HEADERS) !== null };
}

/**
 * The column to read, by position, chosen from the first rows as the add-on chooses it: the one `wanted` names (of
 * columns sharing the name, the one whose cells read as outcomes); without --outcome, a column named like an outcome
 * column among those that hold outcomes, else the one with most outcomes (so a funding `Stage` column is not read
 * instead of `Deal Stage`), else the first header named like one (its cells then read as no outcome, and a warning says so).
 */
function outcomeColumnOf(headers: readonly string[], rows: readonly (readonly string[])[], wanted: string | undefined, file: string): OutcomeColumn {
  const candidates = outcomeCandidateColumns(headers, rows);
  // wantedOutcomeName checked that some header has the name.
  if (wanted !== undefined) return findOutcomeColumn(headers, candidates, wanted)!;
  const detected = detectOutcomeColumn(candidates);
  if (detected !== null) return detected;
  const name = preferredOutcomeColumn(headers);
  if (name === null) {
    throw new CliError(
      `${inputName(file)} has no outcome column: name one with --outcome (looked for ${PICKED_OUTCOME_HEADERS.map((h) => `"${h}"`).join(', ')})`,
    );
  }
  return findOutcomeColumn(headers, candidates, name)!;
}

/** Reads the whole CSV batch by batch into an OutcomeTally: memory grows with closed deals only (one score each). */
async function tallyFile(file: string, io: CliIo, args: ParsedArgs, model: Model, today: Date) {
  const input = await openInput(file, io);
  try {
    let parser: CsvParser | undefined;
    const batches = readCsvBatches(input, { lenient: args.flags.has('lenient'), onParser: (p) => (parser = p) });
    let start: { headers: string[]; wanted: string | undefined; profile: CompiledProfile } | undefined;
    // The first data rows wait here until the outcome column is chosen from them (see outcomeColumnOf).
    let pending: string[][] = [];
    let tally: OutcomeTally | undefined;
    let column = '';
    // Printed once the whole file was read: a run that fails should print its error alone.
    let warnings: string[] = [];
    const begin = (): OutcomeTally => {
      const { headers, wanted, profile } = start!;
      const found = outcomeColumnOf(headers, pending, wanted, file);
      column = found.header;
      const locale = localeFlag(args);
      const extra = extraColumns(headers, pending, args, found.index, isDecimalCommaLocale(locale));
      const t = new OutcomeTally(profile, outcomeSource(found, headers, pending), extra);
      t.add(pending);
      pending = [];
      return t;
    };
    for await (const batch of batches) {
      let rows = batch.rows;
      if (start === undefined) {
        const headers = rows[0]!;
        // Errors in the header row or the model come first, before any data row is read.
        const wanted = wantedOutcomeName(headers, flagValue(args, 'outcome'), file);
        for (const flag of ['account', 'value']) {
          const name = flagValue(args, flag);
          if (name !== undefined && name.trim().toLowerCase() !== 'none') wantedOutcomeName(headers, name, file);
        }
        const profile = compileProfile(model, headers, flagValue(args, 'profile'), today, localeFlag(args));
        warnings = missingColumnWarnings(profile, file);
        start = { headers, wanted, profile };
        rows = rows.slice(1);
      }
      if (tally !== undefined) {
        tally.add(rows);
        continue;
      }
      pending = pending.concat(rows);
      if (pending.length >= DETECT_ROWS) tally = begin();
    }
    if (start === undefined) {
      throw new CliError(`${inputName(file)} is empty: its first row must hold the column headers`);
    }
    tally ??= begin();
    const spans = parser === undefined ? undefined : quoteSpanWarning(parser.quoteSpans, file);
    return { stats: tally.stats(), column, warnings: spans === undefined ? warnings : [...warnings, spans] };
  } catch (err) {
    throw csvFailure(err, file);
  } finally {
    input.destroy();
  }
}

/**
 * Refuses, before any work, a --suggested-model that is the CSV being validated (by name, link or standard input): the
 * deals would be replaced by a model. Writing over the model file itself is allowed: applying the suggestions in place
 * is a choice a user can make.
 */
async function refuseSuggestedOverInput(target: string, input: string, io: CliIo): Promise<void> {
  if (await writesOverInput(target, input, io)) {
    throw new CliError(`--suggested-model ${target} is the file being validated; write the model to another file`);
  }
}

/** Writes the model with the suggested points to `path` (replacing it), after checking it is still a valid model. */
async function writeSuggestedModel(path: string, model: Model, stats: OutcomeStats, io: CliIo): Promise<void> {
  if (!stats.suggestion.usable) {
    writeLine(io.stderr, `icp: ${path} not written: ${stats.suggestion.note}`);
    return;
  }
  const suggested = withSuggestedPoints(model, stats.profile, stats.suggestion);
  if (suggested === null) throw new CliError(`the model has no profile "${stats.profile}"`);
  const check = checkModel(suggested);
  // Suggestions are whole numbers on valid criteria, so this holds; if it ever did not, writing would lose the user's model.
  if (!check.ok) throw new CliError(`the model with the suggested points is not valid: ${check.issues.map(formatIssue).join('; ')}`);
  // Through a temporary file renamed into place, like icp score's --out: a failed or interrupted write never leaves
  // half a model where the user's file was.
  await writeJsonFile(path, suggested, io);
  const changed = changedPoints(stats.suggestion);
  writeLine(io.stderr, `icp: wrote ${path}: "${stats.profile}" with suggested points and weights (${plural(changed, 'change', 'changes')})`);
}

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = oneFileArgs(argv, COMMAND, io.stdout);
  if (parsed === undefined) return EXIT_OK;
  const { args, file } = parsed;
  const today = parseToday(flagValue(args, 'today')) ?? new Date();
  localeFlag(args); // a mistyped --locale is refused before the file is read
  const model = await loadModel(flagValue(args, 'model'));
  const target = flagValue(args, 'suggested-model');
  if (target !== undefined) await refuseSuggestedOverInput(target, file, io);

  const { stats, column, warnings } = await tallyFile(file, io, args, model, today);
  for (const line of warnings) writeLine(io.stderr, line);
  if (args.flags.has('json')) {
    writeLine(io.stdout, JSON.stringify({ outcomeColumn: column, ...stats }, null, 2));
  } else {
    for (const line of outcomeReport(stats, inputName(file), column)) writeLine(io.stdout, line);
  }
  if (stats.closed === 0) {
    writeLine(io.stderr, `icp: warning: no cell of column "${column}" says ${OUTCOME_WORDS_HINT}`);
  }
  if (target !== undefined) await writeSuggestedModel(target, model, stats, io);
  return EXIT_OK;
}
