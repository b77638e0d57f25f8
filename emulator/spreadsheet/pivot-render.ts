// Computes what a pivot table shows: a header row, one row per group (sorted), subtotals and a Grand Total.
import type { PivotGroupSpec, PivotValueSpec } from './pivot-spec';
import type { PivotSpec } from './sheet-data';
import { CellValue } from './values';

type Row = CellValue[];

function aggregate(fn: string, values: CellValue[]): CellValue {
  const nums = values.filter((v): v is number => typeof v === 'number');
  switch (fn) {
    case 'SUM':
      return nums.reduce((a, b) => a + b, 0);
    case 'COUNTA':
      return values.filter((v) => v !== '').length;
    case 'COUNT':
      return nums.length;
    case 'COUNTUNIQUE':
      return new Set(values.filter((v) => v !== '').map((v) => (v instanceof Date ? v.getTime() : v))).size;
    case 'AVERAGE':
      return nums.length === 0 ? '#DIV/0!' : nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'MAX':
      return nums.length === 0 ? 0 : nums.reduce((a, b) => (b > a ? b : a));
    case 'MIN':
      return nums.length === 0 ? 0 : nums.reduce((a, b) => (b < a ? b : a));
    case 'PRODUCT':
      return nums.reduce((a, b) => a * b, 1);
    case 'MEDIAN': {
      if (nums.length === 0) return '#NUM!';
      const s = [...nums].sort((a, b) => a - b);
      const mid = Math.floor(s.length / 2);
      return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
    }
    default:
      return '#N/A';
  }
}

function keyOf(v: CellValue): string {
  if (v instanceof Date) return `d${v.getTime()}`;
  return `${typeof v}:${String(v)}`;
}

function compare(a: CellValue, b: CellValue): number {
  if (a === '' && b !== '') return 1;
  if (b === '' && a !== '') return -1;
  const na = a instanceof Date ? a.getTime() : a;
  const nb = b instanceof Date ? b.getTime() : b;
  if (typeof na === 'number' && typeof nb === 'number') return na - nb;
  if (typeof na === 'number') return -1;
  if (typeof nb === 'number') return 1;
  return String(na).localeCompare(String(nb), 'en', { sensitivity: 'base' });
}

function valueHeader(v: PivotValueSpec, header: CellValue): string {
  return v.displayName ?? `${v.summarizeFunction} of ${String(header)}`;
}

function groupHeader(g: PivotGroupSpec, header: CellValue): CellValue {
  return g.displayName ?? header;
}

/** The table a pivot shows, given its source cells (first row = headers). Column groups are recorded, not rendered. */
export function renderPivot(spec: PivotSpec, source: CellValue[][], display: (v: CellValue) => string): CellValue[][] {
  const headers = source[0] ?? [];
  const firstCol = spec.source.c0 + 1;
  const colIndex = (sourceDataColumn: number): number => sourceDataColumn - firstCol;
  let rows = source.slice(1).filter((r) => r.some((v) => v !== ''));
  for (const f of spec.filters) {
    const i = colIndex(f.sourceDataColumn);
    rows = rows.filter((r) => {
      const text = display(r[i] ?? '');
      if (f.visibleValues && !f.visibleValues.includes(text)) return false;
      return !f.hiddenValues.includes(text);
    });
  }
  const valueCells = (subset: Row[]): CellValue[] => spec.values.map((v) => aggregate(v.summarizeFunction, subset.map((r) => r[colIndex(v.sourceDataColumn)] ?? '')));
  const out: CellValue[][] = [];
  out.push([...spec.rowGroups.map((g) => groupHeader(g, headers[colIndex(g.sourceDataColumn)] ?? '')), ...spec.values.map((v) => valueHeader(v, headers[colIndex(v.sourceDataColumn)] ?? ''))]);
  const width = spec.rowGroups.length;

  const emit = (subset: Row[], level: number, prefix: CellValue[]): void => {
    if (level === width) {
      out.push([...prefix, ...valueCells(subset)]);
      return;
    }
    const group = spec.rowGroups[level];
    if (!group) return;
    const i = colIndex(group.sourceDataColumn);
    const buckets = new Map<string, { label: CellValue; rows: Row[] }>();
    for (const r of subset) {
      const v = r[i] ?? '';
      const k = keyOf(v);
      let b = buckets.get(k);
      if (!b) {
        b = { label: v, rows: [] };
        buckets.set(k, b);
      }
      b.rows.push(r);
    }
    const sorted = [...buckets.values()].sort((a, b) => compare(a.label, b.label) * (group.ascending ? 1 : -1));
    for (const b of sorted) {
      const start = out.length;
      emit(b.rows, level + 1, [...new Array<CellValue>(level).fill(''), b.label]);
      const first = out[start];
      if (first) for (let l = 0; l < level; l++) first[l] = prefix[l] ?? '';
      if (group.repeatLabels) for (let i = start + 1; i < out.length; i++) (out[i] as CellValue[])[level] = b.label;
      if (level < width - 1 && group.showTotals) {
        out.push([...new Array<CellValue>(level).fill(''), `${display(b.label)} Total`, ...new Array<CellValue>(width - level - 1).fill(''), ...valueCells(b.rows)]);
      }
    }
  };

  if (width === 0) {
    if (spec.values.length > 0) out.push(valueCells(rows));
    return out;
  }
  emit(rows, 0, []);
  if (spec.rowGroups[0]?.showTotals ?? true) out.push(['Grand Total', ...new Array<CellValue>(width - 1).fill(''), ...valueCells(rows)]);
  return out;
}
