// SpreadsheetApp emulator: TextFinder options, findAll/findNext, replaceAllWith counts, regex backreferences over formulas.
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup() {
  return emulatedSpreadsheet({ book: { sheets: ['Sheet1', 'Other'] }, sheet: 'Sheet1' });
}

describe('TextFinder', () => {
  test('findAll in row order across sheets; matchCase and matchEntireCell; displayed values of numbers', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Apple pie', 'apple'],
      ['APPLE', 120],
    ]);
    ss.getSheetByName('Other')!.getRange('C3').setValue('pineapple');
    const where = (f: { findAll(): { getSheet(): { getName(): string }; getA1Notation(): string }[] }) =>
      f.findAll().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);
    expect(where(ss.createTextFinder('apple'))).toEqual(['Sheet1!A1', 'Sheet1!B1', 'Sheet1!A2', 'Other!C3']);
    expect(where(sheet.createTextFinder('apple').matchCase(true))).toEqual(['Sheet1!B1']);
    expect(where(sheet.createTextFinder('apple').matchEntireCell(true))).toEqual(['Sheet1!B1', 'Sheet1!A2']);
    expect(where(sheet.createTextFinder('12'))).toEqual(['Sheet1!B2']);
    expect(where(sheet.getRange('A2:B2').createTextFinder('apple'))).toEqual(['Sheet1!A2']);
  });

  test('findNext / findPrevious / getCurrentMatch walk the matches and return null at the end', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['x1'], ['y'], ['x2']]);
    const f = sheet.createTextFinder('x');
    expect(f.findNext()!.getA1Notation()).toBe('A1');
    expect(f.findNext()!.getA1Notation()).toBe('A3');
    expect(f.getCurrentMatch()!.getA1Notation()).toBe('A3');
    expect(f.findNext()).toBeNull();
    expect(sheet.createTextFinder('x').findPrevious()!.getA1Notation()).toBe('A3');
  });

  test('replaceAllWith returns the number of occurrences replaced; replaced text is read as typed', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a-a-a'], ['b'], ['a']]);
    expect(sheet.createTextFinder('a').replaceAllWith('7')).toBe(4);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['7-7-7'], ['b'], [7]]);
  });

  test('regex replace with $1 backreferences over formula text rewrites the formulas and recomputes them', () => {
    const { ss, sheet, book } = setup();
    let model = 'v1';
    book.registerCustomFunctions({ ICP_SCORE: (row: unknown) => `${(row as unknown[][])[0]!.join('|')}:${model}` });
    sheet.getRange('A1:B2').setValues([
      ['x', 'y'],
      ['z', 'w'],
    ]);
    sheet.getRange('C1:C2').setFormulas([['=ICP_SCORE(A1:B1)'], ['=IFERROR(ICP_SCORE(A2:B2), "")']]);
    sheet.getRange('D1').setValue('ICP_SCORE(A1:B1) as text');
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['x|y:v1'], ['z|w:v1']]);
    model = 'v2';
    // Without matchFormulaText formulas are searched by their displayed value, so nothing in them changes.
    expect(ss.createTextFinder('ICP_SCORE\\(').useRegularExpression(true).replaceAllWith('X(')).toBe(1);
    expect(sheet.getRange('D1').getValue()).toBe('X(A1:B1) as text');

    const n = ss
      .createTextFinder('(ICP_SCORE)\\((\\S)')
      .useRegularExpression(true)
      .matchFormulaText(true)
      .replaceAllWith('$1( $2');
    expect(n).toBe(2);
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([['=ICP_SCORE( A1:B1)'], ['=IFERROR(ICP_SCORE( A2:B2), "")']]);
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['x|y:v2'], ['z|w:v2']]);
  });

  test('replacing "=" in formulas with text and back (a known refresh trick) recomputes custom functions', () => {
    const { ss, sheet, book } = setup();
    let n = 0;
    book.registerCustomFunctions({ COUNTER: () => ++n });
    sheet.getRange('A1').setFormula('=COUNTER()');
    expect(sheet.getRange('A1').getValue()).toBe(1);
    ss.createTextFinder('=').matchFormulaText(true).replaceAllWith('#tmp#');
    expect(sheet.getRange('A1').getValue()).toBe('#tmp#COUNTER()');
    ss.createTextFinder('#tmp#').matchFormulaText(true).replaceAllWith('=');
    expect(sheet.getRange('A1').getFormula()).toBe('=COUNTER()');
    expect(sheet.getRange('A1').getValue()).toBe(2);
  });
});
