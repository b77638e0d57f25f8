// Which rows a candidate condition matches, decided by the engine's own operators and cell readings, so a drafted criterion scores exactly the rows it was fitted on.

import type { Condition } from '../../model';
import { compileCondition, type CompileContext } from '../../operators';
import { CellReading, ColumnReader, KIND_CODE } from '../../read/cells';
import type { ReadColumn } from './columns';

/** Per distinct value of `column`: 1 where the engine's `condition` matches it (blank and unreadable never do), read with `context` (today, the locale's decimal sign). */
export function valueMatches(column: ReadColumn, condition: Condition, context: CompileContext): Uint8Array {
  const compiled = compileCondition(condition, context);
  const kind = compiled.cheaperKind ?? compiled.kind;
  const reader = new ColumnReader([kind], context.decimalComma);
  const code = KIND_CODE[kind];
  const test = compiled.test as (reading: unknown) => number;
  const out = new Uint8Array(column.raws.length);
  const reading = new CellReading();
  for (let i = 0; i < column.raws.length; i++) {
    let filledReading: CellReading;
    try {
      filledReading = reader.fill(reading, column.raws[i]);
    } catch {
      continue;
    }
    if (filledReading.blank) continue;
    const v = filledReading.v[code];
    if (v !== undefined && test(v) >= 0) out[i] = 1;
  }
  return out;
}

/** The rows (of `rows`, indexes into the column) whose value matches, as 0/1. */
export function rowMatches(column: ReadColumn, byValue: Uint8Array, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  const codes = column.codes;
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]!]!;
    if (c >= 0 && byValue[c] === 1) out[k] = 1;
  }
  return out;
}
