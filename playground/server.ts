// The playground server: the real Apps Script bundle on the emulator, the sample sheet with live ICP formulas, and the sidebar bridged to it.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createEmulator, type Emulator } from '../emulator';
import { callServer, loadBundle, runExecution, type BundleContext } from '../emulator/load-bundle';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { buildAssets, withShim, type Assets } from './assets';
import { CsvInputError, MAX_CSV_BYTES, parseCsvBytes, parseCsvText } from './csv';
import { decodePathPart, HttpError, listenErrorMessage, readBodyBytes, readJson, SECURITY_HEADERS, sendHtml, sendJson, sendText } from './http-util';
import { modelColumnKeys } from '../src/gas/header-row';
import { gridView, loadAccounts, savedModelColumns, visibleSheets } from './sheet';

const ROOT = path.resolve(__dirname, '..');
export const SAMPLE_CSV = path.join(ROOT, 'data', 'sample-accounts.csv');
/** The sample data's "today": results are reproducible unless ICP_TODAY says otherwise. */
export const SAMPLE_TODAY = '2026-11-01';
/** google.script.run arguments: a model of many profiles is far smaller. */
const MAX_RUN_BODY = 20_000_000;

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** YYYY-MM-DD; default ICP_TODAY or the sample's 2026-11-01. */
  today?: string;
  distDir?: string;
  /** CSV to load at start (default: the sample accounts). */
  csvText?: string;
  /** Echo server errors to the console. */
  log?: (line: string) => void;
}

export interface Playground {
  url: string;
  port: number;
  /** The live state, for tests: the emulator and the loaded bundle. */
  readonly emulator: Emulator;
  readonly context: BundleContext;
  /** Bumped whenever the sheet may have changed (save, menu, CSV). */
  readonly revision: number;
  close(): Promise<void>;
}

interface State {
  emulator: Emulator;
  context: BundleContext;
  revision: number;
}

function todayDate(today: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T12:00:00Z`))) {
    throw new Error(`ICP_TODAY must be a date like 2026-11-01, got "${today}"`);
  }
  return new Date(`${today}T12:00:00Z`);
}

function spreadsheetOf(emulator: Emulator): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (emulator.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A fresh emulated spreadsheet with the bundle loaded, the accounts loaded and the B2B SaaS starter saved. */
function createState(options: PlaygroundOptions, csvText: string): State {
  const now = todayDate(options.today ?? process.env.ICP_TODAY ?? SAMPLE_TODAY);
  const emulator = createEmulator({
    timeZone: 'Etc/UTC',
    now: () => new Date(now.getTime()),
    addonName: 'ICP Scorer',
    ...(options.distDir === undefined ? {} : { distDir: options.distDir }),
  });
  const bundle = path.join(options.distDir ?? path.join(ROOT, 'dist'), 'Code.js');
  const context = loadBundle(emulator, bundle);
  // The spreadsheet opens: onOpen builds the add-on menu (AuthMode.NONE before the add-on is enabled).
  emulator.withAuthMode('NONE', () => runExecution(emulator, () => (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' })));
  loadAccounts(spreadsheetOf(emulator), parseCsvText(csvText), modelColumnKeys(b2bSaasTemplate()));
  const saved = callServer(context, 'saveModel', b2bSaasTemplate(), 0) as { ok: boolean; message: string };
  if (!saved.ok) throw new Error(`Could not save the starter model: ${saved.message}`);
  return { emulator, context, revision: 1 };
}

/**
 * What the grid shows of the document, cheaply: each sheet's name, visibility and change counters. A
 * google.script.run call that changes it (Build tier summary, a scoring run) must refresh the grid, as a save does.
 */
function workbookStamp(emulator: Emulator): string {
  return emulator.workbook
    .sheetList()
    .map((sh) => `${sh.id}:${sh.name}:${sh.hidden ? 'h' : ''}:${sh.version}:${sh.formulaVersion}`)
    .join('|');
}

/**
 * Requests only from this machine's own pages. The Host check stops DNS rebinding (a web page whose name points at
 * 127.0.0.1 reading the grid: the user's own accounts); the Origin check stops other sites' pages from posting a CSV or a
 * model (a form or fetch from another origin carries its Origin header).
 */
function checkOrigin(req: http.IncomingMessage, port: number, host: string): void {
  const allowed = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') return; // served on purpose to other machines
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  if (!allowed.has(hostHeader)) throw new HttpError(403, `the playground answers only at http://localhost:${port}`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !allowed.has(origin.toLowerCase().replace(/^https?:\/\//, ''))) {
    throw new HttpError(403, 'requests from other sites are refused');
  }
  if (origin === 'null' && req.method !== 'GET') throw new HttpError(403, 'requests from other sites are refused');
}

function menuFunctions(emulator: Emulator): { title: string; items: { caption?: string; functionName?: string; separator?: boolean }[] } {
  const menu = emulator.ui.menus.find((m) => m.addon) ?? emulator.ui.menus[0];
  if (menu === undefined) return { title: 'ICP Scorer', items: [] };
  return {
    title: menu.title,
    items: menu.items.map((i) => ('functionName' in i ? { caption: i.caption, functionName: i.functionName } : { separator: true })),
  };
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const sample = options.csvText ?? fs.readFileSync(SAMPLE_CSV, 'utf8');
  const assets: Assets = await buildAssets();
  let state = createState(options, sample);
  const log = options.log ?? ((line: string) => console.error(line));

  let listeningPort = 0;
  const host = options.host ?? '127.0.0.1';

  const routes = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    checkOrigin(req, listeningPort, host);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'the request address is malformed');
    }
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (route === 'GET /') return sendHtml(res, assets.page);
    // Browsers ask for it on every load; a 404 would print a console error each time.
    if (route === 'GET /favicon.ico') {
      res.writeHead(204, { ...SECURITY_HEADERS, 'cache-control': 'max-age=86400' });
      return void res.end();
    }
    if (route === 'GET /sidebar') {
      const shown = state.emulator.ui.sidebar;
      if (shown === undefined) return sendHtml(res, '<!DOCTYPE html><p>No sidebar is open: use the menu buttons.</p>', true);
      return sendHtml(res, withShim(shown.content, assets.shimTag), true);
    }
    if (route === 'GET /api/revision') return sendJson(res, 200, { revision: state.revision });
    if (route === 'GET /api/grid') {
      const ss = spreadsheetOf(state.emulator);
      const wanted = url.searchParams.get('sheet');
      return sendJson(res, 200, {
        revision: state.revision,
        sheets: visibleSheets(ss),
        activeSheet: ss.getActiveSheet().getName(),
        ...gridView(ss, wanted === null || wanted === '' ? undefined : wanted),
      });
    }
    if (route === 'POST /api/activate') {
      // Clicking a sheet tab makes it the active sheet, as in Sheets: the sidebar's preview then reads it.
      const body = ((await readJson(req, 10_000)) ?? {}) as { sheet?: unknown };
      const ss = spreadsheetOf(state.emulator);
      const sheet = typeof body.sheet === 'string' ? ss.getSheetByName(body.sheet) : null;
      if (sheet === null || sheet.isSheetHidden()) throw new HttpError(404, `no sheet named ${JSON.stringify(body.sheet)}`);
      ss.setActiveSheet(sheet);
      return sendJson(res, 200, { activeSheet: sheet.getName() });
    }
    if (route === 'GET /api/menu') return sendJson(res, 200, menuFunctions(state.emulator));
    if (route === 'POST /api/run') {
      let name = '';
      try {
        const body = ((await readJson(req, MAX_RUN_BODY)) ?? {}) as { name?: unknown; args?: unknown };
        if (typeof body.name !== 'string' || !Array.isArray(body.args)) throw new HttpError(400, 'expected {"name": string, "args": [...]}');
        name = body.name;
        const before = workbookStamp(state.emulator);
        let value: unknown;
        try {
          value = callServer(state.context, name, ...(body.args as unknown[]));
        } finally {
          // Whatever the call wrote (a save, a tier summary sheet, a scoring run, even one that failed halfway) reaches the grid.
          if (name === 'saveModel' || workbookStamp(state.emulator) !== before) state.revision += 1;
        }
        return sendJson(res, 200, value === undefined ? {} : { value });
      } catch (e) {
        if (e instanceof HttpError) throw e;
        // A server function threw: google.script.run hands the message to the failure handler.
        log(`google.script.run.${name} failed: ${messageOf(e)}`);
        return sendJson(res, 200, { error: messageOf(e) });
      }
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/menu/')) {
      const fn = decodePathPart(url.pathname.slice('/api/menu/'.length));
      if (!menuFunctions(state.emulator).items.some((i) => i.functionName === fn)) throw new HttpError(404, `"${fn}" is not an item of the add-on menu`);
      const before = state.emulator.ui.sidebars.length;
      const toastsBefore = state.emulator.workbook.toasts.length;
      const run = state.context[fn];
      if (typeof run !== 'function') throw new HttpError(404, `Script function not found: ${fn}`);
      try {
        state.emulator.withAuthMode('FULL', () => runExecution(state.emulator, () => (run as () => unknown)()));
      } catch (e) {
        throw new HttpError(500, messageOf(e));
      }
      state.revision += 1;
      const shown = state.emulator.ui.sidebars.length > before ? state.emulator.ui.sidebar : undefined;
      // Toasts the entry point showed, as the bottom-right corner of Sheets would.
      const toasts = state.emulator.workbook.toasts.slice(toastsBefore).map((t) => t.message);
      return sendJson(res, 200, { sidebar: shown === undefined ? null : { title: shown.title }, message: toasts.join(' ') });
    }
    if (route === 'POST /api/csv') {
      let rows: string[][];
      try {
        rows = parseCsvBytes(await readBodyBytes(req, MAX_CSV_BYTES));
      } catch (e) {
        if (e instanceof CsvInputError || (e instanceof Error && e.name === 'CsvError')) throw new HttpError(400, `Could not read the CSV: ${e.message}`);
        throw e;
      }
      const ss = spreadsheetOf(state.emulator);
      const r = loadAccounts(ss, rows, savedModelColumns(ss));
      state.revision += 1;
      const headerAt = r.headerRow > 1 ? ` under the header on row ${r.headerRow}` : '';
      return sendJson(res, 200, { message: `loaded ${count(r.dataRows, 'row')}${headerAt} and ${count(r.dataColumns, 'column')}; the ICP columns were added after them.${r.summaryRemoved ? ' The ICP Tiers summary of the old sheet was removed: build it again from the new one.' : ''}` });
    }
    if (route === 'POST /api/reset') {
      const revision = state.revision;
      state = createState(options, sample);
      state.revision = revision + 1;
      return sendJson(res, 200, { message: 'Back to the sample accounts and the B2B SaaS starter model.' });
    }
    throw new HttpError(404, `no route ${route}`);
  };

  const server = http.createServer((req, res) => {
    routes(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status >= 500) log(`${req.method ?? ''} ${req.url ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (res.headersSent) res.end();
      else if ((req.url ?? '').startsWith('/api/')) sendJson(res, status, { error: messageOf(e) });
      else sendText(res, status, messageOf(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(listenErrorMessage(e, options.port, host))));
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  listeningPort = port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    get emulator() {
      return state.emulator;
    },
    get context() {
      return state.context;
    },
    get revision() {
      return state.revision;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
