// A duplicate of the tier summary sheet that carried its marker along is the user's snapshot: never refreshed or cleared.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { ScoreSheetResult, TierSummaryResult } from '../../src/gas/api-types';
import { loadAddon } from './harness';

const KEY = 'icp-scorer.summary';

test('a sheet carrying a copy of the summary marker is not the summary: a refresh leaves it and rebuilds the real one', () => {
  const addon = loadAddon();
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
  const first = addon.call<TierSummaryResult>('buildTierSummary', {});
  expect(first.ok).toBe(true);
  const summary = addon.sheet(first.sheetName!);
  const marker = summary.createDeveloperMetadataFinder().withKey(KEY).find()[0]!;
  expect(marker.getValue()).toBe(`source=${addon.sheet().getSheetId()};sheet=${summary.getSheetId()}`);

  // What a duplicate made in Sheets may look like: the same cells and the same marker value, placed first.
  const copy = addon.ss.insertSheet('Q3 snapshot', 0);
  copy.getRange('A1:B2').setValues([['Snapshot', 'Q3'], ['A', 12]]);
  copy.addDeveloperMetadata(KEY, marker.getValue()!);

  addon.ss.setActiveSheet(addon.sheet());
  const again = addon.call<TierSummaryResult>('buildTierSummary', {});
  expect(again).toMatchObject({ ok: true, sheetName: summary.getName() });
  expect(copy.getRange('A1:B2').getValues()).toEqual([['Snapshot', 'Q3'], ['A', 12]]);
  // Score this sheet on the snapshot is not refused as "the summary sheet" either.
  addon.ss.setActiveSheet(copy);
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).message).not.toMatch(/summary/i);
});

test('a marker written before the own id was recorded (a bare source id) still marks the summary, and is upgraded', () => {
  const addon = loadAddon();
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
  const legacy = addon.ss.insertSheet('ICP Tiers');
  legacy.addDeveloperMetadata(KEY, String(addon.sheet().getSheetId()));
  addon.ss.setActiveSheet(addon.sheet());
  expect(addon.call<TierSummaryResult>('buildTierSummary', {})).toMatchObject({ ok: true, sheetName: 'ICP Tiers' });
  expect(addon.ss.getSheets().filter((s) => s.getName().startsWith('ICP Tiers')).length).toBe(1);
  expect(legacy.createDeveloperMetadataFinder().withKey(KEY).find()[0]!.getValue()).toBe(`source=${addon.sheet().getSheetId()};sheet=${legacy.getSheetId()}`);
});
