// Watches the sheet a panel read: when it is replaced (an import), renamed or its rows change, the panel is told, so no panel keeps showing a sheet that is gone.
import type { SheetStamp } from '../src/gas/api-types';
import { CHECK_NOW_MESSAGE } from './check-now';
import { call } from './client';

// A sidebar cannot be told that the sheet changed (Apps Script has no such event for it), so it asks: cheaply (no
// cell is read, sheet-stamp.ts), every few seconds while it is visible, and at once when it gets the focus back.
const CHECK_MS = 5_000;


function describe(was: SheetStamp, now: SheetStamp): string {
  if (!now.exists) return `Sheet "${was.sheetName}" was replaced or deleted.`;
  if (now.sheetName !== was.sheetName) return `Sheet "${was.sheetName}" is now "${now.sheetName}".`;
  return `Sheet "${now.sheetName}" changed (${was.lastRow} rows, now ${now.lastRow}).`;
}

/**
 * Starts watching the active sheet as it is now; `changed` gets a sentence saying what changed, once per change.
 * Returns the function that stops watching (a panel that is replaced must stop its watch).
 */
export function watchSheet(changed: (what: string) => void): () => void {
  let base: SheetStamp | null = null;
  let busy = false;
  let stopped = false;
  const check = (): void => {
    if (stopped || busy || base === null || document.visibilityState === 'hidden') return;
    busy = true;
    const was = base;
    call('getSheetStamp', was.sheetId).then(
      (now) => {
        busy = false;
        if (stopped || base !== was) return;
        if (now.exists && now.sheetName === was.sheetName && now.lastRow === was.lastRow) return;
        base = now.exists ? now : { ...was, exists: false };
        // Told once: a sheet that is gone stays gone, and the panel decides what to do (read again, or say it is stale).
        if (was.exists) changed(describe(was, now));
      },
      () => {
        // A failed check (offline for a moment) is tried again at the next tick; the panel itself is unaffected.
        busy = false;
      },
    );
  };
  call('getSheetStamp', null).then((s) => {
    base = s;
  }, () => undefined);
  const timer = setInterval(check, CHECK_MS);
  const onMessage = (ev: MessageEvent): void => {
    // Only a request to check sooner: whoever sends it can make the sidebar do nothing it would not do in 5 s.
    if ((ev.data as { icpPlayground?: unknown } | null)?.icpPlayground === CHECK_NOW_MESSAGE) check();
  };
  window.addEventListener('focus', check);
  window.addEventListener('message', onMessage);
  return () => {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener('focus', check);
    window.removeEventListener('message', onMessage);
  };
}
