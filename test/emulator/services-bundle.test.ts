// loadBundle and callServer: a bare context, custom function registration, the google.script.run wire format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEnv } from '../../emulator/env';
import { callServer, loadBundle, runExecution, type BundleHost, type CustomFunctionImpl } from '../../emulator/load-bundle';
import { createDocumentScope, createScriptScope, createServices } from '../../emulator/services';

const FIXTURE = `
"use strict";
function ICP_DOUBLE(x) { return x * 2; }
function ICP_DOC() {
  try { PropertiesService.getDocumentProperties(); return 'allowed'; } catch (e) { return 'denied'; }
}
function notCustom() { return 1; }
function getState(arg) {
  return { ok: true, list: [1, undefined], skipped: undefined, when: new Date().toISOString(), arg: arg,
           argIsOwnRealm: Object.getPrototypeOf(arg) === Object.prototype };
}
function sendDate() { return { at: new Date() }; }
function secret_() { return 'secret'; }
function globalsSeen() {
  return [typeof require, typeof process, typeof module, typeof setTimeout, typeof PropertiesService, typeof console];
}
function isDate(value) { return value instanceof Date; }
function isArray(value) { return value instanceof Array; }
function hostErrorIsError() {
  try { LockService.getScriptLock().tryLock(-1); } catch (e) { return e instanceof Error; }
  return false;
}
class EngineError extends Error {}
function hostErrorIsEngineError() {
  try { LockService.getScriptLock().tryLock(-1); } catch (e) { return e instanceof EngineError; }
  return null;
}
function lockAndForget() { LockService.getDocumentLock().waitLock(100); return 'locked'; }
var notAFunction = 1;
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-bundle-'));
const bundlePath = path.join(dir, 'Code.js');
fs.writeFileSync(bundlePath, FIXTURE);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(Date.UTC(2026, 2, 1, 9, 30));

function setup() {
  const env = createEnv({ now: () => NOW });
  const services = createServices(env, createScriptScope(), createDocumentScope());
  const registered: Record<string, CustomFunctionImpl> = {};
  const host: BundleHost = {
    env,
    globals: services.globals,
    locks: services.locks,
    workbook: { registerCustomFunctions: (impls) => Object.assign(registered, impls) },
  };
  return { env, host, registered, globals: services.globals, locks: services.locks, context: loadBundle(host, bundlePath) };
}

describe('loadBundle', () => {
  it('exposes top-level functions and registers the ICP_ ones as custom functions', () => {
    const { context, registered } = setup();
    expect(typeof context.notCustom).toBe('function');
    expect(Object.keys(registered).sort()).toEqual(['ICP_DOC', 'ICP_DOUBLE']);
    expect(registered.ICP_DOUBLE!(21)).toBe(42);
  });

  it('runs custom functions in AuthMode.CUSTOM_FUNCTION and restores the mode', () => {
    const { env, registered } = setup();
    expect(registered.ICP_DOC!()).toBe('denied');
    expect(env.authMode).toBe('FULL');
  });

  it('gives the bundle only Apps Script globals', () => {
    const { context } = setup();
    expect((context.globalsSeen as () => string[])()).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'object', 'object']);
  });

  it('treats host Dates, Arrays and Errors as the bundle\'s own, but not as its subclasses', () => {
    const { context } = setup();
    expect((context.isDate as (v: unknown) => boolean)(new Date())).toBe(true);
    expect((context.isDate as (v: unknown) => boolean)('2026-01-01')).toBe(false);
    expect((context.isArray as (v: unknown) => boolean)([1])).toBe(true);
    expect((context.hostErrorIsError as () => boolean)()).toBe(true);
    expect((context.hostErrorIsEngineError as () => boolean)()).toBe(false);
  });

  it('reads the emulator clock for new Date()', () => {
    const { context } = setup();
    expect((callServer(context, 'getState', {}) as { when: string }).when).toBe(NOW.toISOString());
  });

  it('loads the real build output when it exists', () => {
    const built = path.resolve(__dirname, '../../dist/Code.js');
    if (!fs.existsSync(built)) return;
    const env = createEnv();
    const services = createServices(env, createScriptScope(), createDocumentScope());
    const names: string[] = [];
    const context = loadBundle({
      env,
      globals: services.globals,
      locks: services.locks,
      workbook: { registerCustomFunctions: (impls) => names.push(...Object.keys(impls)) },
    });
    expect(typeof context.onOpen).toBe('function');
    expect(names).toEqual(expect.arrayContaining(['ICP_SCORE', 'ICP_TIER']));
  });
});

describe('callServer', () => {
  it('passes plain data through the wire format, in the bundle\'s realm', () => {
    const { context } = setup();
    const result = callServer(context, 'getState', { name: 'x', list: [1, undefined], gone: undefined }) as Record<string, unknown>;
    expect(result).toEqual({
      ok: true,
      list: [1, null],
      when: NOW.toISOString(),
      arg: { name: 'x', list: [1, null] },
      argIsOwnRealm: true,
    });
  });

  it('refuses private functions, unknown names and globals', () => {
    const { context } = setup();
    expect(() => callServer(context, 'secret_')).toThrow('private');
    expect(() => callServer(context, 'nope')).toThrow('not a server function');
    expect(() => callServer(context, 'notAFunction')).toThrow('not a server function');
    expect(() => callServer(context, 'PropertiesService')).toThrow('not a server function');
  });

  it('refuses Dates, functions, class instances and cycles, in arguments and results', () => {
    const { context } = setup();
    expect(() => callServer(context, 'sendDate')).toThrow('result at is a Date');
    expect(() => callServer(context, 'getState', { when: new Date() })).toThrow('argument #1.when is a Date');
    expect(() => callServer(context, 'getState', { f: () => 1 })).toThrow('a function');
    expect(() => callServer(context, 'getState', new Map())).toThrow('an instance of Map');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => callServer(context, 'getState', cycle)).toThrow('circular');
  });

  it('ends the execution: locks still held are released, acquisitions counted', () => {
    const { context, locks, env } = setup();
    expect(callServer(context, 'lockAndForget')).toBe('locked');
    expect(locks.heldBy('document')).toBeNull();
    expect(locks.acquisitions.document).toBe(1);
    expect(env.counter.calls.get('google.script.run')).toBe(1);
  });
});

describe('runExecution', () => {
  it('releases locks only when the outermost execution ends', () => {
    const { host, locks, registered, globals } = setup();
    runExecution(host, () => {
      globals.LockService.getDocumentLock()!.waitLock(10);
      expect(registered.ICP_DOUBLE!(2)).toBe(4);
      expect(locks.heldBy('document')).toBe('this execution');
    });
    expect(locks.heldBy('document')).toBeNull();
  });
});
