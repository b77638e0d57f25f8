// A column's most frequent values for the editor's suggestions, counted the way the operators compare them.

import { isBlank } from './read/blank';
import { readNumber } from './read/number';
import { cellText, LIST_SEPARATORS, normalizeText } from './read/text';

export interface FrequentValue {
  /** The spelling most cells use (trimmed), e.g. `HubSpot` rather than `hubspot`. */
  value: string;
  /** Cells holding it (a list cell counts once per distinct item). */
  count: number;
}

// A column is read as lists when at least this share of its values hold several items (`Salesforce, HubSpot`):
// suggesting whole cells there offers `HubSpot, Zoho CRM`, which only a cell of exactly that text would match.
const LIST_COLUMN_SHARE = 0.1;

/** The items of one cell: its list items, or the whole text when it reads as one number (`1,000`, `$1,001-5,000`). */
function itemsOf(value: unknown, text: string): string[] {
  if (readNumber(value) !== undefined) return [text];
  const parts = text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
  return parts.length > 1 ? parts : [text];
}

interface Group {
  count: number;
  spellings: Map<string, number>;
}

/** Counts `text` under `key`, its normalised form (empty text is no value). */
function add(groups: Map<string, Group>, key: string, text: string): void {
  if (key === '') return;
  let g = groups.get(key);
  if (g === undefined) {
    g = { count: 0, spellings: new Map() };
    groups.set(key, g);
  }
  g.count++;
  g.spellings.set(text, (g.spellings.get(text) ?? 0) + 1);
}

/** Case-insensitive order, then by code unit (deterministic in every runtime, unlike localeCompare). */
function alphabetical(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function mostCommonSpelling(g: Group): string {
  let best = '';
  let bestCount = -1;
  // On a tie, the spelling met first (the sheet's order): deterministic, and no bias towards capitals.
  for (const [text, n] of g.spellings) if (n > bestCount) [best, bestCount] = [text, n];
  return best;
}

/**
 * The `limit` most frequent values of the cells, case- and space-insensitively (text operators ignore both, so
 * `Healthcare` and `healthcare` are one value), items of list cells counted separately in a list column. Blanks and
 * placeholders (`N/A`, `Select`) are not values. Ties go alphabetically, so the order is stable.
 */
export function frequentValues(cells: readonly unknown[], limit: number): FrequentValue[] {
  const whole = new Map<string, Group>();
  const items = new Map<string, Group>();
  let present = 0;
  let lists = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    const text = cellText(v).trim();
    present++;
    add(whole, normalizeText(text), text);
    const parts = itemsOf(v, text);
    if (parts.length > 1) lists++;
    const seen = new Set<string>();
    for (const part of parts) {
      const key = normalizeText(part);
      if (seen.has(key) || isBlank(part)) continue;
      seen.add(key);
      add(items, key, part);
    }
  }
  const groups = present > 0 && lists / present >= LIST_COLUMN_SHARE ? items : whole;
  return [...groups.values()]
    .map((g) => ({ value: mostCommonSpelling(g), count: g.count }))
    .sort((a, b) => b.count - a.count || alphabetical(a.value, b.value))
    .slice(0, limit);
}
