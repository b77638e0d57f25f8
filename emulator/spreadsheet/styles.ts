// Cell formatting values: defaults Sheets reports for unformatted cells, and color normalization.
import type { StyleKey } from './sheet-data';
import { DEFAULT_NUMBER_FORMAT } from './number-format';

export const STYLE_DEFAULTS: Record<StyleKey, string | number> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: 'false',
  numberFormat: DEFAULT_NUMBER_FORMAT,
  note: '',
};

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

/** Colors are reported as lowercase #rrggbb; null resets to the default. */
export function normalizeColor(color: string | null): string | null {
  if (color === null) return null;
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return NAMED_COLORS[c] ?? c;
}
