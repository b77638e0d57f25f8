// The add-on's own output columns: found by a developer-metadata marker (not by name or position), created when missing.

import { headerKey } from '../../engine/read/text';
import { columnLetter } from './a1';
import { asCellText } from './safe-text';
import type { DataRegion } from './region';

export type OutputKind = 'score' | 'tier' | 'why' | 'order';
export const OUTPUT_KINDS: readonly OutputKind[] = ['score', 'tier', 'why', 'order'];

/**
 * The marker: column-located developer metadata, key OUTPUT_KEY, value the kind. Sheets keeps metadata attached to
 * its column when columns are inserted, deleted or moved, and deletes it with the column
 * (https://developers.google.com/workspace/sheets/api/guides/metadata), so a column the user renamed or dragged
 * elsewhere is still ours, and a column the user typed "ICP Score" into is not. Needs no scope beyond
 * spreadsheets.currentonly (https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String,String)).
 */
export const OUTPUT_KEY = 'icp-scorer.output';

export const OUTPUT_TITLES: Readonly<Record<OutputKind, string>> = {
  score: 'ICP Score',
  tier: 'ICP Tier',
  why: 'ICP Why',
  // The tier's rank (1 = best tier, last = disqualified): the tier summary's pivot sorts by it (see tier-summary.ts).
  order: 'ICP Tier order',
};

// Added to a new column's title when a user column already has the plain title.
const COLLISION_SUFFIX = ' (ICP Scorer)';

export type OutputColumns = Record<OutputKind, number>;

/** A run of adjacent output columns: written with one setValues per chunk. */
export interface OutputBlock {
  firstColumn: number;
  kinds: OutputKind[];
}

export interface OutputLayout {
  columns: OutputColumns;
  blocks: OutputBlock[];
  created: OutputKind[];
  /** Plain-language notes for the user (name collisions). */
  notices: string[];
}

function isKind(value: unknown): value is OutputKind {
  return typeof value === 'string' && (OUTPUT_KINDS as readonly string[]).includes(value);
}

/** Our output columns on the sheet, by marker; the leftmost wins if a marker was ever duplicated. */
export function findOutputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Partial<OutputColumns> {
  const found: Partial<OutputColumns> = {};
  const metadata = sheet
    .createDeveloperMetadataFinder()
    .withKey(OUTPUT_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
    .find();
  for (const md of metadata) {
    const kind = md.getValue();
    const range = md.getLocation().getColumn();
    if (!isKind(kind) || range === null) continue;
    const column = range.getColumn();
    const known = found[kind];
    if (known === undefined || column < known) found[kind] = column;
  }
  return found;
}

/** Adjacent output columns grouped, left to right. */
export function outputBlocks(columns: OutputColumns): OutputBlock[] {
  const sorted = OUTPUT_KINDS.map((kind) => ({ kind, column: columns[kind] })).sort((a, b) => a.column - b.column);
  const blocks: OutputBlock[] = [];
  for (const { kind, column } of sorted) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.firstColumn + last.kinds.length === column) last.kinds.push(kind);
    else blocks.push({ firstColumn: column, kinds: [kind] });
  }
  return blocks;
}

/** The title for a new column: the plain title unless a column we did not make already uses it (compared as headers are). */
function titleFor(kind: OutputKind, region: DataRegion, ours: ReadonlySet<number>, notices: string[], newColumn: number): string {
  const title = OUTPUT_TITLES[kind];
  const clash = region.headers.findIndex((h, i) => !ours.has(i + 1) && headerKey(h) === headerKey(title));
  if (clash < 0) return title;
  const renamed = `${title}${COLLISION_SUFFIX}`;
  notices.push(
    `Column ${columnLetter(clash + 1)} is already called "${region.headers[clash]}" but was not made by ICP Scorer, so it was left alone; ` +
      `the add-on's own column is "${renamed}" (column ${columnLetter(newColumn)}).`,
  );
  return renamed;
}

/**
 * Finds the output columns and creates the missing ones to the right of the data: one header write for the new
 * columns. Updates `region` (lastColumn, headers) to include them.
 */
export function ensureOutputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, region: DataRegion): OutputLayout {
  const found = findOutputColumns(sheet);
  const missing = OUTPUT_KINDS.filter((k) => found[k] === undefined);
  const notices: string[] = [];
  if (missing.length > 0) {
    const ours = new Set(Object.values(found));
    const first = region.lastColumn + 1;
    const needed = region.lastColumn + missing.length;
    const maxColumns = sheet.getMaxColumns();
    // getRange fails outside the grid, so grow it first; columns after the last one hold nothing to shift.
    if (needed > maxColumns) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
    const titles = missing.map((kind, i) => titleFor(kind, region, ours, notices, first + i));
    missing.forEach((kind, i) => {
      const column = first + i;
      const letter = columnLetter(column);
      // Developer metadata can only sit on whole rows or columns, hence the `X:X` range.
      sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(OUTPUT_KEY, kind);
      found[kind] = column;
    });
    sheet.getRange(region.headerRow, first, 1, missing.length).setValues([titles.map(asCellText)]);
    // The helper column is only there for the summary's sort order; hide it once, and respect a later unhide.
    if (missing.includes('order')) sheet.hideColumns(found.order!);
    region.headers.push(...titles);
    region.lastColumn = needed;
  }
  const columns = found as OutputColumns;
  return { columns, blocks: outputBlocks(columns), created: missing, notices };
}
