// google.script.run for the playground's sidebar frame: each call POSTs {name, args} to /api/run, where the real bundle runs on the emulator.
import { toWire } from '../../emulator/services/script-run';

type Success = (value: unknown, userObject?: unknown) => void;
type Failure = (error: Error, userObject?: unknown) => void;

interface Handlers {
  success?: Success;
  failure?: Failure;
  userObject?: unknown;
}

// Apps Script allows at most 10 google.script.run calls in flight; the shim enforces it so a client that ignores it fails here too.
const LIMIT = 10;
let inFlight = 0;
const stats = { maxInFlight: 0, calls: 0 };

function send(name: string, args: unknown[], h: Handlers): void {
  const fail = (message: string): void => {
    if (h.failure !== undefined) h.failure(new Error(message), h.userObject);
    // Like Apps Script, an unhandled failure is only logged.
    else console.error(`google.script.run.${name} failed: ${message}`);
  };
  if (inFlight >= LIMIT) {
    setTimeout(() => fail('Too many google.script.run calls in flight (the limit is 10).'), 0);
    return;
  }
  let body: string;
  try {
    // Apps Script refuses a Date, a function or a class instance among the arguments (see script-run.ts); JSON.stringify
    // alone would quietly send a Date as text and drop a function, so code that fails in Sheets would pass here.
    const wire = args.map((arg, i) => toWire(arg, 'argument', `#${i + 1}`));
    body = `{"name":${JSON.stringify(name)},"args":[${wire.join(',')}]}`;
  } catch (e) {
    setTimeout(() => fail(e instanceof Error ? e.message : String(e)), 0);
    return;
  }
  inFlight += 1;
  stats.calls += 1;
  stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
  fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    .then(async (res) => {
      const text = await res.text();
      let data: { value?: unknown; error?: string };
      try {
        data = JSON.parse(text) as { value?: unknown; error?: string };
      } catch {
        throw new Error(`The playground server answered ${res.status}: ${text.slice(0, 200)}`);
      }
      return data;
    })
    .then(
      (data) => {
        inFlight -= 1;
        if (typeof data.error === 'string') fail(data.error);
        else h.success?.(data.value, h.userObject);
      },
      (e: unknown) => {
        inFlight -= 1;
        fail(`The playground server could not be reached: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
}

function runner(h: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === 'withSuccessHandler') return (f: Success) => runner({ ...h, success: f });
        if (prop === 'withFailureHandler') return (f: Failure) => runner({ ...h, failure: f });
        if (prop === 'withUserObject') return (o: unknown) => runner({ ...h, userObject: o });
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args: unknown[]) => send(prop, args, h);
      },
    },
  );
}

const host = {
  close(): void {
    window.parent.postMessage({ icpPlayground: 'close' }, '*');
  },
  setHeight(): void {},
  setWidth(): void {},
  editor: { focus(): void {} },
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
(window as unknown as { __playgroundRunStats: unknown }).__playgroundRunStats = stats;
