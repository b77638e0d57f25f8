// Composes the emulated Apps Script services other than SpreadsheetApp over script- and document-scoped state.
import type { EmulatorEnv } from '../env';
import { CacheStore, createCacheService, type CacheServiceApi } from './cache';
import { createCharts, type ChartsApi } from './charts';
import { createHtmlService, type HtmlServiceApi } from './html';
import { createLockService, LockState, type LockControl, type LockServiceApi } from './lock';
import { createLogging, type ConsoleApi, type LogEntry, type LoggerApi, type LogSink } from './logger';
import { createPropertiesService, PropertyStore, type PropertiesServiceApi } from './properties';
import { createScriptApp, type ScriptAppApi, type TriggerRecord } from './script-app';
import { createSession, type SessionApi, type SessionOptions } from './session';
import { Ui } from './ui';
import { createUtilities, type UtilitiesApi } from './utilities';

/** State of the script and its user: shared by every document (every emulator copy) running the script. */
export interface ScriptScope {
  scriptProperties: PropertyStore;
  userProperties: PropertyStore;
  scriptCache: CacheStore;
  userCache: CacheStore;
  scriptLock: LockState;
  userLock: LockState;
}

/** State of one document: a copy of the spreadsheet starts with fresh document state. */
export interface DocumentScope {
  documentProperties: PropertyStore;
  documentCache: CacheStore;
  documentLock: LockState;
  /** Add-on triggers are per user per document. */
  triggers: TriggerRecord[];
}

export function createScriptScope(): ScriptScope {
  return {
    scriptProperties: new PropertyStore(),
    userProperties: new PropertyStore(),
    scriptCache: new CacheStore(),
    userCache: new CacheStore(),
    scriptLock: new LockState(),
    userLock: new LockState(),
  };
}

export function createDocumentScope(): DocumentScope {
  return {
    documentProperties: new PropertyStore(),
    documentCache: new CacheStore(),
    documentLock: new LockState(),
    triggers: [],
  };
}

/** The Apps Script globals this module provides (SpreadsheetApp is composed in emulator/index.ts). */
export interface ServiceGlobals {
  PropertiesService: PropertiesServiceApi;
  CacheService: CacheServiceApi;
  LockService: LockServiceApi;
  HtmlService: HtmlServiceApi;
  ScriptApp: ScriptAppApi;
  Session: SessionApi;
  Utilities: UtilitiesApi;
  Logger: LoggerApi;
  console: ConsoleApi;
  Charts: ChartsApi;
}

export interface ServicesOptions {
  /** Where HtmlService reads `<name>.html`; default `<repo>/dist`. */
  distDir?: string;
  /** Title of the add-on menu. */
  addonName?: string;
  session?: SessionOptions;
  /** Echo of Logger and console output (e.g. to the host console); none by default. */
  logSink?: LogSink;
}

export interface Services {
  globals: ServiceGlobals;
  ui: Ui;
  locks: LockControl;
  triggers: TriggerRecord[];
  logs: LogEntry[];
}

let executions = 0;

export function createServices(
  env: EmulatorEnv,
  script: ScriptScope,
  document: DocumentScope,
  options: ServicesOptions = {},
): Services {
  executions += 1;
  const logs: LogEntry[] = [];
  const { LockService, locks } = createLockService(
    env,
    { document: document.documentLock, script: script.scriptLock, user: script.userLock },
    `execution-${executions}`,
  );
  const { Logger, console } = createLogging(env, logs, options.logSink);
  const globals: ServiceGlobals = {
    PropertiesService: createPropertiesService(env, {
      document: document.documentProperties,
      script: script.scriptProperties,
      user: script.userProperties,
    }),
    CacheService: createCacheService(env, {
      document: document.documentCache,
      script: script.scriptCache,
      user: script.userCache,
    }),
    LockService,
    HtmlService: createHtmlService(env, {
      distDir: options.distDir,
      templateGlobals: () => ({ ...globals }),
    }),
    ScriptApp: createScriptApp(env, document.triggers),
    Session: createSession(env, options.session),
    Utilities: createUtilities(env),
    Logger,
    console,
    Charts: createCharts(),
  };
  const ui = new Ui(env, { addonName: options.addonName });
  return { globals, ui, locks, triggers: document.triggers, logs };
}
