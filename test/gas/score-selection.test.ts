// Score this sheet selects the columns it wrote (Range.activate), so Sheets scrolls them into view (issue 20, item 10).
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { ScoreSheetResult } from '../../src/gas/api-types';
import { loadAddon } from './harness';

test('after a run the written ICP Score, ICP Tier and ICP Why columns are the selection, header to last row; the hidden order column is not', () => {
  const addon = loadAddon();
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  const sheet = addon.sheet();
  addon.ss.setActiveSheet(sheet);
  const r = addon.call<ScoreSheetResult>('scoreSheet', {});
  expect(r.ok).toBe(true);
  const selected = addon.ss.getActiveRange()!;
  expect(selected.getSheet().getName()).toBe('Accounts');
  const letters = Object.fromEntries(r.columns.map((c) => [c.kind, c.column]));
  expect(selected.getA1Notation()).toBe(`${letters.score}1:${letters.why}${sheet.getLastRow()}`);
  expect(selected.getDisplayValues()[0]).toEqual(['ICP Score', 'ICP Tier', 'ICP Why']);
});
