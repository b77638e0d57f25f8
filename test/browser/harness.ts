// Shared set-up of the browser tests: Debian chromium via playwright-core (never downloaded), the playground on a free port, artifacts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../playground/server';

export const CHROMIUM = process.env.ICP_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const DIST_SIDEBAR = path.resolve(__dirname, '../../dist/sidebar.html');
const DIST_BUNDLE = path.resolve(__dirname, '../../dist/Code.js');

/** Browser tests run only where Debian chromium is installed; on CI its absence is a failure, elsewhere a skip. */
export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** `describe` when chromium is there, else a skipped describe plus (on CI) a failing test that says why. */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
    return;
  }
  const why = `${CHROMIUM} is missing: install it with "apt-get update && apt-get install -y chromium" (the browser tests never download a browser).`;
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
    test(`${name}: chromium is installed`, () => {
      throw new Error(why);
    });
    return;
  }
  console.warn(`Skipping browser tests "${name}": ${why}`);
  describe.skip(name, body);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function startTestPlayground(csvText?: string): Promise<Playground> {
  for (const f of [DIST_BUNDLE, DIST_SIDEBAR]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(process.cwd(), f)} is missing: run "npm run build" first (npm test does).`);
  }
  return startPlayground({ port: 0, today: '2026-11-01', log: () => undefined, ...(csvText === undefined ? {} : { csvText }) });
}

export interface Session {
  page: Page;
  /**
   * The sidebar's frame. A Frame, not page.frameLocator('#sidebar-frame'): the iframe element stays the same for the
   * page's life (the sidebar reloads and closes by changing its src, and a Frame follows its navigations), and a
   * FrameLocator finds the iframe again on every call by a CSS query that walks every element of the 400-row grid
   * (Playwright looks into shadow roots): measured about 6 times the CPU per sidebar read, in chromium and in Node.
   */
  sidebar: Frame;
  /** Errors thrown in the page or the sidebar (a test fails if any appear). */
  errors: string[];
  /** Browser dialogs that opened (alert/confirm/prompt); beforeunload is accepted. */
  dialogs: string[];
}

/** Opens the playground page at 1280x900 with the editor sidebar open and loaded. */
export async function openPlayground(browser: Browser, pg: Playground): Promise<Session> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void (d.type() === 'beforeunload' ? d.accept() : d.dismiss());
  });
  await page.goto(pg.url);
  const sidebar = await (await page.locator('#sidebar-frame').elementHandle())?.contentFrame();
  if (sidebar === null || sidebar === undefined) throw new Error('no sidebar frame');
  await sidebar.locator('[data-action=save]').waitFor();
  await sidebar.locator('.preview [data-preview-status=idle]').waitFor();
  return { page, sidebar, errors, dialogs };
}

/** Text of a grid cell, e.g. cell(page, 'R2'). */
export function cell(page: Page, a1: string): Locator {
  return page.locator(`[data-cell="${a1}"]`);
}

/** The grid's column letter for a header text. */
export async function columnOf(page: Page, header: string): Promise<string> {
  const cells = page.locator('tr.header td');
  const n = await cells.count();
  for (let i = 0; i < n; i++) {
    if ((await cells.nth(i).textContent()) === header) return ((await cells.nth(i).getAttribute('data-cell')) ?? '').replace(/\d+$/, '');
  }
  throw new Error(`no column "${header}" in the grid`);
}

/** The preview's tier counts and changed-tier count, as the sidebar shows them. */
export async function previewCounts(sidebar: Frame): Promise<string> {
  await sidebar.locator('.preview [data-preview-status=idle]').waitFor();
  const items = sidebar.locator('.preview .tier-counts li');
  const parts: string[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    parts.push(`${await items.nth(i).getAttribute('data-tier')}=${await items.nth(i).getAttribute('data-count')}`);
  }
  return parts.join(' ');
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

// What a read says when the page it reads is being replaced (the sidebar reloading after a menu click): try again.
const NAVIGATING = /Execution context was destroyed|frame was detached|Cannot find context with specified id/;

/**
 * Polls `read` until `ok` accepts its value; fails with the last value after `timeoutMs`. A read that fails because the
 * frame is navigating (opening the editor reloads the sidebar) counts as not yet: the next poll reads the new page.
 */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  const attempt = async (): Promise<{ value: T } | { error: Error }> => {
    try {
      return { value: await read() };
    } catch (err) {
      if (err instanceof Error && NAVIGATING.test(err.message)) return { error: err };
      throw err;
    }
  };
  let last = await attempt();
  while (!('value' in last) || !ok(last.value)) {
    if (Date.now() > end) {
      const shown = 'value' in last ? JSON.stringify(last.value) : last.error.message;
      throw new Error(`Timed out waiting for ${what}; last value: ${shown}`);
    }
    await new Promise((r) => setTimeout(r, 100));
    last = await attempt();
  }
  return last.value;
}

/** Every text of one grid column (data rows only), read in one go. */
export async function columnTexts(page: Page, letter: string): Promise<string[]> {
  return page.evaluate((col) => {
    const out: string[] = [];
    for (const td of Array.from(document.querySelectorAll('tbody tr:not(.header) td'))) {
      const a1 = td.getAttribute('data-cell') ?? '';
      if (a1.replace(/\d+$/, '') === col) out.push(td.textContent ?? '');
    }
    return out;
  }, letter);
}
