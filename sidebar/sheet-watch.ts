// Watches the sheet a panel read: when it is replaced (an import), renamed or its rows change, the panel is told, so no panel keeps showing a sheet that is gone.
import type { SheetStamp } from '../src/gas/api-types';
import { CHECK_NOW_MESSAGE } from './check-now';
import { call } from './client';

// A sidebar cannot be told that the sheet changed (Apps Script has no such event for it), so it asks: cheaply (no
// cell is read, sheet-stamp.ts), every few seconds while it is visible, and at once when it gets the focus back.
const CHECK_MS = 5_000;


/**
 * Starts watching the active sheet as it is now; `changed` gets a sentence saying what changed, once per change (a
 * sheet that is gone stays gone). Returns the function that stops watching (a panel that is replaced must stop it).
 */
export function watchSheet(changed: (what: string) => void): () => void {
  let base: SheetStamp | undefined;
  const check = (): void => {
    const was = base;
    if (was === undefined || !was.exists || document.hidden) return;
    call('getSheetStamp', was.sheetId).then((now) => {
      // A stopped watch, or a check that another answered first, says nothing.
      if (base !== was || (now.exists && now.sheetName === was.sheetName && now.lastRow === was.lastRow)) return;
      base = now;
      changed(`Sheet "${was.sheetName}" ${now.exists ? 'changed' : 'was replaced'}.`);
    }, () => undefined); // a failed check (offline for a moment) is tried again at the next tick
  };
  call('getSheetStamp', null).then((s) => {
    base = s;
  }, () => undefined);
  const timer = setInterval(check, CHECK_MS);
  // Only a request to check sooner: whoever sends it can make the sidebar do nothing it would not do in 5 s.
  const onMessage = (ev: MessageEvent): void => {
    if ((ev.data as { icpPlayground?: unknown } | null)?.icpPlayground === CHECK_NOW_MESSAGE) check();
  };
  addEventListener('focus', check);
  addEventListener('message', onMessage);
  return () => {
    base = undefined;
    clearInterval(timer);
    removeEventListener('focus', check);
    removeEventListener('message', onMessage);
  };
}
