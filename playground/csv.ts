// CSV bytes or text -> rows for the playground's sheet: decoded and parsed as the CLI does, padded, cells kept as data (never formulas).
import { CsvParser, NotUtf8Error, pushBytes } from '../src/cli/csv-reader';
import { InputDecoder, UnreadEncodingError } from '../src/cli/input-decoder';

/**
 * Columns the playground adds itself (live formulas); a CSV that already has them (a re-uploaded export) loses its
 * copies. Not "ICP Score": that is the name of the add-on's own "Score this sheet" columns, which may sit beside them.
 */
export const ICP_HEADERS = ['ICP Score (live)', 'ICP Tier (live)', 'ICP Why (live)'] as const;
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_COLUMNS = 200;
export { MAX_CSV_BYTES } from './limits';

export class CsvInputError extends Error {}

function isIcpHeader(h: string): boolean {
  return (ICP_HEADERS as readonly string[]).some((x) => x.toLowerCase() === h.trim().toLowerCase());
}

/** A parser that tells the delimiter from the header row, like `icp score`: Excel writes semicolons or tabs in locales with a decimal comma. */
function newParser(): CsvParser {
  return new CsvParser({ delimiter: 'auto' });
}

/**
 * The rows of a CSV file as uploaded: strict UTF-8, or UTF-16 after its byte order mark (Excel's "Unicode Text"),
 * as the CLI reads them. Other bytes (Excel's cp1252 "CSV (Comma delimited)") are refused with their line, rather
 * than shown with their accents turned into U+FFFD, which the browser's File.text() would do silently; other byte
 * order marks (UTF-32...) by name. A quoted field that runs over line breaks and leaves its row malformed (a quote
 * never closed) is refused with its lines, as `icp score` refuses it without --lenient.
 */
export function parseCsvBytes(bytes: Uint8Array): string[][] {
  const parser = newParser();
  const decoder = new InputDecoder();
  try {
    const rows = [...pushBytes(parser, decoder, bytes), ...pushBytes(parser, decoder, undefined), ...parser.end()];
    return toSheetRows(rows);
  } catch (e) {
    if (e instanceof NotUtf8Error) throw new CsvInputError(`${e.message}: save the file as "CSV UTF-8" and load it again`);
    // UTF-32 and other byte order marks we do not read: refused by name, as `icp score` does.
    if (e instanceof UnreadEncodingError) throw new CsvInputError(`${e.message} and load it again`);
    // A quote that swallows lines (QuoteSpanError) is a CsvError: the route words it with its lines, as the CLI does.
    throw e;
  }
}

/** CSV text (the sample file) -> rows; see toSheetRows. */
export function parseCsvText(text: string): string[][] {
  const parser = newParser();
  return toSheetRows([...parser.push(text), ...parser.end()]);
}

/**
 * A header row and data rows of equal width. A leading `=` or `'` is escaped with an apostrophe, the way a careful
 * import keeps text as text: a CSV cell must never become a formula in the sheet, nor lose its own apostrophe.
 */
function toSheetRows(parsed: string[][]): string[][] {
  const rows = parsed.filter((r) => r.some((c) => c.trim() !== ''));
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
    return cell.startsWith('=') || cell.startsWith("'") ? `'${cell}` : cell;
  }));
}
