// SpreadsheetApp emulator: built-in formulas (HyperFormula) and custom functions (arguments, spills, errors, recalculation).
import { emulatedSpreadsheet } from '../factories/spreadsheet';

function setup() {
  return emulatedSpreadsheet({ env: { now: () => new Date(Date.UTC(2026, 2, 15, 12)) } });
}

describe('built-in formulas', () => {
  test('SUM, IF, VALUE, text functions; dependents recalculate when inputs change', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], ['3']]);
    sheet.getRange('B1:B4').setFormulas([['=SUM(A1:A3)'], ['=IF(B1>5,"big","small")'], ['=VALUE("12")+1'], ['=UPPER("x")&A2']]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([[6], ['big'], [13], ['X2']]);
    sheet.getRange('A1').setValue(-10);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[-5], ['small']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
  });

  test('text stays text for formulas ("123" typed with an apostrophe), dates are serial numbers inside formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([["'123"], [new Date(Date.UTC(2026, 2, 1))]]);
    sheet.getRange('B1:B3').setFormulas([['=ISTEXT(A1)'], ['=YEAR(A2)'], ['=A2+1']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[true], [2026]]);
  });

  test('errors: #DIV/0!, #NAME? with messages, a parse error is #ERROR!', () => {
    const { sheet, book } = setup();
    sheet.getRange('A1:A3').setFormulas([['=1/0'], ['=NOSUCH(1)'], ['=SUM(']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['#DIV/0!'], ['#NAME?'], ['#ERROR!']]);
    expect(book.formulaErrorAt('Sheet1!A2')).toMatch(/NOSUCH/);
  });

  test('setFormula on a block fills it, shifting relative references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*$A$1*10'], ['=A2*$A$1*10'], ['=A3*$A$1*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });
});

describe('custom functions', () => {
  test('arguments: a cell as its value, a range as a 2-D array, dates as Dates, empty as "", omitted as undefined', () => {
    const { sheet, book } = setup();
    const seen: unknown[][] = [];
    book.registerCustomFunctions({
      ARGS: (...args: unknown[]) => {
        seen.push(args);
        return 'ok';
      },
    });
    const d = new Date(Date.UTC(2026, 2, 1));
    sheet.getRange('A1:B2').setValues([
      [5, d],
      ['', 'x'],
    ]);
    sheet.getRange('C1').setFormula('=ARGS(A1, A1:B2, B1, 7, "s", TRUE, , A2)');
    expect(sheet.getRange('C1').getValue()).toBe('ok');
    expect(seen).toHaveLength(1);
    const args = seen[0]!;
    expect(args).toEqual([5, [[5, d], ['', 'x']], d, 7, 's', true, undefined, '']);
    expect(args[2]).toBeInstanceOf(Date);
    expect((args[1] as unknown[][])[0]![1]).toBeInstanceOf(Date);
  });

  test('the same arguments when the call is nested in a built-in formula (HyperFormula path), Dates included', () => {
    const { sheet, book } = setup();
    const seen: unknown[][] = [];
    book.registerCustomFunctions({
      ARGS: (...args: unknown[]) => {
        seen.push(args);
        return 2;
      },
    });
    const d = new Date(Date.UTC(2026, 2, 1));
    sheet.getRange('A1:B1').setValues([[5, d]]);
    sheet.getRange('A2').setFormula('=A1*2');
    sheet.getRange('C1').setFormula('=IFERROR(ARGS(A1:B1, B1, A2, 1+1), "")*10');
    expect(sheet.getRange('C1').getValue()).toBe(20);
    expect(seen[0]).toEqual([[[5, d]], d, 10, 2]);
  });

  test('a 2-D result spills down and right; getValues over the spill area returns it; a flat array is a column', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({
      GRID: () => [
        [1, 2],
        [3, 4],
      ],
      COL: () => ['a', 'b', 'c'],
    });
    sheet.getRange('B2').setFormula('=GRID()');
    sheet.getRange('E1').setFormula('=COL()');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('E1:E3').getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(sheet.getRange('C3').getFormula()).toBe('');
    expect(sheet.getLastRow()).toBe(3);
  });

  test('a spill onto data is #REF! with Sheets\' message, and expands once the data is cleared', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({ SEQ: (n: unknown) => Array.from({ length: Number(n) }, (_, i) => [i + 1]) });
    sheet.getRange('A3').setValue('data');
    sheet.getRange('A1').setFormula('=SEQ(3)');
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
    expect(book.formulaErrorAt('Sheet1!A1')).toBe('Array result was not expanded because it would overwrite data in A3.');
    expect(sheet.getRange('A2').getValue()).toBe('');
    sheet.getRange('A3').clearContent();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(book.formulaErrorAt('Sheet1!A1')).toBeNull();
    // Typing into the spill area blocks it again.
    sheet.getRange('A2').setValue('mine');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['#REF!'], ['mine'], ['']]);
    // A result past the last row asks for more rows.
    sheet.getRange('B999').setFormula('=SEQ(3)');
    expect(book.formulaErrorAt('Sheet1!B999')).toBe('Result was not automatically expanded, please insert more rows (1).');
  });

  test('a thrown error shows #ERROR! and its message', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({
      BOOM: () => {
        throw new Error('Headers not found: Industry');
      },
    });
    sheet.getRange('A1').setFormula('=BOOM()');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(book.formulaErrorAt('Sheet1!A1')).toBe('Headers not found: Industry');
    expect(book.formulaErrorAt('Sheet1!B1')).toBeNull();
  });

  test('an unknown function is #NAME?; registering it later evaluates the formula', () => {
    const { sheet, book } = setup();
    sheet.getRange('A1').setFormula('=LATER(1)');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
    expect(book.formulaErrorAt('Sheet1!A1')).toBe("Unknown function: 'LATER'.");
    book.registerCustomFunctions({ LATER: (x: unknown) => Number(x) + 1 });
    expect(sheet.getRange('A1').getValue()).toBe(2);
  });

  test('inside a custom function: the calling cell is the active range, its formula is readable, writes are refused', () => {
    const { sheet, book, app, env } = setup();
    const seen: unknown[] = [];
    book.registerCustomFunctions({
      WHERE: () => {
        const cell = app.getActiveRange();
        seen.push(env.customFunctionCell, env.authMode, cell.getA1Notation(), app.getActiveSheet().getName(), cell.getFormula());
        return 1;
      },
      WRITE: () => {
        app.getActiveSheet().getRange('Z1').setValues([[1]]);
        return 'written';
      },
    });
    app.getActiveSpreadsheet().insertSheet('Other');
    sheet.getRange('J2').setFormula('=WHERE()');
    expect(seen).toEqual(['Sheet1!J2', 'CUSTOM_FUNCTION', 'J2', 'Sheet1', '=WHERE()']);
    expect(env.customFunctionCell).toBeNull();
    expect(env.authMode).toBe('FULL');
    sheet.getRange('A1').setFormula('=WRITE()');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(book.formulaErrorAt('Sheet1!A1')).toBe('You do not have permission to call setValues');
    expect(sheet.getRange('Z1').getValue()).toBe('');
  });

  test('recalculation follows Sheets: only a changed argument cell or formula text recomputes a custom function', () => {
    const { sheet, book } = setup();
    let model = 'v1';
    book.registerCustomFunctions({ TAG: (x: unknown) => `${String(x)}@${model}` });
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    sheet.getRange('B1').setFormula('=TAG(A1)');
    sheet.getRange('C1').setFormula('=SUM(A2:A3)&"!"');
    expect(book.customFunctionCalls).toBe(1);
    expect(sheet.getRange('B1').getValue()).toBe('a@v1');

    // State the function reads but Sheets cannot see (properties, another sheet...) leaves it stale.
    model = 'v2';
    sheet.getRange('A2').setValue('other cell');
    sheet.getRange('D5').setValue(1);
    expect(sheet.getRange('B1').getValue()).toBe('a@v1');
    expect(book.customFunctionCalls).toBe(1);
    // Writing the identical formula text again is no change either.
    sheet.getRange('B1').setFormula('=TAG(A1)');
    expect(book.customFunctionCalls).toBe(1);

    // An argument cell changes: recomputed.
    sheet.getRange('A1').setValue('A');
    expect(sheet.getRange('B1').getValue()).toBe('A@v2');
    expect(book.customFunctionCalls).toBe(2);

    // The formula text changes (same meaning): recomputed.
    model = 'v3';
    sheet.getRange('B1').setFormula('=TAG( A1)');
    expect(sheet.getRange('B1').getValue()).toBe('A@v3');
    expect(book.customFunctionCalls).toBe(3);
  });

  test('a range argument recomputes when any cell inside it changes, one call per formula', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({ ROWSUM: (rows: unknown) => (rows as number[][]).map((r) => [r.reduce((a, b) => a + (Number(b) || 0), 0)]) });
    sheet.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    sheet.getRange('D1').setFormula('=ROWSUM(A1:C3)');
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[6], [15], [24]]);
    expect(book.customFunctionCalls).toBe(1);
    sheet.getRange('B2').setValue(50);
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[6], [60], [24]]);
    expect(book.customFunctionCalls).toBe(2);
    sheet.getRange('A10').setValue(1);
    expect(book.customFunctionCalls).toBe(2);
  });

  test('chains: a custom function reading another one\'s result and a built-in reading a custom result', () => {
    const { sheet, book } = setup();
    book.registerCustomFunctions({ DOUBLE: (x: unknown) => Number(x) * 2 });
    sheet.getRange('A1').setValue(1);
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    sheet.getRange('C1').setFormula('=DOUBLE(B1)');
    sheet.getRange('D1').setFormula('=C1+1');
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[2, 4, 5]]);
    const before = book.customFunctionCalls;
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[20, 40, 41]]);
    expect(book.customFunctionCalls - before).toBe(2);
  });

  test('a top-level call with an expression argument goes through HyperFormula and still spills and caches', () => {
    const { sheet, book } = setup();
    let version = 1;
    book.registerCustomFunctions({ PAIR: (x: unknown, y: unknown) => [[x, y, version]] });
    sheet.getRange('A1').setValue(3);
    sheet.getRange('B1').setFormula('=PAIR(A1, A1*2)');
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[3, 6, 1]]);
    version = 2;
    sheet.getRange('A5').setValue('unrelated');
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[3, 6, 1]]);
    sheet.getRange('A1').setValue(4);
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[4, 8, 2]]);
    sheet.getRange('C1').setValue('x');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    expect(book.formulaErrorAt('Sheet1!B1')).toBe('Array result was not expanded because it would overwrite data in C1.');
    sheet.getRange('C1').clearContent();
    expect(sheet.getRange('B1:D1').getValues()).toEqual([[4, 8, 2]]);
    expect(book.customFunctionCalls).toBe(2);
  });

  test('custom function calls are counted per name and as CustomFunction.NAME in env.counter', () => {
    const { sheet, book, env } = setup();
    book.registerCustomFunctions({ ONE: () => 1 });
    sheet.getRange('A1:A3').setFormulas([['=ONE()'], ['=ONE()'], ['=ONE()']]);
    expect(book.customFunctionCalls).toBe(3);
    expect(book.customFunctionCallsByName.get('ONE')).toBe(3);
    expect(env.counter.calls.get('CustomFunction.ONE')).toBe(3);
  });
});
