// Finds columns by header text (case-, space- and punctuation-insensitive), never by position; says which is read when two share a header.

import { headerKey } from './read/text';

/** A header several columns share: the text of the first, and every column's index (0-based), the first being read. */
export interface DuplicateHeader {
  header: string;
  columns: number[];
}

export class HeaderMap {
  private readonly index = new Map<string, number[]>();

  constructor(readonly headers: readonly unknown[]) {
    headers.forEach((h, i) => {
      const key = headerKey(h);
      if (key === '') return;
      const columns = this.index.get(key);
      if (columns === undefined) this.index.set(key, [i]);
      else columns.push(i);
    });
  }

  /** Column index of a header name, or -1 when the sheet has no such column. */
  find(name: string): number {
    // The first of two same-named columns wins, the way a person scanning left to right would read it.
    return this.index.get(headerKey(name))?.[0] ?? -1;
  }

  /** The header `name` finds when several columns have it (so the first is read and the others are not), else undefined. */
  duplicate(name: string): DuplicateHeader | undefined {
    const columns = this.index.get(headerKey(name));
    if (columns === undefined || columns.length < 2) return undefined;
    return { header: String(this.headers[columns[0]!] ?? '').trim(), columns: [...columns] };
  }

  /** Every header several columns share, in the order of their first column. */
  duplicates(): DuplicateHeader[] {
    const out: DuplicateHeader[] = [];
    for (const columns of this.index.values()) {
      if (columns.length > 1) out.push({ header: String(this.headers[columns[0]!] ?? '').trim(), columns: [...columns] });
    }
    return out;
  }
}

/** The spreadsheet letters of a 0-based column index: 0 is A, 25 is Z, 26 is AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A, B and C`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What a user is told about a header several columns share: `"Industry" is in columns C and H: column C is read`.
 * `name` words a column (letters by default, the sheet's or the CSV's: column A is the first).
 */
export function duplicateHeaderNote(d: DuplicateHeader, name: (index: number) => string = (i) => `column ${columnLetters(i)}`): string {
  const names = d.columns.map(name);
  const plural = names.every((n) => n.startsWith('column ')) ? `columns ${listed(names.map((n) => n.slice('column '.length)))}` : listed(names);
  return `"${d.header}" is in ${plural}: ${names[0]} is read`;
}
