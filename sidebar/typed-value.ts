// What a value typed for `equals` / `in` means: a number or true/false when it reads as one, else text.
import type { Scalar } from '../src/engine/model';

// A plain number: optional sign, digits (grouped in threes or not), optional decimals. Not `007` or `02139`:
// a leading zero marks a code (zip, id), which must keep its zeros as text.
const PLAIN_NUMBER = /^[+-]?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * The model value for typed text. The engine compares number values as numbers (`1000` then also matches `1,000`
 * and `1k`), and an `equals` boolean as yes/no (`true` also matches `yes`, `x`, a check mark); kept as text, `1000`
 * would match only cells whose text is exactly `1000`. `in` compares booleans as text, so it asks for numbers only.
 */
export function typedValue(text: string, opts: { booleans: boolean } = { booleans: true }): Scalar {
  const t = text.trim();
  if (PLAIN_NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  if (!opts.booleans) return text;
  const lower = t.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return text;
}

/** How the editor shows a value: booleans as Sheets shows them (TRUE / FALSE). */
export function valueText(value: Scalar): string {
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

/** A hint that says how a typed value will be compared, or '' for text. */
export function valueHint(value: Scalar): string {
  if (typeof value === 'number') {
    const other = Math.abs(value) >= 1000 ? value.toLocaleString('en-US') : `${value}.0`;
    return `Compared as a number: cells such as "${other}" match too.`;
  }
  if (typeof value === 'boolean') return value ? 'Read as yes: matches TRUE, yes, y, 1, x or a check mark.' : 'Read as no: matches FALSE, no, n or 0.';
  return '';
}
