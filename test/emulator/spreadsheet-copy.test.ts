// SpreadsheetApp emulator: copyWorkbook() (File > Make a copy) is a deep, independent copy with a new id.
import { createEnv } from '../../emulator/env';
import { copyWorkbook, createSpreadsheetApp, Workbook } from '../../emulator/spreadsheet';

test('copyWorkbook() keeps values, formulas, formats, hidden sheets, protections, named ranges, metadata, charts; then both diverge', () => {
  const env = createEnv();
  const book = new Workbook({ name: 'Accounts' });
  book.registerCustomFunctions({ DOUBLE: (x: unknown) => Number(x) * 2 });
  const app = createSpreadsheetApp(env, book);
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const d = new Date(Date.UTC(2026, 2, 1));
  sheet.getRange('A1:B1').setValues([[2, d]]);
  sheet.getRange('C1').setFormula('=DOUBLE(A1)');
  sheet.getRange('D1').setFormula('=A1+1');
  sheet.getRange('A1').setBackground('#00ff00').setNote('n');
  const hidden = ss.insertSheet('Store');
  hidden.getRange('A1').setValue('model json');
  hidden.hideSheet();
  hidden.protect().setDescription('model store').setWarningOnly(true);
  ss.setNamedRange('Input', sheet.getRange('A1:B1'));
  sheet.getRange('C:C').addDeveloperMetadata('icp', 'score');
  sheet.insertChart(sheet.newChart().setChartType('PIE').addRange(sheet.getRange('A1:B1')).setPosition(2, 2, 0, 0).build());

  const copy = copyWorkbook(book);
  expect(copy.id).not.toBe(book.id);
  expect(copy.name).toBe('Copy of Accounts');
  const cApp = createSpreadsheetApp(createEnv(), copy);
  const css = cApp.getActiveSpreadsheet();
  const cSheet = css.getSheetByName('Sheet1')!;
  expect(cSheet.getRange('A1:D1').getValues()).toEqual([[2, d, 4, 3]]);
  expect(cSheet.getRange('C1:D1').getFormulas()).toEqual([['=DOUBLE(A1)', '=A1+1']]);
  expect(cSheet.getRange('A1').getBackground()).toBe('#00ff00');
  expect(cSheet.getRange('A1').getNote()).toBe('n');
  const cStore = css.getSheetByName('Store')!;
  expect(cStore.isSheetHidden()).toBe(true);
  expect(cStore.getSheetId()).toBe(hidden.getSheetId());
  const [prot] = cStore.getProtections(cApp.ProtectionType.SHEET);
  expect([prot!.getDescription(), prot!.isWarningOnly()]).toEqual(['model store', true]);
  expect(css.getRangeByName('Input')!.getA1Notation()).toBe('A1:B1');
  expect(cSheet.getRange('C:C').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['score']);
  expect(cSheet.getCharts()[0]!.modify().getChartType()).toBe('PIE');

  // Independent: edits on either side do not show on the other; the copy keeps the bound custom functions.
  cSheet.getRange('A1').setValue(10);
  expect(cSheet.getRange('C1:D1').getValues()).toEqual([[20, 11]]);
  expect(sheet.getRange('A1:D1').getValues()).toEqual([[2, d, 4, 3]]);
  sheet.getRange('B1').setValue('changed');
  expect(sheet.getRange('B1').getValue()).toBe('changed');
  expect(cSheet.getRange('B1').getValue()).toEqual(d);
  css.getRangeByName('Input')!.setValue('x');
  expect(ss.getRangeByName('Input')!.getValue()).toBe(2);
});
