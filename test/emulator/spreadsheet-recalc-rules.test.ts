// The emulator's recalculation rules: TODAY()/NOW() on its clock, named-range arguments, quotes in strings, fresh realms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, loadBundle, type RealmMode } from '../../emulator';
import { emulatedSpreadsheet } from '../factories/spreadsheet';

const DAY_MS = 86_400_000;

function clocked(timeZone = 'Etc/UTC') {
  let now = new Date(Date.UTC(2026, 2, 15, 12));
  const s = emulatedSpreadsheet({ env: { now: () => now }, book: { timeZone } });
  return { ...s, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('volatile functions follow the emulator clock', () => {
  test('TODAY() and NOW() read the clock in the spreadsheet time zone, not the host clock', () => {
    const { sheet } = clocked('Pacific/Auckland');
    sheet.getRange('A1:A2').setFormulas([['=TODAY()'], ['=NOW()']]);
    // 12:00 UTC on 15 March is 01:00 on 16 March in Auckland (UTC+13).
    expect(sheet.getRange('A1').getDisplayValue()).toMatch(/3\/16\/2026|2026-03-16/);
    const now = sheet.getRange('A2').getValue() as Date;
    // A date-time serial holds about a millisecond of precision.
    expect(Math.abs(now.getTime() - Date.UTC(2026, 2, 15, 12))).toBeLessThan(1000);
  });

  test('a new day reaches TODAY() on open and on any edit, and a custom function reading it runs only when it changes', () => {
    const { book, sheet, advance } = clocked();
    let runs = 0;
    book.registerCustomFunctions({ DAYS_LEFT: (d: unknown) => (runs++, d instanceof Date ? d.getUTCDate() : 'no date') });
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('B1').setFormula('=DAYS_LEFT(A1)');
    expect(sheet.getRange('B1').getValue()).toBe(15);
    expect(runs).toBe(1);

    // Later the same day: an edit recalculates TODAY(), whose value is the same, so DAYS_LEFT does not run.
    advance(3_600_000);
    sheet.getRange('Z9').setValue('edit');
    expect(runs).toBe(1);

    // The next day, on open.
    advance(DAY_MS);
    book.open();
    expect(sheet.getRange('B1').getValue()).toBe(16);
    expect(runs).toBe(2);

    // Two days on, on an edit of a cell nothing reads.
    advance(2 * DAY_MS);
    sheet.getRange('Z9').setValue('another edit');
    expect(sheet.getRange('B1').getValue()).toBe(18);
    expect(runs).toBe(3);

    // Nothing changed at all: no run.
    book.open();
    expect(runs).toBe(3);
  });
});

describe('named ranges as custom function arguments', () => {
  test('a named range passes its cells; the call re-runs when a cell in it or its extent changes, not otherwise', () => {
    const { book, ss, sheet } = clocked();
    let runs = 0;
    book.registerCustomFunctions({ CELLS: (a: unknown, m: unknown) => (runs++, `${String(a)}:${JSON.stringify(m)}`) });
    const data = ss.insertSheet('Data');
    data.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    ss.setNamedRange('STUFF', data.getRange('A1:B1'));
    sheet.getRange('A1').setFormula('=CELLS(7, STUFF)');
    expect(sheet.getRange('A1').getValue()).toBe('7:[[1,2]]');
    expect(runs).toBe(1);
    data.getRange('B1').setValue(5);
    expect(sheet.getRange('A1').getValue()).toBe('7:[[1,5]]');
    data.getRange('B2').setValue(9);
    expect(runs).toBe(2);
    ss.getNamedRanges()[0]!.setRange(data.getRange('A1:B2'));
    expect(sheet.getRange('A1').getValue()).toBe('7:[[1,5],[3,9]]');
    expect(runs).toBe(3);
  });

  test('a formula naming a range that is created later reads it from then on', () => {
    const { book, ss, sheet } = clocked();
    book.registerCustomFunctions({ CELLS: (m: unknown) => JSON.stringify(m) });
    sheet.getRange('A1').setFormula('=CELLS(LATER)');
    sheet.getRange('C1:C2').setValues([[1], [2]]);
    ss.setNamedRange('LATER', sheet.getRange('C1:C2'));
    expect(sheet.getRange('A1').getValue()).toBe('[[1],[2]]');
    sheet.getRange('C2').setValue(3);
    expect(sheet.getRange('A1').getValue()).toBe('[[1],[3]]');
  });
});

describe('string literals as Sheets writes them', () => {
  test('doubled quotes, backslashes and apostrophes inside strings compute as in Sheets', () => {
    const { sheet } = clocked();
    sheet.getRange('A1').setValue('Say "no"');
    sheet.getRange('B1:B4').setFormulas([['=IF(A1="Say ""no""",1,0)'], ['="a\\b"&"c\'d"'], ['=LEN("""")'], ['=ARRAYFORMULA(IF(A1:A2="Say ""no""","yes",""))']]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([[1], ["a\\bc'd"], [1], ['yes']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=IF(A1="Say ""no""",1,0)');
    // Moving references keeps the text as written.
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('B2').getFormula()).toBe('=IF(A2="Say ""no""",1,0)');
    expect(sheet.getRange('B2').getValue()).toBe(1);
  });
});

describe('custom function executions start with no state left by an earlier one', () => {
  const bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-realm-')), 'Code.js');
  fs.writeFileSync(bundle, 'var calls = 0;\nfunction ICP_COUNT(x) { calls += 1; return calls; }\n');

  test.each<[RealmMode, number[]]>([
    ['fresh', [1, 1, 1]],
    ['warm', [1, 2, 3]],
  ])('%s realm: module state seen by successive executions', (realm, seen) => {
    const emu = createEmulator();
    loadBundle(emu, bundle, { realm });
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:A3').setFormulas([['=ICP_COUNT(1)'], ['=ICP_COUNT(2)'], ['=ICP_COUNT(3)']]);
    expect(sheet.getRange('A1:A3').getValues().map((r) => r[0])).toEqual(seen);
  });
});
