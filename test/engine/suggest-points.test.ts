// Suggested points from outcomes: clear log odds ratios shrunk by their uncertainty, scaled per category to the points in use, whole numbers.
import fc from 'fast-check';
import {
  compileModel, logOddsRatio, outcomeStats, suggestPoints, checkModel, withSuggestedPoints, type Criterion, type MatchCounts, type PointsSuggestion,
} from '../../src/engine';
import { logOddsRatioError, shrunkWeight } from '../../src/engine/outcomes/suggest-points';
import { validModel, withCriterion } from '../factories/models';

const crit = (id: string, category: string, points: number, extra: Partial<Criterion> = {}): Criterion => ({
  id, category, column: id, when: { op: 'isTrue' }, points, ...extra,
});
/** Closed deals: won/lost where matched, won/lost where not. */
const k = (matchedWon: number, matchedLost: number, notMatchedWon: number, notMatchedLost: number): MatchCounts => ({ matchedWon, matchedLost, notMatchedWon, notMatchedLost });

describe('suggestPoints', () => {
  test('the log odds ratio with +0.5 on each count', () => {
    expect(logOddsRatio(k(20, 10, 10, 20))).toBeCloseTo(Math.log((20.5 * 20.5) / (10.5 * 10.5)));
    expect(logOddsRatio(k(10, 0, 0, 10))).toBeCloseTo(Math.log((10.5 * 10.5) / (0.5 * 0.5)));
    expect(logOddsRatioError(k(20, 10, 10, 20))).toBeCloseTo(Math.sqrt(2 / 20.5 + 2 / 10.5));
  });

  test('the weight: the log odds ratio shrunk by its standard error, null when its 95% interval holds 0', () => {
    const big = k(60, 20, 20, 60);
    const se = logOddsRatioError(big);
    expect(shrunkWeight(big)).toBeCloseTo((logOddsRatio(big) * 0.25) / (0.25 + se * se));
    expect(shrunkWeight(k(20, 60, 60, 20))).toBeCloseTo(-shrunkWeight(big)!);
    // 70% against 40% of 10 deals each: |log OR| = 1.2 < 1.96 x 0.9.
    expect(shrunkWeight(k(7, 3, 4, 6))).toBeNull();
    // All lost on both sides: no difference in win rates, whatever the +0.5 makes of the odds.
    expect(shrunkWeight(k(0, 10, 0, 1000))).toBeNull();
  });

  test('a criterion that wins more gets more points; a reversed one becomes a penalty; a flat one keeps its points', () => {
    const criteria = [crit('strong', 'fit', 10), crit('flat', 'fit', 20), crit('reversed', 'fit', 15)];
    const s = suggestPoints(criteria, new Map([
      ['strong', k(30, 10, 10, 30)],
      ['flat', k(20, 20, 20, 20)],
      ['reversed', k(10, 30, 30, 10)],
    ]));
    const by = Object.fromEntries(s.map((x) => [x.id, x]));
    // The strongest takes the category's largest points now (20); the reversed one -20; the flat one no change.
    expect(by.strong).toMatchObject({ current: 10, suggested: 20 });
    expect(by.strong!.reason).toBe('Goes with winning: won 75% of 40 closed deals where it matched against 25% of 40 where it did not.');
    expect(by.flat).toMatchObject({ current: 20, suggested: null });
    expect(by.flat!.reason).toBe('Too small a difference to act on: won 50% of 40 closed deals where it matched against 50% of 40 where it did not; points kept.');
    expect(by.reversed).toMatchObject({ current: 15, suggested: -20 });
    expect(by.reversed!.reason).toMatch(/penalty/);
  });

  test('a suggestion never goes against the raw win rates: 10% won matched against 11% not keeps its points', () => {
    // The +0.5 on each count turns this into odds 1.0x "when matched"; it used to become 5 -> 20.
    const model = withCriterion({ id: 'extra', category: 'behavioral', column: 'Extra', points: 5 });
    const s = suggestPoints(model.profiles[0]!.criteria, new Map([['extra', k(1, 9, 2, 16)]]));
    const extra = s.find((x) => x.id === 'extra')!;
    expect(extra).toMatchObject({ current: 5, suggested: null });
    expect(extra.reason).toBe('Too small a difference to act on: won 10% of 10 closed deals where it matched against 11% of 18 where it did not; points kept.');
  });

  test('noise keeps the points: 49 of 100 won matched against 50 of 100 not does not turn 20 points into -20', () => {
    const s = suggestPoints(validModel().profiles[0]!.criteria, new Map([
      ['industry', k(30, 30, 30, 30)],
      ['visits', k(49, 51, 50, 50)],
    ]));
    expect(s.map((x) => [x.id, x.current, x.suggested])).toEqual([['industry', 30, null], ['visits', 20, null]]);
  });

  test('a difference that could be chance keeps its points, and the reason says so', () => {
    const [x] = suggestPoints([crit('x', 'fit', 12)], new Map([['x', k(7, 3, 4, 6)]]));
    expect(x).toMatchObject({ suggested: null, reason: 'The difference could be chance: won 70% of 10 closed deals where it matched against 40% of 10 where it did not; points kept.' });
  });

  test('an effect seen in few deals counts for less than the same effect seen in many', () => {
    const s = suggestPoints([crit('many', 'fit', 20), crit('few', 'fit', 20)], new Map([['many', k(60, 20, 20, 60)], ['few', k(9, 3, 3, 9)]]));
    // Both win 75% matched against 25% not; unshrunk log odds ratios would give the few 19 of 20 points.
    expect(s[0]!.suggested).toBe(20);
    expect(s[1]!.suggested).toBe(7);
  });

  test('any counts: the sign follows the raw win rates, within the category\'s points, valid when applied, the same every time', () => {
    const model = withCriterion({ id: 'extra', category: 'behavioral', column: 'Extra', points: 5 });
    const criteria = model.profiles[0]!.criteria;
    const n = fc.integer({ min: 0, max: 400 });
    const counts = fc.tuple(n, n, n, n).map(([a, b, c, d]) => k(a, b, c, d));
    fc.assert(
      fc.property(counts, counts, counts, (industry, visits, extra) => {
        const byId = new Map([['industry', industry], ['visits', visits], ['extra', extra]]);
        const s = suggestPoints(criteria, byId);
        expect(suggestPoints(criteria, byId)).toEqual(s);
        for (const x of s) {
          expect(x.reason).not.toMatch(/1\.0x/);
          if (x.suggested === null) continue;
          const q = byId.get(x.id)!;
          const difference = q.matchedWon / (q.matchedWon + q.matchedLost) - q.notMatchedWon / (q.notMatchedWon + q.notMatchedLost);
          expect(Math.sign(x.suggested)).toBe(Math.sign(difference));
          // Categories: firmographic (industry 30, the size must-have is not scored), behavioral (visits 20, extra 5).
          expect(Math.abs(x.suggested)).toBeLessThanOrEqual(x.id === 'industry' ? 30 : 20);
        }
        expect(checkModel(withSuggestedPoints(model, model.profiles[0]!.name, s)!).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
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
    expect(s).toEqual({ a1: null, a2: 30, b1: expect.any(Number), b2: 5 });
    const ratio = shrunkWeight(counts.get('b1')!)! / shrunkWeight(counts.get('b2')!)!;
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
    // y (52% against 38%) could be chance.
    expect(s.map((x) => x.suggested === null)).toEqual([false, true, false]);
    for (const x of s.filter((y) => y.suggested !== null)) {
      expect(Number.isInteger(x.suggested)).toBe(true);
      expect(Object.is(x.suggested, -0)).toBe(false);
    }
    expect(Math.max(...s.map((x) => Math.abs(x.suggested ?? 0)))).toBe(17);
  });

  test('outcomeStats returns suggestions for the profile\'s score criteria', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 15; i++) rows.push(['SaaS', 100, 20, 'won'], ['Retail', 100, 1, 'lost'], ['SaaS', 100, 1, 'lost'], ['Retail', 100, 20, 'won']);
    const s = outcomeStats(compileModel(validModel(), ['Industry', 'Employees', 'Visits', 'Outcome']).profile(), rows, 3);
    // industry (alone in its category): matched 15 won / 15 lost, not matched the same: no difference, so no suggestion.
    // visits: always won when matched; the size criterion is a must and gets none.
    expect(s.suggestions).toEqual([
      {
        id: 'industry', current: 30, suggested: null,
        reason: 'Too small a difference to act on: won 50% of 30 closed deals where it matched against 50% of 30 where it did not; points kept.',
      },
      { id: 'visits', current: 20, suggested: 20, reason: 'Goes with winning: won 100% of 30 closed deals where it matched against 0% of 30 where it did not.' },
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
