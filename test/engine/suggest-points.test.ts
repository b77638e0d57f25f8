// Suggested points from outcomes: log odds ratio per criterion, scaled per category to the points in use, whole numbers.
import { compileModel, logOddsRatio, outcomeStats, suggestPoints, withSuggestedPoints, type Criterion, type MatchCounts, type PointsSuggestion } from '../../src/engine';
import { validModel } from '../factories/models';

const crit = (id: string, category: string, points: number, extra: Partial<Criterion> = {}): Criterion => ({
  id, category, column: id, when: { op: 'isTrue' }, points, ...extra,
});
/** Closed deals: won/lost where matched, won/lost where not. */
const k = (matchedWon: number, matchedLost: number, notMatchedWon: number, notMatchedLost: number): MatchCounts => ({ matchedWon, matchedLost, notMatchedWon, notMatchedLost });

describe('suggestPoints', () => {
  test('the log odds ratio with +0.5 on each count', () => {
    expect(logOddsRatio(k(20, 10, 10, 20))).toBeCloseTo(Math.log((20.5 * 20.5) / (10.5 * 10.5)));
    expect(logOddsRatio(k(10, 0, 0, 10))).toBeCloseTo(Math.log((10.5 * 10.5) / (0.5 * 0.5)));
  });

  test('a criterion that wins more gets more points than one that does not; a reversed one becomes a penalty', () => {
    const criteria = [crit('strong', 'fit', 10), crit('flat', 'fit', 20), crit('reversed', 'fit', 15)];
    const s = suggestPoints(criteria, new Map([
      ['strong', k(30, 10, 10, 30)],
      ['flat', k(20, 20, 20, 20)],
      ['reversed', k(10, 30, 30, 10)],
    ]));
    const by = Object.fromEntries(s.map((x) => [x.id, x]));
    // The strongest takes the category's largest points now (20); the flat one 0; the reversed one -20.
    expect(by.strong).toMatchObject({ current: 10, suggested: 20 });
    expect(by.flat).toMatchObject({ current: 20, suggested: 0 });
    expect(by.reversed).toMatchObject({ current: 15, suggested: -20 });
    expect(by.reversed!.reason).toMatch(/penalty/);
    expect(by.strong!.suggested!).toBeGreaterThan(by.flat!.suggested!);
  });

  test('fewer than 10 closed deals on either side keeps the points and says so', () => {
    const criteria = [crit('few', 'fit', 25), crit('fewNot', 'fit', 5), crit('ok', 'fit', 10)];
    const s = suggestPoints(criteria, new Map([
      ['few', k(5, 4, 40, 40)],
      ['fewNot', k(40, 40, 9, 0)],
      ['ok', k(30, 10, 10, 30)],
    ]));
    expect(s[0]).toMatchObject({ id: 'few', current: 25, suggested: null });
    expect(s[0]!.reason).toMatch(/^Not enough deals \(9 matched, 80 not/);
    expect(s[1]).toMatchObject({ id: 'fewNot', current: 5, suggested: null });
    expect(s[1]!.reason).toMatch(/^Not enough deals/);
    // The scale is the category's largest points in use (25), kept criteria included.
    expect(s[2]).toMatchObject({ id: 'ok', suggested: 25 });
  });

  test('scaled per category: each category\'s strongest criterion gets that category\'s largest points', () => {
    const criteria = [crit('a1', 'fit', 30), crit('a2', 'fit', 10), crit('b1', 'intent', 5), crit('b2', 'intent', -4)];
    const counts = new Map([
      ['a1', k(20, 20, 20, 20)], // flat
      ['a2', k(40, 10, 10, 40)], // strong
      ['b1', k(25, 15, 15, 25)], // mild
      ['b2', k(40, 10, 10, 40)], // strong
    ]);
    const s = Object.fromEntries(suggestPoints(criteria, counts).map((x) => [x.id, x.suggested]));
    expect(s).toEqual({ a1: 0, a2: 30, b1: expect.any(Number), b2: 5 });
    const ratio = logOddsRatio(counts.get('b1')!) / logOddsRatio(counts.get('b2')!);
    expect(s.b1).toBe(Math.round(ratio * 5));
  });

  test('results are whole numbers; bands, must and exclude criteria are skipped', () => {
    const criteria = [
      crit('x', 'fit', 17), crit('y', 'fit', 9), crit('z', 'fit', 3),
      crit('banded', 'fit', 0, { when: { op: 'bands', bands: [{ min: 0, points: 50 }] } }),
      crit('must', 'fit', 40, { role: 'must' }),
      crit('out', 'fit', 0, { role: 'exclude' }),
    ];
    const s = suggestPoints(criteria, new Map([
      ['x', k(23, 17, 11, 29)], ['y', k(13, 12, 19, 31)], ['z', k(12, 29, 22, 19)],
      ['banded', k(40, 10, 10, 40)], ['must', k(40, 10, 10, 40)], ['out', k(40, 10, 10, 40)],
    ]));
    expect(s.map((x) => x.id)).toEqual(['x', 'y', 'z']);
    for (const x of s) {
      expect(Number.isInteger(x.suggested)).toBe(true);
      expect(Object.is(x.suggested, -0)).toBe(false);
    }
    expect(Math.max(...s.map((x) => Math.abs(x.suggested!)))).toBe(17);
  });

  test('outcomeStats returns suggestions for the profile\'s score criteria', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 15; i++) rows.push(['SaaS', 100, 20, 'won'], ['Retail', 100, 1, 'lost'], ['SaaS', 100, 1, 'lost'], ['Retail', 100, 20, 'won']);
    const s = outcomeStats(compileModel(validModel(), ['Industry', 'Employees', 'Visits', 'Outcome']).profile(), rows, 3);
    // industry (alone in its category): matched 15 won / 15 lost, not matched the same: no difference, so no suggestion.
    // visits: always won when matched; the size criterion is a must and gets none.
    expect(s.suggestions).toEqual([
      { id: 'industry', current: 30, suggested: null, reason: 'Winning is no more likely with or without it in this category.' },
      { id: 'visits', current: 20, suggested: 20, reason: expect.stringMatching(/^Odds of winning \d+\.\dx when matched\.$/) },
    ]);
  });
});

describe('withSuggestedPoints', () => {
  const suggestion = (id: string, current: number, suggested: number | null): PointsSuggestion => ({ id, current, suggested, reason: '' });

  test('a copy with the suggested points on the named profile\'s score criteria; the original is untouched', () => {
    const model = validModel();
    model.profiles.push({ ...structuredClone(model.profiles[0]!), name: 'Other' });
    const before = structuredClone(model);
    const out = withSuggestedPoints(model, 'Other', [suggestion('industry', 30, 12), suggestion('visits', 20, null)])!;
    expect(model).toEqual(before);
    expect(out.profiles[1]!.criteria.map((c) => [c.id, c.points])).toEqual([['industry', 12], ['size', 25], ['visits', 20]]);
    expect(out.profiles[0]).toEqual(before.profiles[0]);
  });

  test('never sets points on a must-have, an exclusion or bands; an unknown profile gives null', () => {
    const model = validModel();
    const out = withSuggestedPoints(model, 'Mid-market SaaS', [suggestion('size', 25, 3)])!;
    expect(out.profiles[0]!.criteria.find((c) => c.id === 'size')!.points).toBe(25);
    expect(withSuggestedPoints(model, 'Nope', [])).toBeNull();
  });
});
