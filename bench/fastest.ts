// Benchmark timing: the fastest of several runs of a function, in seconds (this shared machine's speed varies run to run).

/** The last run's result, kept where the optimiser cannot see it unused, so no measured loop can be dropped as dead code. */
export let lastResult: unknown;

export function fastestSeconds(runs: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    lastResult = fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return min;
}
