// Benchmark: the compiled engine against the naive per-criterion interpreter on messy rows, in the same run.

import { compileModel } from '../src/engine/model-compile';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { generateSampleAccounts, SAMPLE_TODAY } from '../tools/sample/accounts';
import { fastestSeconds } from './fastest';
import { naiveScore } from './naive-scorer';

export interface EngineFigures {
  rows: number;
  criteria: number;
  /** Steady state: the fastest of 3 timed runs after WARM_UP_RUNS untimed ones. */
  engineRowsPerSecond: number;
  /** The very first run in the process, before the JIT compiler has optimised the scoring loops. */
  engineColdRowsPerSecond: number;
  naiveRowsPerSecond: number;
  mismatches: number;
}

/** Untimed runs before the timed ones, the first of them reported as the cold figure. */
export const WARM_UP_RUNS = 2;

export function benchEngine(rowCount = 100_000): EngineFigures {
  const [headers, ...rows] = generateSampleAccounts(rowCount, 7);
  const model = b2bSaasTemplate();
  const today = new Date(`${SAMPLE_TODAY}T00:00:00`);
  const criteria = model.profiles[0]!.criteria.length;
  let engineScores: number[] = [];
  const scoreAll = (): void => {
    // Compile is part of the measured work: it happens once per call in Sheets too.
    const profile = compileModel(model, headers!, { today }).profile();
    // The batch path that ICP_SCORE over a range, Score this sheet and the benchmarks use.
    engineScores = Array.from(profile.scoreMany(rows).score);
  };
  // V8 optimises a loop after it has run a while: the first run or two measure the compiler, not the engine.
  const coldSeconds = fastestSeconds(1, scoreAll);
  fastestSeconds(WARM_UP_RUNS - 1, scoreAll);
  const engineSeconds = fastestSeconds(3, scoreAll);
  let naiveScores: number[] = [];
  const naiveSeconds = fastestSeconds(1, () => {
    naiveScores = rows.map((r) => naiveScore(model, headers!, r, today));
  });
  let mismatches = 0;
  for (let i = 0; i < rows.length; i++) if (engineScores[i] !== naiveScores[i]) mismatches++;
  return {
    rows: rows.length,
    criteria,
    engineRowsPerSecond: rows.length / engineSeconds,
    engineColdRowsPerSecond: rows.length / coldSeconds,
    naiveRowsPerSecond: rows.length / naiveSeconds,
    mismatches,
  };
}

if (require.main === module) console.log(benchEngine());
