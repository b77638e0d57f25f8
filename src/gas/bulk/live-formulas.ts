// "Insert live formulas": one array formula per output column at the first data row, in the add-on's own columns only.

import type { CompiledProfile } from '../../engine/compile';
import { MODEL_RANGE_NAME } from '../model-store';
import { blockA1, columnLetter } from './a1';
import type { OutputKind, OutputLayout } from './output-columns';
import type { DataRegion } from './region';
import { tierOrder } from './score-rows';
import { formulaString } from './tier-colors';

/**
 * A custom function call may run 30 seconds (https://developers.google.com/apps-script/guides/sheets/functions);
 * past this many rows the values mode is the safe choice.
 */
export const LIVE_MAX_ROWS = 20_000;

export type LiveResult = { ok: true; formulas: Record<OutputKind, string> } | { ok: false; message: string };

/**
 * The formulas: the input rows are the columns left of our first column, with their header row and ICP_MODEL passed
 * explicitly: Sheets runs a custom function again only when its formula text or an argument's value changes
 * (https://developers.google.com/apps-script/guides/sheets/functions#optimization), and ICP_MODEL's value changes on
 * every save and every new day. With the headers given, no call reads the sheet.
 */
export function liveFormulas(
  region: DataRegion,
  layout: OutputLayout,
  profile: CompiledProfile,
  profileArg: string | undefined,
): LiveResult {
  const firstOwn = Math.min(...Object.values(layout.columns));
  const own = new Set(Object.values(layout.columns));
  const stray = region.headers.findIndex((h, i) => i + 1 > firstOwn && !own.has(i + 1) && h !== '');
  if (stray >= 0) {
    // A rows range spanning one of our columns would make each formula depend on its own output (a circular reference).
    return {
      ok: false,
      message: `Live formulas read every column left of the ICP columns, but "${region.headers[stray]}" (column ${columnLetter(stray + 1)}) is to their right. Move the ICP columns to the right of your data, or score as values.`,
    };
  }
  if (firstOwn <= 1) return { ok: false, message: 'There are no data columns left of the ICP columns to score.' };
  const first = region.headerRow + 1;
  const rows = blockA1(first, 1, region.lastRow, firstOwn - 1);
  const headers = blockA1(region.headerRow, 1, region.headerRow, firstOwn - 1);
  // Only a profile name the user chose goes into formula text, and only inside a string literal.
  const named = profileArg === undefined || profileArg.trim() === '' ? '' : `,${formulaString(profile.name)}`;
  const extra = `,${headers}${named},${MODEL_RANGE_NAME}`;
  const tiers = `${columnLetter(layout.columns.tier)}${first}:${columnLetter(layout.columns.tier)}${region.lastRow}`;
  // The rank helper has no custom function; nested IFs over our own tier column keep it live and locale-proof
  // (array literals like {"A","B"} change separators with the spreadsheet's locale).
  let rank = '""';
  for (const [label, n] of [...tierOrder(profile)].reverse()) rank = `IF(${tiers}=${formulaString(label)},${n},${rank})`;
  return {
    ok: true,
    formulas: {
      score: `=ICP_SCORE(${rows}${extra})`,
      tier: `=ICP_TIER(${rows}${extra})`,
      why: `=ICP_EXPLAIN(${rows}${extra})`,
      order: `=ARRAYFORMULA(IF(${tiers}="","",${rank}))`,
    },
  };
}

/**
 * Clears our columns below the header (an array formula cannot spill over old values), then writes the formulas:
 * one clear and one setFormulas per output block.
 */
export function writeLiveFormulas(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  region: DataRegion,
  layout: OutputLayout,
  formulas: Record<OutputKind, string>,
): void {
  const first = region.headerRow + 1;
  const height = Math.max(1, sheet.getMaxRows() - first + 1);
  for (const block of layout.blocks) {
    sheet.getRange(first, block.firstColumn, height, block.kinds.length).clearContent();
    sheet.getRange(first, block.firstColumn, 1, block.kinds.length).setFormulas([block.kinds.map((k) => formulas[k])]);
  }
}
