// The sidebar's typed client: at most 10 google.script.run calls in flight (the rest queue), failures in words, stale preview answers dropped.
export {};

interface Pending {
  name: string;
  args: unknown[];
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

const pending: Pending[] = [];

function fakeRunner(ok: (v: unknown) => void = () => undefined, fail: (e: unknown) => void = () => undefined): unknown {
  return new Proxy({}, {
    get(_t, prop) {
      if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => fakeRunner(f, fail);
      if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => fakeRunner(ok, f);
      return (...args: unknown[]) => pending.push({ name: String(prop), args, ok, fail });
    },
  });
}

(globalThis as unknown as { window: unknown }).window = { google: { script: { run: fakeRunner() } } };

// Imported after the fake google.script.run exists.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { call, MAX_IN_FLIGHT, pendingCalls, ServerError } = require('../../sidebar/client') as typeof import('../../sidebar/client');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { latestCall } = require('../../sidebar/latest-call') as typeof import('../../sidebar/latest-call');

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  pending.length = 0;
});

test('never more than 10 calls in flight; the others wait their turn', async () => {
  const results = Array.from({ length: 25 }, (_, i) => call('getColumnSuggestions', `c${i}`));
  expect(MAX_IN_FLIGHT).toBe(10);
  expect(pending).toHaveLength(10);
  expect(pendingCalls()).toBe(25);
  for (let done = 0; done < 25; done++) {
    const p = pending.shift()!;
    p.ok({ column: p.args[0], values: [] });
    await tick();
    expect(pending.length).toBeLessThanOrEqual(10);
  }
  const answers = await Promise.all(results);
  expect(answers.map((a) => a.column)).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`));
  expect(pendingCalls()).toBe(0);
});

test('a server failure rejects with its message and the function name', async () => {
  const r = call('getTemplate', 'nope');
  pending.shift()!.fail(new Error('Unknown template "nope".'));
  await expect(r).rejects.toBeInstanceOf(ServerError);
  await expect(r).rejects.toMatchObject({ method: 'getTemplate', message: 'Unknown template "nope".' });
});

test('the debounced preview call sends once and delivers only the newest answer', async () => {
  jest.useFakeTimers();
  try {
    const seen: unknown[] = [];
    const errors: Error[] = [];
    const preview = latestCall('getColumnSuggestions', 300, { result: (v) => seen.push(v.column), error: (e) => errors.push(e) });
    preview.schedule(() => ['a']);
    preview.schedule(() => ['b']);
    jest.advanceTimersByTime(299);
    expect(pending).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(pending.map((p) => p.args[0])).toEqual(['b']);
    const first = pending.shift()!;
    // A newer request is made before the first answer arrives: the first answer is dropped.
    preview.schedule(() => ['c']);
    jest.advanceTimersByTime(300);
    const second = pending.shift()!;
    second.ok({ column: 'c', values: [] });
    first.ok({ column: 'b', values: [] });
    jest.useRealTimers();
    await tick();
    expect(seen).toEqual(['c']);
    expect(errors).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});
