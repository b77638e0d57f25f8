// Blank detection: empty cells and the placeholders exports and forms use for "no value".

import { cellText } from './text';

// Compared after removing punctuation, spaces and invisible characters, so `N/A`, `n.a.`, `-- Select --` and `—` all
// match; symbols stay, so a check mark (`✓`, `✅`) is a value, not a blank.
const PLACEHOLDERS = new Set(['', 'na', 'nan', 'null', 'nil', 'none', 'unknown', 'select', 'selectone', 'pleaseselect', 'notavailable', 'notapplicable']);

const SIMPLE = /^[a-z0-9]+$/;
const NOT_PLACEHOLDER = /[0-9@]/;

/** True for '', null, undefined, whitespace, NaN, invalid Dates and the placeholders of the spec. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'string') {
    // No placeholder is that long, or holds a digit or an @: settles e-mails, amounts and dates at once.
    if (value.length > 40 || NOT_PLACEHOLDER.test(value)) return false;
    const lower = value.toLowerCase();
    // Most cells are plain words or numbers: settle those without the (slower) Unicode regex.
    if (SIMPLE.test(lower)) return PLACEHOLDERS.has(lower);
    return PLACEHOLDERS.has(lower.replace(/[\p{P}\p{Z}\p{Cc}\p{Cf}]+/gu, ''));
  }
  if (typeof value === 'number') return Number.isNaN(value);
  if (value instanceof Date) return Number.isNaN(value.getTime());
  if (typeof value === 'boolean') return false;
  return isBlank(cellText(value));
}
