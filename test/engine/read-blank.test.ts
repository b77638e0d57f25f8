// Blank reading: empty cells and the placeholders exports and forms use for "no value" are blank; 0, FALSE and text are not.
import { isBlank } from '../../src/engine';
import { criterion, explainCell } from '../factories/scoring';

describe('isBlank: empty values', () => {
  test.each<[string, unknown]>([
    ["''", ''],
    ['null', null],
    ['undefined', undefined],
    ['spaces', '   '],
    ['tabs and line breaks', '\t\n '],
    ['NaN', NaN],
    ['an invalid Date', new Date(NaN)],
  ])('%s is blank', (_name, value) => {
    expect(isBlank(value)).toBe(true);
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
  ])('%s is not blank', (_name, value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('blank cells in scoring', () => {
  test.each(['', 'N/A', '—', 'unknown', '-- Select --', null])('%j is reported as unknown, not as missed', (value) => {
    const why = explainCell({ op: 'notBlank' }, value, {}, undefined);
    // A one-column row whose only cell is blank is a blank row: nothing to show.
    expect(why.blank).toBe(true);
    const two = explainCell({ op: 'notBlank' }, value);
    expect(two.items).toEqual([]);
    expect(criterion({ op: 'notBlank' }).column).toBe('Value');
  });
});
