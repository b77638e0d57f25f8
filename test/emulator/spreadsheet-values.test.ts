// SpreadsheetApp emulator: values round trip, typed-text parsing, apostrophes, dates, display values, dimension errors.
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup(timeZone = 'Etc/UTC') {
  return emulatedSpreadsheet({ env: { now: () => new Date(Date.UTC(2026, 2, 15, 12)) }, book: { timeZone } });
}

describe('values', () => {
  test('round trip of numbers, strings, booleans, Dates; empty cells are ""', () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2026, 2, 1));
    sheet.getRange('A1:D2').setValues([
      [1.5, 'text', true, d],
      [null, undefined, '', 0],
    ]);
    const got = sheet.getRange('A1:E3').getValues();
    expect(got).toEqual([
      [1.5, 'text', true, d, ''],
      ['', '', '', 0, ''],
      ['', '', '', '', ''],
    ]);
    expect(got[0]![3]).toBeInstanceOf(Date);
  });

  test('getValues returns copies: changing them (or a returned Date) changes nothing', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[1, new Date(Date.UTC(2026, 0, 1))]]);
    const first = sheet.getRange('A1:B1').getValues();
    first[0]![0] = 99;
    (first[0]![1] as Date).setUTCFullYear(1999);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, new Date(Date.UTC(2026, 0, 1))]]);
  });

  test('typed text is parsed as Sheets does: numbers, booleans, currency, percent, dates; other text stays text', () => {
    const { sheet } = setup();
    const inputs = ['123', '-1.5', '1,234.5', '$1,200', '35%', 'TRUE', 'false', '3/1/2026', '2026-03-01', '2-10', '51-200', '1.2k', 'N/A', ' 12 ', 'Acme'];
    sheet.getRange(1, 1, inputs.length, 1).setValues(inputs.map((v) => [v]));
    const got = sheet.getRange(1, 1, inputs.length, 1).getValues().map((r) => r[0]);
    expect(got.slice(0, 7)).toEqual([123, -1.5, 1234.5, 1200, 0.35, true, false]);
    expect(got[7]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(got[8]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    // "2-10" is February 10 of the current year (the clock says 2026), as Sheets reads it.
    expect(got[9]).toEqual(new Date(Date.UTC(2026, 1, 10)));
    expect(got.slice(10)).toEqual(['51-200', '1.2k', 'N/A', 12, 'Acme']);
    expect(sheet.getRange('A4').getDisplayValue()).toBe('$1,200.00');
    expect(sheet.getRange('A5').getDisplayValue()).toBe('35%');
  });

  test("a leading apostrophe keeps text literal and is not stored; '=' starts a formula", () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([["'=1+1"], ["'123"], ["'TRUE"], ['=1+1']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['=1+1'], ['123'], ['TRUE'], [2]]);
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([[''], [''], [''], ['=1+1']]);
  });

  test('setValue fills every cell of the range; getValue reads the top-left cell', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').setValue('x');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(sheet.getRange('B2:C3').getValue()).toBe('x');
    expect(sheet.getRange('Z9').getValue()).toBe('');
  });

  test('display values: numbers as JavaScript prints them, booleans TRUE/FALSE, dates M/d/yyyy, number formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([[1 / 4, true, new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2026, 2, 1, 14, 5, 9)), 1234.567]]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['0.25', 'TRUE', '3/1/2026', '3/1/2026 14:05:09', '1234.567']]);
    sheet.getRange('E1').setNumberFormat('#,##0.00');
    sheet.getRange('A1').setNumberFormat('0.0%');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['25.0%', 'TRUE', '2026-03-01', '3/1/2026 14:05:09', '1,234.57']]);
    expect(sheet.getRange('E1').getNumberFormat()).toBe('#,##0.00');
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.###############');
  });

  test('dates are read and shown in the spreadsheet time zone', () => {
    const { sheet, ss } = setup('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    sheet.getRange('A1').setValue('3/1/2026');
    const d = sheet.getRange('A1').getValue() as Date;
    expect(d.toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026');
  });

  test("setValues' dimension errors use Apps Script's messages", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B3');
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([1, 2, 3] as never)).toThrow("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    expect(() => range.setFormulas([['=1']])).toThrow('The data has 1 but the range has 3.');
    expect(() => range.setBackgrounds([['red', 'red']])).toThrow('The data has 1 but the range has 3.');
  });

  test('clearContent keeps formats; clear removes both', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([[1, '=A1*2']]).setBackground('Red').setFontWeight('bold');
    expect(r.getValues()).toEqual([[1, 2]]);
    expect(r.getBackground()).toBe('#ff0000');
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getFormulas()).toEqual([['', '']]);
    expect(r.getFontWeight()).toBe('bold');
    r.clear();
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getBackground()).toBe('#ffffff');
  });

  test('notes, formats and data validation are recorded per cell', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1').setNote('hello').setFontColor('#00FF00');
    expect(sheet.getRange('A1').getNote()).toBe('hello');
    expect(sheet.getRange('A2').getNote()).toBe('');
    expect(sheet.getRange('A1').getFontColor()).toBe('#00ff00');
    const rule = app.newDataValidation().requireValueInList(['A', 'B'], true).setAllowInvalid(false).build();
    sheet.getRange('B1:B3').setDataValidation(rule);
    const got = sheet.getRange('B2').getDataValidation();
    expect(got?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(got?.getCriteriaValues()).toEqual([['A', 'B'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B4').getDataValidation()).toBeNull();
  });

  test('workbook.loadValues stores values as given (no parsing) and creates the sheet', () => {
    const { book, ss } = setup();
    book.loadValues('Data', [
      ['Name', 'Employees'],
      ['Acme', '51-200'],
      ['Beta', 1200],
      ['Gamma', '123'],
    ]);
    const sheet = ss.getSheetByName('Data')!;
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Name', 'Employees'],
      ['Acme', '51-200'],
      ['Beta', 1200],
      ['Gamma', '123'],
    ]);
    // The blank first sheet was active, so the loaded sheet is now active (as after an import).
    expect(ss.getActiveSheet().getName()).toBe('Data');
  });

  test('loadValues of 100k rows x 20 columns and reading them back are fast', () => {
    const { book, ss } = setup();
    const rows: unknown[][] = [];
    for (let r = 0; r < 100_000; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < 20; c++) row.push(c % 2 ? `t${r}` : r * c);
      rows.push(row);
    }
    const t0 = Date.now();
    book.loadValues('Big', rows);
    const loaded = Date.now() - t0;
    const values = ss.getSheetByName('Big')!.getDataRange().getValues();
    expect(values.length).toBe(100_000);
    expect(values[99_999]![19]).toBe('t99999');
    expect(loaded).toBeLessThan(2000);
  });
});
