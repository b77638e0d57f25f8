// What a number box's text means: a number, a blank, or text that validation names (no DOM, so it is unit-tested).

// Thousands separators only where they group digits in threes (`1,000`, `12 345.5`): `1,5` is a decimal comma,
// which read as 15 would silently be ten times too large, so it stays text and validation names it.
const GROUPED = /^[+-]?\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;

/** Text typed into a number box: a number, undefined when blank, or the text itself (so validation can say what is wrong). */
export function parseNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(GROUPED.test(t) ? t.replace(/[, ]/g, '') : t);
  return Number.isFinite(n) && !/^0x|^0b|^0o/i.test(t.replace(/^[+-]/, '')) ? n : text;
}

/**
 * A typed weight as a percentage: `40`, `40 %` or `40%`; undefined for anything else (`abc`, `4,0`), which leaves the
 * weights as they were rather than reading it as 0.
 */
export function weightPercent(text: string): number | undefined {
  const v = parseNumber(text.trim().replace(/\s*%$/, ''));
  return typeof v === 'number' ? v : undefined;
}
