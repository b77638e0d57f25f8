// The default thread count of `icp score`: by the CPU free now, within the cores and the quota; never timed here.
import { cgroupQuota, defaultThreads, MAX_DEFAULT_THREADS, THREADED_MIN_BYTES } from '../../src/cli/thread-count';

const BIG = 100 * 1024 * 1024;

describe('defaultThreads', () => {
  it('scores a small file on one thread, whatever the machine', () => {
    expect(defaultThreads(THREADED_MIN_BYTES - 1, { cores: 16, quota: undefined, idle: 16 })).toBe(1);
  });

  it('adds a worker per idle CPU: a busy machine gets one thread, an idle one a thread per core', () => {
    expect(defaultThreads(BIG, { cores: 2, quota: undefined, idle: 0 })).toBe(1);
    expect(defaultThreads(BIG, { cores: 2, quota: undefined, idle: 0.3 })).toBe(1);
    expect(defaultThreads(BIG, { cores: 2, quota: undefined, idle: 0.6 })).toBe(2);
    expect(defaultThreads(BIG, { cores: 2, quota: undefined, idle: 1 })).toBe(2);
    expect(defaultThreads(BIG, { cores: 2, quota: undefined, idle: 2 })).toBe(2);
    expect(defaultThreads(BIG, { cores: 4, quota: undefined, idle: 1.7 })).toBe(3);
  });

  it('stays within the cgroup quota and the cap', () => {
    expect(defaultThreads(BIG, { cores: 16, quota: 1.5, idle: 15 })).toBe(1);
    expect(defaultThreads(BIG, { cores: 16, quota: 4, idle: 15 })).toBe(4);
    expect(defaultThreads(BIG, { cores: 64, quota: undefined, idle: 63 })).toBe(MAX_DEFAULT_THREADS);
  });
});

describe('cgroupQuota', () => {
  it('reads cpu.max as CPUs, and "max" or nothing as no quota', () => {
    expect(cgroupQuota('200000 100000\n')).toBe(2);
    expect(cgroupQuota('50000 100000\n')).toBe(0.5);
    expect(cgroupQuota('max 100000\n')).toBeUndefined();
    expect(cgroupQuota('')).toBeUndefined();
  });
});
