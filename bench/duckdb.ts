// Benchmark: `icp score` against DuckDB on one typed 1M-row CSV: DuckDB running a hand-written scoring query, and
// DuckDB running the SQL `icp sql` generates; every one a whole process, timed end to end, interleaved.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handWrittenDuckDbQuery, TYPED_TODAY, typedModel, writeTypedCsv } from './typed-accounts';

const ROOT = path.resolve(__dirname, '..');

/** One contender's time: the median of its runs, and every run. */
export interface Timed {
  seconds: number;
  runs: number[];
  peakMegabytes: number;
}

export interface DuckDbFigures {
  rows: number;
  fileMegabytes: number;
  icpDefault: Timed;
  /** The thread count each default run chose, e.g. "2, 2, 1". */
  icpThreads: string;
  icpOneThread: Timed;
  handWritten: Timed;
  /** Undefined when `icp sql` is not there (yet): the row says so. */
  generated: Timed | undefined;
  generatedMissing?: string;
  /** Rows whose score differs between `icp score` and the hand-written query (both outputs read back by DuckDB). */
  scoreMismatches: number;
}

// A child process that runs one SQL script on DuckDB with two threads and reports its peak memory.
const DUCKDB_CHILD = `
const { DuckDBInstance } = require(${JSON.stringify(require.resolve('@duckdb/node-api'))});
process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));
(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  for (const statement of JSON.parse(process.argv[1])) await connection.run(statement);
})().catch((err) => { console.error(err); process.exitCode = 1; });
`;

// The real bin in a child process that reports its own peak memory, as bench/cli.ts runs it.
const ICP_CHILD = `
process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));
process.argv.splice(1, 0, ${JSON.stringify(path.join(ROOT, 'bin/icp.js'))});
require(${JSON.stringify(path.join(ROOT, 'bin/icp.js'))});
`;

interface ChildRun {
  seconds: number;
  peakMegabytes: number;
  stderr: string;
}

function timeChild(args: string[], env: NodeJS.ProcessEnv = process.env): ChildRun {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`${args.slice(2).join(' ')} failed (${run.status}): ${run.stderr}`);
  const peak = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { seconds, peakMegabytes: peak / 1024, stderr: run.stderr };
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The SELECT `icp sql --dialect duckdb` writes for `table`, or why there is none. */
function generatedSql(modelFile: string, table: string): { sql: string } | { missing: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/icp.js'), 'sql', '--model', modelFile, '--dialect', 'duckdb', '--table', table, '--today', TYPED_TODAY], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) return { missing: `icp sql is not available: ${(run.stderr.split('\n')[0] ?? '').trim()}` };
  return { sql: run.stdout.trim().replace(/;\s*$/, '') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timed(runs: { seconds: number; peakMegabytes: number }[]): Timed {
  return { seconds: median(runs.map((r) => r.seconds)), runs: runs.map((r) => r.seconds), peakMegabytes: Math.max(...runs.map((r) => r.peakMegabytes)) };
}

/**
 * Times the contenders in turn, `runs` rounds of each (interleaved, so a busy moment on this shared machine
 * hits them all alike), and reports medians. DuckDB reads the same file: typed by `read_csv`'s detection for the
 * hand-written query, every column as text for the generated SQL (which reads text as the engine does).
 */
export async function benchDuckDb(rows = 1_000_000, runs = 3): Promise<DuckDbFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-duck-'));
  try {
    const input = path.join(dir, 'accounts.csv');
    writeTypedCsv(input, rows);
    const modelFile = path.join(dir, 'model.json');
    fs.writeFileSync(modelFile, JSON.stringify(typedModel()));
    const icpOut = path.join(dir, 'icp.csv');
    const duckOut = path.join(dir, 'duck.csv');
    const genOut = path.join(dir, 'generated.csv');
    // The default runs print the thread count they chose (ICP_DEBUG_THREADS), for the table.
    const icp = (threads: string[]): ChildRun =>
      timeChild(['-e', ICP_CHILD, 'score', input, '--model', modelFile, '--out', icpOut, '--today', TYPED_TODAY, ...threads], { ...process.env, ICP_DEBUG_THREADS: '1' });
    const handWritten = [`COPY (${handWrittenDuckDbQuery(`read_csv(${sqlString(input)})`)}) TO ${sqlString(duckOut)} (HEADER)`];
    const generated = generatedSql(modelFile, 'accounts');
    const generatedScript =
      'sql' in generated
        ? [`CREATE VIEW accounts AS SELECT * FROM read_csv(${sqlString(input)}, all_varchar = true)`, `COPY (${generated.sql}) TO ${sqlString(genOut)} (HEADER)`]
        : undefined;
    const duck = (script: string[]): ChildRun => timeChild(['-e', DUCKDB_CHILD, JSON.stringify(script)]);

    const times = { icpDefault: [] as ChildRun[], icpOne: [] as ChildRun[], hand: [] as ChildRun[], gen: [] as ChildRun[] };
    for (let r = 0; r < runs; r++) {
      times.hand.push(duck(handWritten));
      times.icpDefault.push(icp([]));
      times.icpOne.push(icp(['--threads', '1']));
      if (generatedScript !== undefined) times.gen.push(duck(generatedScript));
    }
    const mismatches = await scoreMismatches(icpOut, duckOut);
    return {
      rows,
      fileMegabytes: fs.statSync(input).size / 1e6,
      icpDefault: timed(times.icpDefault),
      icpThreads: times.icpDefault.map((r) => /debug: (\d+) thread/.exec(r.stderr)?.[1] ?? '?').join(', '),
      icpOneThread: timed(times.icpOne),
      handWritten: timed(times.hand),
      generated: generatedScript === undefined ? undefined : timed(times.gen),
      ...('missing' in generated ? { generatedMissing: generated.missing } : {}),
      scoreMismatches: mismatches,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows whose ICP Score or ICP Tier differs between the two outputs, compared by DuckDB in this process. */
async function scoreMismatches(icpOut: string, duckOut: string): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  // Joined on Account, unique in these rows: row_number() over a file read on two threads does not follow the file.
  const numbered = (file: string): string => `SELECT "Account" AS n, "ICP Score"::DOUBLE AS s, "ICP Tier" AS t FROM read_csv(${sqlString(file)}, all_varchar = true)`;
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM (${numbered(icpOut)}) a FULL JOIN (${numbered(duckOut)}) b USING (n) WHERE a.s IS DISTINCT FROM b.s OR a.t IS DISTINCT FROM b.t`,
  );
  connection.closeSync();
  return Number(reader.getRows()[0]![0]);
}

if (require.main === module) void benchDuckDb(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 3)).then((f) => console.log(JSON.stringify(f, null, 1)));
