// A small RFC 4180 CSV parser for tests: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF.
import { readFileSync } from 'node:fs';

/** Parses CSV text into rows of fields (strings). A trailing line break does not add an empty row. */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && source[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\n' || ch === '\r') endRow();
    else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** A CSV file as its header row and data rows. */
export interface CsvTable {
  headers: string[];
  rows: string[][];
}

/** Reads and parses a CSV file; the first row is the header row. */
export function readCsvTable(path: string): CsvTable {
  const [headers = [], ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return { headers, rows };
}
