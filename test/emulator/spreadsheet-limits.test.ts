// SpreadsheetApp emulator: Sheets' size limits (50,000 characters in a cell, 10 million cells in a spreadsheet) refuse writes as Apps Script does.
import { emulatedSpreadsheet } from '../factories/spreadsheet';

const LONG = 'x'.repeat(50_001);
const TOO_LONG = /Your input contains more than the maximum of 50000 characters in a single cell\./;

describe('a cell holds at most 50,000 characters', () => {
  test('50,000 are written; one more fails the whole write, before any cell changes', () => {
    const { sheet } = emulatedSpreadsheet();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
    sheet.getRange('B1:C1').setValues([['before', 'before']]);
    expect(() => sheet.getRange('B1:C1').setValues([['after', LONG]])).toThrow(TOO_LONG);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([['before', 'before']]);
    expect(() => sheet.getRange('B1').setValue(LONG)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('B1').setFormula(`="${LONG}"`)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('B1:B1').setFormulas([[`="${LONG}"`]])).toThrow(TOO_LONG);
    expect(() => sheet.appendRow(['a', LONG])).toThrow(TOO_LONG);
    expect(sheet.getLastRow()).toBe(1);
  });

  test('a replacement that would overflow a cell fails', () => {
    const { sheet } = emulatedSpreadsheet();
    sheet.getRange('A1').setValue(`${'y'.repeat(49_999)}z`);
    expect(() => sheet.createTextFinder('z').replaceAllWith('zz')).toThrow(TOO_LONG);
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  test('a custom function whose text result is longer shows an error, not the text', () => {
    const { sheet, book } = emulatedSpreadsheet();
    book.registerCustomFunctions({ LONGTEXT: () => LONG, FINE: () => 'x'.repeat(50_000) });
    sheet.getRange('A1:B1').setFormulas([['=LONGTEXT()', '=FINE()']]);
    expect(sheet.getRange('A1').getValue()).toBe('#VALUE!');
    expect(book.formulaErrorAt('Sheet1!A1')).toBe('Text result of LONGTEXT is longer than the limit of 50000 characters.');
    expect((sheet.getRange('B1').getValue() as string).length).toBe(50_000);
  });
});

describe('a spreadsheet holds at most 10 million cells', () => {
  const LIMIT = /This action would increase the number of cells in the workbook above the limit of 10000000 cells\./;

  test('inserting rows, columns or a sheet past the limit fails and changes nothing', () => {
    const { sheet, ss } = emulatedSpreadsheet();
    // 1,000 x 26 to start: grow to 384,000 rows x 26 columns = 9,984,000 cells.
    sheet.insertRowsAfter(1000, 383_000);
    expect(sheet.getMaxRows()).toBe(384_000);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(LIMIT);
    expect(() => sheet.insertRowsAfter(384_000, 616)).toThrow(LIMIT);
    expect(() => ss.insertSheet('More')).toThrow(LIMIT);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getMaxRows()).toBe(384_000);
    expect(ss.getSheets()).toHaveLength(1);
    // What is left (16,000 cells) can still be used.
    sheet.insertRowsAfter(384_000, 615);
    expect(sheet.getMaxRows()).toBe(384_615);
  });
});
