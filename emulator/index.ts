// The local Apps Script emulator: one spreadsheet document with SpreadsheetApp and the other services, as Apps Script globals.
import { createEnv, type AuthModeName, type EmulatorEnv } from './env';
import { runExecution, withAuthMode, type BundleContext } from './load-bundle';
import {
  createDocumentScope,
  createScriptScope,
  createServices,
  type DocumentScope,
  type ScriptScope,
  type ServiceGlobals,
  type ServicesOptions,
} from './services';
import type { LockControl } from './services/lock';
import type { LogEntry } from './services/logger';
import type { TriggerRecord } from './services/script-app';
import type { Ui } from './services/ui';
import { copyWorkbook, createSpreadsheetApp, Workbook } from './spreadsheet';

export { loadBundle, callServer } from './load-bundle';
export type { BundleContext, RealmMode } from './load-bundle';

export interface EmulatorOptions extends ServicesOptions {
  timeZone?: string;
  now?: () => Date;
  workbook?: Workbook;
}

export type EmulatorGlobals = ServiceGlobals & { SpreadsheetApp: ReturnType<typeof createSpreadsheetApp> };

export interface Emulator {
  env: EmulatorEnv;
  workbook: Workbook;
  ui: Ui;
  locks: LockControl;
  /** The Apps Script globals, as the bundle sees them. */
  globals: EmulatorGlobals;
  /** This document's installed triggers (add-on triggers are per user per document). */
  triggers: TriggerRecord[];
  /** Logger and console output. */
  logs: LogEntry[];
  /**
   * The spreadsheet copied (File > Make a copy): a new document for the same script and user.
   * Script and user properties, caches and locks are shared; document properties, the document
   * cache, the document lock and triggers start empty.
   */
  copy(): Emulator;
  /** Runs fn with env.authMode set to mode, then restores the previous mode. */
  withAuthMode<T>(mode: AuthModeName, fn: () => T): T;
  /**
   * Fires a time-based trigger (by id, or the one due first) in the loaded bundle: its handler
   * runs in AuthMode.FULL as its own execution. The trigger stays listed, as fired one-off
   * triggers do in Apps Script until deleted.
   */
  runTrigger(context: BundleContext, triggerId?: string): unknown;
}

function build(options: EmulatorOptions, script: ScriptScope, document: DocumentScope, workbook: Workbook): Emulator {
  const env = createEnv({ timeZone: options.timeZone, now: options.now });
  const services = createServices(env, script, document, options);
  const globals: EmulatorGlobals = {
    ...services.globals,
    SpreadsheetApp: createSpreadsheetApp(env, workbook, { ui: services.ui }),
  };
  const emulator: Emulator = {
    env,
    workbook,
    ui: services.ui,
    locks: services.locks,
    globals,
    triggers: services.triggers,
    logs: services.logs,
    copy: () => build(options, script, createDocumentScope(), copyWorkbook(workbook)),
    withAuthMode: (mode, fn) => withAuthMode(env, mode, fn),
    runTrigger(context, triggerId) {
      const pending = [...services.triggers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const trigger = triggerId === undefined ? pending[0] : pending.find((t) => t.id === triggerId);
      if (trigger === undefined) throw new Error(triggerId === undefined ? 'No trigger is installed' : `No trigger ${triggerId}`);
      const handler = context[trigger.handlerFunction];
      if (typeof handler !== 'function') throw new Error(`Script function not found: ${trigger.handlerFunction}`);
      trigger.runs += 1;
      const event = { authMode: 'FULL', triggerUid: trigger.id, timezone: env.timeZone };
      return emulator.withAuthMode('FULL', () =>
        runExecution(emulator, () => (handler as (e: unknown) => unknown)(event)),
      );
    },
  };
  return emulator;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return build(options, createScriptScope(), createDocumentScope(), options.workbook ?? new Workbook());
}
