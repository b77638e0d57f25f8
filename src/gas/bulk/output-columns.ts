// The add-on's own output columns: found by a developer-metadata marker (not by name or position), created when missing.

import { cellText, headerKey } from '../../engine/read/text';
import { columnLetter } from './a1';
import { grouped } from '../../engine/number-text';
import { baseHeader } from './partial-label';
import { asCellText } from './safe-text';
import { removeTierColors } from './tier-colors';
import type { DataRegion } from './region';

export type OutputKind = 'score' | 'tier' | 'why' | 'order';
export const OUTPUT_KINDS: readonly OutputKind[] = ['score', 'tier', 'why', 'order'];

/**
 * The marker: column-located developer metadata, key OUTPUT_KEY, value the kind. Sheets keeps metadata attached to
 * its column when columns are inserted, deleted or moved, and deletes it with the column
 * (https://developers.google.com/workspace/sheets/api/guides/metadata), so a column the user dragged elsewhere is
 * still ours, and a column the user typed "ICP Score" into is not. The marker also survives a new export pasted over
 * the whole sheet, so a marked column counts as ours only while its header is one we write (see isOurHeader). Needs no scope beyond
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

/**
 * Whether a marked column's header is still one we write: our title (with the partial-run suffix or the collision
 * suffix), or blank (the column was cleared). Anything else means the user took the column over, most often by pasting
 * a wider export over the whole sheet, which keeps the columns and so their markers: writing there would overwrite
 * the user's data. A column the user renamed is left alone too; the run makes a new one and says why.
 */
function isOurHeader(kind: OutputKind, header: unknown): boolean {
  const key = headerKey(baseHeader(cellText(header)));
  const title = OUTPUT_TITLES[kind];
  return key === '' || key === headerKey(title) || key === headerKey(`${title}${COLLISION_SUFFIX}`);
}

interface Marked {
  found: Partial<OutputColumns>;
  /** Marked columns whose header is no longer ours, with their markers. */
  takenOver: { kind: OutputKind; column: number; header: string; marker: GoogleAppsScript.Spreadsheet.DeveloperMetadata }[];
}

function markedColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly unknown[]): Marked {
  const found: Partial<OutputColumns> = {};
  const takenOver: Marked['takenOver'] = [];
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
    const header = headers[column - 1];
    if (!isOurHeader(kind, header)) {
      takenOver.push({ kind, column, header: cellText(header), marker: md });
      continue;
    }
    const known = found[kind];
    if (known === undefined || column < known) found[kind] = column;
  }
  return { found, takenOver };
}

/**
 * Our output columns on the sheet, by marker and header (`headers`: the header row from column A); the leftmost wins
 * if a marker was ever duplicated.
 */
export function findOutputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly unknown[]): Partial<OutputColumns> {
  return markedColumns(sheet, headers).found;
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

/** A spreadsheet holds at most 10 million cells, over all its sheets (https://support.google.com/drive/answer/37603). */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

/** Why `columns` more columns cannot be added to the sheet, or null when they fit under the cell limit. */
function cellLimitProblem(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: number): string | null {
  if (columns <= 0) return null;
  const cells = sheet.getParent().getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
  const added = columns * sheet.getMaxRows();
  if (cells + added <= MAX_SPREADSHEET_CELLS) return null;
  return (
    `Score this sheet needs ${columns} more column${columns === 1 ? '' : 's'} on "${sheet.getName()}" (${grouped(added)} cells), ` +
    `and the spreadsheet would then have ${grouped(cells + added)} cells: Google Sheets holds at most ${grouped(MAX_SPREADSHEET_CELLS)}. ` +
    'Delete empty rows or columns, or other sheets, or score the list with the icp command line instead. Nothing was changed.'
  );
}

/**
 * Finds the output columns and creates the missing ones to the right of the data: one header write for the new
 * columns. Updates `region` (lastColumn, headers) to include them. A string when the new columns would take the
 * spreadsheet past Google's cell limit: then nothing was changed.
 */
export function ensureOutputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, region: DataRegion): OutputLayout | string {
  const { found, takenOver } = markedColumns(sheet, region.headers);
  const missing = OUTPUT_KINDS.filter((k) => found[k] === undefined);
  // Asked only when columns are to be made: a re-run that finds all of its columns makes no call for it.
  const maxColumns = missing.length > 0 ? sheet.getMaxColumns() : 0;
  const tooLarge = missing.length > 0 ? cellLimitProblem(sheet, region.lastColumn + missing.length - maxColumns) : null;
  if (tooLarge !== null) return tooLarge;
  const notices: string[] = [];
  // The user's now: drop our marker, so neither this run nor the tier summary ever takes the column for ours again, and
  // undo what we did to the column itself (the tier colours, the hidden sort-order column).
  for (const t of takenOver) {
    t.marker.remove();
    if (t.kind === 'tier') removeTierColors(sheet, t.column);
    if (t.kind === 'order') sheet.showColumns(t.column);
  }
  if (missing.length > 0) {
    const ours = new Set(Object.values(found));
    const first = region.lastColumn + 1;
    const needed = region.lastColumn + missing.length;
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
    for (const t of takenOver) {
      // Only a kind this run made anew: a kind with a second marked column of ours kept that one.
      if (!missing.includes(t.kind)) continue;
      notices.push(
        `Column ${columnLetter(t.column)} is now headed "${t.header}", not "${OUTPUT_TITLES[t.kind]}", so ICP Scorer left it alone as yours; ` +
          `its ${OUTPUT_TITLES[t.kind]} column is now column ${columnLetter(found[t.kind]!)}.`,
      );
    }
  }
  const columns = found as OutputColumns;
  return { columns, blocks: outputBlocks(columns), created: missing, notices };
}
