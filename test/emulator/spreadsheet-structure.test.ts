// SpreadsheetApp emulator: inserting/deleting rows and columns moves cells, formulas, developer metadata, named ranges.
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup() {
  const { env, book, app, ss, sheet } = emulatedSpreadsheet();
  sheet.getRange('A1:D2').setValues([
    ['Name', 'Industry', 'Employees', 'Score'],
    ['Acme', 'SaaS', 120, ''],
  ]);
  return { env, book, app, ss, sheet };
}

describe('developer metadata', () => {
  test('column metadata moves with its column on inserts and deletes before it, and survives a header rename', () => {
    const { sheet, app } = setup();
    sheet.getRange('D:D').addDeveloperMetadata('icp-column', 'score');
    const find = () => sheet.createDeveloperMetadataFinder().withKey('icp-column').withLocationType(app.DeveloperMetadataLocationType.COLUMN).find();
    expect(find().map((m) => m.getLocation().getColumn()!.getA1Notation())).toEqual(['D:D']);

    sheet.insertColumnBefore(1);
    sheet.insertColumnsAfter(2, 2);
    expect(find()[0]!.getLocation().getColumn()!.getColumn()).toBe(7);
    expect(sheet.getRange('G1').getValue()).toBe('Score');

    sheet.getRange('G1').setValue('ICP score (renamed)');
    sheet.deleteColumn(1);
    const [meta] = find();
    expect(meta!.getLocation().getColumn()!.getA1Notation()).toBe('F:F');
    expect(meta!.getValue()).toBe('score');
    expect(sheet.getRange(1, meta!.getLocation().getColumn()!.getColumn()).getValue()).toBe('ICP score (renamed)');

    // Deleting the column deletes its metadata.
    sheet.deleteColumn(6);
    expect(find()).toEqual([]);
  });

  test('spreadsheet, sheet and row metadata; arbitrary ranges are refused; setValue and remove', () => {
    const { ss, sheet, app } = setup();
    ss.addDeveloperMetadata('model-version', '3');
    sheet.addDeveloperMetadata('role', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('2:2').addDeveloperMetadata('row-key', 'r');
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['model-version', '3']]);
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), m.getVisibility()])).toEqual([['role', null, 'PROJECT']]);
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(3);
    expect(sheet.getRange('2:2').getDeveloperMetadata()[0]!.getLocation().getLocationType()).toBe('ROW');
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(/arbitrary ranges is not currently supported/);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('3:3').getDeveloperMetadata().map((m) => m.getKey())).toEqual(['row-key']);
    const [m] = ss.createDeveloperMetadataFinder().withKey('model-version').find();
    m!.setValue('4');
    expect(ss.getDeveloperMetadata()[0]!.getValue()).toBe('4');
    m!.remove();
    expect(ss.getDeveloperMetadata()).toEqual([]);
    expect(typeof sheet.getDeveloperMetadata()[0]!.getId()).toBe('number');
  });
});

describe('rows and columns', () => {
  test('cells and formats move; formulas referring to moved cells are rewritten and keep their values', () => {
    const { sheet } = setup();
    sheet.getRange('E2').setFormula('=C2*2');
    sheet.getRange('C2').setBackground('#ff0000');
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('F2').getFormula()).toBe('=D2*2');
    expect(sheet.getRange('F2').getValue()).toBe(240);
    expect(sheet.getRange('D2').getBackground()).toBe('#ff0000');
    sheet.insertRowsAfter(1, 3);
    expect(sheet.getRange('F5').getFormula()).toBe('=D5*2');
    expect(sheet.getRange('A5').getValue()).toBe('Acme');
    expect(sheet.getMaxRows()).toBe(1003);
    sheet.deleteRows(2, 3);
    expect(sheet.getRange('F2').getValue()).toBe(240);
    expect(() => sheet.deleteRows(1, 5000)).toThrow('Those rows are out of bounds.');
  });

  test('custom functions recompute only when the change reaches inside their argument range', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({ WIDTH: (row: unknown) => (row as unknown[][])[0]!.length });
    sheet.getRange('F2').setFormula('=WIDTH(A2:C2)');
    expect(sheet.getRange('F2').getValue()).toBe(3);
    expect(book.customFunctionCalls).toBe(1);
    sheet.insertRowBefore(1); // moves the formula and its argument together
    sheet.insertColumnAfter(4); // right of the argument range
    expect(sheet.getRange('G3').getFormula()).toBe('=WIDTH(A3:C3)');
    expect(book.customFunctionCalls).toBe(1);
    sheet.insertColumnAfter(1); // inside A:C, so the argument grows
    expect(sheet.getRange('H3').getFormula()).toBe('=WIDTH(A3:D3)');
    expect(sheet.getRange('H3').getValue()).toBe(4);
    expect(book.customFunctionCalls).toBe(2);
  });

  test('named ranges follow their cells; getRangeByName, getNamedRanges, removeNamedRange', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Headers', sheet.getRange('A1:D1'));
    sheet.insertColumnBefore(1);
    expect(ss.getRangeByName('Headers')!.getA1Notation()).toBe('B1:E1');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Headers']);
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow(/Invalid named range name/);
    ss.removeNamedRange('Headers');
    expect(ss.getRangeByName('Headers')).toBeNull();
  });

  test('a spilled result is placed again after rows are inserted inside it', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({ SEQ: (n: unknown) => Array.from({ length: Number(n) }, (_, i) => [i + 1]) });
    sheet.getRange('H1').setFormula('=SEQ(3)');
    sheet.insertRowAfter(1);
    expect(sheet.getRange('H1:H4').getValues()).toEqual([[1], [2], [3], ['']]);
  });
});
