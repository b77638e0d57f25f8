// Blank detection: empty cells and the placeholders exports and forms use for "no value".

import { cellText } from './text';

// Compared after removing everything but letters and digits, so `N/A`, `n.a.`, `-- Select --` and `—` all match.
const PLACEHOLDERS = new Set(['', 'na', 'nan', 'null', 'nil', 'none', 'unknown', 'select', 'selectone', 'pleaseselect', 'notavailable', 'notapplicable']);

/** True for '', null, undefined, whitespace, NaN, invalid Dates and the placeholders of the spec. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'string') {
    if (value.length > 40) return false;
    return PLACEHOLDERS.has(value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  if (typeof value === 'number') return Number.isNaN(value);
  if (value instanceof Date) return Number.isNaN(value.getTime());
  if (typeof value === 'boolean') return false;
  return isBlank(cellText(value));
}
