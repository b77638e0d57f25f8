// Benchmark: the ceilings of per-cell scoring on the engine benchmark's rows, to put the engine's figure in context.

import { HeaderMap } from '../src/engine/headers';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { generateSampleAccounts } from '../tools/sample/accounts';
import { fastestSeconds } from './fastest';

export interface EngineFloorFigures {
  rows: number;
  columns: number;
  /** Reading each used cell's length once, column by column (the engine's order): the memory traffic alone. */
  touchRowsPerSecond: number;
  /**
   * One Map lookup per used cell, every distinct value's answer computed before the clock starts: a perfect memo,
   * what the engine would cost if reading and testing values were free.
   */
  perfectMemoRowsPerSecond: number;
}

export function benchEngineFloor(rowCount = 100_000): EngineFloorFigures {
  // The same rows (same seed) and model as benchEngine.
  const [headers, ...rows] = generateSampleAccounts(rowCount, 7);
  const map = new HeaderMap(headers!);
  const columns = [...new Set(b2bSaasTemplate().profiles[0]!.criteria.map((c) => map.find(c.column)))].filter((c) => c >= 0);
  const n = rows.length;

  const touchSeconds = fastestSeconds(3, () => {
    let x = 0;
    for (const col of columns) for (let r = 0; r < n; r++) x += String(rows[r]![col]).length;
    return x;
  });

  const answers = columns.map((col) => {
    const m = new Map<unknown, number>();
    for (const row of rows) if (!m.has(row[col])) m.set(row[col], m.size & 7);
    return m;
  });
  const memoSeconds = fastestSeconds(3, () => {
    let x = 0;
    for (let k = 0; k < columns.length; k++) {
      const m = answers[k]!;
      const col = columns[k]!;
      for (let r = 0; r < n; r++) x += m.get(rows[r]![col]) ?? 0;
    }
    return x;
  });

  return { rows: n, columns: columns.length, touchRowsPerSecond: n / touchSeconds, perfectMemoRowsPerSecond: n / memoSeconds };
}

if (require.main === module) console.log(benchEngineFloor());
