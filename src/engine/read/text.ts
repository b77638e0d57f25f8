// Text reading: the normalised form used by text operators, and splitting one cell into a list.

/** Lower-cases, trims and collapses inner whitespace, so ` SaaS  Tools ` reads as `saas tools`. */
export function normalizeText(text: string): string {
  const t = text.trim().toLowerCase();
  // Most cells have single spaces only: skip the replace (and its new string) for them.
  return hasOddSpace(t) ? t.replace(/\s+/g, ' ') : t;
}

// Two white-space characters in a row, or any white space other than a plain space (`\s` is JavaScript's
// Unicode set: no-break, line and paragraph separators, U+FEFF...), all of which the replace collapses.
const INNER_SPACE = /\s\s|[^\S ]/;

/** INNER_SPACE.test(t), by a loop over ASCII text (the regular expression costs more than the rest of a reading). */
function hasOddSpace(t: string): boolean {
  let afterSpace = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128) return INNER_SPACE.test(t);
    if (c === 32) {
      if (afterSpace) return true;
      afterSpace = true;
    } else if (c >= 9 && c <= 13) {
      return true;
    } else {
      afterSpace = false;
    }
  }
  return false;
}

/**
 * Where to cut `text` at `end` or just before it, so the cut never falls between the two halves of a surrogate pair
 * (an emoji): half of one is not a character, and a cell or an explanation would show it as garbage.
 */
export function cutIndex(text: string, end: number): number {
  if (end <= 0 || end >= text.length) return end;
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

/** Text of any cell value, the way a person reads it (numbers without float noise, Dates as ISO days). */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value); // `NaN`, `Infinity`: shown as the unreadable values they are
    // 15 significant digits, as Sheets shows them: 0.1 + 0.2 reads as `0.3`, not `0.30000000000000004`.
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null || value === undefined) return '';
  try {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return 'Invalid Date';
      const m = String(value.getMonth() + 1).padStart(2, '0');
      const d = String(value.getDate()).padStart(2, '0');
      return `${value.getFullYear()}-${m}-${d}`;
    }
    return String(value);
  } catch {
    // Objects with a throwing toString (or Symbol.toPrimitive), Proxies whose traps throw, objects posing as Dates:
    // none must make scoring throw.
    return '';
  }
}

// Separators people use for several values in one cell: `Salesforce, HubSpot; Slack | Zoom`.
export const LIST_SEPARATORS = /[,;|\n\r]+/;

/**
 * The normalised, non-empty items of a one-cell list. Split before normalising: normalising turns the line breaks of
 * an Alt+Enter list (`Salesforce` / `HubSpot` on two lines of one cell) into spaces, which would make it one item.
 */
export function splitList(text: string): string[] {
  if (!LIST_SEPARATORS.test(text)) {
    const only = normalizeText(text);
    return only === '' ? [] : [only];
  }
  const items: string[] = [];
  for (const part of text.split(LIST_SEPARATORS)) {
    const item = normalizeText(part);
    if (item !== '') items.push(item);
  }
  return items;
}

/** Header key: case-, space- and punctuation-insensitive, so `Annual Revenue ($)` finds `annual revenue`. */
export function headerKey(header: unknown): string {
  return cellText(header)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
