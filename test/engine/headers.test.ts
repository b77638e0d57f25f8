// Columns are found by header text (case-, space- and punctuation-insensitive), never by position.
import type { Profile } from '../../src/engine/model';
import { compileProfile, criterion, itemOf, profileOf, rowFor } from '../factories/scoring';

/** Revenue and industry criteria whose columns are named `revenueColumn` and `industryColumn`. */
function revenueProfile(revenueColumn = 'Annual Revenue', industryColumn = 'Industry'): Profile {
  return profileOf([
    criterion({ op: 'between', min: 10e6, max: 500e6 }, { id: 'revenue', column: revenueColumn, points: 20 }),
    criterion({ op: 'in', values: ['SaaS'] }, { id: 'industry', column: industryColumn, points: 10 }),
  ]);
}

describe('header matching', () => {
  test.each<[string, string]>([
    ['Annual Revenue ($)', 'annual_revenue'],
    ['annual revenue', 'Annual Revenue'],
    ['ANNUAL REVENUE', 'annual revenue'],
    ['  Annual   Revenue  ', 'Annual Revenue'],
    ['Annual-Revenue', 'AnnualRevenue'],
    ['annual.revenue:', 'Annual Revenue'],
  ])('the sheet header %j is found by the criterion column %j', (sheetHeader, column) => {
    const compiled = compileProfile(revenueProfile(column), [sheetHeader, 'Industry']);
    expect(compiled.missingColumns).toEqual([]);
    const r = compiled.explain(['$50M', 'SaaS']);
    expect(itemOf(r, 'revenue')).toMatchObject({ status: 'matched', columnFound: true });
    expect(r.score).toBe(100);
  });

  test('accents are ignored', () => {
    const compiled = compileProfile(revenueProfile('Annual Revenue', 'Industrie'), ['Annual Revenue', 'Industrié']);
    expect(compiled.missingColumns).toEqual([]);
  });

  test('a header that is only punctuation never matches', () => {
    const p = profileOf([criterion({ op: 'notBlank' }, { column: '???' })]);
    expect(compileProfile(p, ['???', '!!!']).missingColumns).toEqual(['???']);
  });

  test('non-text headers are read as text', () => {
    const p = profileOf([criterion({ op: 'notBlank' }, { column: '2026' })]);
    const compiled = compileProfile(p, [2026]);
    expect(compiled.missingColumns).toEqual([]);
    expect(compiled.evaluate(['x']).score).toBe(100);
  });
});

describe('column order does not matter', () => {
  const p = revenueProfile();
  const record = { Account: 'Acme', 'Annual Revenue': '$10M-$50M', Industry: 'SaaS', Country: 'US' };

  test('reordered columns give the same scores and explanations', () => {
    const orders = [
      ['Account', 'Annual Revenue', 'Industry', 'Country'],
      ['Industry', 'Country', 'Annual Revenue', 'Account'],
      ['Country', 'Industry', 'Account', 'Annual Revenue'],
    ];
    const results = orders.map((headers) => compileProfile(p, headers).explain(rowFor(headers, record)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]?.score).toBe(100);
  });

  test('inserted unrelated columns change nothing', () => {
    const narrow = ['Annual Revenue', 'Industry'];
    const wide = ['Notes', 'Annual Revenue', 'Owner', 'Industry', 'Stage'];
    const a = compileProfile(p, narrow).explain(rowFor(narrow, { 'Annual Revenue': '$5M', Industry: 'SaaS' }));
    const b = compileProfile(p, wide).explain(rowFor(wide, { 'Annual Revenue': '$5M', Industry: 'SaaS', Notes: 'x', Owner: 'y' }));
    expect(b).toEqual(a);
  });
});

describe('missing columns', () => {
  test('a criterion whose column is missing is unknown and earns nothing, but counts in possible', () => {
    const compiled = compileProfile(revenueProfile(), ['Industry']);
    const r = compiled.explain(['SaaS']);
    expect(itemOf(r, 'revenue')).toMatchObject({ status: 'unknown', columnFound: false, value: '', points: 0 });
    expect(r.score).toBe(33.3);
  });

  test('missingColumns lists each missing column once, as written in the model', () => {
    const p = profileOf([
      criterion({ op: 'gte', value: 1 }, { id: 'a', column: 'Web Visits' }),
      criterion({ op: 'lte', value: 0 }, { id: 'b', column: 'Web Visits', points: -5 }),
      criterion({ op: 'notBlank' }, { id: 'c', column: 'Industry' }),
      criterion({ op: 'isTrue' }, { id: 'd', column: 'Demo?' }),
    ]);
    expect(compileProfile(p, ['Industry']).missingColumns).toEqual(['Web Visits', 'Demo?']);
  });

  test('the explanation names the missing column', () => {
    const r = compileProfile(revenueProfile(), ['Industry']).explain(['SaaS']);
    expect(r.text).toContain('Unknown: revenue (no “Annual Revenue” column).');
  });

  test('a must criterion on a missing column never disqualifies', () => {
    const p = profileOf([criterion({ op: 'gte', value: 50 }, { id: 'size', column: 'Employees', role: 'must' }), criterion({ op: 'notBlank' }, { id: 'x', column: 'Industry' })]);
    expect(compileProfile(p, ['Industry']).evaluate(['SaaS'])).toMatchObject({ disqualified: false, score: 50 });
  });

  test('a sheet with none of the columns still scores (every criterion unknown)', () => {
    const compiled = compileProfile(revenueProfile(), ['Account']);
    expect(compiled.evaluate(['Acme'])).toMatchObject({ blank: false, score: 0, tier: 'C' });
  });
});

describe('duplicate headers', () => {
  test('the first of two same-named columns wins', () => {
    const p = profileOf([criterion({ op: 'in', values: ['SaaS'] }, { column: 'Industry' })]);
    const compiled = compileProfile(p, ['Industry', 'industry ', 'INDUSTRY']);
    expect(compiled.evaluate(['SaaS', 'Government', 'Government']).score).toBe(100);
    expect(compiled.evaluate(['Government', 'SaaS', 'SaaS']).score).toBe(0);
  });

  test('an empty header before the real one does not shadow it', () => {
    const p = profileOf([criterion({ op: 'notBlank' }, { column: 'Industry' })]);
    const compiled = compileProfile(p, ['', 'Industry']);
    expect(compiled.evaluate(['', 'SaaS']).score).toBe(100);
  });

  test('two criteria on the same column read the one cell', () => {
    const p = profileOf([
      criterion({ op: 'gte', value: 5 }, { id: 'visits', column: 'Visits', points: 25 }),
      criterion({ op: 'lte', value: 0 }, { id: 'dormant', column: 'visits', points: -10 }),
    ]);
    const compiled = compileProfile(p, ['Visits']);
    expect(compiled.evaluate([7]).score).toBe(100);
    expect(compiled.evaluate([0]).score).toBe(0);
    expect(compiled.evaluate([3]).score).toBe(0);
  });
});

describe('duplicate headers: the first is read, and which is said', () => {
  const { HeaderMap, columnLetters, duplicateHeaderNote, compileModel } = jest.requireActual<typeof import('../../src/engine')>('../../src/engine');

  test('columnLetters', () => {
    expect([0, 2, 7, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'C', 'H', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('"Industry" in columns C and H: column C is read, and the note names both', () => {
    const map = new HeaderMap(['Account', 'Employees', 'Industry', 'a', 'b', 'c', 'd', ' industry ']);
    expect(map.find('Industry')).toBe(2);
    expect(map.duplicate('INDUSTRY')).toEqual({ header: 'Industry', columns: [2, 7] });
    expect(map.duplicate('Account')).toBeUndefined();
    expect(duplicateHeaderNote(map.duplicate('industry')!)).toBe('"Industry" is in columns C and H: column C is read');
    expect(duplicateHeaderNote({ header: 'X', columns: [0, 1, 4] })).toBe('"X" is in columns A, B and E: column A is read');
    expect(duplicateHeaderNote({ header: 'X', columns: [2, 7] }, (i) => `the ${i + 1}th column`)).toBe('"X" is in the 3th column and the 8th column: the 3th column is read');
  });

  test('a compiled profile lists the duplicated columns its criteria read, each once, and reads the first', () => {
    const model = {
      schemaVersion: 1 as const,
      profiles: [{
        name: 'P',
        categories: [{ id: 'c', weight: 1 }],
        criteria: [
          { id: 'a', column: 'Industry', category: 'c', when: { op: 'in' as const, values: ['SaaS'] }, points: 1 },
          { id: 'b', column: 'industry', category: 'c', when: { op: 'notBlank' as const }, points: 1 },
        ],
        tiers: [{ label: 'A', min: 0 }],
      }],
    };
    const p = compileModel(model, ['Industry', 'Name', 'Name', 'Industry']).profile();
    expect(p.duplicateColumns).toEqual([{ header: 'Industry', columns: [0, 3] }]);
    expect(p.evaluate(['SaaS', '', '', 'Retail']).score).toBe(100);
    expect(p.evaluate(['Retail', '', '', 'SaaS']).score).toBe(50);
  });
});
