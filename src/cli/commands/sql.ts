// `icp sql`: prints the SELECT that scores a BigQuery or DuckDB table with a model's profile (src/engine/sql/).
import { generateSql, SqlModelError, type DialectName } from '../../engine/sql';
import { flagValue, localeFlag, parseArgs, UsageError, type FlagSpec } from '../args';
import { readHeaderRow } from '../input';
import { CliError, EXIT_OK, type CliIo } from '../io';
import { loadModel } from '../model-file';
import { SQL_USAGE } from '../usage';

const FLAGS: FlagSpec = {
  model: { value: true },
  dialect: { value: true },
  table: { value: true },
  headers: { value: true },
  profile: { value: true },
  today: { value: true },
  locale: { value: true },
  help: { value: false },
};

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined) throw new UsageError(`sql needs --${flag} ${what}`);
  return value;
}

export async function sqlCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    io.stdout.write(SQL_USAGE);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) throw new UsageError(`sql takes no file; unexpected: ${args.positionals.join(' ')}`);
  const modelPath = required(flagValue(args, 'model'), 'model', 'model.json');
  const dialect = required(flagValue(args, 'dialect'), 'dialect', 'bigquery or duckdb');
  if (dialect !== 'bigquery' && dialect !== 'duckdb') throw new UsageError(`--dialect must be bigquery or duckdb, not "${dialect}"`);
  const table = required(flagValue(args, 'table'), 'table', 'TABLE (project.dataset.table, schema.table or table)');
  const today = flagValue(args, 'today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today needs a date like 2026-03-01, not "${today}"`);
  const locale = localeFlag(args);
  const headersPath = flagValue(args, 'headers');
  const model = await loadModel(modelPath);
  const headers = headersPath === undefined ? undefined : await readHeaderRow(headersPath, io);
  let sql: string;
  try {
    sql = generateSql(model, { dialect: dialect as DialectName, table, headers, profile: flagValue(args, 'profile'), today, locale });
  } catch (err) {
    if (err instanceof SqlModelError) throw new CliError(err.message);
    throw err;
  }
  io.stdout.write(sql);
  return EXIT_OK;
}
