// Negative ICP from outcomes: values of a column that never won across at least 20 closed deals, when that cannot be chance.

import type { Condition } from '../../model';
import type { CompileContext } from '../../operators';
import type { ReadColumn } from './columns';
import { orList } from './labels';
import { valueMatches } from './matches';

/** A value becomes an exclusion only with at least this many closed deals, none of them won. */
export const MIN_EXCLUSION_DEALS = 20;
/** The chance of so many losses in a row at the overall win rate must be below this, shared among the values looked at. */
export const EXCLUSION_ALPHA = 0.05;

export interface ExclusionDraft {
  column: ReadColumn;
  when: Condition;
  label: string;
  values: string[];
  /** Closed deals it matches (all lost). */
  deals: number;
  /** Per distinct value of the column: 1 where the exclusion matches it (as the engine matches). */
  valueHits: Uint8Array;
}

interface ValueTally {
  column: ReadColumn;
  text: string;
  shown: string;
  closed: number;
  won: number;
}

/** The text values (and list items) of `columns` with their closed deals and wins. */
function tallies(columns: readonly ReadColumn[], closedRows: Int32Array, won: Uint8Array): ValueTally[] {
  const out: ValueTally[] = [];
  for (const column of columns) {
    if (column.kind !== 'text' && column.kind !== 'list') continue;
    const byText = new Map<string, ValueTally>();
    for (let k = 0; k < closedRows.length; k++) {
      const code = column.codes[closedRows[k]!]!;
      if (code < 0) continue;
      const texts = column.kind === 'list' ? column.items[code]! : [column.texts[code]!];
      for (const text of new Set(texts)) {
        let t = byText.get(text);
        if (t === undefined) {
          const shown = column.kind === 'list' ? text : String(column.raws[code]).trim().replace(/\s+/g, ' ');
          byText.set(text, (t = { column, text, shown, closed: 0, won: 0 }));
        }
        t.closed++;
        t.won += won[k]!;
      }
    }
    for (const t of byText.values()) if (t.closed >= MIN_EXCLUSION_DEALS) out.push(t);
  }
  return out;
}

/**
 * One exclusion per column for its values that lost every one of at least MIN_EXCLUSION_DEALS closed deals, kept only
 * when losing that many in a row at the overall win rate has a chance below EXCLUSION_ALPHA divided by the number of
 * values that had that many deals (Bonferroni): on data with no signal, a value that merely had a bad run is not excluded.
 */
export function draftExclusions(columns: readonly ReadColumn[], closedRows: Int32Array, won: Uint8Array, context: CompileContext): ExclusionDraft[] {
  let wins = 0;
  for (let k = 0; k < won.length; k++) wins += won[k]!;
  const rate = closedRows.length === 0 ? 0 : wins / closedRows.length;
  if (rate === 0) return [];
  const looked = tallies(columns, closedRows, won);
  const threshold = EXCLUSION_ALPHA / Math.max(1, looked.length);
  const byColumn = new Map<ReadColumn, ValueTally[]>();
  for (const t of looked) {
    if (t.won > 0 || (1 - rate) ** t.closed >= threshold) continue;
    const list = byColumn.get(t.column) ?? [];
    list.push(t);
    byColumn.set(t.column, list);
  }
  const out: ExclusionDraft[] = [];
  for (const [column, values] of byColumn) {
    values.sort((a, b) => b.closed - a.closed);
    const shown = values.map((v) => v.shown);
    const when: Condition = { op: 'in', values: shown };
    // Deals it matches, counted as the engine matches them.
    const hits = valueMatches(column, when, context);
    let deals = 0;
    for (let k = 0; k < closedRows.length; k++) {
      const c = column.codes[closedRows[k]!]!;
      if (c >= 0 && hits[c] === 1) deals++;
    }
    const label = column.kind === 'list' ? `${column.header} includes ${orList(shown)}` : `${column.header} is ${orList(shown)}`;
    out.push({ column, when, label, values: shown, deals, valueHits: hits });
  }
  return out;
}
