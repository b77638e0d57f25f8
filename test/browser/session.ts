// One playground and one headless Chromium page per browser-test describe: started in beforeAll, closed in afterAll.
import type { Browser, Frame } from 'playwright-core';
import type { Playground } from '../../playground/server';
import { launch, openPlayground, startTestPlayground, type Session } from './harness';

/** The open playground page (see Session), its server and browser, and the sidebar's frame; filled in by beforeAll. */
export interface PlaygroundSession extends Session {
  pg: Playground;
  browser: Browser;
  /** The sidebar's frame: the same Frame as `sidebar`. */
  frame: Frame;
}

/**
 * Registers beforeAll/afterAll in the calling describe: starts the playground (with `csvText` as its sheet, if given),
 * launches chromium and opens the playground page. Read the fields inside tests and hooks, not at describe time.
 */
export function usePlaygroundSession(csvText?: string): PlaygroundSession {
  const s = {} as PlaygroundSession;

  beforeAll(async () => {
    // Chromium starts in its own process while this one loads the playground (mostly synchronous work, so launch first).
    const [browser, pg] = await Promise.allSettled([launch(), startTestPlayground(csvText)]);
    if (pg.status === 'fulfilled') s.pg = pg.value;
    if (browser.status === 'fulfilled') s.browser = browser.value;
    if (pg.status === 'rejected') throw pg.reason;
    if (browser.status === 'rejected') throw browser.reason;
    Object.assign(s, await openPlayground(s.browser, s.pg));
    s.frame = s.sidebar;
  });

  afterAll(async () => {
    await s.browser?.close();
    await s.pg?.close();
  });

  return s;
}
