// `icp draft`: reads a CSV of deals with an outcome column and drafts a whole ICP model from it, with each criterion's evidence.
import { draftModel, type DraftResult } from '../../engine/outcomes/draft/draft';
import { draftCriteriaTable, draftNotes, draftTierTable } from '../../engine/outcomes/draft/tables';
import { findColumn } from '../../engine';
import { UsageError, flagValue, localeFlag, oneFileArgs, type FlagSpec, type OneFileCommand } from '../args';
import { readCsvBatches } from '../csv-reader';
import { csvFailure, inputName, openInput } from '../input';
import { CliError, EXIT_INVALID, EXIT_OK, writeLine, type CliIo } from '../io';
import { writeJsonFile } from '../json-file';
import { textTable } from '../outcome-report';
import { writesOverInput } from '../same-file';
import { DRAFT_USAGE } from '../usage';
import { parseToday } from './score';

const FLAGS: FlagSpec = {
  outcome: { value: true },
  out: { value: true },
  'max-criteria': { value: true },
  today: { value: true },
  'profile-name': { value: true },
  locale: { value: true },
  json: { value: false },
  help: { value: false },
};

const COMMAND: OneFileCommand = { name: 'draft', usage: DRAFT_USAGE, spec: FLAGS, needs: 'the CSV file of deals with outcomes (or - for standard input)', takes: 'one CSV file' };

function maxCriteria(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 50) throw new UsageError(`--max-criteria needs a whole number from 1 to 50, not "${text}"`);
  return n;
}

/** The whole CSV in memory: the fit needs every closed deal at once. */
async function readAll(file: string, io: CliIo): Promise<{ headers: string[]; rows: string[][] }> {
  const input = await openInput(file, io);
  try {
    let headers: string[] | undefined;
    const rows: string[][] = [];
    for await (const batch of readCsvBatches(input)) {
      let batchRows = batch.rows;
      if (headers === undefined) {
        headers = batchRows[0]!;
        batchRows = batchRows.slice(1);
      }
      for (const r of batchRows) rows.push(r);
    }
    if (headers === undefined) throw new CliError(`${inputName(file)} is empty: its first row must hold the column headers`);
    return { headers, rows };
  } catch (err) {
    throw csvFailure(err, file);
  } finally {
    input.destroy();
  }
}

/** The report, line by line. */
export function draftReport(r: DraftResult, source: string): string[] {
  const lines = [`Draft from ${source}, outcomes from column "${r.outcomeColumn}".`, r.message];
  if (r.criteria.length > 0) {
    const odds = r.recipe === 'sparse' ? 'fitted odds of winning with the others held fixed' : 'odds of winning on its own';
    lines.push('', `Criteria: points drafted, win rate of closed deals where each matched and where it did not, ${odds}`);
    lines.push(...textTable(draftCriteriaTable(r), true));
  }
  if (r.model !== null) lines.push('', 'Tiers (cut at the scores\' quantiles)', ...textTable(draftTierTable(r)));
  const notes = draftNotes(r);
  if (notes.length > 0) lines.push('', ...notes);
  return lines;
}

export async function draftCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = oneFileArgs(argv, COMMAND, io.stdout);
  if (parsed === undefined) return EXIT_OK;
  const { args, file } = parsed;
  const today = parseToday(flagValue(args, 'today')) ?? new Date();
  const max = maxCriteria(flagValue(args, 'max-criteria'));
  const locale = localeFlag(args);
  const out = flagValue(args, 'out');
  if (out !== undefined && out !== '-' && (await writesOverInput(out, file, io))) {
    throw new CliError(`--out ${out} is the file being drafted from; write the model to another file`);
  }
  const { headers, rows } = await readAll(file, io);
  const wanted = flagValue(args, 'outcome');
  if (wanted !== undefined && findColumn(headers, wanted) === null) throw new CliError(`${inputName(file)} has no column "${wanted}"`);
  const profileName = flagValue(args, 'profile-name');
  const r = draftModel(headers, rows, {
    outcomeColumn: wanted ?? null, today, ...(max === undefined ? {} : { maxCriteria: max }), ...(profileName === undefined ? {} : { profileName }),
    ...(locale === undefined ? {} : { locale }),
    source: inputName(file),
  });
  // With --out -, standard output carries the model alone (for a pipe) and the report goes to standard error.
  const report = out === '-' ? io.stderr : io.stdout;
  if (args.flags.has('json')) writeLine(report, JSON.stringify(r, null, 2));
  else for (const line of draftReport(r, inputName(file))) writeLine(report, line);
  if (r.model === null) {
    if (out !== undefined) writeLine(io.stderr, `icp: nothing drafted, so ${out === '-' ? 'no model was printed' : `${out} was not written`}`);
    return EXIT_INVALID;
  }
  if (out === '-') writeLine(io.stdout, JSON.stringify(r.model, null, 2));
  else if (out !== undefined) {
    await writeJsonFile(out, r.model, io);
    writeLine(io.stderr, `icp: wrote ${out}: the drafted model ("${r.model.profiles[0]!.name}"); review it, then import it in the sidebar or score with it`);
  }
  return EXIT_OK;
}
