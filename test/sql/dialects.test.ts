// The BigQuery dialect of `icp sql` is one statement BigQuery's grammar accepts, and differs from the DuckDB dialect
// only in the documented table of words (DIALECT_WORDS) and in how each quotes names and text.
import { readFileSync } from 'node:fs';
import { Parser } from 'node-sql-parser';
import { b2bSaasTemplate, type Model } from '../../src/engine';
import { DIALECT_WORDS, generateSql } from '../../src/engine/sql';
import { parseCsv } from './csv';
import { tokenize } from './sql-tokens';

const [headers] = parseCsv(readFileSync('data/sample-accounts.csv', 'utf8'));

/** The template plus `in` criteria whose list reading needs the subquery over items (numbers, items with digits). */
function withListNumbers(): Model {
  const model = b2bSaasTemplate();
  model.profiles[0]!.criteria.push(
    { id: 'in_numbers', category: 'firmographic', column: 'Employees', when: { op: 'in', values: [1000, 5, 'SaaS'] }, points: 5 },
    { id: 'in_digits', category: 'firmographic', column: 'Tech Stack', when: { op: 'in', values: ['6sense', 'usd'] }, points: 5 },
  );
  return model;
}

/** A model using every operator, both with and without today's date fixed, and read with a decimal comma (de_DE). */
function models(): { name: string; model: Model; today?: string; locale?: string }[] {
  return [
    { name: 'b2b template, fixed today', model: b2bSaasTemplate(), today: '2026-11-01' },
    { name: 'b2b template, current date', model: b2bSaasTemplate() },
    { name: 'b2b template with `in` over numbers and list items', model: withListNumbers(), today: '2026-11-01' },
    { name: 'b2b template with `in` over numbers and list items, de_DE', model: withListNumbers(), today: '2026-11-01', locale: 'de_DE' },
  ];
}

describe('icp sql dialects', () => {
  const parser = new Parser();

  it.each(models())('BigQuery: $name is one SELECT statement to a BigQuery parser', ({ name, model, today, locale }) => {
    const sql = generateSql(model, { dialect: 'bigquery', table: 'my-project.crm.accounts', headers: headers!, today, locale });
    const ast = parser.astify(sql, { database: 'bigquery' });
    const statements = Array.isArray(ast) ? ast : [ast];
    expect(statements).toHaveLength(1);
    expect(statements[0]!.type).toBe('select');
    // No temporary function, no second statement, no script: one SELECT a view can hold.
    // (tokenize refuses a `;` outside literals.)
    const words = new Set(tokenize(sql, 'bigquery').filter((t) => t.kind === 'word').map((t) => t.text));
    for (const w of ['CREATE', 'TEMP', 'TEMPORARY', 'DECLARE', 'FUNCTION', 'INSERT', 'DELETE', 'DROP']) expect(words.has(w)).toBe(false);
    // The row as JSON (blank rows) always; the subquery over list items (UNNEST) where a list's numbers are read.
    expect(words.has('TO_JSON_STRING')).toBe(true);
    expect(words.has('UNNEST')).toBe(name.includes('list items'));
  });

  it.each(models())('$name: the two dialects differ only in DIALECT_WORDS and quoting', ({ model, today, locale }) => {
    const options = { table: 'my-project.crm.accounts', headers: headers!, today, locale };
    const bigquery = tokenize(generateSql(model, { ...options, dialect: 'bigquery' }), 'bigquery');
    const duckdb = tokenize(generateSql(model, { ...options, dialect: 'duckdb' }), 'duckdb');
    const toDuckDb = new Map(Object.values(DIALECT_WORDS).map((w) => [w.bigquery.toUpperCase(), w.duckdb.toUpperCase()]));
    const mapped = bigquery.map((t) => (t.kind === 'word' && toDuckDb.has(t.text) ? { ...t, text: toDuckDb.get(t.text)! } : t));
    expect(mapped.length).toBe(duckdb.length);
    const firstDifference = mapped.findIndex((t, i) => t.kind !== duckdb[i]!.kind || t.text !== duckdb[i]!.text);
    expect(firstDifference).toBe(-1);
    // And each word of the table is used (the table is not longer than the difference).
    for (const w of Object.values(DIALECT_WORDS)) expect(bigquery.some((t) => t.text === w.bigquery.toUpperCase())).toBe(true);
  });
});
