// `npm run bench`: every benchmark in one run, each figure with its baseline from the same run, as a Markdown table.

import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli } from '../tools/build/cli';
import { loadBundled } from './bundled';
import { benchCli } from './cli';
import { benchFormula } from './formula';
import { benchGas, perFormula } from './gas';
import { benchBulk } from './bulk';
import { benchDuckDb } from './duckdb';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const quick = args.has('--quick');
  console.log(`# ICP Scorer benchmarks (${os.cpus().length} cores, Node ${process.version}${quick ? ', --quick sizes' : ''})\n`);

  // The engine, its naive baseline and its ceilings run as one bundle, as the engine ships (see bundled.ts).
  const { benchEngine, WARM_UP_RUNS } = loadBundled<typeof import('./engine')>(path.join(__dirname, 'engine.ts'));
  const { benchEngineFloor } = loadBundled<typeof import('./engine-floor')>(path.join(__dirname, 'engine-floor.ts'));
  const engine = benchEngine(quick ? 20_000 : 100_000);
  const floor = benchEngineFloor(quick ? 20_000 : 100_000);
  const formula = benchFormula(quick ? 1_000 : 10_000, quick ? 1 : 3);
  const cli = benchCli(quick ? 100_000 : 1_000_000, quick ? 1 : 3);
  const gas = benchGas(quick ? 1_000 : 10_000);
  const bulk = benchBulk(quick ? 10_000 : 100_000, quick ? 1_000 : 10_000);
  const duck = await benchDuckDb(quick ? 100_000 : 1_000_000, quick ? 1 : 3);
  const { benchDraft, draftRows } = loadBundled<typeof import('./draft')>(path.join(__dirname, 'draft.ts'));
  const draft = benchDraft(quick, path.join(__dirname, '..'));
  // Validate against outcomes on planted deals (bench/outcomes.ts): verdict error rates, held-out AUC, fitter speed.
  const { benchOutcomes, outcomeRows } = loadBundled<typeof import('./outcomes')>(path.join(__dirname, 'outcomes.ts'));
  const outcomes = benchOutcomes(quick);

  const rows = [
    ['what', 'figure', 'baseline (same run)', 'ratio', 'target'],
    ['---', '---', '---', '---', '---'],
    [
      `engine, ${fmt(engine.rows)} messy rows x ${engine.criteria} criteria`,
      `${fmt(engine.engineRowsPerSecond)} rows/s (first, cold run: ${fmt(engine.engineColdRowsPerSecond)}; the same rows freshly parsed from CSV: ${fmt(engine.engineParsedRowsPerSecond)})`,
      `naive per-criterion scorer: ${fmt(engine.naiveRowsPerSecond)} rows/s`,
      ratio(engine.engineRowsPerSecond, engine.naiveRowsPerSecond),
      '>= 1,000,000 rows/s',
    ],
    ...[cli.threaded, cli.oneThread].map((run) => [
      `\`icp score\` end to end, ${fmt(cli.rows)} rows (${cli.fileMegabytes.toFixed(0)} MB CSV), ${run === cli.oneThread ? '`--threads 1`' : `default (chose ${run.threads} thread${run.threads === 1 ? '' : 's'})`}`,
      `${fmt(run.rowsPerSecond)} rows/s, peak ${run.peakMegabytes.toFixed(0)} MB`,
      `hand-written IF formula per row in HyperFormula, ${fmt(formula.rows)} rows: ${fmt(formula.hyperFormulaRowsPerSecond)} rows/s`,
      ratio(run.rowsPerSecond, formula.hyperFormulaRowsPerSecond),
      '>= 100x, peak < 300 MB',
    ]),
  ];
  rows.push(
    [
      `Sheets: one array formula as Score this sheet writes it, \`${gas.array.formula}\` (emulator, built bundle)`,
      `${gas.array.customFunctionCalls} call: ${perFormula(gas.array)} (${fmt(gas.array.cellsRead)} cells read), ${gas.array.seconds.toFixed(1)} s`,
      `${fmt(gas.perRow.formulas)} per-row formulas as the add-on writes them, \`${gas.perRow.formula}\`: ${perFormula(gas.perRow)}, ${gas.perRow.seconds.toFixed(1)} s; as typed, \`${gas.perRowTyped.formula}\`: ${perFormula(gas.perRowTyped)}, ${gas.perRowTyped.seconds.toFixed(1)} s`,
      `${ratio(gas.perRow.serviceCalls, gas.array.serviceCalls)} fewer service calls than the add-on's per-row form, ${ratio(gas.perRowTyped.serviceCalls, gas.array.serviceCalls)} than typed`,
      'model: 0 range reads per formula; headers: at most 1; typed: at most 3',
    ],
    [
      `Score this sheet, ${fmt(bulk.rows)} rows x ${bulk.columns} columns (emulator)`,
      `${bulk.rangeReads} range reads + ${bulk.rangeWrites} writes; engine ${(bulk.engineMs / 1000).toFixed(1)} s, total ${(bulk.totalMs / 1000).toFixed(1)} s`,
      `naive per-row read/write loop (${fmt(bulk.naive.rows)} rows): ${fmt(bulk.naive.rangeReads + bulk.naive.rangeWrites)} range calls, ${(bulk.naive.ms / 1000).toFixed(1)} s`,
      `${ratio((bulk.naive.rangeReads + bulk.naive.rangeWrites) * (bulk.rows / bulk.naive.rows), bulk.rangeReads + bulk.rangeWrites)} fewer range calls`,
      '<= 25 range reads/writes',
    ],
  );
  const secs = (t: { seconds: number }): string => `${t.seconds.toFixed(2)} s`;
  const duckWhat = `${fmt(duck.rows)} typed rows (${duck.fileMegabytes.toFixed(0)} MB CSV), 7 criteria, CSV out with score, tier and reason`;
  const duckBase = `DuckDB, hand-written CASE query over \`read_csv\`, 2 threads: ${secs(duck.handWritten)}`;
  rows.push(
    [
      `\`icp score\` end to end, ${duckWhat}, default threads (${duck.icpThreads})`,
      `${secs(duck.icpDefault)}, peak ${duck.icpDefault.peakMegabytes.toFixed(0)} MB`,
      duckBase,
      `${(duck.icpDefault.seconds / duck.handWritten.seconds).toFixed(2)}x DuckDB's time`,
      "<= 1.5x DuckDB's time",
    ],
    [
      `\`icp score --threads 1\`, the same file`,
      `${secs(duck.icpOneThread)}, peak ${duck.icpOneThread.peakMegabytes.toFixed(0)} MB`,
      duckBase,
      `${(duck.icpOneThread.seconds / duck.handWritten.seconds).toFixed(2)}x DuckDB's time; default/one thread ${(duck.icpDefault.seconds / duck.icpOneThread.seconds).toFixed(2)}`,
      'default never slower than one thread',
    ],
    [
      `DuckDB running the SQL \`icp sql --dialect duckdb\` generates, the same file read as text, 2 threads`,
      duck.generated === undefined ? `not available (${duck.generatedMissing ?? 'no icp sql'})` : `${secs(duck.generated)}, peak ${duck.generated.peakMegabytes.toFixed(0)} MB`,
      duckBase,
      duck.generated === undefined ? 'not available' : `${(duck.generated.seconds / duck.handWritten.seconds).toFixed(2)}x DuckDB's time`,
      'for reference',
    ],
  );
  rows.push(...draftRows(draft));
  rows.push(...outcomeRows(outcomes));
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  console.log(
    `DuckDB race: each contender a whole process (Node start-up included), ${quick ? 1 : 3} interleaved rounds, medians; ` +
      `\`icp score\` and the hand-written query disagree on ${duck.scoreMismatches} of ${fmt(duck.rows)} scores or tiers.`,
  );
  console.log(
    quick
      ? `Times: the fastest of 3 runs after ${WARM_UP_RUNS} warm-up runs for the engine (bundled as it ships), one run for the rest.`
      : `Times: the fastest of 3 runs after ${WARM_UP_RUNS} untimed warm-up runs for the engine, which runs bundled as it ships in dist/ (for freshly parsed rows, each run on a new parse of the CSV text, parsing not timed); the fastest of 3 runs for \`icp score\` and the HyperFormula baseline; one run for the naive scorer and the emulator rows.`,
  );
  console.log(
    `Engine ceilings on the same rows (${floor.columns} columns the criteria read): reading each of those cells' length once, column by column, ` +
      `${fmt(floor.touchRowsPerSecond)} rows/s; one Map lookup per cell with every distinct value's answer precomputed (a perfect memo), ` +
      `${fmt(floor.perfectMemoRowsPerSecond)} rows/s. Engine against the perfect memo: ${ratio(engine.engineRowsPerSecond, floor.perfectMemoRowsPerSecond)}.`,
  );
  console.log(`Agreement: engine vs naive scorer ${engine.mismatches} different scores of ${fmt(engine.rows)}; engine vs the IF formula ${formula.disagreements} of ${fmt(formula.rows)} (formula length ${fmt(formula.formulaChars)} characters per row).`);
  if (engine.mismatches > 0 || formula.disagreements > 0 || duck.scoreMismatches > 0) process.exitCode = 1;
}

// `icp score` runs from dist-cli/ (bin/icp.js): bundle the sources as they are now, so its figures are never of a stale build.
buildCli()
  .then(main)
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
