// Date cells are read as the day the sheet shows in its own time zone, east or west of the script's Etc/UTC.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { PreviewResult, ScoreSheetResult } from '../../src/gas/api-types';
import { createEmulator } from '../../emulator';
import { Workbook } from '../../emulator/spreadsheet';
import { loadAddon, sampleRows, SAMPLE_NOW, type Addon } from './harness';

// 180 days before the sample's today (2026-11-01): the last day "Raised funding in the last 180 days" matches.
const LAST_DAY_IN = '2026-05-05';
const ROWS = 12;

/** The sample's first rows in a spreadsheet set to `timeZone`, their funding dates typed in as real date cells. */
function sheetIn(timeZone: string): { addon: Addon; rows: string[][] } {
  const rows = sampleRows().slice(0, ROWS + 1);
  const col = rows[0]!.indexOf('Last Funding Date');
  for (let r = 1; r <= ROWS; r++) rows[r]![col] = r % 2 === 0 ? LAST_DAY_IN : '2026-05-04';
  const emu = createEmulator({ now: () => SAMPLE_NOW, workbook: new Workbook({ timeZone }) });
  const addon = loadAddon(rows, emu);
  // Typed in, as a user would: Sheets stores date cells, handed to scripts as Dates of the sheet's time zone.
  const cells = addon.sheet().getRange(2, col + 1, ROWS, 1);
  cells.setValues(rows.slice(1).map((r) => [r[col]]));
  expect(cells.getValues().every(([v]) => v instanceof Date)).toBe(true);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return { addon, rows };
}

describe.each(['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles', 'Etc/UTC'])('a spreadsheet set to %s', (timeZone) => {
  test('custom functions, Score this sheet and the preview read each date cell as the day it shows', () => {
    const { addon, rows } = sheetIn(timeZone);
    const profile = compileModel(b2bSaasTemplate(), rows[0]!, { today: SAMPLE_NOW }).profile();
    const want = rows.slice(1).map((r) => profile.explain(r));
    expect(new Set(want.map((w) => w.items.find((i) => i.id === 'recent_funding')!.status))).toEqual(new Set(['matched', 'missed']));

    addon.setFormula('R2', `=ICP_SCORE(A2:Q${ROWS + 1})`);
    expect(addon.values(`R2:R${ROWS + 1}`).map((r) => r[0])).toEqual(want.map((w) => w.score));

    const result = addon.call<ScoreSheetResult>('scoreSheet', {});
    expect(result.ok).toBe(true);
    const scoreColumn = addon.sheet().getRange(1, 1, 1, addon.sheet().getLastColumn()).getValues()[0]!.indexOf('ICP Score') + 1;
    expect(addon.sheet().getRange(2, scoreColumn, ROWS, 1).getValues().map((r) => r[0])).toEqual(want.map((w) => w.score));

    const preview = addon.call<PreviewResult>('previewDraft', b2bSaasTemplate());
    const tiers = new Map(preview.tiers.map((t) => [t.label, t.count]));
    for (const label of new Set(want.filter((w) => !w.disqualified).map((w) => w.tier))) {
      expect([label, tiers.get(label)]).toEqual([label, want.filter((w) => w.tier === label && !w.disqualified).length]);
    }
  });
});
