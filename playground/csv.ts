// CSV text -> rows for the playground's sheet: parsed with the CLI's RFC 4180 parser, padded, cells kept as data (never formulas).
import { CsvParser } from '../src/cli/csv-reader';

/**
 * Columns the playground adds itself (live formulas); a CSV that already has them (a re-uploaded export) loses its
 * copies. Not "ICP Score": that is the name of the add-on's own "Score this sheet" columns, which may sit beside them.
 */
export const ICP_HEADERS = ['ICP Score (live)', 'ICP Tier (live)', 'ICP Why (live)'] as const;
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_COLUMNS = 200;

export class CsvInputError extends Error {}

function isIcpHeader(h: string): boolean {
  return (ICP_HEADERS as readonly string[]).some((x) => x.toLowerCase() === h.trim().toLowerCase());
}

/**
 * Parses CSV text into a header row and data rows of equal width. Leading `=` is escaped with an apostrophe, the
 * way a careful import keeps text as text: a CSV cell must never become a formula in the sheet.
 */
export function parseCsvText(text: string): string[][] {
  const parser = new CsvParser();
  const rows = [...parser.push(text), ...parser.end()].filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new CsvInputError('the CSV is empty');
  if (rows.length - 1 > MAX_CSV_ROWS) throw new CsvInputError(`the CSV has ${rows.length - 1} data rows; the playground takes at most ${MAX_CSV_ROWS}`);
  const header = rows[0]!;
  const keep = header.map((h, i) => ({ h, i })).filter(({ h }) => !isIcpHeader(h)).map(({ i }) => i);
  const width = keep.length === 0 ? 0 : Math.max(...rows.map((r) => r.length)) - (header.length - keep.length);
  if (keep.length === 0 || width <= 0) throw new CsvInputError('the CSV has no columns');
  if (width > MAX_CSV_COLUMNS) throw new CsvInputError(`the CSV has ${width} columns; the playground takes at most ${MAX_CSV_COLUMNS}`);
  const extra = Array.from({ length: Math.max(0, width - keep.length) }, (_, k) => header.length + k);
  const columns = [...keep, ...extra];
  return rows.map((r) => columns.map((i) => {
    const cell = r[i] ?? '';
    return cell.startsWith('=') ? `'${cell}` : cell;
  }));
}
