// Test helper: splits generated SQL into tokens, with string literals and quoted names decoded per dialect.

export type Token = { kind: 'string' | 'name' | 'word' | 'number' | 'symbol'; text: string };

const BIGQUERY_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '`': '`', '"': '"' };

function readQuoted(sql: string, start: number, quote: string, dialect: 'bigquery' | 'duckdb'): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  for (;;) {
    const ch = sql[i];
    if (ch === undefined) throw new Error(`unterminated ${quote} at ${start}`);
    if (dialect === 'bigquery' && ch === '\\') {
      const next = sql[i + 1]!;
      if (next === 'x') {
        text += String.fromCharCode(parseInt(sql.slice(i + 2, i + 4), 16));
        i += 4;
      } else if (next === 'u') {
        text += String.fromCharCode(parseInt(sql.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        const decoded = BIGQUERY_ESCAPES[next];
        if (decoded === undefined) throw new Error(`unknown escape \\${next} at ${i}`);
        text += decoded;
        i += 2;
      }
      continue;
    }
    if (ch === quote) {
      if (dialect === 'duckdb' && sql[i + 1] === quote) {
        text += quote;
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    if (dialect === 'bigquery' && (ch === '\n' || ch === '\r')) throw new Error(`line break inside a BigQuery literal at ${i}`);
    text += ch;
    i++;
  }
}

/** The tokens of one statement; words upper-cased (SQL keywords and function names are case-insensitive). */
export function tokenize(sql: string, dialect: 'bigquery' | 'duckdb'): Token[] {
  const tokens: Token[] = [];
  const nameQuote = dialect === 'bigquery' ? '`' : '"';
  for (let i = 0; i < sql.length; ) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === nameQuote) {
      const { text, end } = readQuoted(sql, i, ch, dialect);
      tokens.push({ kind: ch === "'" ? 'string' : 'name', text });
      i = end;
    } else if (/[0-9]/.test(ch)) {
      const m = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(sql.slice(i))!;
      tokens.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(sql.slice(i))!;
      tokens.push({ kind: 'word', text: m[0].toUpperCase() });
      i += m[0].length;
    } else {
      const two = sql.slice(i, i + 2);
      const symbol = ['<=', '>=', '<>', '!=', '||'].includes(two) ? two : ch;
      if (symbol === '"' || symbol === '`' || symbol === ';') throw new Error(`stray ${symbol} at ${i}`);
      tokens.push({ kind: 'symbol', text: symbol });
      i += symbol.length;
    }
  }
  return tokens;
}
