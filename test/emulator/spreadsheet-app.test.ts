// SpreadsheetApp emulator: call counters, active sheet/range, getUi, auth modes, toasts, frozen rows, column widths.
import { createEnv } from '../../emulator/env';
import { createSpreadsheetApp, Workbook } from '../../emulator/spreadsheet';

test('every public method call is counted as Class.method; internal helpers are not', () => {
  const env = createEnv();
  const app = createSpreadsheetApp(env, new Workbook());
  const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  sheet.getRange('A1:B2').setValues([
    [1, 2],
    [3, 4],
  ]);
  sheet.getRange('A1:B2').getValues();
  sheet.getDataRange().getValues();
  expect(Object.fromEntries(env.counter.calls)).toEqual({
    'SpreadsheetApp.getActiveSpreadsheet': 1,
    'Spreadsheet.getSheetByName': 1,
    'Sheet.getRange': 2,
    'Sheet.getDataRange': 1,
    'Range.setValues': 1,
    'Range.getValues': 2,
  });
  expect(env.counter.total('Range.')).toBe(3);
});

test('active sheet and range, activate, setActiveSheet', () => {
  const app = createSpreadsheetApp(createEnv(), new Workbook());
  const ss = app.getActiveSpreadsheet();
  expect(app.getActiveRange().getA1Notation()).toBe('A1');
  const other = ss.insertSheet('Other');
  expect(app.getActiveSheet().getName()).toBe('Other');
  ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
  expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  other.getRange('B2:C3').activate();
  expect(app.getActiveSheet().getName()).toBe('Other');
  expect(app.getActiveRange().getA1Notation()).toBe('B2:C3');
});

test('getUi returns the Ui given in the options, else throws as in a context without a UI', () => {
  const ui = { alert: () => 'OK' };
  expect(createSpreadsheetApp(createEnv(), new Workbook(), { ui }).getUi()).toBe(ui);
  expect(() => createSpreadsheetApp(createEnv(), new Workbook()).getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
});

test('AuthMode.NONE cannot open the document; builders and enums stay available', () => {
  const env = createEnv();
  const app = createSpreadsheetApp(env, new Workbook());
  env.authMode = 'NONE';
  expect(() => app.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
  expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
  expect(app.ProtectionType.RANGE).toBe('RANGE');
});

test('toast, spreadsheet settings, frozen rows and recorded layout', () => {
  const book = new Workbook({ name: 'Leads', timeZone: 'Europe/Paris' });
  const app = createSpreadsheetApp(createEnv(), book);
  const ss = app.getActiveSpreadsheet();
  ss.toast('Scored 400 rows', 'ICP Scorer');
  expect(book.toasts).toEqual([{ message: 'Scored 400 rows', title: 'ICP Scorer', timeoutSeconds: 5 }]);
  expect([ss.getName(), ss.getSpreadsheetTimeZone(), ss.getId()]).toEqual(['Leads', 'Europe/Paris', book.id]);
  const sheet = ss.getActiveSheet();
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(3, 240);
  sheet.autoResizeColumns(1, 3);
  expect([sheet.getFrozenRows(), sheet.getColumnWidth(3), sheet.getColumnWidth(4)]).toEqual([1, 240, 100]);
  app.flush();
});
