// SQL snippets of one dialect: quoting, patterns, extraction and casts, written once for every reading.

import type { Dialect } from './dialect';
import { reLiteral } from './patterns';

/** SQL snippets of one dialect. */
export class Sql {
  constructor(readonly d: Dialect) {}

  str(text: string): string {
    return this.d.str(text);
  }

  /** The pattern found anywhere in x (RE2). */
  re(x: string, pattern: string): string {
    return `${this.d.word('REGEXP_CONTAINS')}(${x}, ${this.d.str(pattern)})`;
  }

  /**
   * Capture group 1 of the pattern. The third argument is the start position in BigQuery and the group in DuckDB:
   * 1 is right for both. Only used where the pattern matches (DuckDB gives '' and BigQuery NULL otherwise).
   */
  extract(x: string, pattern: string): string {
    return `REGEXP_EXTRACT(${x}, ${this.d.str(pattern)}, 1)`;
  }

  /** Text already checked to be a decimal number, as a FLOAT64 / DOUBLE. */
  toNumber(x: string): string {
    return `${this.d.word('SAFE_CAST')}(${x} AS ${this.d.word('FLOAT64')})`;
  }

  /**
   * x is one of the texts. A pattern rather than `x IN (...)`: DuckDB turns long IN lists into a join per list,
   * which costs more than the whole rest of a row's reading.
   */
  inList(x: string, values: readonly string[]): string {
    return this.re(x, `^(?:${values.map(reLiteral).join('|')})$`);
  }
}
