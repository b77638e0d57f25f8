// Builds one SELECT as nested subqueries: each helper column is computed in the first level whose input has its inputs.

import type { Dialect } from './dialect';

/** A column of the statement: its quoted name and the subquery level it is computed in (0: the table's own). */
export interface Col {
  readonly ref: string;
  readonly level: number;
}

interface Computed {
  name: string;
  expr: string;
  level: number;
}

/**
 * Helper columns by level. A column computed from columns of level k is computed at level k + 1, in
 * `SELECT s.*, <its expression> AS <its name> FROM (<level k>) AS s`, so no expression is written twice and every
 * value is worked out once per row. The outermost SELECT drops every helper column again (* EXCEPT / * EXCLUDE).
 */
export class Stages {
  private readonly computed: Computed[] = [];
  private count = 0;

  constructor(private readonly d: Dialect, private readonly prefix: string) {}

  /** Stages for a subquery, its helper names apart from these (`_icp_i0`... beside `_icp_0`...). */
  inner(tag: string): Stages {
    return new Stages(this.d, `${this.prefix}${tag}`);
  }

  /** A column of the table itself. */
  tableColumn(name: string): Col {
    return { ref: this.d.ident(name), level: 0 };
  }

  /** A helper column holding `expr`, which reads `inputs` (its level follows from theirs). */
  add(inputs: readonly Col[], expr: string, visibleName?: string): Col {
    const level = 1 + Math.max(0, ...inputs.map((c) => c.level));
    const name = visibleName ?? `${this.prefix}${this.count++}`;
    this.computed.push({ name, expr, level });
    return { ref: this.d.ident(name), level };
  }

  /** The whole statement: every column of `table` plus the visible columns, helper columns dropped. */
  render(table: string, visible: readonly string[]): string {
    const d = this.d;
    const top = Math.max(1, ...this.computed.map((c) => c.level));
    const sql = this.levels(`SELECT t.*`, `${table} AS t`, top);
    const hidden = this.computed.filter((c) => !visible.includes(c.name)).map((c) => d.ident(c.name));
    const star = hidden.length === 0 ? '*' : `* ${d.word('EXCEPT')} (${hidden.join(', ')})`;
    return `SELECT ${star}\nFROM (\n${sql}\n) AS s${top}`;
  }

  /**
   * The levels over a one-column source (`UNNEST(...) AS name`, its column tableColumn(name)), for a subquery:
   * `FROM (<this>) AS <alias>` sees every helper column.
   */
  renderOver(source: string, column: string): { sql: string; alias: string } {
    const top = Math.max(1, ...this.computed.map((c) => c.level));
    return { sql: this.levels(`SELECT ${this.d.ident(column)}`, source, top), alias: `s${top}` };
  }

  private levels(firstSelect: string, firstFrom: string, top: number): string {
    let sql = '';
    for (let level = 1; level <= top; level++) {
      const cols = this.computed.filter((c) => c.level === level).map((c) => `,\n  ${c.expr} AS ${this.d.ident(c.name)}`);
      sql =
        level === 1
          ? `${firstSelect}${cols.join('')}\nFROM ${firstFrom}`
          : `SELECT s${level - 1}.*${cols.join('')}\nFROM (\n${sql}\n) AS s${level - 1}`;
    }
    return sql;
  }
}
