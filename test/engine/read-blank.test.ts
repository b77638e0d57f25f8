// Blank reading: empty cells and the placeholders exports and forms use for "no value" are blank; 0, FALSE and text are not.
import { isBlank } from '../../src/engine';
import { criterion, explainRecord, itemOf, profileOf } from '../factories/scoring';

describe('isBlank: empty values', () => {
  test.each<[string, unknown]>([
    ["''", ''],
    ['null', null],
    ['undefined', undefined],
    ['spaces', '   '],
    ['tabs and line breaks', '\t\n '],
    ['a non-breaking space', '\u00a0'],
    ['a zero-width space', '\u200b'],
  ])('%s is blank', (_name, value) => {
    expect(isBlank(value)).toBe(true);
  });

  // Present values no reading can use: unreadable (a must-have on them disqualifies), never missing data.
  test.each<[string, unknown]>([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['an invalid Date', new Date(NaN)],
    ['the text NaN', 'NaN'],
    ['the text nan', ' nan '],
    ['the text Infinity', 'Infinity'],
    ['the text -Infinity', '-Infinity'],
  ])('%s is not blank', (_name, value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('isBlank: the placeholders of the spec', () => {
  test.each(['N/A', 'n/a', 'NA', '#N/A', '-', '--', '—', '–', 'unknown', 'Unknown', ' UNKNOWN ', 'none', 'None', 'Select', '-- Select --', 'null'])(
    '%j is blank',
    (value) => {
      expect(isBlank(value)).toBe(true);
    },
  );
});

describe('isBlank: formula errors, which hold no value a person could read', () => {
  test.each([
    '#ERROR!', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA',
    '#ref!', ' #REF! ', 'Loading...', 'loading...',
  ])('%j is blank', (value) => {
    expect(isBlank(value)).toBe(true);
  });

  test.each(['#1 vendor', '#REF', '# REF!', 'Loading', 'Loading... done', 'Logistics', 'L', '#hashtag'])('%j is a value', (value) => {
    expect(isBlank(value)).toBe(false);
  });

  test('a must-have on a column of #REF! neither knocks out nor earns: the cell is unknown', () => {
    const why = explainRecord(profileOf([criterion({ op: 'gte', value: 10 }, { role: 'must' })]), { Account: 'Acme', Value: '#REF!' });
    expect(why.disqualified).toBe(false);
    expect(itemOf(why, 'c1')).toMatchObject({ status: 'unknown', points: 0 });
  });
});

describe('isBlank: padded cells of fixed-width exports', () => {
  test.each<[string, string]>([
    ['41 spaces', ' '.repeat(41)],
    ['50 tabs', '\t'.repeat(50)],
    ['N/A after 40 spaces', `${' '.repeat(40)}N/A`],
    ['a rule of 45 dashes', '-'.repeat(45)],
  ])('%s is blank, however long', (_name, value) => {
    expect(isBlank(value)).toBe(true);
  });

  test('a long padded value is still a value', () => {
    expect(isBlank(`${' '.repeat(45)}x`)).toBe(false);
    expect(isBlank('x'.repeat(45))).toBe(false);
  });
});

describe('isBlank: values that are present', () => {
  test.each<[string, unknown]>([
    ['the number 0', 0],
    ['a negative number', -1],
    ['FALSE (boolean)', false],
    ['TRUE (boolean)', true],
    ["the text 'x'", 'x'],
    ["the text '0'", '0'],
    ["the text 'FALSE'", 'FALSE'],
    ["the text 'no'", 'no'],
    ['a valid Date', new Date(2026, 2, 1)],
    ['a word containing a placeholder', 'Unknown Corp'],
    ['a check mark ✓', '✓'],
    ['a check mark ✅', '✅'],
    ['a check mark ✔️ (with variation selector)', '✔️'],
    ['a cross ❌', '❌'],
    ['a currency sign', '$'],
  ])('%s is not blank', (_name, value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('blank cells in scoring', () => {
  test.each<[string, unknown]>([
    ["''", ''],
    ['N/A', 'N/A'],
    ['an em dash', '—'],
    ['unknown', 'unknown'],
    ['-- Select --', '-- Select --'],
    ['null', null],
  ])('%s matches nothing and is reported as unknown', (_name, value) => {
    const why = explainRecord(profileOf([criterion({ op: 'notBlank' })]), { Account: 'Acme', Value: value });
    expect(why.blank).toBe(false);
    expect(itemOf(why, 'c1')).toMatchObject({ status: 'unknown', points: 0, value: '' });
  });

  test.each<[string, unknown]>([
    ['0', 0],
    ['FALSE', false],
    ["'x'", 'x'],
  ])('%s is present: notBlank matches it', (_name, value) => {
    const why = explainRecord(profileOf([criterion({ op: 'notBlank' })]), { Account: 'Acme', Value: value });
    expect(itemOf(why, 'c1').status).toBe('matched');
    expect(why.score).toBe(100);
  });
});

describe('NaN, Infinity and invalid Dates in scoring: unreadable, so a must-have disqualifies', () => {
  test.each<[string, unknown, string]>([
    ['NaN', NaN, 'NaN'],
    ['Infinity', Infinity, 'Infinity'],
    ['the text NaN', 'NaN', 'NaN'],
    ['the text Infinity', 'Infinity', 'Infinity'],
    ['the text 1e999', '1e999', '1e999'],
  ])('%s in a number must-have knocks the row out, naming the value', (_name, value, shown) => {
    const why = explainRecord(profileOf([criterion({ op: 'gte', value: 10 }, { role: 'must' })]), { Account: 'Acme', Value: value });
    expect(why.disqualified).toBe(true);
    expect(itemOf(why, 'c1')).toMatchObject({ status: 'knockout', knockout: 'must-unreadable', value: shown });
    expect(why.text).toContain(shown);
  });

  test('an invalid Date in a withinDays must-have knocks the row out', () => {
    const why = explainRecord(profileOf([criterion({ op: 'withinDays', days: 30 }, { role: 'must' })]), { Account: 'Acme', Value: new Date(NaN) });
    expect(why.disqualified).toBe(true);
    expect(itemOf(why, 'c1')).toMatchObject({ knockout: 'must-unreadable', value: 'Invalid Date' });
  });
});
