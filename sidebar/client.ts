// The sidebar's one typed client over google.script.run: names, arguments and results come from the server API's type.
import type { ServerApi } from '../src/gas/server-api';

export type Method = keyof ServerApi;
export type Args<K extends Method> = Parameters<ServerApi[K]>;
export type Result<K extends Method> = ReturnType<ServerApi[K]>;

/** The part of google.script.run we use (https://developers.google.com/apps-script/guides/html/reference/run). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
}
/** One method per server function, with that function's parameters; no catch-all index signature. */
type ServerMethods = { [K in Method]: (...args: Args<K>) => void };
type Runner = ScriptRunner & ServerMethods;

interface HostWindow {
  google?: { script?: { run?: Runner } };
}

/** A failed server call: the server's message, and which call failed. */
export class ServerError extends Error {
  constructor(readonly method: Method, message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

// google.script.run allows at most 10 concurrent calls; the rest wait here.
export const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

function runner(): Runner {
  const run = (window as unknown as HostWindow).google?.script?.run;
  if (run === undefined) throw new Error('google.script.run is not available: open this page from the add-on menu.');
  return run;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

function next(): void {
  inFlight -= 1;
  const start = waiting.shift();
  if (start !== undefined) start();
}

/** Calls a server function; resolves with its result or rejects with a ServerError carrying the server's message. */
export function call<K extends Method>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const start = (): void => {
      inFlight += 1;
      try {
        const r = runner()
          .withSuccessHandler((value) => {
            next();
            resolve(value as Result<K>);
          })
          .withFailureHandler((error) => {
            next();
            reject(new ServerError(name, messageOf(error)));
          });
        const methods: ServerMethods = r;
        const method: (...a: Args<K>) => void = methods[name];
        method.apply(r, args);
      } catch (e) {
        next();
        reject(new ServerError(name, messageOf(e)));
      }
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else waiting.push(start);
  });
}

/** Calls waiting for a free slot (for tests and the status line). */
export function pendingCalls(): number {
  return inFlight + waiting.length;
}
