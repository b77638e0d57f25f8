// Build tier summary: a native pivot table of the scored sheet by tier (count, average score, sums) and a chart.

import { isBlank } from '../../engine/read/blank';
import { readNumber } from '../../engine/read/number';
import { cellText, headerKey } from '../../engine/read/text';
import type { SummaryColumns, TierSummaryOptions, TierSummaryResult } from '../api-types';
import { isModelSheet, readStoredModel } from '../model-store';
import { blockA1 } from './a1';
import { grouped } from '../../engine/number-text';
import { withDocumentLock } from './lock';
import { findOutputColumns, OUTPUT_KINDS, type OutputColumns } from './output-columns';
import { baseHeader, isPartialHeader } from './partial-label';
import { findDataRegion, type DataRegion } from './region';
import { ensureSummarySheet, findSummarySheet, isSummarySheet } from './summary-sheet';

// getSummaryColumns looks at this many rows to tell numeric columns apart.
const SAMPLE_ROWS = 500;
// The chart's title: also how a refresh tells the add-on's chart from charts the user added to the summary sheet.
const CHART_TITLE = 'Accounts per ICP tier';

interface Source {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  region: DataRegion;
  columns: OutputColumns;
}

/** The sheet to summarise: the active one, or the one the summary sheet was built from when the summary is active. */
function findSource(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Source | string {
  let sheet = ss.getActiveSheet();
  if (isSummarySheet(sheet)) {
    const id = findSummarySheet(ss)?.sourceId;
    const source = ss.getSheets().find((s) => s.getSheetId() === id);
    if (source === undefined) return 'The sheet this summary was built from no longer exists: open your scored sheet and build the summary from there.';
    sheet = source;
  }
  if (isModelSheet(sheet)) return `"${sheet.getName()}" holds the model: open the sheet with your scored accounts.`;
  // The saved model finds the header row the way Score this sheet found it (under a title, header-row.ts).
  const found = findDataRegion(sheet, readStoredModel(ss).model);
  if (!found.ok) return found.message;
  const columns = findOutputColumns(sheet, found.region.headers);
  if (OUTPUT_KINDS.some((k) => columns[k] === undefined) || found.region.rowCount === 0) {
    return `"${sheet.getName()}" is not scored yet: run Extensions > ICP Scorer > Score this sheet first, then build the summary.`;
  }
  return { sheet, region: found.region, columns: columns as OutputColumns };
}

/** Tier labels by rank, from the scored columns (two single-column reads): the pivot's groups in pivot order. */
function groupsOf(source: Source): string[] {
  const { sheet, region, columns } = source;
  const first = region.headerRow + 1;
  const ranks = sheet.getRange(first, columns.order, region.rowCount, 1).getValues();
  const tiers = sheet.getRange(first, columns.tier, region.rowCount, 1).getValues();
  const byRank = new Map<number, string>();
  ranks.forEach(([rank], i) => {
    if (typeof rank === 'number' && !byRank.has(rank)) byRank.set(rank, cellText(tiers[i]?.[0]));
  });
  return [...byRank].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}

function sumColumnsOf(source: Source, names: readonly string[]): { column: number; header: string }[] | string {
  const own = new Set(Object.values(source.columns));
  const out: { column: number; header: string }[] = [];
  for (const name of names) {
    const i = source.region.headers.findIndex((h, j) => !own.has(j + 1) && headerKey(h) === headerKey(name));
    if (i < 0) return `There is no column "${name}" on "${source.sheet.getName()}" to sum.`;
    if (!out.some((o) => o.column === i + 1)) out.push({ column: i + 1, header: source.region.headers[i]! });
  }
  return out;
}

/**
 * The pivot. Tier order: Sheets sorts a row group by its values (sortAscending/sortDescending, or sortBy a pivot
 * value: https://developers.google.com/apps-script/reference/spreadsheet/pivot-group), and a text sort would put
 * "Hot, Warm, Cold" alphabetically; manual grouping rules group values but do not order the groups. So the outer
 * row group is the hidden numeric "ICP Tier order" column the scoring run writes (1 = best tier ... last =
 * disqualified), sorted ascending, and the tier label is the inner group: one label per rank. Totals are off on
 * both groups: with one label per rank every subtotal would repeat its tier's row.
 */
function buildPivot(
  summary: GoogleAppsScript.Spreadsheet.Sheet,
  source: Source,
  sums: { column: number; header: string }[],
  groups: string[],
): string[] {
  const { sheet, region, columns } = source;
  const data = sheet.getRange(region.headerRow, 1, region.rowCount + 1, region.lastColumn);
  const pivot = summary.getRange(1, 1).createPivotTable(data);
  // Group and value columns are absolute sheet column numbers (https://developers.google.com/apps-script/reference/spreadsheet/pivot-table#addRowGroup(Integer)).
  pivot.addRowGroup(columns.order).sortAscending().showTotals(false).setDisplayName('Order');
  pivot.addRowGroup(columns.tier).showTotals(false).setDisplayName('ICP Tier');
  const S = SpreadsheetApp.PivotTableSummarizeFunction;
  const values = ['Accounts', 'Average ICP score', ...sums.map((s) => `Sum of ${s.header}`)];
  pivot.addPivotValue(columns.tier, S.COUNTA).setDisplayName(values[0]!);
  pivot.addPivotValue(columns.score, S.AVERAGE).setDisplayName(values[1]!);
  sums.forEach((s, i) => pivot.addPivotValue(s.column, S.SUM).setDisplayName(values[i + 2]!));
  // Only the tiers on the sheet: rows not scored yet (blank tier) would otherwise show as an empty group.
  pivot.addFilter(columns.tier, SpreadsheetApp.newFilterCriteria().setVisibleValues(groups).build());
  return values;
}

/**
 * A note per sum column holding amounts typed as text (`$1.2M`, `1,200` in a plain-text cell): a pivot table's SUM, like
 * =SUM over a range, adds number cells only and skips text, so those rows are silently missing from the total unless
 * the user is told. Only text the engine reads as a number counts (`lots` was never an amount). One single-column read
 * per sum column.
 */
function textAmountNotes(source: Source, sums: readonly { column: number; header: string }[]): string[] {
  const { sheet, region } = source;
  const notes: string[] = [];
  for (const s of sums) {
    const cells = sheet.getRange(region.headerRow + 1, s.column, region.rowCount, 1).getValues();
    let count = 0;
    let example = '';
    for (const [v] of cells) {
      if (typeof v !== 'string' || isBlank(v) || readNumber(v) === undefined) continue;
      if (count++ === 0) example = v.trim();
    }
    if (count > 0) {
      notes.push(
        `"${s.header}" has ${grouped(count)} ${count === 1 ? 'amount' : 'amounts'} typed as text (such as "${example}"), which a pivot table does not add: enter ${count === 1 ? 'it as a number' : 'them as numbers'}, then refresh, to include ${count === 1 ? 'it' : 'them'}.`,
      );
    }
  }
  return notes;
}

/**
 * The average score with one decimal, as scores are shown: an average is rarely a round number, and its full precision
 * prints as 82.52000000000001. Column D: order and tier groups, then Accounts, then the average. Sheets keeps a number
 * format set on a pivot table's cells when the pivot refreshes.
 */
function formatAverage(summary: GoogleAppsScript.Spreadsheet.Sheet, groups: number): void {
  summary.getRange(2, 4, groups, 1).setNumberFormat('0.0');
}

/** Whether any cell of A1 to (rows, columns) on `sheet` holds something; cells past the sheet's grid are empty. */
function holdsCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): boolean {
  const r = Math.min(rows, sheet.getMaxRows());
  const c = Math.min(columns, sheet.getMaxColumns());
  return sheet.getRange(1, 1, r, c).getValues().some((row) => row.some((v) => v !== ''));
}

/** Accounts per tier: the pivot's tier labels (column B) and counts (column C), header row included. */
function insertChart(summary: GoogleAppsScript.Spreadsheet.Sheet, groups: number, valueCount: number): void {
  const chart = summary
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(summary.getRange(1, 2, groups + 1, 2))
    .setNumHeaders(1)
    .setOption('title', CHART_TITLE)
    .setOption('legend', { position: 'none' })
    .setPosition(1, 2 + valueCount + 2, 0, 0)
    .build();
  summary.insertChart(chart);
}

function failed(message: string, sourceSheetName = ''): TierSummaryResult {
  return { ok: false, message, sheetName: '', sourceSheetName, groups: [], values: [] };
}

function build(options: TierSummaryOptions): TierSummaryResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const source = findSource(ss);
  if (typeof source === 'string') return failed(source);
  const sums = sumColumnsOf(source, options.sumColumns ?? []);
  if (typeof sums === 'string') return failed(sums, source.sheet.getName());
  const groups = groupsOf(source);
  if (groups.length === 0) return failed(`"${source.sheet.getName()}" has no scored rows yet: run Score this sheet first.`, source.sheet.getName());

  const { sheet: summary, notice } = ensureSummarySheet(ss, source.sheet);
  // Refresh = replace what the add-on made: its pivot at A1 (removing it clears the cells it showed) and its chart.
  // Cells, charts and pivot tables the user added to the sheet (a note, a share-of-total formula) are theirs and stay.
  for (const p of summary.getPivotTables()) if (p.getAnchorCell().getA1Notation() === 'A1') p.remove();
  for (const c of summary.getCharts()) if (c.getOptions().get('title') === CHART_TITLE) summary.removeChart(c);
  // Row groups (order, tier) and values side by side; a header row, then one row per tier (totals are off).
  const rows = 1 + groups.length;
  const columns = 2 + 2 + sums.length;
  if (holdsCells(summary, rows, columns)) {
    // Sheets would not overwrite them either: the pivot would show #REF! ("would overwrite data"). Say so instead.
    return failed(
      `Cells of yours on "${summary.getName()}" are where the pivot table goes (${blockA1(1, 1, rows, columns)}): move them elsewhere on the sheet, then build the summary again.`,
      source.sheet.getName(),
    );
  }
  const values = buildPivot(summary, source, sums, groups);
  formatAverage(summary, groups.length);
  insertChart(summary, groups.length, values.length);
  ss.setActiveSheet(summary);
  const textNotes = textAmountNotes(source, sums).map((n) => ` Note: ${n}`).join('');

  const scoreHeader = source.region.headers[source.columns.score - 1] ?? '';
  const partial = isPartialHeader(scoreHeader)
    ? ` Note: "${source.sheet.getName()}" is only partly scored (${scoreHeader.slice(baseHeader(scoreHeader).length).trim()}); the summary counts the scored rows only. Run Score this sheet again to finish, then refresh.`
    : '';
  return {
    ok: true,
    message: `Summarised ${grouped(source.region.rowCount)} rows of "${source.sheet.getName()}" by tier on "${summary.getName()}".${partial}${textNotes}${notice === null ? '' : ` ${notice}`}`,
    sheetName: summary.getName(),
    sourceSheetName: source.sheet.getName(),
    groups,
    values,
  };
}

/** The server function behind "Build tier summary": creates or refreshes the summary sheet. */
export function buildTierSummary(options?: TierSummaryOptions | null): TierSummaryResult {
  const opts: TierSummaryOptions = { sumColumns: options?.sumColumns ?? [] };
  return withDocumentLock(
    () => failed('Another scoring run, tier summary or model save is in progress in this spreadsheet. Try again when it has finished.'),
    () => build(opts),
  );
}

// A cell holding one of the add-on's functions (the playground's live columns, a user's own =ICP_SCORE column).
const ICP_FORMULA = /\bICP_[A-Z]+\s*\(/i;

/**
 * The columns the summary can sum: the user's columns whose sampled non-blank cells mostly read as numbers, counting
 * amounts typed as text (`$34.4M`, `1,200` in a plain-text cell) as the engine reads them, so Annual Revenue is offered
 * even when an export typed it as text; `textAmounts` says how many of the sampled ones are text, which a pivot table
 * does not add (the build's result says so too). The add-on's own columns are left out: its output columns (by their
 * marker) and columns of ICP_ formulas (an average score per tier is already there; a sum of scores means nothing).
 */
export function getSummaryColumns(): SummaryColumns {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const source = findSource(ss);
  const sheet = typeof source === 'string' ? ss.getActiveSheet() : source.sheet;
  const found = typeof source === 'string' ? findDataRegion(sheet, readStoredModel(ss).model) : { ok: true as const, region: source.region };
  if (!found.ok) return { sheetName: sheet.getName(), scored: false, columns: [] };
  const region = found.region;
  const own = new Set(Object.values(findOutputColumns(sheet, region.headers)));
  const n = Math.min(region.rowCount, SAMPLE_ROWS);
  const sample = n > 0 ? sheet.getRange(region.headerRow + 1, 1, n, region.lastColumn).getValues() : [];
  const formulas = n > 0 ? (sheet.getRange(region.headerRow + 1, 1, 1, region.lastColumn).getFormulas()[0] ?? []) : [];
  const columns = region.headers
    .map((header, i) => {
      let numbers = 0;
      let texts = 0;
      let filled = 0;
      for (const row of sample) {
        const v = row[i];
        // `N/A`, `-`, `unknown` are no value at all (the engine reads them as blank), not text that spoils a number column.
        if (isBlank(v)) continue;
        filled++;
        if (typeof v === 'number') numbers++;
        else if (typeof v === 'string' && readNumber(v) !== undefined) texts++;
      }
      const ours = own.has(i + 1) || ICP_FORMULA.test(formulas[i] ?? '');
      return { header, numeric: filled > 0 && (numbers + texts) / filled >= 0.8, textAmounts: texts, sampled: filled, ours };
    })
    .filter((c) => !c.ours && c.header !== '')
    .map(({ header, numeric, textAmounts, sampled }) => ({ header, numeric, textAmounts, sampled }));
  return { sheetName: sheet.getName(), scored: typeof source !== 'string', columns };
}
