// Property-based tests (fast-check): any cell value never makes scoring throw; scores are bounded, stable and monotonic.
import fc from 'fast-check';
import { b2bSaasTemplate, compileModel, checkModel, type Explanation, type Model } from '../../src/engine';
import type { Band, Category, Condition, Criterion, Profile, Role, Scalar } from '../../src/engine/model';
import { TODAY } from '../factories/scoring';

// ---------------------------------------------------------------------------------------------
// Generators: cell values of any JS type, and random valid models over a fixed pool of columns.
// ---------------------------------------------------------------------------------------------

const COLUMNS = ['Industry', 'Employees', 'Annual Revenue ($)', 'Demo Requested', 'Last Funding Date', 'Tech Stack', 'Notes', 'Email'];
const CATEGORY_IDS = ['firmographic', 'behavioral', 'intent'];
const BONUS_COLUMN = 'Bonus Signal';

/** Values people type and exports hold, in the spellings of the spec. */
const spelledCell = fc.constantFrom(
  '1200', '1,200', '$1.2M', '€2.5m', '1.2k', '3 bn', '1.5 million', '$25 mil.', '$5 bil.', '35%', '51-200', '1,001-5,000',
  '10 - 20', '$10M-$50M', '$10 mil. - $25 mil.', '$1M to $10M', '10,001+', '$10B+', 'Over $5 bil.', '<50', 'under 50',
  'Less than $1M', '', 'N/A', 'n/a', '-', '—', 'unknown', 'none', 'Select', '-- Select --', '#N/A', 'TRUE', 'FALSE', 'yes',
  'no', 'y', 'n', '1', '0', 'x', '✓', '✅', 'maybe', '2026-03-01', '2026-10-20T10:00:00Z', '3/1/2026', '2/30/2026',
  'Mar 1, 2026', 'Salesforce, HubSpot; Slack | Zoom', 'SaaS', 'Government', 'lots', '1,2', ' saas ', 'CTO, VP Eng',
);

/** Values that have broken spreadsheet code before: throwing conversions, symbols, functions, huge text, deep arrays. */
const hostileCell = fc.constantFrom<unknown>(
  { toString() { throw 1; } },
  { toString() { throw new Error('toString'); }, valueOf() { throw new Error('valueOf'); } },
  { [Symbol.toPrimitive]() { throw new Error('toPrimitive'); } },
  { toString: 'not a function' },
  Object.create(null),
  Symbol('cell'),
  Symbol.iterator,
  () => 1,
  function named() { return 'x'; },
  new Date(NaN),
  new Date(8.64e15),
  NaN,
  Infinity,
  -Infinity,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  10n ** 30n,
  'x'.repeat(100_000),
  '1'.repeat(5_000),
  `${'9,'.repeat(2_000)}9`,
  [[['deep']], [1, [2, [3, [4]]]]],
  [],
  [''],
  new Map([[1, 2]]),
  new Set([1]),
  new Number(5),
  new String('SaaS'),
  new Boolean(false),
  new Uint8Array(3),
  // Objects whose type checks throw: `instanceof` on a Proxy asks its trap, a forged Date's getTime() is a TypeError.
  new Proxy({}, { getPrototypeOf() { throw new Error('getPrototypeOf'); }, get() { throw new Error('get'); } }),
  Object.create(Date.prototype) as unknown,
);

const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    maxKeys: 3,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withBigInt: true,
  }),
  fc.date({ noInvalidDate: false }),
  fc.double(),
  fc.string({ maxLength: 120 }),
  fc.string({ minLength: 100, maxLength: 600 }),
  fc.array(fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), { maxLength: 3 }),
  spelledCell,
  spelledCell,
  hostileCell,
);

const smallInt = fc.integer({ min: -1_000, max: 5_000 });
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom<Scalar>('SaaS', 'Fintech', 'Government', 'HubSpot', 'yes', '1,000', 'High'),
  fc.string({ maxLength: 6 }),
  smallInt,
  fc.boolean(),
);
const isEmptyText = (v: Scalar): boolean => typeof v === 'string' && v.trim() === '';
// The validator refuses empty text for equals and a list of only empty values (they could never match).
const scalars = fc.array(scalar, { minLength: 1, maxLength: 4 }).filter((vs) => !vs.every(isEmptyText));

/** min and/or max with min <= max (a range the validator accepts). */
const range = fc
  .tuple(smallInt, smallInt, fc.constantFrom('both', 'min', 'max'))
  .map(([a, b, which]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return which === 'both' ? { min: lo, max: hi } : which === 'min' ? { min: lo } : { max: hi };
  });

const band: fc.Arbitrary<Band> = fc.tuple(range, fc.integer({ min: -10, max: 40 })).map(([r, points]) => ({ ...r, points }));

const PATTERNS = ['^saas$', 'sales(force)?', '@(gmail|yahoo)\\.', '^\\d+$', '(cto|vp).*eng', '.', '^$', '[\\u00e9]'];

const condition: fc.Arbitrary<Condition> = fc.oneof(
  scalar.filter((v) => !isEmptyText(v)).map((value): Condition => ({ op: 'equals', value })),
  scalars.map((values): Condition => ({ op: 'in', values })),
  scalars.map((values): Condition => ({ op: 'contains', values })),
  range.map((r): Condition => ({ op: 'between', ...r })),
  smallInt.map((value): Condition => ({ op: 'gte', value })),
  smallInt.map((value): Condition => ({ op: 'lte', value })),
  fc.array(band, { minLength: 1, maxLength: 4 }).map((bands): Condition => ({ op: 'bands', bands })),
  fc.constant<Condition>({ op: 'isTrue' }),
  fc.constant<Condition>({ op: 'notBlank' }),
  fc.integer({ min: 0, max: 2_000 }).map((days): Condition => ({ op: 'withinDays', days })),
  fc
    .tuple(fc.constantFrom(...PATTERNS), fc.subarray(['i', 'm', 's', 'u']))
    .map(([pattern, flags]): Condition => ({ op: 'matches', pattern, ...(flags.length > 0 ? { flags: flags.join('') } : {}) })),
);

/** A criterion without its id (ids are given by position). */
const criterionBody = fc.record({
  category: fc.constantFrom(...CATEGORY_IDS),
  column: fc.constantFrom(...COLUMNS),
  when: condition,
  points: fc.integer({ min: -30, max: 50 }),
  role: fc.constantFrom<Role>('score', 'score', 'score', 'must', 'exclude'),
});

const categories: fc.Arbitrary<Category[]> = fc
  .tuple(...CATEGORY_IDS.map(() => fc.integer({ min: 0, max: 100 })))
  .map((weights) => CATEGORY_IDS.map((id, i) => ({ id, weight: weights.every((w) => w === 0) && i === 0 ? 1 : weights[i]! })));

const tiers = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 })
  .map((mins) => [0, ...mins].map((min, i) => ({ label: `T${i}`, min })));

const profile = (name: string): fc.Arbitrary<Profile> =>
  fc
    .record({
      categories,
      criteria: fc.array(criterionBody, { maxLength: 8 }),
      tiers,
      disqualifiedLabel: fc.option(fc.constantFrom('Out', 'DQ', 'Disqualified'), { nil: undefined }),
    })
    .map((p) => ({
      name,
      categories: withScoringWeight(p.categories, p.criteria),
      criteria: p.criteria.map((c, i): Criterion => ({ id: `c${i}`, ...c })),
      tiers: p.tiers,
      ...(p.disqualifiedLabel === undefined ? {} : { disqualifiedLabel: p.disqualifiedLabel }),
    }));

/** The validator refuses weight 0 on every category whose criteria earn points: give the first of them weight 1 then. */
function withScoringWeight(categories: Category[], criteria: Omit<Criterion, 'id'>[]): Category[] {
  const used = new Set(criteria.filter((c) => c.role !== 'exclude').map((c) => c.category));
  const scoring = categories.filter((c) => used.has(c.id));
  if (scoring.length === 0 || scoring.some((c) => c.weight > 0)) return categories;
  return categories.map((c) => (c.id === scoring[0]!.id ? { ...c, weight: 1 } : c));
}

const model: fc.Arbitrary<Model> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => profile(`Profile ${i + 1}`))))
  .map((profiles) => ({ schemaVersion: 1 as const, profiles }));

/** Some of the columns, in any order (so some criteria may find no column). */
const headers = fc.shuffledSubarray(COLUMNS, { minLength: 1 });

/** A row with one cell per pool column plus two extra, so a row may also be longer than the header row. */
const row = fc.array(anyCell, { minLength: COLUMNS.length + 2, maxLength: COLUMNS.length + 2 });

/** Rows cut to random lengths (a short row is padded with blanks by reading past its end). */
const rows = fc.array(fc.tuple(row, fc.nat(COLUMNS.length + 2)).map(([r, n]) => r.slice(0, n)), { minLength: 1, maxLength: 6 });

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties.
// ---------------------------------------------------------------------------------------------

function expectValidScore(score: number): void {
  expect(Number.isFinite(score)).toBe(true);
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(100);
  expect(Math.round(score * 10) / 10).toBe(score);
}

const RUNS = { numRuns: 150 };

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

describe('the generators', () => {
  test('build models the validator accepts', () => {
    fc.assert(
      fc.property(model, (m) => {
        const result = checkModel(m);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('nothing a cell can hold makes scoring throw', () => {
  test('evaluate, explain and bestFit never throw, and scores are 0-100 with at most one decimal', () => {
    fc.assert(
      fc.property(model, headers, rows, (m, h, rs) => {
        const compiled = compileModel(m, h, { today: TODAY });
        for (const r of rs) {
          for (const p of compiled.profiles) {
            const result = p.evaluate(r);
            expectValidScore(result.score);
            const why = p.explain(r);
            expectValidScore(why.score);
            expect(typeof why.text).toBe('string');
            expect(why.items).toHaveLength(why.blank ? 0 : p.profile.criteria.length);
            expect(p.tierLabels).toContain(result.tier === '' ? p.tierLabels[0] : result.tier);
          }
          const best = compiled.bestFit(r);
          expectValidScore(best.score);
          if (best.profile !== null) expect(compiled.profileNames).toContain(best.profile);
        }
      }),
      RUNS,
    );
  });

  test('every hostile value, alone in every column, scores without throwing', () => {
    fc.assert(
      fc.property(model, hostileCell, (m, cell) => {
        const compiled = compileModel(m, COLUMNS, { today: TODAY });
        const r = COLUMNS.map(() => cell);
        for (const p of compiled.profiles) {
          expectValidScore(p.evaluate(r).score);
          expect(typeof p.explain(r).text).toBe('string');
        }
        expectValidScore(compiled.bestFit(r).score);
      }),
      { numRuns: 100 },
    );
  });
});

describe('values whose type checks throw', () => {
  const proxy = new Proxy({}, { getPrototypeOf() { throw new Error('getPrototypeOf'); }, get() { throw new Error('get'); } });
  const forgedDate: unknown = Object.create(Date.prototype);

  test.each([['a Proxy whose traps throw', proxy], ['an object posing as a Date', forgedDate]])('%s, in every column or as a header, scores as blank', (_name, cell) => {
    const m = checkModel(b2bSaasTemplate());
    if (!m.ok) throw new Error('template invalid');
    const compiled = compileModel(m.model, [...COLUMNS, cell], { today: TODAY });
    const p = compiled.profile();
    const alone = COLUMNS.map(() => cell);
    expect(p.evaluate(alone)).toMatchObject({ blank: true, score: 0 });
    expect(p.evaluateMany([alone])[0]).toMatchObject({ blank: true, score: 0 });
    expect(compiled.bestFit(alone).blank).toBe(true);
    const mixed = COLUMNS.map((c, i) => (i === 0 ? 'SaaS' : cell));
    expect(typeof p.explain(mixed).text).toBe('string');
  });
});

describe('results are consistent', () => {
  test('a disqualified row scores 0 under the disqualified label; a blank row scores 0 with no tier', () => {
    fc.assert(
      fc.property(model, headers, rows, (m, h, rs) => {
        const compiled = compileModel(m, h, { today: TODAY });
        for (const r of rs) {
          for (const p of compiled.profiles) {
            const why = p.explain(r);
            if (why.disqualified) {
              expect(why.score).toBe(0);
              expect(why.tier).toBe(p.disqualifiedLabel);
              expect(why.items.some((i) => i.status === 'knockout')).toBe(true);
            } else {
              expect(why.items.some((i) => i.status === 'knockout')).toBe(false);
            }
            if (why.blank) expect(why).toMatchObject({ score: 0, tier: '', disqualified: false });
          }
        }
      }),
      RUNS,
    );
  });

  test('evaluate and explain agree', () => {
    fc.assert(
      fc.property(model, headers, rows, (m, h, rs) => {
        const p = compileModel(m, h, { today: TODAY }).profile();
        for (const r of rs) {
          const { blank, score, tier, disqualified } = p.explain(r);
          expect(p.evaluate(r)).toEqual({ blank, score, tier, disqualified });
        }
      }),
      RUNS,
    );
  });
});

describe('the batch path', () => {
  test('evaluateMany gives what evaluate gives row by row, and evaluateWithWhy the explain text', () => {
    fc.assert(
      fc.property(model, headers, rows, (m, h, rs) => {
        const p = compileModel(m, h, { today: TODAY }).profile();
        const one = compileModel(m, h, { today: TODAY }).profile();
        expect(p.evaluateMany(rs)).toEqual(rs.map((r) => one.evaluate(r)));
        for (const r of rs) expect(one.evaluateWithWhy(r).text).toBe(one.explain(r).text);
      }),
      RUNS,
    );
  });
});

describe('the same row always gets the same result', () => {
  test('scored alone, twice, or after other rows (the memo cache cannot leak state)', () => {
    fc.assert(
      fc.property(model, headers, rows, row, (m, h, others, r) => {
        const fresh = compileModel(m, h, { today: TODAY });
        const alone = fresh.profiles.map((p) => p.explain(r));
        const bestAlone = fresh.bestFit(r);

        const busy = compileModel(m, h, { today: TODAY });
        for (const o of others) for (const p of busy.profiles) p.explain(o);
        busy.profiles.forEach((p, i) => {
          expect(p.explain(r)).toEqual(alone[i]);
          expect(p.explain(r)).toEqual(alone[i]);
          const { blank, score, tier, disqualified } = alone[i]!;
          expect(p.evaluate(r)).toEqual({ blank, score, tier, disqualified });
        });
        for (const o of others) busy.bestFit(o);
        expect(busy.bestFit(r)).toEqual(bestAlone);
      }),
      RUNS,
    );
  });

  test('reordering the columns (and the cells with them) does not change the result', () => {
    fc.assert(
      fc.property(model, headers, row, fc.infiniteStream(fc.nat()), (m, h, r, seeds) => {
        const cells = h.map((_, i) => r[i]);
        const order = h.map((_, i) => i);
        const it = seeds[Symbol.iterator]();
        for (let i = order.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const a = compileModel(m, h, { today: TODAY });
        const b = compileModel(m, order.map((i) => h[i]), { today: TODAY });
        const reordered = order.map((i) => cells[i]);
        a.profiles.forEach((p, k) => expect(b.profiles[k]!.explain(reordered)).toEqual(p.explain(cells)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the memo cache over long columns', () => {
  test('results stay the same after tens of thousands of distinct and repeated values', () => {
    // One criterion per reading kind, each on its own column.
    const whens: Condition[] = [
      { op: 'equals', value: 'SaaS' },
      { op: 'in', values: ['HubSpot', 5] },
      { op: 'between', min: 10, max: 5_000 },
      { op: 'isTrue' },
      { op: 'withinDays', days: 400 },
      { op: 'matches', pattern: '^\\d+5$' },
      { op: 'notBlank' },
    ];
    const columns = whens.map((_, i) => `Column ${i}`);
    const criteria = whens.map((when, i): Criterion => ({ id: `k${i}`, category: 'firmographic', column: columns[i]!, when, points: 10 }));
    const m: Model = { schemaVersion: 1, profiles: [{ name: 'Kinds', categories: [{ id: 'firmographic', weight: 1 }], criteria, tiers: [{ label: 'C', min: 0 }] }] };
    const spellings = fc.sample(spelledCell, { numRuns: 200, seed: 7 });
    // Cell i of row n: a repeated spelling one row in i + 2, else a distinct value (ids, amounts), so columns
    // range from mostly repeated (memoised) to mostly distinct (more values than any cache should hold).
    const cellAt = (n: number, i: number): unknown =>
      n % (i + 2) === 0 ? spellings[(n + i) % spellings.length] : i % 2 === 0 ? `${n * 7 + i}` : n * 7 + i + 0.5;
    const rowAt = (n: number): unknown[] => columns.map((_, i) => cellAt(n, i));
    const long = compileModel(m, columns, { today: TODAY }).profile();
    const checked: Array<[number, Explanation]> = [];
    for (let n = 0; n < 80_000; n++) {
      if (n % 997 === 0) checked.push([n, long.explain(rowAt(n))]);
      else long.evaluate(rowAt(n));
    }
    for (const [n, seen] of checked) {
      const fresh = compileModel(m, columns, { today: TODAY }).profile();
      expect(fresh.explain(rowAt(n))).toEqual(seen);
      expect(long.explain(rowAt(n))).toEqual(seen);
    }
  });
});

describe('monotonicity', () => {
  test('adding a matching score criterion with positive points never lowers a score', () => {
    const bonus = fc.oneof(
      fc.record({ when: fc.constant<Condition>({ op: 'isTrue' }), cell: fc.constantFrom<unknown>('yes', 'TRUE', true, 1, 'x', '✓') }),
      fc.record({ when: fc.constant<Condition>({ op: 'notBlank' }), cell: fc.constantFrom<unknown>('Acme', 0, false, 'no') }),
      fc.record({ when: fc.constant<Condition>({ op: 'gte', value: 10 }), cell: fc.constantFrom<unknown>(10, '1,200', '$1.2M', '10,001+') }),
    );
    fc.assert(
      fc.property(model, headers, row, bonus, fc.constantFrom(...CATEGORY_IDS), fc.integer({ min: 1, max: 100 }), (m, h, r, b, cat, points) => {
        const cells = h.map((_, i) => r[i]);
        const before = compileModel(m, h, { today: TODAY });
        const extended = structuredClone(m);
        const added: Criterion = { id: 'bonus', category: cat, column: BONUS_COLUMN, when: b.when, points };
        for (const p of extended.profiles) p.criteria.push(added);
        const after = compileModel(extended, [...h, BONUS_COLUMN], { today: TODAY });
        const withBonus = [...cells, b.cell];
        before.profiles.forEach((p, k) => {
          const old = p.evaluate(cells);
          const now = after.profiles[k]!.evaluate(withBonus);
          expect(now.disqualified).toBe(old.disqualified);
          expect(now.score).toBeGreaterThanOrEqual(old.score);
        });
        const oldBest = before.bestFit(cells);
        const newBest = after.bestFit(withBonus);
        expect(newBest.score).toBeGreaterThanOrEqual(oldBest.score);
      }),
      RUNS,
    );
  });
});
