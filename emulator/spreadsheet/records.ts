// Document-level records (named ranges, developer metadata, protections) and shifting rectangles on row/column changes.
import type { SheetData, SheetRect } from './sheet-data';


export interface NamedRangeRecord extends SheetRect {
  name: string;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetData }
  | { type: 'ROW'; sheet: SheetData; index: number }
  | { type: 'COLUMN'; sheet: SheetData; index: number };

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ProtectionRecord {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheet: SheetData;
  rect: SheetRect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: SheetRect[];
  rangeName: string | null;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/**
 * New position of a 0-based index after rows/columns were inserted at `at` (count > 0) or deleted
 * from `at` (count < 0); null when the index itself was deleted.
 */
export function shiftIndex(index: number, at: number, count: number): number | null {
  if (index < at) return index;
  if (count > 0) return index + count;
  if (index < at - count) return null;
  return index + count;
}

/** Shifts a rectangle on its sheet for inserted/deleted rows (dim 'row') or columns; null when fully deleted. */
export function shiftRect<T extends SheetRect>(rect: T, dim: 'row' | 'col', at: number, count: number): T | null {
  const [lo, hi] = dim === 'row' ? [rect.r0, rect.r1] : [rect.c0, rect.c1];
  let nlo: number;
  let nhi: number;
  if (count > 0) {
    nlo = lo >= at ? lo + count : lo;
    nhi = hi >= at ? hi + count : hi;
  } else {
    const last = at - count - 1;
    nlo = lo > last ? lo + count : lo >= at ? at : lo;
    nhi = hi > last ? hi + count : hi >= at ? at - 1 : hi;
    if (nhi < nlo) return null;
  }
  return dim === 'row' ? { ...rect, r0: nlo, r1: nhi } : { ...rect, c0: nlo, c1: nhi };
}
