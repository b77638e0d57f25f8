// SpreadsheetApp emulator: pivot tables (recorded and rendered), charts, conditional format rules, protections.
import { Charts } from '../../emulator/spreadsheet';
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup() {
  const { env, book, app, ss, sheet } = emulatedSpreadsheet();
  sheet.getRange('A1:C6').setValues([
    ['Account', 'Tier', 'Revenue'],
    ['a', 'B', 10],
    ['b', 'A', 20],
    ['c', 'B', 30],
    ['d', 'C', 5],
    ['e', 'A', 1],
  ]);
  return { env, book, app, ss, sheet };
}

describe('pivot tables', () => {
  test('the spec is recorded (absolute source columns) and the pivot shows groups, values and a grand total', () => {
    const { ss, sheet, app } = setup();
    const out = ss.insertSheet('Summary');
    const pivot = out.getRange('A1').createPivotTable(sheet.getRange('A1:C6'));
    const group = pivot.addRowGroup(2);
    group.sortAscending().showTotals(true).setDisplayName('ICP tier');
    pivot.addPivotValue(1, app.PivotTableSummarizeFunction.COUNTA).setDisplayName('Accounts');
    pivot.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    pivot.addPivotValue(3, app.PivotTableSummarizeFunction.AVERAGE);

    const [p] = out.getPivotTables();
    expect(p!.getAnchorCell().getA1Notation()).toBe('A1');
    expect(p!.getSourceDataRange().getA1Notation()).toBe('A1:C6');
    expect(p!.getRowGroups().map((g) => [g.getSourceDataColumn(), g.isSortAscending(), g.totalsAreShown()])).toEqual([[2, true, true]]);
    expect(p!.getPivotValues().map((v) => [v.getSourceDataColumn(), String(v.getSummarizedBy())])).toEqual([
      [1, 'COUNTA'],
      [3, 'SUM'],
      [3, 'AVERAGE'],
    ]);
    expect(out.getDataRange().getValues()).toEqual([
      ['ICP tier', 'Accounts', 'SUM of Revenue', 'AVERAGE of Revenue'],
      ['A', 2, 21, 10.5],
      ['B', 2, 40, 20],
      ['C', 1, 5, 5],
      ['Grand Total', 5, 66, 13.2],
    ]);

    // The pivot follows its source, and a filter hides groups.
    sheet.getRange('C2').setValue(100);
    pivot.addFilter(2, app.newFilterCriteria().setVisibleValues(['A', 'B']).build());
    group.sortDescending().showTotals(false);
    expect(out.getDataRange().getValues()).toEqual([
      ['ICP tier', 'Accounts', 'SUM of Revenue', 'AVERAGE of Revenue'],
      ['B', 2, 130, 65],
      ['A', 2, 21, 10.5],
    ]);
    expect(() => pivot.addRowGroup(9)).toThrow(/outside the pivot table's source data range/);
    pivot.remove();
    expect(out.getPivotTables()).toEqual([]);
    expect(out.getLastRow()).toBe(0);
  });
});

describe('charts, conditional formats, protections', () => {
  test('newChart builder: type, ranges, position, options are recorded and returned', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('B1:C6'))
      .setPosition(8, 1, 10, 20)
      .setOption('title', 'Revenue by tier')
      .build();
    sheet.insertChart(chart);
    const [got] = sheet.getCharts();
    expect(got!.modify().getChartType()).toBe('COLUMN');
    expect(got!.getRanges().map((r) => r.getA1Notation())).toEqual(['B1:C6']);
    expect(got!.getOptions().get('title')).toBe('Revenue by tier');
    expect([got!.getContainerInfo().getAnchorRow(), got!.getContainerInfo().getOffsetY()]).toEqual([8, 20]);
    sheet.removeChart(got!);
    expect(sheet.getCharts()).toEqual([]);
  });

  test('conditional format rules are recorded with their condition, format and ranges', () => {
    const { sheet, app } = setup();
    const rules = [
      app.newConditionalFormatRule().whenTextEqualTo('A').setBackground('#B7E1CD').setRanges([sheet.getRange('B2:B6')]).build(),
      app.newConditionalFormatRule().whenNumberBetween(80, 100).setFontColor('#006100').setRanges([sheet.getRange('C2:C6')]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied('=$B2="C"').setBackground('#eeeeee').setRanges([sheet.getRange('A2:C6')]).build(),
    ];
    sheet.setConditionalFormatRules(rules);
    const got = sheet.getConditionalFormatRules();
    expect(got.map((r) => [r.getBooleanCondition()!.getCriteriaType(), r.getBooleanCondition()!.getCriteriaValues(), r.getRanges()[0]!.getA1Notation()])).toEqual([
      ['TEXT_EQUAL_TO', ['A'], 'B2:B6'],
      ['NUMBER_BETWEEN', [80, 100], 'C2:C6'],
      ['CUSTOM_FORMULA', ['=$B2="C"'], 'A2:C6'],
    ]);
    expect(got[0]!.getBooleanCondition()!.getBackground()).toBe('#b7e1cd');
    expect(got[1]!.getBooleanCondition()!.getFontColor()).toBe('#006100');
  });

  test('protections: sheet and range, description, warning-only, editors, remove', () => {
    const { ss, sheet, app } = setup();
    const p = sheet.protect().setDescription('ICP model');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['user@example.com']);
    p.removeEditors(p.getEditors());
    p.setWarningOnly(true);
    expect(sheet.protect().isWarningOnly()).toBe(true);
    sheet.getRange('A1:C1').protect().setDescription('headers');
    expect(ss.getProtections(app.ProtectionType.SHEET).map((x) => x.getDescription())).toEqual(['ICP model']);
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((x) => x.getRange().getA1Notation())).toEqual(['A1:C1']);
    p.remove();
    expect(ss.getProtections(app.ProtectionType.SHEET)).toEqual([]);
  });
});
