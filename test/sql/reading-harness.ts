// Test helper: one reading of `icp sql` (a number, the lower-cased text) as its own statement over a one-column table.
import { dialectNamed, type DialectName } from '../../src/engine/sql/dialect';
import { ColumnReadings } from '../../src/engine/sql/read';
import { Sql } from '../../src/engine/sql/snippets';
import { Stages } from '../../src/engine/sql/stages';
import { loadTextTable, type Db } from './duckdb-harness';

/** SELECT id, <the reading of text> AS reading FROM table, in the dialect's SQL (columns `id` and `text`). */
export function readingSql(dialect: DialectName, table: string, reading: 'number' | 'lower', decimalComma = false): string {
  const d = dialectNamed(dialect);
  const st = new Stages(d, '_icp_');
  const r = new ColumnReadings(st, new Sql(d), st.tableColumn('text'), { decimalComma });
  const col = reading === 'number' ? r.number() : r.lower();
  st.add([col], col.ref, 'reading');
  return st.render(d.ident(table), ['reading']);
}

/**
 * Runs readingSql in DuckDB over `texts` (loaded as a table) and returns each text's reading, in order; numbers with
 * a decimal comma (`1.234,5`) when `decimalComma`.
 */
export async function readAll(db: Db, table: string, texts: readonly string[], reading: 'number' | 'lower', decimalComma = false): Promise<unknown[]> {
  await loadTextTable(db, table, ['id', 'text'], texts.map((t, i) => [String(i), t]));
  const result = await db.con.runAndReadAll(`SELECT reading FROM (${readingSql('duckdb', table, reading, decimalComma)}) AS r ORDER BY CAST(id AS INTEGER)`);
  return result.getRowsJS().map((row) => row[0]);
}
