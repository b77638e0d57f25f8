// Boolean reading: checkboxes, TRUE/FALSE, yes/no, y/n, 1/0, x and check marks; anything else is not a yes/no value.
import { readBoolean } from '../../src/engine';

describe('readBoolean: true', () => {
  test.each<[string, unknown]>([
    ['boolean true', true],
    ["'TRUE'", 'TRUE'],
    ["'true'", 'true'],
    ["'yes'", 'yes'],
    ["'Yes'", 'Yes'],
    ["' YES '", ' YES '],
    ["'y'", 'y'],
    ["'Y'", 'Y'],
    ['the number 1', 1],
    ["the text '1'", '1'],
    ["'x'", 'x'],
    ["'X'", 'X'],
    ['✓', '✓'],
    ['✔', '✔'],
    ['✔️ (with variation selector)', '✔️'],
    ['☑', '☑'],
    ['✅', '✅'],
  ])('%s reads as true', (_name, value) => {
    expect(readBoolean(value)).toBe(true);
  });
});

describe('readBoolean: false', () => {
  test.each<[string, unknown]>([
    ['boolean false', false],
    ["'FALSE'", 'FALSE'],
    ["'false'", 'false'],
    ["'no'", 'no'],
    ["'No'", 'No'],
    ["'n'", 'n'],
    ["'N'", 'N'],
    ['the number 0', 0],
    ["the text '0'", '0'],
  ])('%s reads as false', (_name, value) => {
    expect(readBoolean(value)).toBe(false);
  });
});

describe('readBoolean: not a yes/no value', () => {
  test.each<[string, unknown]>([
    ["'maybe'", 'maybe'],
    ["'yes please'", 'yes please'],
    ['the number 2', 2],
    ['the number 0.5', 0.5],
    ['NaN', NaN],
    ["the text '2'", '2'],
    ['a Date', new Date(2026, 2, 1)],
    ['an object', {}],
    ['null', null],
  ])('%s is unreadable', (_name, value) => {
    expect(readBoolean(value)).toBeUndefined();
  });
});
