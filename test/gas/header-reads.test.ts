// Per-row custom functions find their header row by reading only the top of the sheet, not every row above them.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { headerRowIndex, headerRowSettled } from '../../src/gas/header-row';
import { loadAddon, sampleRows, SAMPLE_NOW } from './harness';

const rows = sampleRows();
const headers = rows[0]!;
const width = headers.length; // A..Q
const blank = (): string[] => headers.map(() => '');
const profile = () => compileModel(b2bSaasTemplate(), headers, { today: SAMPLE_NOW }).profile();

/** Cells the add-on's script read while `fn` ran (the emulator counts Range.getValues and friends). */
function cellsReadBy(addon: ReturnType<typeof loadAddon>, fn: () => void): number {
  const before = addon.emu.workbook.cellsRead;
  fn();
  return addon.emu.workbook.cellsRead - before;
}

describe('headerRowSettled', () => {
  const industry = new Set(['industry']);

  test('is true once a row names a model column or the look-ahead past the first row is used up, and agrees with headerRowIndex', () => {
    expect(headerRowSettled([])).toBe(false);
    expect(headerRowSettled([['', '']])).toBe(false);
    expect(headerRowSettled([['Title', ''], ['', '']])).toBe(false);
    expect(headerRowSettled([['Title', ''], ['Industry', 'Employees']], industry)).toBe(true);
    // Without a model column named, a wider row further down could still be the header row.
    expect(headerRowSettled([['Title', ''], ['Industry', 'Employees']])).toBe(false);
    const titleThenBlanks = [['Title', ''], ...Array.from({ length: 49 }, () => ['', ''])];
    expect(headerRowSettled(titleThenBlanks)).toBe(true);
    expect(headerRowSettled(titleThenBlanks.slice(0, 49))).toBe(false);
    // Settled means no later row can change the answer.
    for (const more of [[['A', 'B']], [['x', '']], [['Industry', 'Employees']], []]) {
      expect(headerRowIndex([...titleThenBlanks, ...more])).toBe(headerRowIndex(titleThenBlanks));
      expect(headerRowIndex([...titleThenBlanks, ...more], industry)).toBe(headerRowIndex(titleThenBlanks, industry));
    }
  });
});

describe('a per-row formula far down the sheet', () => {
  test('reads a few rows above it, not all of them, and scores like the engine', () => {
    const addon = loadAddon(rows);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    const last = rows.length; // the sheet's last row
    const read = cellsReadBy(addon, () => addon.setFormula(`R${last}`, `=ICP_SCORE(A${last}:Q${last})`));
    expect(addon.value(`R${last}`)).toBe(profile().evaluate(rows[last - 1]!).score);
    // Before: every row above (about 300 x 17 cells). Now: the first read of 16 rows, plus the model sheet.
    expect(last).toBeGreaterThan(200);
    expect(read).toBeLessThan(40 * width);
  });

  test('a table starting far down, under a title and blank rows, still finds its header row with a few reads', () => {
    const top = [['Accounts export', ...headers.slice(1).map(() => '')], ...Array.from({ length: 40 }, blank)];
    const addon = loadAddon([...top, ...rows]);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    const headerRow = top.length + 1; // row 42
    const row = headerRow + 150;
    const reads0 = addon.emu.env.counter.calls.get('Range.getValues') ?? 0;
    addon.setFormula(`R${row}`, `=ICP_SCORE(A${row}:Q${row})`);
    expect(addon.value(`R${row}`)).toBe(profile().evaluate(rows[row - headerRow]!).score);
    // 16, then 32 rows: the header on row 42 is inside the second read.
    expect((addon.emu.env.counter.calls.get('Range.getValues') ?? 0) - reads0).toBeLessThanOrEqual(4);
  });

  test('a title with only blank rows below it for the whole look-ahead is taken as a one-column header, as before', () => {
    const top = [['Accounts', ...headers.slice(1).map(() => '')], ...Array.from({ length: 60 }, blank)];
    const addon = loadAddon([...top, ...rows.slice(1)]);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    const row = top.length + 5;
    addon.setFormula(`R${row}`, `=ICP_SCORE(A${row}:Q${row})`);
    // The header row is the title, which names none of the model's columns: the error says so, as with a full read.
    expect(addon.value(`R${row}`)).toBe('#ERROR!');
    expect(addon.emu.workbook.formulaErrorAt(`Accounts!R${row}`)).toMatch(/column/i);
  });
});
