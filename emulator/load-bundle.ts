// Loads the built Apps Script bundle into an emulator and calls its entry points as Sheets and google.script.run do.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { EmulatorEnv } from './env';
import { createBundleContext, parseInContext, type BundleContext } from './services/bundle-context';
import type { LockControl } from './services/lock';
import { toWire } from './services/script-run';

export type { BundleContext } from './services/bundle-context';

export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** What loadBundle needs from an emulator (an Emulator has all of it). */
export interface BundleHost {
  env: EmulatorEnv;
  globals: object;
  workbook: { registerCustomFunctions(impls: Record<string, CustomFunctionImpl>): void };
  locks: Pick<LockControl, 'endExecution'>;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const hosts = new WeakMap<BundleContext, BundleHost>();

const depth = new WeakMap<object, number>();

/**
 * Runs fn as one Apps Script execution: the locks it still holds are released when it ends. A
 * nested run (a custom function recalculated while a server call writes the sheet) belongs to the
 * outer execution, so it does not release the outer execution's locks.
 */
export function runExecution<T>(host: Pick<BundleHost, 'locks'>, fn: () => T): T {
  const level = depth.get(host.locks) ?? 0;
  depth.set(host.locks, level + 1);
  try {
    return fn();
  } finally {
    depth.set(host.locks, level);
    if (level === 0) host.locks.endExecution();
  }
}

/** Runs fn with env.authMode set to mode, then restores the previous mode. */
export function withAuthMode<T>(env: EmulatorEnv, mode: EmulatorEnv['authMode'], fn: () => T): T {
  const previous = env.authMode;
  env.authMode = mode;
  try {
    return fn();
  } finally {
    env.authMode = previous;
  }
}

/**
 * How custom function executions find the script's global state. 'fresh' (the default): each execution runs in a new
 * realm where the bundle was just loaded, so nothing one call leaves in module state (a cache, a memo) is there for
 * the next, as Sheets promises nothing about a warm runtime between custom function calls
 * (https://developers.google.com/apps-script/guides/sheets/functions: each call is a separate server call). 'warm':
 * every execution shares the one loaded realm, which is faster and what a lucky warm runtime looks like.
 */
export type RealmMode = 'fresh' | 'warm';

export interface LoadOptions {
  realm?: RealmMode;
}

/** The default realm mode: ICP_EMULATOR_REALM=warm|fresh, else fresh. */
export function defaultRealm(): RealmMode {
  return process.env.ICP_EMULATOR_REALM === 'warm' ? 'warm' : 'fresh';
}

/**
 * Reads the bundle (relative paths are from the repository root) and runs it in a bare context
 * holding only the emulator's globals. Top-level function declarations become properties of the
 * returned context; those named ICP_* are registered as the workbook's custom functions, each
 * call running in AuthMode.CUSTOM_FUNCTION as its own execution (in a fresh realm unless `realm` is 'warm').
 */
export function loadBundle(host: BundleHost, bundlePath = 'dist/Code.js', options: LoadOptions = {}): BundleContext {
  const file = path.resolve(REPO_ROOT, bundlePath);
  const code = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(code, { filename: file });
  const now = (): number => host.env.now().getTime();
  const context = createBundleContext({ ...host.globals }, now);
  script.runInContext(context);
  hosts.set(context, host);
  const realm = options.realm ?? defaultRealm();
  const impls: Record<string, CustomFunctionImpl> = {};
  for (const name of Object.keys(context)) {
    const loaded = context[name];
    if (name.startsWith('ICP_') && typeof loaded === 'function') {
      impls[name] = (...args: unknown[]) =>
        runExecution(host, () =>
          withAuthMode(host.env, 'CUSTOM_FUNCTION', () => {
            let fn = loaded as CustomFunctionImpl;
            if (realm === 'fresh') {
              const fresh = createBundleContext({ ...host.globals }, now);
              script.runInContext(fresh);
              fn = fresh[name] as CustomFunctionImpl;
            }
            return fn(...args);
          }),
        );
    }
  }
  host.workbook.registerCustomFunctions(impls);
  return context;
}

/**
 * Calls a server function the way google.script.run does
 * (https://developers.google.com/apps-script/guides/html/reference/run): arguments and result go
 * through the wire format (see services/script-run.ts), names ending in `_` are private, and
 * each call is one execution in the current auth mode.
 */
export function callServer(context: BundleContext, name: string, ...args: unknown[]): unknown {
  const host = hosts.get(context);
  if (host === undefined) throw new Error('callServer: this context was not made by loadBundle');
  host.env.counter.count('google.script.run');
  if (name.endsWith('_')) {
    throw new Error(`google.script.run: ${name} is private (its name ends in "_") and cannot be called from the client`);
  }
  const fn = Object.prototype.hasOwnProperty.call(context, name) ? context[name] : undefined;
  if (typeof fn !== 'function' || name in host.globals) {
    throw new Error(`google.script.run: ${name} is not a server function`);
  }
  const wireArgs = args.map((arg, i) => parseInContext(context, toWire(arg, 'argument', `#${i + 1}`)));
  const result = runExecution(host, () => (fn as CustomFunctionImpl)(...wireArgs));
  if (result === undefined) return undefined;
  return JSON.parse(toWire(result, 'result')) as unknown;
}
