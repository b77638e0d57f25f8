// The two SQL dialects: how names and text are quoted, and the only words in which their generated SQL differs.

export type DialectName = 'bigquery' | 'duckdb';

export const DIALECTS: readonly DialectName[] = ['bigquery', 'duckdb'];

/**
 * The words the generated SQL spells differently per dialect (BigQuery's spelling first). Everything else in the two
 * statements is the same text, token for token, apart from how names and string literals are quoted; docs/sql.md
 * shows this table and test/sql/dialects.test.ts checks that it is the whole difference.
 */
export const DIALECT_WORDS: Readonly<Record<string, Readonly<Record<DialectName, string>>>> = {
  // Regular expression search anywhere in the text (both engines use RE2).
  REGEXP_CONTAINS: { bigquery: 'REGEXP_CONTAINS', duckdb: 'regexp_matches' },
  // A cast that gives NULL instead of failing (only ever applied to text already checked to read as a number).
  SAFE_CAST: { bigquery: 'SAFE_CAST', duckdb: 'TRY_CAST' },
  // The 64-bit floating point type, the same IEEE double as JavaScript's numbers.
  FLOAT64: { bigquery: 'FLOAT64', duckdb: 'DOUBLE' },
  // The 64-bit integer type (whole numbers of a score's text).
  INT64: { bigquery: 'INT64', duckdb: 'BIGINT' },
  // `SELECT * EXCEPT (...)`: every column but the listed ones.
  EXCEPT: { bigquery: 'EXCEPT', duckdb: 'EXCLUDE' },
  // A row (the table's alias) as a JSON object text, to tell a blank row without naming its columns.
  TO_JSON_STRING: { bigquery: 'TO_JSON_STRING', duckdb: 'to_json' },
};

export type DialectWord = keyof typeof DIALECT_WORDS;

export interface Dialect {
  name: DialectName;
  /** A dialect word (see DIALECT_WORDS). */
  word(w: DialectWord): string;
  /** One identifier part (a column, a table), quoted so nothing in it can end the name. */
  ident(name: string): string;
  /** A string literal holding exactly `text`. */
  str(text: string): string;
}

function bigQueryEscape(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    // A backtick as a hex escape: the same character to BigQuery, and parsers that know no \` escape read it too.
    else if (ch === quote) out += quote === '`' ? '\\x60' : `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Other control and invisible characters as escapes: the statement stays one line of plain text per literal.
    else if (c < 32 || c === 127 || (c >= 0x2028 && c <= 0x2029)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

const BIGQUERY: Dialect = {
  name: 'bigquery',
  word: (w) => DIALECT_WORDS[w]!.bigquery,
  // GoogleSQL quoted identifiers take the same escapes as string literals (\` for a backtick).
  ident: (name) => `\`${bigQueryEscape(name, '`')}\``,
  str: (text) => `'${bigQueryEscape(text, "'")}'`,
};

const DUCKDB: Dialect = {
  name: 'duckdb',
  word: (w) => DIALECT_WORDS[w]!.duckdb,
  // Standard SQL: a doubled quote is the quote itself; a backslash is an ordinary character.
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  str: (text) => `'${text.replace(/'/g, "''")}'`,
};

export function dialectNamed(name: DialectName): Dialect {
  return name === 'bigquery' ? BIGQUERY : DUCKDB;
}

/** A JavaScript number as a FLOAT64 / DOUBLE literal (DuckDB reads `1.5` as a DECIMAL, `1.5e0` as a DOUBLE). */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const text = String(n);
  return /e/i.test(text) ? text : `${text}e0`;
}
