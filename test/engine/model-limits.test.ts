// The model's limits (model-limits.ts): a model at each limit is valid and scores; one past it is refused with the limit and the path, never a stack trace.
import { checkModel, compileModel, MODEL_LIMITS, parseModelJson, type Model } from '../../src/engine';

/** A valid one-profile model with `n` criteria and the given `when` on the first criterion. */
function baseModel(): Model {
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: 'P',
        categories: [{ id: 'c', weight: 1 }],
        criteria: [{ id: 'k0', column: 'Industry', category: 'c', when: { op: 'in', values: ['SaaS'] }, points: 10 }],
        tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
      },
    ],
  };
}

function issues(model: unknown): string[] {
  const r = checkModel(model);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

/** The model is valid, compiles and scores a row without throwing. */
function expectUsable(model: Model): void {
  expect(issues(model)).toEqual([]);
  const profile = compileModel(model, ['Industry', 'Employees']).profile();
  expect(profile.evaluate(['SaaS', '120']).blank).toBe(false);
  expect(profile.evaluateMany([['SaaS', '120']])).toHaveLength(1);
  expect(typeof profile.explain(['SaaS', '120']).text).toBe('string');
}

const withProfiles = (n: number): Model => {
  const m = baseModel();
  m.profiles = Array.from({ length: n }, (_, i) => ({ ...structuredClone(baseModel().profiles[0]!), name: `P${i}` }));
  return m;
};
const withCategories = (n: number): Model => {
  const m = baseModel();
  m.profiles[0]!.categories = Array.from({ length: n }, (_, i) => ({ id: i === 0 ? 'c' : `c${i}`, weight: 1 }));
  return m;
};
const withCriteria = (n: number): Model => {
  const m = baseModel();
  m.profiles[0]!.criteria = Array.from({ length: n }, (_, i) => ({ id: `k${i}`, column: i % 2 === 0 ? 'Industry' : 'Employees', category: 'c', when: { op: 'notBlank' as const }, points: 1 }));
  return m;
};
const withTiers = (n: number): Model => {
  const m = baseModel();
  m.profiles[0]!.tiers = Array.from({ length: n }, (_, i) => ({ label: `T${i}`, min: i * (100 / n) }));
  return m;
};
const withValues = (n: number): Model => {
  const m = baseModel();
  m.profiles[0]!.criteria[0]!.when = { op: 'in', values: Array.from({ length: n }, (_, i) => (i === 0 ? 'SaaS' : `v${i}`)) };
  return m;
};
const withBands = (n: number): Model => {
  const m = baseModel();
  m.profiles[0]!.criteria[0] = {
    id: 'k0', column: 'Employees', category: 'c',
    when: { op: 'bands', bands: Array.from({ length: n }, (_, i) => ({ min: i * 10, max: i * 10 + 9, points: i })) },
  };
  return m;
};

describe.each<[string, (n: number) => Model, number, RegExp]>([
  ['profiles', withProfiles, MODEL_LIMITS.profiles, /^profiles: 51 profiles; a model may have at most 50$/],
  ['categories per profile', withCategories, MODEL_LIMITS.categoriesPerProfile, /^profiles\[0\]\.categories: 101 categories; a profile may have at most 100$/],
  ['criteria per profile', withCriteria, MODEL_LIMITS.criteriaPerProfile, /^profiles\[0\]\.criteria: 1,001 criteria; a profile may have at most 1,000$/],
  ['tiers per profile', withTiers, MODEL_LIMITS.tiersPerProfile, /^profiles\[0\]\.tiers: 51 tiers; a profile may have at most 50$/],
  ['values per criterion', withValues, MODEL_LIMITS.valuesPerCriterion, /^profiles\[0\]\.criteria\[0\]\.when\.values: 10,001 values; a criterion may have at most 10,000$/],
  ['bands per criterion', withBands, MODEL_LIMITS.bandsPerCriterion, /^profiles\[0\]\.criteria\[0\]\.when\.bands: 101 bands; a criterion may have at most 100$/],
])('%s', (_name, make, limit, message) => {
  test(`at the limit (${limit}): valid, compiles and scores`, () => expectUsable(make(limit)));
  test('one past it: refused with the count, the limit and the path', () => {
    expect(issues(make(limit + 1))).toEqual([expect.stringMatching(message)]);
  });
});

describe('size and depth', () => {
  /** A model whose compact JSON is exactly `chars` characters (padded by its description). */
  const ofLength = (chars: number): Model => {
    const m = baseModel();
    m.profiles[0]!.description = '';
    m.profiles[0]!.description = 'x'.repeat(chars - JSON.stringify(m).length);
    expect(JSON.stringify(m).length).toBe(chars);
    return m;
  };

  test('JSON at 8,000,000 characters is valid; one more is refused at the root with both figures', () => {
    expect(issues(ofLength(MODEL_LIMITS.jsonChars))).toEqual([]);
    expect(issues(ofLength(MODEL_LIMITS.jsonChars + 1))).toEqual([
      "(root): the model's JSON is 8,000,001 characters; a model may have at most 8,000,000 (what a spreadsheet can store): shorten its longest value lists or descriptions",
    ]);
  });

  test('a file of 64,000,000 characters (indented) is parsed; one more is refused unread', () => {
    const text = JSON.stringify(baseModel());
    const padded = text.replace('{', `{${' '.repeat(MODEL_LIMITS.textChars - text.length)}`);
    expect(padded.length).toBe(MODEL_LIMITS.textChars);
    expect(parseModelJson(padded).ok).toBe(true);
    const r = parseModelJson(`${padded} `);
    expect(r.ok ? [] : r.issues).toEqual([{ path: '(root)', message: 'the text is 64,000,001 characters; a model file may have at most 64,000,000 (its JSON at most 8,000,000)' }]);
  });

  /** A value nested `levels` deep (1 is a scalar inside nothing: `x`; 2 is [x]). */
  const nested = (levels: number): unknown => {
    let v: unknown = 1;
    for (let k = 1; k < levels; k++) v = [v];
    return v;
  };

  test('nesting: 32 levels are valid (in a field the format does not define); 33 are refused at the deepest path', () => {
    const at = baseModel() as unknown as { profiles: Record<string, unknown>[] };
    // root (1) > profiles (2) > profile (3) > extra: 29 more levels of arrays reach 32.
    at.profiles[0]!.extra = nested(30);
    expect(issues(at)).toEqual([]);
    at.profiles[0]!.extra = nested(31);
    const found = issues(at);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^profiles\[0\]\.extra(\[0\]){29}: nested more than 32 levels deep; a model needs 8/);
  });

  test('100,000 levels of nesting: a clear error, no stack overflow', () => {
    const text = `{"schemaVersion":1,"profiles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = parseModelJson(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.issues[0]!.message).toMatch(/^nested more than 32 levels deep/);
  });

  test('the reported case, 130,000 criteria: a clear error naming the limit, from parseModelJson as from checkModel', () => {
    const m = baseModel();
    // As short as criteria go (under the size limit, so the count is what refuses it).
    m.profiles[0]!.criteria = Array.from({ length: 130_000 }, (_, i) => ({ ...m.profiles[0]!.criteria[0]!, id: `${i}` }));
    const r0 = checkModel(m);
    expect(r0.ok ? [] : r0.issues.map((i) => i.path)).toEqual(['(root)']); // 130,000 full criteria are past the size limit too
    m.profiles[0]!.criteria = Array.from({ length: 130_000 }, (_, i) => ({ id: `${i}` }) as unknown as Model['profiles'][0]['criteria'][0]);
    const text = JSON.stringify(m);
    expect(text.length).toBeLessThan(MODEL_LIMITS.jsonChars);
    const r = parseModelJson(text);
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['profiles[0].criteria: 130,000 criteria; a profile may have at most 1,000']);
  });
});
