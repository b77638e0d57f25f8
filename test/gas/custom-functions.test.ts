// ICP_SCORE / ICP_TIER / ICP_EXPLAIN / ICP_PROFILE on the built bundle in the emulator, checked against the engine.

import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { loadAddon, sampleRows, SAMPLE_NOW, templateWithTwoProfiles, type Addon } from './harness';

const LAST_COL = 'Q'; // the sample has 17 columns, A..Q

function engineProfile(headers: string[], name?: string) {
  return compileModel(b2bSaasTemplate(), headers, { today: SAMPLE_NOW }).profile(name);
}

function withSavedTemplate(rows?: unknown[][]): Addon {
  const addon = loadAddon(rows);
  expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
  return addon;
}

describe('ICP_SCORE', () => {
  const rows = sampleRows();
  const headers = rows[0]!;

  test('per-row formulas give the engine scores', () => {
    const addon = withSavedTemplate(rows);
    const profile = engineProfile(headers);
    for (let r = 2; r <= 41; r++) addon.setFormula(`R${r}`, `=ICP_SCORE(A${r}:${LAST_COL}${r})`);
    for (let r = 2; r <= 41; r++) {
      const want = profile.evaluate(rows[r - 1]!).score;
      expect({ row: r, score: addon.value(`R${r}`) }).toEqual({ row: r, score: want });
    }
  });

  test('one array formula scores every row with one call and one model read', () => {
    const addon = withSavedTemplate(rows);
    const before = addon.emu.workbook.customFunctionCalls;
    addon.emu.env.counter.reset();
    addon.setFormula('R2', `=ICP_SCORE(A2:${LAST_COL}${rows.length})`);
    expect(addon.emu.workbook.customFunctionCalls - before).toBe(1);
    const got = addon.values(`R2:R${rows.length}`).map((r) => r[0]);
    const profile = engineProfile(headers);
    expect(got).toEqual(rows.slice(1).map((r) => profile.evaluate(r).score));
    // The model sheet is read once for the whole column (plus the header lookup).
    expect(addon.emu.env.counter.calls.get('Range.getValues') ?? 0).toBeLessThanOrEqual(3);
  });

  test('headers are matched by name: reordered columns and changed case give the same scores', () => {
    const order = [...headers.keys()].reverse();
    const shuffled = rows.map((r, i) => order.map((c) => (i === 0 ? r[c]!.toUpperCase().replace(/ /g, '  ') : r[c]!)));
    const addon = withSavedTemplate(shuffled);
    addon.setFormula('R2', `=ICP_SCORE(A2:${LAST_COL}21)`);
    const profile = engineProfile(headers);
    expect(addon.values('R2:R21').map((r) => r[0])).toEqual(rows.slice(1, 21).map((r) => profile.evaluate(r).score));
  });

  test('a headers argument is used instead of looking above the rows', () => {
    const addon = withSavedTemplate(rows);
    addon.setFormula('S5', `=ICP_SCORE(A5:${LAST_COL}5, A$1:${LAST_COL}$1)`);
    expect(addon.value('S5')).toBe(engineProfile(headers).evaluate(rows[4]!).score);
  });

  test('a range starting on the header row labels that row and scores the rest', () => {
    const addon = withSavedTemplate(rows);
    addon.setFormula('R1', `=ICP_SCORE(A1:${LAST_COL}4)`);
    const profile = engineProfile(headers);
    expect(addon.values('R1:R4').map((r) => r[0])).toEqual(['ICP Score', ...rows.slice(1, 4).map((r) => profile.evaluate(r).score)]);
  });

  test('a blank row gives a blank result, not 0', () => {
    const blankRow = headers.map(() => '');
    const addon = withSavedTemplate([headers, rows[1]!, blankRow, rows[2]!]);
    addon.setFormula('R2', `=ICP_SCORE(A2:${LAST_COL}4)`);
    expect(addon.values('R3:R3')[0]![0]).toBe('');
    addon.setFormula('S3', `=ICP_SCORE(A3:${LAST_COL}3)`);
    expect(addon.value('S3')).toBe('');
  });
});

describe('ICP_TIER, ICP_EXPLAIN and ICP_PROFILE', () => {
  const rows = sampleRows();
  const headers = rows[0]!;

  test('ICP_TIER maps a score cell, a column of scores, and a row (knock-outs get the disqualified label)', () => {
    const addon = withSavedTemplate(rows);
    const profile = engineProfile(headers);
    const knockedOut = rows.findIndex((r, i) => i > 0 && profile.evaluate(r).disqualified);
    expect(knockedOut).toBeGreaterThan(0);
    const r = knockedOut + 1;
    addon.setFormula(`R${r}`, `=ICP_SCORE(A${r}:${LAST_COL}${r})`);
    addon.setFormula(`S${r}`, `=ICP_TIER(R${r})`);
    addon.setFormula(`T${r}`, `=ICP_TIER(A${r}:${LAST_COL}${r})`);
    expect(addon.value(`R${r}`)).toBe(0);
    expect(addon.value(`S${r}`)).toBe('C'); // a bare score cannot know about the knock-out
    expect(addon.value(`T${r}`)).toBe('Disqualified');
    addon.emu.workbook.loadValues('Scores', [['Score'], [85], [79.9], [80], [60], [0], ['']]);
    addon.setFormula('Scores!B2', '=ICP_TIER(A2:A7)');
    expect(addon.values('Scores!B2:B7').map((x) => x[0])).toEqual(['A', 'B', 'A', 'B', 'C', '']);
  });

  test('ICP_TIER of a blank score is blank, like the blank row it came from', () => {
    const blankRow = rows[0]!.map(() => '');
    const addon = withSavedTemplate([...rows.slice(0, 3), blankRow]);
    addon.setFormula('R4', `=ICP_SCORE(A4:${LAST_COL}4)`);
    addon.setFormula('S4', '=ICP_TIER(R4)');
    addon.setFormula('T4', `=ICP_TIER(ICP_SCORE(A4:${LAST_COL}4))`);
    addon.setFormula('U4', '=ICP_TIER(V4:V6)');
    expect(addon.values('R4:U4')[0]).toEqual(['', '', '', '']);
    // A blank row given whole is one blank tier, not a row of blanks spilling over the cells to its right.
    addon.setFormula('W4', `=ICP_TIER(A4:${LAST_COL}4)`);
    addon.sheet().getRange('X4').setValue('keep');
    expect(addon.values('W4:X4')[0]).toEqual(['', 'keep']);
    expect(addon.sheet().getRange('W4').getFormula()).not.toBe('');
  });

  test('ICP_EXPLAIN gives the engine explanation text', () => {
    const addon = withSavedTemplate(rows);
    addon.setFormula('R2', `=ICP_EXPLAIN(A2:${LAST_COL}6)`);
    const profile = engineProfile(headers);
    expect(addon.values('R2:R6').map((r) => r[0])).toEqual(rows.slice(1, 6).map((r) => profile.explain(r).text));
  });

  test('a formula error in a criterion cell reads as blank: unknown, never a knock-out', () => {
    const addon = withSavedTemplate(rows);
    // Employees (D) feeds a must-have: a broken formula there must not disqualify the account.
    addon.setFormula('D2', '=1/0');
    expect(addon.value('D2')).toBe('#DIV/0!');
    addon.setFormula('R2', `=ICP_EXPLAIN(A2:${LAST_COL}2)`);
    addon.setFormula('S2', `=ICP_TIER(A2:${LAST_COL}2)`);
    const text = String(addon.value('R2'));
    expect(addon.value('S2')).not.toBe('Disqualified');
    expect(text).toMatch(/Unknown: [^.]*Company size/);
    expect(text).not.toContain('DIV');
  });

  test('several profiles: a profile argument, a text second argument, and the best fit', () => {
    const addon = loadAddon(rows);
    const model = templateWithTwoProfiles();
    expect(addon.save(model, 0).ok).toBe(true);
    const compiled = compileModel(model, headers, { today: SAMPLE_NOW });
    addon.setFormula('R2', `=ICP_SCORE(A2:${LAST_COL}30, , "Enterprise")`);
    addon.setFormula('S2', `=ICP_TIER(A2:${LAST_COL}30, "enterprise")`);
    addon.setFormula('T2', `=ICP_PROFILE(A2:${LAST_COL}30)`);
    const slice = rows.slice(1, 30);
    expect(addon.values('R2:R30').map((r) => r[0])).toEqual(slice.map((r) => compiled.profile('Enterprise').evaluate(r).score));
    expect(addon.values('S2:S30').map((r) => r[0])).toEqual(slice.map((r) => compiled.profile('Enterprise').evaluate(r).tier));
    expect(addon.values('T2:T30').map((r) => r[0])).toEqual(slice.map((r) => compiled.bestFit(r).profile ?? 'No fit'));
  });
});

describe('arguments in every shape Sheets passes', () => {
  const rows = sampleRows();
  const headers = rows[0]!;

  test('ICP_TIER of a score column that starts at its header (the label =ICP_SCORE(A1:Q9) writes) labels it and maps the scores', () => {
    const addon = withSavedTemplate(rows);
    addon.setFormula('R1', `=ICP_SCORE(A1:${LAST_COL}9)`);
    addon.setFormula('S1', '=ICP_TIER(R1:R9)');
    addon.setFormula('T1', '=ICP_TIER(R1:R9, "Mid-market B2B SaaS")');
    const profile = engineProfile(headers);
    const tiers = rows.slice(1, 9).map((r) => profile.tierOfScore(profile.evaluate(r).score));
    expect(addon.values('S1:S9').map((r) => r[0])).toEqual(['ICP Tier', ...tiers]);
    expect(addon.values('T1:T9').map((r) => r[0])).toEqual(['ICP Tier', ...tiers]);
  });

  test('a profile argument that is a number, or a cell holding one, is looked up by its text, never silently the default', () => {
    const addon = withSavedTemplate(rows);
    addon.sheet().getRange('V1').setValue(2026);
    const errorOf = (a1: string, formula: string): string => {
      addon.setFormula(a1, formula);
      expect(addon.value(a1)).toBe('#ERROR!');
      return addon.emu.workbook.formulaErrorAt(`Accounts!${a1}`) ?? '';
    };
    expect(errorOf('R2', `=ICP_SCORE(A2:${LAST_COL}2, , V1)`)).toMatch(/Unknown profile "2026"\. This model has: "Mid-market B2B SaaS"/);
    expect(errorOf('S2', `=ICP_TIER(A2:${LAST_COL}2, A1:${LAST_COL}1, 7)`)).toMatch(/Unknown profile "7"/);
    // A score's second argument is its profile whatever it holds, never headers to ignore.
    addon.sheet().getRange('W2').setValue(50);
    expect(errorOf('T2', '=ICP_TIER(W2, V1)')).toMatch(/Unknown profile "2026"/);
    expect(errorOf('T3', '=ICP_TIER(W2, 7)')).toMatch(/Unknown profile "7"/);
    expect(errorOf('T4', '=ICP_TIER(W2, TRUE)')).toMatch(/Unknown profile "TRUE"/);
    expect(errorOf('T5', `=ICP_TIER(W2, A1:${LAST_COL}1)`)).toMatch(/the profile argument is 1 row\(s\) by \d+ column\(s\)/);
    expect(errorOf('T2', `=ICP_EXPLAIN(A2:${LAST_COL}2, , V1:V2)`)).toMatch(/the profile argument is 2 row\(s\) by 1 column\(s\); give one profile name/);
    // A profile really called "2026" is found from the number.
    const model = b2bSaasTemplate();
    model.profiles[0]!.name = '2026';
    expect(addon.save(model).ok).toBe(true);
    addon.setFormula('U2', `=ICP_SCORE(A2:${LAST_COL}2, , V1)`);
    expect(addon.value('U2')).toBe(engineProfile(headers).evaluate(rows[1]!).score);
  });

  test('one-column rows take their header cell as the headers argument, and a profile name still wins', () => {
    const addon = loadAddon(rows);
    expect(addon.save(templateWithTwoProfiles(), 0).ok).toBe(true);
    const industry = headers.indexOf('Industry');
    const col = String.fromCharCode(65 + industry);
    addon.setFormula('R2', `=ICP_SCORE(${col}2:${col}6, ${col}1)`);
    const one = compileModel(templateWithTwoProfiles(), ['Industry'], { today: SAMPLE_NOW });
    expect(addon.values('R2:R6').map((r) => r[0])).toEqual(rows.slice(1, 6).map((r) => one.profile().evaluate([r[industry]]).score));
    addon.setFormula('S2', `=ICP_SCORE(${col}2:${col}6, "Enterprise")`);
    expect(addon.values('S2:S6').map((r) => r[0])).toEqual(rows.slice(1, 6).map((r) => one.profile('Enterprise').evaluate([r[industry]]).score));
  });
});

describe('readable errors', () => {
  const rows = sampleRows();

  function errorOf(addon: Addon, a1: string, formula: string): string {
    addon.setFormula(a1, formula);
    expect(addon.value(a1)).toBe('#ERROR!');
    return addon.emu.workbook.formulaErrorAt(`Accounts!${a1}`) ?? '';
  }

  test('no model saved yet says how to save one', () => {
    const addon = loadAddon(rows);
    expect(errorOf(addon, 'R2', `=ICP_SCORE(A2:${LAST_COL}2)`)).toMatch(/no ICP model is saved.*Open ICP editor/);
  });

  test('an unknown profile lists the profiles there are', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', `=ICP_SCORE(A2:${LAST_COL}2, , "Nope")`)).toMatch(/Unknown profile "Nope".*"Mid-market B2B SaaS"/);
  });

  test('a headers range of the wrong width says how wide it must be', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', `=ICP_SCORE(A2:${LAST_COL}2, A1:C1)`)).toMatch(/headers range is 1 row\(s\) by 3 column\(s\), but the rows are 17 column\(s\) wide/);
  });

  test('a first argument that is not a plain range asks for the headers argument', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', `=ICP_SCORE(IF(TRUE(), A2:${LAST_COL}2))`)).toMatch(/Add the headers argument/);
  });

  test('a score argument that holds no score says what ICP_TIER takes', () => {
    const addon = withSavedTemplate(rows);
    addon.sheet().getRange('V2').setValue('lots');
    expect(errorOf(addon, 'R2', '=ICP_TIER(V2)')).toMatch(/ICP_TIER: "lots" is not a score\. Give it a score .* or a whole account row/);
    expect(errorOf(addon, 'R2', '=ICP_TIER(TRUE)')).toMatch(/"TRUE" is not a score/);
  });

  test('a score outside 0 to 100 is refused, naming it, rather than given a tier', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', '=ICP_TIER(150)')).toMatch(/ICP_TIER: 150 is not a score: scores run from 0 to 100\./);
    expect(errorOf(addon, 'R2', '=ICP_TIER(-5)')).toMatch(/ICP_TIER: -5 is not a score/);
    addon.sheet().getRange('V2:V4').setValues([[80], [''], [101]]);
    expect(errorOf(addon, 'R2', '=ICP_TIER(V2:V4)')).toMatch(/ICP_TIER: 101 \(cell 3 of the range\) is not a score/);
    addon.setFormula('R3', '=ICP_TIER(100)');
    expect(addon.value('R3')).toBe('A');
    addon.setFormula('R4', '=ICP_TIER(0)');
    expect(addon.value('R4')).toBe('C');
  });

  test('ICP_PROFILE given a profile name says it compares every profile', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', `=ICP_PROFILE(A2:${LAST_COL}2, "Enterprise")`)).toMatch(/ICP_PROFILE compares every profile of the model, so it takes no profile \("Enterprise"\)/);
  });

  test('an argument beyond the function\'s parameters is an error, not silently dropped', () => {
    const addon = withSavedTemplate(rows);
    expect(errorOf(addon, 'R2', `=ICP_PROFILE(A2:${LAST_COL}2, A1:${LAST_COL}1, "Enterprise")`)).toMatch(
      /ICP_PROFILE takes at most 2 arguments \(rows, headers\) besides ICP_MODEL; the formula gives 3\./,
    );
    expect(errorOf(addon, 'R2', `=ICP_SCORE(A2:${LAST_COL}2, A1:${LAST_COL}1, "Mid-market B2B SaaS", 1)`)).toMatch(/ICP_SCORE takes at most 3 arguments/);
    // The model argument is the one extra the functions take, found wherever it sits.
    expect(errorOf(addon, 'R2', `=ICP_SCORE(A2:${LAST_COL}2, A1:${LAST_COL}1, "Mid-market B2B SaaS", 1, ICP_MODEL)`)).toMatch(/ICP_SCORE takes at most 4 arguments/);
    expect(addon.value('R2')).toBe('#ERROR!');
  });

  test('headers that share no column with the model are named', () => {
    const addon = withSavedTemplate([['Foo', 'Bar'], ['1', '2']]);
    expect(errorOf(addon, 'C2', '=ICP_SCORE(A2:B2)')).toMatch(/none of the columns .* are in the headers \(Foo, Bar\)/);
  });

  test('a damaged stored model is a clear error everywhere, never a silent 0', () => {
    const addon = withSavedTemplate(rows);
    const modelSheet = addon.sheet('ICP Model');
    const cell = modelSheet.getRange(5, 1);
    cell.setValue(`${String(cell.getValue()).slice(0, 50)}`);
    for (const f of ['ICP_SCORE', 'ICP_TIER', 'ICP_EXPLAIN', 'ICP_PROFILE']) {
      expect(errorOf(addon, 'R2', `=${f}(A2:${LAST_COL}2)`)).toMatch(/stored in this spreadsheet is damaged/);
    }
    const state = addon.call<{ model: unknown; storedModelError: string }>('getEditorState');
    expect(state.model).toBeNull();
    expect(state.storedModelError).toMatch(/damaged/);
    // The editor shows it: it does not send the user to the editor they are in.
    expect(state.storedModelError).not.toMatch(/Open ICP editor/);
  });
});
