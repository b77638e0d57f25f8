// Test helper: an in-process DuckDB holding all-text tables, and the engine's results for the same rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compileModel, type Model } from '../../src/engine';
import { generateSql } from '../../src/engine/sql';

export interface Db {
  con: DuckDBConnection;
  close(): void;
}

export async function openDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  return {
    con,
    close: () => {
      con.closeSync();
      instance.closeSync();
    },
  };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const csvField = (v: string | null | undefined): string => (v === null || v === undefined ? '' : `"${v.replace(/"/g, '""')}"`);

/**
 * Creates `table` with every column VARCHAR holding the rows ('' and null stay as given): written as CSV and read
 * back by DuckDB (much faster than appending value by value from JavaScript), every value quoted but NULLs.
 */
export async function loadTextTable(db: Db, table: string, headers: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'icp-sql-'));
  const file = join(dir, 'rows.csv');
  try {
    writeFileSync(file, [headers, ...rows].map((r) => headers.map((_, i) => csvField(r[i])).join(',')).join('\n') + '\n');
    const columns = `{${headers.map((h) => `'${h.replace(/'/g, "''")}': 'VARCHAR'`).join(', ')}}`;
    await db.con.run(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv('${file}', header = true, columns = ${columns}, quote = '"', escape = '"', delim = ',', allow_quoted_nulls = false, new_line = '\\n')`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RowOutcome {
  score: number | null;
  tier: string | null;
  why?: string | null;
}

/** Runs `icp sql`'s DuckDB statement over the table: every row's outcome, in table order, and the full rows. */
export async function sqlOutcomes(db: Db, sql: string): Promise<{ outcomes: RowOutcome[]; columns: string[]; rows: unknown[][] }> {
  const reader = await db.con.runAndReadAll(sql);
  const columns = reader.columnNames();
  const rows = reader.getRowsJS() as unknown[][];
  const s = columns.indexOf('icp_score');
  const t = columns.indexOf('icp_tier');
  const w = columns.indexOf('icp_why');
  return {
    columns,
    rows,
    outcomes: rows.map((r) => ({ score: r[s] as number | null, tier: r[t] as string | null, why: r[w] as string | null })),
  };
}

/** The engine's outcome of each row: null score and tier for a blank row, as `icp sql` gives them. */
export function engineOutcomes(
  model: Model, headers: readonly string[], rows: readonly (readonly (string | null)[])[], today: string, profile?: string, locale?: string,
): RowOutcome[] {
  const compiled = compileModel(model, headers, { today: new Date(`${today}T00:00:00`), ...(locale === undefined ? {} : { locale }) }).profile(profile);
  return rows.map((row) => {
    const r = compiled.evaluate(row.map((v) => v ?? ''));
    return r.blank ? { score: null, tier: null } : { score: r.score, tier: r.tier };
  });
}

/**
 * Generates, runs and compares: the rows whose SQL outcome differs from the engine's (empty when they agree), both
 * reading text numbers in `locale` when given.
 */
export async function differences(
  db: Db, model: Model, table: string, headers: readonly string[], rows: readonly (readonly (string | null)[])[], today: string, profile?: string,
  locale?: string,
): Promise<{ row: readonly (string | null)[]; engine: RowOutcome; sql: RowOutcome }[]> {
  const sql = generateSql(model, { dialect: 'duckdb', table, headers, today, profile, locale });
  const { outcomes } = await sqlOutcomes(db, `SELECT icp_score, icp_tier, icp_why FROM (${sql}) AS scored`);
  const expected = engineOutcomes(model, headers, rows, today, profile, locale);
  const out: { row: readonly (string | null)[]; engine: RowOutcome; sql: RowOutcome }[] = [];
  expected.forEach((e, i) => {
    const got = outcomes[i]!;
    if (got.score !== e.score || got.tier !== e.tier) out.push({ row: rows[i]!, engine: e, sql: { score: got.score, tier: got.tier } });
  });
  return out;
}
