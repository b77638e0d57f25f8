// Text reading: normalised text for text operators, one-cell lists, header keys and the text of any cell value.
import { cellText, headerKey } from '../../src/engine';
import { normalizeText, splitList } from '../../src/engine/read/text';

describe('normalizeText', () => {
  test.each<[string, string]>([
    ['SaaS', 'saas'],
    ['  SaaS  ', 'saas'],
    [' SaaS   Tools ', 'saas tools'],
    ['Series\tB', 'series b'],
    ['', ''],
    ['   ', ''],
    ['Series\u00a0B', 'series b'],
    ['Series\u2028B', 'series b'],
    ['Series\u202f\u205fB', 'series b'],
    ['Café\u1680Bar', 'café bar'],
  ])('%j becomes %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

test('collapses every kind of white space JavaScript knows, as /\\s+/ does', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (!/\s/.test(ch)) continue;
    expect(normalizeText(`a${ch}b`)).toBe('a b');
  }
});

describe('splitList', () => {
  test('splits on commas, semicolons and pipes, trimming each item', () => {
    expect(splitList(normalizeText('Salesforce, HubSpot; Slack | Zoom'))).toEqual(['salesforce', 'hubspot', 'slack', 'zoom']);
  });

  test('splits on line breaks', () => {
    expect(splitList('a\nb\r\nc')).toEqual(['a', 'b', 'c']);
  });

  test('drops empty items', () => {
    expect(splitList('a,,b; ;|c,')).toEqual(['a', 'b', 'c']);
  });

  test('a value without separators is a list of one', () => {
    expect(splitList('salesforce')).toEqual(['salesforce']);
  });

  test('an empty text is an empty list', () => {
    expect(splitList('')).toEqual([]);
  });
});

describe('headerKey', () => {
  test.each<[string, string]>([
    ['Annual Revenue ($)', 'annualrevenue'],
    ['annual_revenue', 'annualrevenue'],
    ['ANNUAL REVENUE', 'annualrevenue'],
    ['  Annual-Revenue  ', 'annualrevenue'],
    ['Website Visits (30d)', 'websitevisits30d'],
    ['Café', 'cafe'],
    ['???', ''],
  ])('%j has the key %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  test('non-text headers have keys too', () => {
    expect(headerKey(2026)).toBe('2026');
    expect(headerKey(null)).toBe('');
  });
});

describe('cellText', () => {
  test.each<[string, unknown, string]>([
    ['text as is', ' Acme ', ' Acme '],
    ['an integer', 1200, '1200'],
    ['a decimal', 0.35, '0.35'],
    ['a float without noise', 0.1 + 0.2, '0.3'],
    ['NaN as itself', NaN, 'NaN'],
    ['Infinity as itself', Infinity, 'Infinity'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['a Date as its ISO day', new Date(2026, 2, 1, 15, 30), '2026-03-01'],
    ['an invalid Date as such', new Date(NaN), 'Invalid Date'],
    ['null as empty', null, ''],
    ['undefined as empty', undefined, ''],
    ['an array', [1, 2], '1,2'],
  ])('%s', (_name, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  test('an object whose toString throws reads as empty, without throwing', () => {
    expect(cellText({ toString() { throw new Error('no'); } })).toBe('');
    expect(cellText(Object.create(null))).toBe('');
    expect(cellText({ [Symbol.toPrimitive]() { throw 1; } })).toBe('');
  });

  test('a symbol reads as its description', () => {
    expect(cellText(Symbol('s'))).toBe('Symbol(s)');
  });
});
