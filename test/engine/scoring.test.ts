// Score arithmetic of one row against one profile: category fit, weights, rounding, penalties, tiers, must, exclude, blanks.
import type { Criterion, Profile } from '../../src/engine/model';
import { category, compileProfile, criterion, explainRecord, flag, itemOf, profileOf, rowFor } from '../factories/scoring';

const YES = 'yes';
const NO = 'no';

/** Profile of isTrue flags (see flag()) in one category. */
function flags(...criteria: Criterion[]): Profile {
  return profileOf(criteria);
}

describe('category fit: earned / possible', () => {
  test('all matched is 100, none matched is 0', () => {
    const p = flags(flag('a', 10), flag('b', 20));
    expect(explainRecord(p, { a: YES, b: YES }).score).toBe(100);
    expect(explainRecord(p, { a: NO, b: NO }).score).toBe(0);
  });

  test('the fit is the share of possible points earned', () => {
    const p = flags(flag('a', 10), flag('b', 30));
    expect(explainRecord(p, { a: YES, b: NO }).score).toBe(25);
    expect(explainRecord(p, { a: NO, b: YES }).score).toBe(75);
  });

  test('a blank cell earns nothing but still counts in possible', () => {
    const p = flags(flag('a', 10), flag('b', 10));
    expect(explainRecord(p, { a: YES, b: '' }).score).toBe(50);
    expect(explainRecord(p, { a: YES, b: 'N/A' }).score).toBe(50);
  });

  test('a criterion with 0 points neither earns nor counts', () => {
    const p = flags(flag('a', 10), flag('zero', 0));
    expect(explainRecord(p, { a: YES, zero: NO }).score).toBe(100);
  });
});

describe('rounding to one decimal', () => {
  test.each<[string, Record<string, string>, number]>([
    ['2/3 = 66.66… rounds to 66.7', { a: YES, b: YES, c: NO }, 66.7],
    ['1/3 = 33.33… rounds to 33.3', { a: YES, b: NO, c: NO }, 33.3],
  ])('%s', (_name, record, score) => {
    expect(explainRecord(flags(flag('a', 10), flag('b', 10), flag('c', 10)), record).score).toBe(score);
  });

  test('1/6 = 16.66… rounds to 16.7', () => {
    expect(explainRecord(flags(flag('a', 1), flag('b', 5)), { a: YES, b: NO }).score).toBe(16.7);
  });

  test('half rounds up: 1/16 = 6.25 is 6.3', () => {
    expect(explainRecord(flags(flag('a', 1), flag('b', 15)), { a: YES, b: NO }).score).toBe(6.3);
  });

  test('exact halves stay, longer fractions are cut to one decimal: 1/8 = 12.5, 1/7 = 14.28… is 14.3', () => {
    expect(explainRecord(flags(flag('a', 1), flag('b', 7)), { a: YES, b: NO }).score).toBe(12.5);
    expect(explainRecord(flags(flag('a', 1), flag('b', 6)), { a: YES, b: NO }).score).toBe(14.3);
  });
});

describe('category weights', () => {
  const twoCategories = (firmWeight: number, behWeight: number): Profile =>
    profileOf(
      [flag('a', 10, { category: 'firm' }), flag('b', 10, { category: 'firm' }), flag('c', 10, { category: 'beh' })],
      { categories: [category('firm', firmWeight), category('beh', behWeight)] },
    );

  test('score = 100 × Σ weight × fit / Σ weight', () => {
    // firm fit 0.5, beh fit 1: 100 × (40 × 0.5 + 60 × 1) / 100 = 80
    expect(explainRecord(twoCategories(40, 60), { a: YES, b: NO, c: YES }).score).toBe(80);
    // firm fit 1, beh fit 0: 40
    expect(explainRecord(twoCategories(40, 60), { a: YES, b: YES, c: NO }).score).toBe(40);
  });

  test('weights need not add to 100', () => {
    expect(explainRecord(twoCategories(2, 3), { a: YES, b: NO, c: YES }).score).toBe(80);
    expect(explainRecord(twoCategories(0.4, 0.6), { a: YES, b: NO, c: YES }).score).toBe(80);
  });

  test('a category of weight 0 does not count', () => {
    expect(explainRecord(twoCategories(100, 0), { a: YES, b: YES, c: NO }).score).toBe(100);
    expect(explainRecord(twoCategories(0, 100), { a: NO, b: NO, c: YES }).score).toBe(100);
  });

  test('categories without criteria are ignored', () => {
    const p = profileOf([flag('a', 10)], { categories: [category('main', 50), category('empty', 50)] });
    expect(explainRecord(p, { a: YES }).score).toBe(100);
  });

  test('a category holding only exclude criteria is ignored', () => {
    const p = profileOf(
      [flag('a', 10), criterion({ op: 'equals', value: 'Government' }, { id: 'gov', role: 'exclude', category: 'neg', column: 'Industry' })],
      { categories: [category('main', 50), category('neg', 50)] },
    );
    expect(explainRecord(p, { a: YES, Industry: 'SaaS' }).score).toBe(100);
  });

  test('all weights 0 scores 0 rather than dividing by zero', () => {
    const p = profileOf([flag('a', 10)], { categories: [category('main', 0)] });
    expect(explainRecord(p, { a: YES }).score).toBe(0);
  });
});

describe('penalties (negative points)', () => {
  const p = flags(flag('good', 20), flag('bad', -10));

  test('a matched penalty subtracts from earned', () => {
    expect(explainRecord(p, { good: YES, bad: YES }).score).toBe(50);
    expect(itemOf(explainRecord(p, { good: YES, bad: YES }), 'bad').points).toBe(-10);
  });

  test('an unmatched penalty changes nothing and does not count in possible', () => {
    expect(explainRecord(p, { good: YES, bad: NO }).score).toBe(100);
  });

  test('the fit is clamped at 0: a penalty never makes a category negative', () => {
    const r = explainRecord(p, { good: NO, bad: YES });
    expect(r.score).toBe(0);
    expect(r.disqualified).toBe(false);
    expect(r.tier).toBe('C');
  });

  test('a penalty in one category does not leak into another', () => {
    const two = profileOf([flag('good', 20, { category: 'firm' }), flag('bad', -50, { category: 'beh' }), flag('ok', 10, { category: 'beh' })], {
      categories: [category('firm', 50), category('beh', 50)],
    });
    expect(explainRecord(two, { good: YES, bad: YES, ok: YES }).score).toBe(50);
  });

  test('a category of penalties only is full unless a penalty applies, then empty', () => {
    const p2 = profileOf([flag('good', 10), flag('bad', -5, { category: 'risk' })], {
      categories: [category('main', 50), category('risk', 50)],
    });
    expect(explainRecord(p2, { good: YES, bad: NO }).score).toBe(100);
    expect(explainRecord(p2, { good: YES, bad: '' }).score).toBe(100);
    expect(explainRecord(p2, { good: YES, bad: YES }).score).toBe(50);
  });
});

describe('tiers', () => {
  /** One category where `x` of 1000 points are earned: the score is x / 10. */
  const scoreOf = (x: number, tiers?: Profile['tiers']): { score: number; tier: string } => {
    const p = flags(flag('a', x), flag('b', 1000 - x));
    const r = explainRecord(tiers === undefined ? p : { ...p, tiers }, { a: YES, b: NO });
    return { score: r.score, tier: r.tier };
  };

  test.each<[number, number, string]>([
    [1000, 100, 'A'],
    [800, 80, 'A'],
    [799, 79.9, 'B'],
    [600, 60, 'B'],
    [599, 59.9, 'C'],
    [1, 0.1, 'C'],
  ])('%d/1000 points: score %d is tier %s', (x, score, tier) => {
    expect(scoreOf(x)).toEqual({ score, tier });
  });

  test('a score of 0 that is not a knock-out is the lowest tier', () => {
    const r = explainRecord(flags(flag('a', 10)), { a: NO });
    expect(r).toMatchObject({ score: 0, tier: 'C', disqualified: false });
  });

  test('the tier is taken from the rounded score: 79.95 rounds to 80.0, tier A', () => {
    const p = flags(flag('a', 7995), flag('b', 2005));
    expect(explainRecord(p, { a: YES, b: NO })).toMatchObject({ score: 80, tier: 'A' });
  });

  test('tiers may be listed in any order', () => {
    const shuffled = [{ label: 'C', min: 0 }, { label: 'A', min: 80 }, { label: 'B', min: 60 }];
    expect(scoreOf(800, shuffled).tier).toBe('A');
    expect(scoreOf(700, shuffled).tier).toBe('B');
    expect(scoreOf(100, shuffled).tier).toBe('C');
  });

  test('tierOfScore maps a bare score (0 is the lowest tier, not a knock-out)', () => {
    const compiled = compileProfile(flags(flag('a', 10)), ['a']);
    expect(compiled.tierOfScore(80)).toBe('A');
    expect(compiled.tierOfScore(79.9)).toBe('B');
    expect(compiled.tierOfScore(79.96)).toBe('A');
    expect(compiled.tierOfScore(0)).toBe('C');
  });
});

describe('must criteria', () => {
  const p = profileOf([
    flag('a', 10),
    criterion({ op: 'between', min: 51, max: 1000 }, { id: 'size', column: 'Employees', role: 'must', points: 30 }),
  ]);

  test('a match earns its points', () => {
    const r = explainRecord(p, { a: NO, Employees: '51-200' });
    expect(r).toMatchObject({ score: 75, disqualified: false });
    expect(itemOf(r, 'size')).toMatchObject({ status: 'matched', points: 30 });
  });

  test('a present value that does not match disqualifies', () => {
    const r = explainRecord(p, { a: YES, Employees: 5 });
    expect(r).toMatchObject({ score: 0, tier: 'Disqualified', disqualified: true });
    expect(itemOf(r, 'size')).toMatchObject({ status: 'knockout', knockout: 'must-missed' });
  });

  test('an unreadable value disqualifies', () => {
    const r = explainRecord(p, { a: YES, Employees: 'lots' });
    expect(r).toMatchObject({ score: 0, tier: 'Disqualified', disqualified: true });
    expect(itemOf(r, 'size')).toMatchObject({ status: 'knockout', knockout: 'must-unreadable', value: 'lots' });
  });

  test.each(['', 'N/A', 'unknown', '—'])('a blank value (%j) never disqualifies; it earns nothing', (blank) => {
    const r = explainRecord(p, { a: YES, Employees: blank });
    expect(r).toMatchObject({ score: 25, disqualified: false });
    expect(itemOf(r, 'size').status).toBe('unknown');
  });

  test('a missing column never disqualifies', () => {
    expect(explainRecord(p, { a: YES })).toMatchObject({ score: 25, disqualified: false });
  });
});

describe('exclude criteria (negative ICP)', () => {
  const p = profileOf([
    flag('a', 10),
    criterion({ op: 'in', values: ['Government', 'Education'] }, { id: 'gov', column: 'Industry', role: 'exclude', points: 50 }),
  ]);

  test('a match disqualifies', () => {
    const r = explainRecord(p, { a: YES, Industry: 'government' });
    expect(r).toMatchObject({ score: 0, tier: 'Disqualified', disqualified: true });
    expect(itemOf(r, 'gov')).toMatchObject({ status: 'knockout', knockout: 'excluded', points: 0 });
  });

  test('a non-match changes nothing: exclude earns nothing and is not in possible, whatever its points', () => {
    const r = explainRecord(p, { a: YES, Industry: 'SaaS' });
    expect(r).toMatchObject({ score: 100, disqualified: false });
    expect(itemOf(r, 'gov')).toMatchObject({ status: 'missed', points: 0, maxPoints: 0 });
  });

  test('a blank value never disqualifies', () => {
    expect(explainRecord(p, { a: YES, Industry: '' })).toMatchObject({ score: 100, disqualified: false });
  });

  test('an unreadable value never disqualifies', () => {
    const numeric = profileOf([flag('a', 10), criterion({ op: 'gte', value: 10_000 }, { id: 'huge', column: 'Employees', role: 'exclude' })]);
    const r = explainRecord(numeric, { a: YES, Employees: 'lots' });
    expect(r).toMatchObject({ score: 100, disqualified: false });
    expect(itemOf(r, 'huge').status).toBe('unreadable');
  });
});

describe('disqualified rows', () => {
  const p = profileOf([
    flag('a', 10),
    criterion({ op: 'equals', value: 'Government' }, { id: 'gov', column: 'Industry', role: 'exclude' }),
    criterion({ op: 'gte', value: 10 }, { id: 'size', column: 'Employees', role: 'must' }),
  ]);

  test('score 0 and the default label "Disqualified", however much else matched', () => {
    expect(explainRecord(p, { a: YES, Industry: 'Government', Employees: 50 })).toMatchObject({
      score: 0, tier: 'Disqualified', disqualified: true, blank: false,
    });
  });

  test('the profile’s disqualifiedLabel replaces the default', () => {
    const labelled = { ...p, disqualifiedLabel: 'Out of ICP' };
    expect(explainRecord(labelled, { a: YES, Industry: 'Government' }).tier).toBe('Out of ICP');
  });

  test('every knock-out is reported, not only the first', () => {
    const r = explainRecord(p, { a: YES, Industry: 'Government', Employees: 2 });
    expect(r.items.filter((i) => i.status === 'knockout').map((i) => i.id)).toEqual(['gov', 'size']);
  });

  test('evaluate and explain agree', () => {
    const headers = ['a', 'Industry', 'Employees'];
    const compiled = compileProfile(p, headers);
    for (const record of [{ a: YES, Industry: 'Government' }, { a: YES, Employees: 2 }, { a: YES, Employees: 20 }]) {
      const row = rowFor(headers, record);
      const { items: _items, text: _text, profile: _profile, ...result } = compiled.explain(row);
      expect(compiled.evaluate(row)).toEqual(result);
    }
  });
});

describe('blank rows', () => {
  const p = flags(flag('a', 10), flag('b', 10));

  test.each<[string, unknown[]]>([
    ['empty strings', ['', '', '']],
    ['nulls and undefined', [null, undefined, null]],
    ['placeholders', ['N/A', '-', '  ']],
    ['a short row', []],
  ])('a row of %s is blank: score 0, tier empty, no items', (_name, row) => {
    const compiled = compileProfile(p, ['a', 'b', 'Account']);
    expect(compiled.evaluate(row)).toEqual({ blank: true, score: 0, tier: '', disqualified: false });
    expect(compiled.explain(row)).toMatchObject({ blank: true, items: [], text: '' });
  });

  test('a row with data only in columns no criterion reads is not blank: every criterion is unknown', () => {
    const r = explainRecord(p, { a: '', b: '', Account: 'Acme' });
    expect(r).toMatchObject({ blank: false, score: 0, tier: 'C' });
    expect(r.items.map((i) => i.status)).toEqual(['unknown', 'unknown']);
  });
});

describe('unreadable values', () => {
  const p = profileOf([
    criterion({ op: 'gte', value: 50 }, { id: 'size', column: 'Employees' }),
    criterion({ op: 'withinDays', days: 90 }, { id: 'funding', column: 'Last Funding' }),
    flag('demo', 10),
  ]);

  test('earn nothing, count in possible and are listed with their value', () => {
    const r = explainRecord(p, { Employees: 'lots', 'Last Funding': '2/30/2026', demo: 'maybe' });
    expect(r.score).toBe(0);
    expect(r.disqualified).toBe(false);
    expect(r.items.map((i) => [i.id, i.status, i.points, i.value])).toEqual([
      ['size', 'unreadable', 0, 'lots'],
      ['funding', 'unreadable', 0, '2/30/2026'],
      ['demo', 'unreadable', 0, 'maybe'],
    ]);
    expect(r.text).toContain('Unreadable: Employees “lots”, Last Funding “2/30/2026”, demo “maybe”.');
  });

  test('do not change the other criteria’s points', () => {
    expect(explainRecord(p, { Employees: 'lots', 'Last Funding': '', demo: YES }).score).toBe(33.3);
  });
});
