// How many threads `icp score` uses when not told: one, plus one per CPU measured idle right now, within the quota.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

/** Below this size a worker's start-up (a V8 instance, the model compiled again) costs more than it saves. */
export const THREADED_MIN_BYTES = 4 * 1024 * 1024;
/** More threads than this only add memory: writing the output in order on one thread is the limit by then. */
export const MAX_DEFAULT_THREADS = 8;
/** The shortest look at the CPUs to judge them by: the kernel counts their time in 10 ms ticks. */
export const IDLE_WINDOW_MS = 60;

/** The CPUs' idle and total time so far, summed over all of them (os.cpus(), in ms). */
export interface CpuTimes {
  idle: number;
  total: number;
  at: number;
}

export function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, at: performance.now() };
}

/** What the choice is made from. */
export interface CpuBudget {
  /** CPUs this process may run on (os.availableParallelism(): the affinity mask). */
  cores: number;
  /** The cgroup's CPU quota in CPUs (cgroup v2 cpu.max), undefined when there is none. */
  quota: number | undefined;
  /** CPUs that were idle between two looks (cpuTimes), while this thread was working: the CPU a worker would get. */
  idle: number;
}

/**
 * The default thread count for a file of `bytes`: one for a small file; otherwise this thread plus one worker per
 * CPU that was idle just now, within the cores, the quota and MAX_DEFAULT_THREADS. By what is free now rather than
 * by the number of cores: a worker with no CPU to run on makes the run slower, not faster (measured on 2 cores
 * shared with other work, load average 12: 2 threads took 1.18x the wall time of one, and 9% more CPU time). Nor by
 * the load average, a minute's memory that still counts a run that just ended.
 */
export function defaultThreads(bytes: number, cpu: CpuBudget): number {
  if (bytes < THREADED_MIN_BYTES) return 1;
  const usable = Math.max(1, Math.floor(Math.min(cpu.cores, cpu.quota ?? Infinity)));
  // Rounded: a CPU idle 60% of the time still gives a worker most of a thread's speed.
  const workers = Math.floor(cpu.idle + 0.4);
  return Math.max(1, Math.min(usable, MAX_DEFAULT_THREADS, 1 + workers));
}

/**
 * The budget from a look at the CPUs taken at `since` and one taken now, waiting first until IDLE_WINDOW_MS have
 * passed (the start-up work in between, reading the model and the header row, usually covers most of it).
 */
export async function measureCpu(since: CpuTimes): Promise<CpuBudget> {
  const wait = IDLE_WINDOW_MS - (performance.now() - since.at);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const now = cpuTimes();
  const cores = os.availableParallelism();
  const all = os.cpus().length;
  const total = now.total - since.total;
  // The share of all CPUs' time that was idle, as a number of CPUs, counted only over the ones we may use.
  const idle = total > 0 ? Math.min(cores, ((now.idle - since.idle) / total) * all) : 0;
  return { cores, quota: cgroupQuota(), idle };
}

/** The CPU quota of this process's cgroup (v2) in CPUs: `200000 100000` in cpu.max is 2; `max` is none. */
export function cgroupQuota(text = readCpuMax()): number | undefined {
  const m = /^(\d+)\s+(\d+)/.exec(text ?? '');
  if (m === null) return undefined;
  const quota = Number(m[1]) / Number(m[2]);
  return quota > 0 && Number.isFinite(quota) ? quota : undefined;
}

function readCpuMax(): string | undefined {
  try {
    return readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    // Not Linux, cgroup v1, or no quota file: no quota to respect.
    return undefined;
  }
}
