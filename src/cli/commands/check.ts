// `icp check`: checks a model file, warns about fields it ignores and, given a CSV, about criteria whose column the file lacks.
import { compileModel, formatIssue, modelWarnings, type Model } from '../../engine';
import { flagValue, oneFileArgs, type FlagSpec, type OneFileCommand } from '../args';
import { inputName, readHeaderRow } from '../input';
import { EXIT_INVALID, EXIT_OK, plural, writeLine, type CliIo } from '../io';
import { issueLines, readModelFile } from '../model-file';
import { CHECK_USAGE } from '../usage';

const FLAGS: FlagSpec = {
  headers: { value: true },
  help: { value: false },
};

const COMMAND: OneFileCommand = { name: 'check', usage: CHECK_USAGE, spec: FLAGS, needs: 'the model file to check', takes: 'one model file' };

/** One warning per criterion whose column is missing from `headers`, naming profile, criterion and column. */
export function missingColumnLines(model: Model, headers: readonly string[], csvName: string): string[] {
  // The engine decides what "the same column" means (case, spaces, punctuation), so ask it instead of guessing.
  const compiled = compileModel(model, headers);
  const lines: string[] = [];
  model.profiles.forEach((profile, i) => {
    const missing = new Set(compiled.profiles[i]?.missingColumns ?? []);
    for (const c of profile.criteria) {
      if (missing.has(c.column)) {
        lines.push(`icp: warning: profile "${profile.name}", criterion "${c.id}": column "${c.column}" is not in ${csvName}`);
      }
    }
  });
  return lines;
}

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = oneFileArgs(argv, COMMAND, io.stdout);
  if (parsed === undefined) return EXIT_OK;
  const { args, file } = parsed;
  const csv = flagValue(args, 'headers');

  const result = await readModelFile(file);
  if (!result.ok) {
    // The report is the command's output, so it goes to standard output like a linter's; the exit code says "invalid".
    writeLine(io.stdout, `${file}: not a valid ICP model (${plural(result.issues.length, 'problem')}):`);
    for (const line of issueLines(result.issues)) writeLine(io.stdout, line);
    return EXIT_INVALID;
  }
  const { model } = result;
  const criteria = model.profiles.reduce((n, p) => n + p.criteria.length, 0);
  writeLine(io.stdout, `${file}: valid (${plural(model.profiles.length, 'profile')}, ${plural(criteria, 'criterion', 'criteria')})`);
  // Still valid: a misspelt optional field or a setting that does nothing is worth knowing, not a reason to fail.
  for (const w of modelWarnings(model)) writeLine(io.stderr, `icp: warning: ${formatIssue(w)}`);

  if (csv !== undefined) {
    const headers = await readHeaderRow(csv, io);
    const warnings = missingColumnLines(model, headers, inputName(csv));
    for (const line of warnings) writeLine(io.stderr, line);
    if (warnings.length === 0) writeLine(io.stdout, `${inputName(csv)}: every criterion's column is present`);
  }
  return EXIT_OK;
}
