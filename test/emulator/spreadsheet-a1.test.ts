// SpreadsheetApp emulator: A1 notation, getRange forms and errors, last row/column, sheets (insert, rename, hide, delete).
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup() {
  return emulatedSpreadsheet({ book: { sheets: ['Sheet1', 'My data'] }, sheet: 'Sheet1' });
}

describe('A1 notation and getRange', () => {
  test('cells, blocks, whole columns and rows, absolute markers, lowercase, reversed corners', () => {
    const { sheet } = setup();
    const cases: [string, string, number, number, number, number][] = [
      ['B3', 'B3', 3, 2, 1, 1],
      ['$A$1:$C$2', 'A1:C2', 1, 1, 2, 3],
      ['c2:a1', 'A1:C2', 1, 1, 2, 3],
      ['A:A', 'A:A', 1, 1, 1000, 1],
      ['B:D', 'B:D', 1, 2, 1000, 3],
      ['A2:B', 'A2:B', 2, 1, 999, 2],
      ['3:4', '3:4', 3, 1, 2, 26],
    ];
    for (const [a1, back, row, col, rows, cols] of cases) {
      const r = sheet.getRange(a1);
      expect([a1, r.getA1Notation(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([a1, back, row, col, rows, cols]);
    }
  });

  test("a sheet name, quoted when it has spaces ('My data'!A1:B2), resolves on the spreadsheet", () => {
    const { ss } = setup();
    ss.getSheetByName('My data')!.getRange('B2').setValue(7);
    const r = ss.getRange("'My data'!A1:B2");
    expect(r.getSheet().getName()).toBe('My data');
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', 7],
    ]);
    expect(ss.getRange('Sheet1!A1').getSheet().getName()).toBe('Sheet1');
    expect(ss.getSheetByName('my DATA')!.getName()).toBe('My data');
  });

  test('invalid references: "Range not found"', () => {
    const { ss, sheet } = setup();
    for (const bad of ['', 'A', '1A', 'A0', 'AAAA1', 'A1:B2:C3', 'Nope!A1', 'A1001']) expect(() => sheet.getRange(bad)).toThrow('Range not found');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });

  test('getRange(row, column, numRows, numColumns) errors', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
  });

  test('range position helpers: getLastRow/Column of a range, offset, getCell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D5');
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 4]);
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:E6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 3).getA1Notation()).toBe('D3');
  });
});

describe('sheet size and content', () => {
  test('getLastRow/getLastColumn count values and formulas; getDataRange spans them', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=""');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  test('appendRow writes after the last row and grows the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['a', '12', '=1+1']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:C1001').getValues()).toEqual([['a', 12, 2]]);
  });
});

describe('sheets', () => {
  test('insertSheet (names, index, activation), duplicate names, rename, delete', () => {
    const { ss } = setup();
    const s = ss.insertSheet();
    expect(s.getName()).toBe('Sheet3');
    expect(ss.getActiveSheet().getName()).toBe('Sheet3');
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['First', 'Sheet1', 'My data', 'Sheet3']);
    expect(() => ss.insertSheet('sheet1')).toThrow('A sheet with the name "sheet1" already exists. Please enter another name.');
    expect(() => s.setName('My Data')).toThrow('A sheet with the name "My Data" already exists. Please enter another name.');
    s.setName('Renamed');
    expect(ss.getSheetByName('Renamed')!.getSheetId()).toBe(s.getSheetId());
    ss.deleteSheet(first);
    expect(ss.getSheetByName('First')).toBeNull();
    expect(ss.getNumSheets()).toBe(3);
  });

  test('hidden sheets: hideSheet/showSheet/isSheetHidden; hiding the active sheet shows another one', () => {
    const { ss } = setup();
    const store = ss.insertSheet('Store');
    store.hideSheet();
    expect(store.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('My data');
    store.showSheet();
    expect(store.isSheetHidden()).toBe(false);
  });

  test('renaming a sheet rewrites formulas that name it', () => {
    const { book, ss, sheet } = setup();
    book.registerCustomFunctions({ COUNTCELLS: (x: unknown) => (Array.isArray(x) ? x.length * (x[0] as unknown[]).length : 1) });
    sheet.getRange('A1').setFormula("=COUNTCELLS('My data'!A1:B2)");
    sheet.getRange('A2').setFormula("=ROWS('My data'!A1:A3)");
    ss.getSheetByName('My data')!.setName('Other');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=COUNTCELLS(Other!A1:B2)'], ['=ROWS(Other!A1:A3)']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[4], [3]]);
  });
});
