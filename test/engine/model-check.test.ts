// Tests for model validation: every rule's path and message, multi-error reports, valid models and JSON syntax errors.
import fc from 'fast-check';
import { formatIssue, parseModelJson, checkModel, type ModelIssue } from '../../src/engine/model-check';
import type { Model } from '../../src/engine/model';
import {
  REMOVE, modelWith, modelWithEveryOperator, profileWith, validCategories, validModel, validProfile, validTiers,
  withCondition, withCriterion, withValue,
} from '../factories/models';

type Expected = Array<[path: string, fragment: string]>;

/** Asserts the input is invalid with exactly these issue paths (in order), each message containing its fragment. */
function expectIssues(input: unknown, expected: Expected): void {
  const issues = issuesOf(input);
  expect(issues.map((i) => i.path)).toEqual(expected.map(([path]) => path));
  issues.forEach((issue, k) => expect(issue.message).toContain(expected[k]?.[1]));
}

function issuesOf(input: unknown): ModelIssue[] {
  const result = checkModel(input);
  if (result.ok) throw new Error('expected issues, but the model is valid');
  return result.issues;
}

function expectValid(input: unknown): void {
  validated(input);
}

function validated(input: unknown): Model {
  const result = checkModel(input);
  if (!result.ok) throw new Error(`expected a valid model, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.model;
}

const C3 = 'profiles[0].criteria[3]';
const OPS = 'expected one of equals, in, contains, between, gte, lte, bands, isTrue, notBlank, withinDays, matches';

describe('formatIssue', () => {
  it('joins path and message', () => {
    expect(formatIssue({ path: 'profiles[0].criteria[2].when.min', message: 'expected a number' }))
      .toBe('profiles[0].criteria[2].when.min: expected a number');
  });
});

describe('root', () => {
  it('rejects a list', () => expectIssues([], [['(root)', 'expected an object, got a list']]));
  it('rejects null', () => expectIssues(null, [['(root)', 'expected an object, got null']]));
  it('rejects another schemaVersion', () => expectIssues(withValue('schemaVersion', 2), [['schemaVersion', 'unsupported schemaVersion 2; expected 1']]));
  it('rejects schemaVersion as text', () => expectIssues(withValue('schemaVersion', '1'), [['schemaVersion', 'unsupported schemaVersion text "1"']]));
  it('requires schemaVersion', () => expectIssues(withValue('schemaVersion', REMOVE), [['schemaVersion', 'missing; expected 1']]));
  it('requires profiles', () => expectIssues(withValue('profiles', REMOVE), [['profiles', 'missing; expected a list']]));
  it('rejects an empty profile list', () => expectIssues(withValue('profiles', []), [['profiles', 'at least one profile is required']]));
  it('requires defaultProfile to name a profile', () =>
    expectIssues(withValue('defaultProfile', 'Enterprise'), [['defaultProfile', '"Enterprise" does not name a profile; profiles are "Mid-market SaaS"']]));
  it('hints at the right casing of defaultProfile', () =>
    expectIssues(withValue('defaultProfile', 'mid-market saas'), [['defaultProfile', 'did you mean "Mid-market SaaS"?']]));
  it('rejects a non-text defaultProfile', () => expectIssues(withValue('defaultProfile', 3), [['defaultProfile', 'expected text, got 3']]));
});

describe('profiles', () => {
  it('rejects a profile that is not an object', () => expectIssues(withValue('profiles[0]', 'SaaS'), [['profiles[0]', 'expected an object, got text "SaaS"']]));
  it('rejects an empty name', () => expectIssues(withValue('profiles[0].name', '  '), [['profiles[0].name', 'must not be empty']]));
  it('requires a name', () => expectIssues(withValue('profiles[0].name', REMOVE), [['profiles[0].name', 'missing; expected text']]));
  it('rejects duplicate names, case-insensitively', () =>
    expectIssues(modelWith(validProfile(), profileWith({ name: 'mid-market saas' })), [
      ['profiles[1].name', 'duplicate profile name "mid-market saas" (also profiles[0])'],
    ]));
  it('rejects names that differ only in spaces: a profile is found by name with runs of spaces read as one', () =>
    expectIssues(modelWith(profileWith({ name: 'Mid market' }), profileWith({ name: ' mid  Market ' })), [
      ['profiles[1].name', 'duplicate profile name " mid  Market " (also profiles[0])'],
    ]));
  it('rejects an empty disqualifiedLabel', () => expectIssues(withValue('profiles[0].disqualifiedLabel', ''), [['profiles[0].disqualifiedLabel', 'must not be empty']]));
  it('rejects criteria that are not a list', () => expectIssues(withValue('profiles[0].criteria', {}), [['profiles[0].criteria', 'expected a list, got an object']]));
  it('requires categories', () =>
    // Without categories no criterion's category can be checked, so only the missing list is reported.
    expectIssues(withValue('profiles[0].categories', REMOVE), [['profiles[0].categories', 'missing; expected a list']]));
});

describe('categories', () => {
  it('rejects a duplicate id', () =>
    expectIssues(withValue('profiles[0].categories[2]', { id: 'firmographic', weight: 5 }), [
      ['profiles[0].categories[2].id', 'duplicate category id "firmographic" (also profiles[0].categories[0])'],
    ]));
  it('rejects an empty id', () =>
    expectIssues(withValue('profiles[0].categories[2]', { id: '', weight: 5 }), [['profiles[0].categories[2].id', 'must not be empty']]));
  it('rejects a weight given as text', () =>
    expectIssues(withValue('profiles[0].categories[0].weight', '40'), [['profiles[0].categories[0].weight', 'expected a number, got text "40"']]));
  it('rejects a weight so large that sums of weights overflow', () =>
    expectIssues(withValue('profiles[0].categories[0].weight', 1e308), [['profiles[0].categories[0].weight', 'must be at most 1000000, got 1e+308']]));
  it('rejects a negative weight', () =>
    expectIssues(withValue('profiles[0].categories[1].weight', -1), [['profiles[0].categories[1].weight', 'must be at least 0, got -1']]));
  it('requires a weight', () =>
    expectIssues(withValue('profiles[0].categories[1].weight', REMOVE), [['profiles[0].categories[1].weight', 'missing; expected a number']]));
  it('rejects an infinite weight', () =>
    expectIssues(withValue('profiles[0].categories[1].weight', Infinity), [['profiles[0].categories[1].weight', 'expected a finite number, got Infinity']]));
  it('rejects all-zero weights', () =>
    expectIssues(profileModel({ categories: validCategories().map((c) => ({ ...c, weight: 0 })) }), [
      ['profiles[0].categories', 'all category weights are 0; at least one must be positive'],
    ]));
  it('rejects weight 0 on every category that has criteria earning points, though another category weighs more', () =>
    expectIssues(
      profileModel({
        categories: [...validCategories().map((c) => ({ ...c, weight: 0 })), { id: 'intent', weight: 30 }],
      }),
      [['profiles[0].categories', 'every category with criteria that earn points ("firmographic", "behavioral") has weight 0, so every account would score 0; give one of them a positive weight']],
    ));
  it('allows weight 0 on a category when another category with criteria weighs more, or when only exclusions use it', () => {
    expectValid(profileModel({ categories: [{ id: 'firmographic', weight: 0 }, { id: 'behavioral', weight: 40 }] }));
    expectValid(
      profileModel({
        categories: [{ id: 'firmographic', weight: 10 }, { id: 'behavioral', weight: 0 }],
        criteria: [{ id: 'gov', category: 'behavioral', column: 'Industry', role: 'exclude', when: { op: 'equals', value: 'Government' } }],
      }),
    );
  });
});

describe('criteria', () => {
  it('rejects a duplicate id within a profile', () =>
    expectIssues(withCriterion({ id: 'size' }), [[`${C3}.id`, 'duplicate criterion id "size" (also profiles[0].criteria[1])']]));
  it('allows the same id in different profiles', () =>
    expectValid(modelWith(validProfile(), profileWith({ name: 'Enterprise' }))));
  it('rejects an empty id', () => expectIssues(withCriterion({ id: '' }), [[`${C3}.id`, 'must not be empty']]));
  it('rejects an unknown category', () =>
    expectIssues(withCriterion({ category: 'intent' }), [[`${C3}.category`, 'category "intent" does not exist in this profile\'s categories; expected one of firmographic, behavioral']]));
  it('hints at the right casing of a category', () =>
    expectIssues(withCriterion({ category: 'Behavioral' }), [[`${C3}.category`, 'did you mean "behavioral"?']]));
  it('rejects an empty column', () => expectIssues(withCriterion({ column: '' }), [[`${C3}.column`, 'must not be empty']]));
  it('requires a column', () => expectIssues(withCriterion({ column: undefined }), [[`${C3}.column`, 'missing; expected text']]));
  it('rejects a column that is not text', () => expectIssues(withCriterion({ column: 4 }), [[`${C3}.column`, 'expected text, got 4']]));
  it('rejects an unknown role', () =>
    expectIssues(withCriterion({ role: 'should' }), [[`${C3}.role`, 'unknown role "should"; expected one of score, must, exclude']]));
  it('rejects points given as text', () => expectIssues(withCriterion({ points: '10' }), [[`${C3}.points`, 'expected a number, got text "10"']]));
  it('requires points on a score criterion', () =>
    expectIssues(withCriterion({ points: undefined }), [[`${C3}.points`, 'missing; a score criterion needs points']]));
  it('requires points on a must criterion', () =>
    expectIssues(withCriterion({ points: undefined, role: 'must' }), [[`${C3}.points`, 'missing; a must criterion needs points']]));
  it('requires a condition', () => expectIssues(withCriterion({ when: undefined }), [[`${C3}.when`, 'missing; expected an object']]));
  it('rejects a condition that is not an object', () => expectIssues(withCriterion({ when: 'equals' }), [[`${C3}.when`, 'expected an object, got text "equals"']]));
  it('does not require points on an exclude criterion', () => expectValid(withCriterion({ points: undefined, role: 'exclude' })));
  it('does not require points on a bands criterion', () =>
    expectValid(withCondition({ op: 'bands', bands: [{ min: 0, max: 10, points: 5 }] }, { points: undefined, role: 'must' })));
  it('accepts negative points (a penalty)', () => expectValid(withCriterion({ points: -10 })));
  it('rejects points so large that sums of them overflow', () =>
    expectIssues(withCriterion({ points: 1e308 }), [[`${C3}.points`, 'must be at most 1000000, got 1e+308']]));
  it('rejects band points so large that sums of them overflow', () =>
    expectIssues(withCondition({ op: 'bands', bands: [{ min: 1, points: -1e300 }] }), [[`${C3}.when.bands[0].points`, 'must be at least -1000000']]));
});

describe('conditions', () => {
  const W = `${C3}.when`;

  describe('op', () => {
    it('rejects an unknown operator, listing the valid ones', () =>
      expectIssues(withCondition({ op: 'equal', value: 'x' }), [[`${W}.op`, `unknown operator "equal" (did you mean "equals"?); ${OPS}`]]));
    it('rejects a wrongly cased operator', () =>
      expectIssues(withCondition({ op: 'istrue' }), [[`${W}.op`, 'unknown operator "istrue" (did you mean "isTrue"?)']]));
    it('requires an operator', () => expectIssues(withCondition({ value: 'x' }), [[`${W}.op`, `missing; ${OPS}`]]));
    it('rejects an operator that is not text', () => expectIssues(withCondition({ op: 5 }), [[`${W}.op`, `unknown operator 5; ${OPS}`]]));
  });

  describe('equals', () => {
    it('requires a value', () => expectIssues(withCondition({ op: 'equals' }), [[`${W}.value`, 'missing; expected text, a number or true/false']]));
    it('rejects a null value', () => expectIssues(withCondition({ op: 'equals', value: null }), [[`${W}.value`, 'expected text, a number or true/false, got null']]));
    it('rejects a list value', () => expectIssues(withCondition({ op: 'equals', value: ['a'] }), [[`${W}.value`, 'got a list']]));
    it('rejects empty text, which no cell can match', () =>
      expectIssues(withCondition({ op: 'equals', value: '  ' }), [[`${W}.value`, 'must not be empty: a blank cell never matches; use notBlank']]));
    it('accepts 0 and false, which are not empty', () => {
      expectValid(withCondition({ op: 'equals', value: 0 }));
      expectValid(withCondition({ op: 'equals', value: false }));
    });
  });

  describe('in / contains', () => {
    it('rejects an empty values list', () => expectIssues(withCondition({ op: 'in', values: [] }), [[`${W}.values`, 'must not be empty; at least one value is required']]));
    it('rejects a list of only empty values', () =>
      expectIssues(withCondition({ op: 'contains', values: ['', ' '] }), [[`${W}.values`, 'has only empty values, which never match; add a value']]));
    it('accepts an empty value beside a real one (it is ignored)', () => expectValid(withCondition({ op: 'in', values: ['SaaS', ''] })));
    it('requires values to be a list', () => expectIssues(withCondition({ op: 'in', values: 'SaaS' }), [[`${W}.values`, 'expected a list, got text "SaaS"']]));
    it('requires values', () => expectIssues(withCondition({ op: 'contains' }), [[`${W}.values`, 'missing; expected a list']]));
    it('rejects a non-scalar item', () =>
      expectIssues(withCondition({ op: 'contains', values: ['ok', {}] }), [[`${W}.values[1]`, 'expected text, a number or true/false, got an object']]));
  });

  describe('between', () => {
    it('requires min or max', () => expectIssues(withCondition({ op: 'between' }), [[W, 'between needs min, max or both']]));
    it('rejects min > max', () => expectIssues(withCondition({ op: 'between', min: 1000, max: 51 }), [[`${W}.min`, 'min 1000 is greater than max 51']]));
    it('rejects a min given as text', () => expectIssues(withCondition({ op: 'between', min: '51' }), [[`${W}.min`, 'expected a number, got text "51"']]));
    it('rejects a null max', () => expectIssues(withCondition({ op: 'between', min: 1, max: null }), [[`${W}.max`, 'expected a number, got null']]));
  });

  describe('gte / lte', () => {
    it('rejects a value given as text', () => expectIssues(withCondition({ op: 'gte', value: '10' }), [[`${W}.value`, 'expected a number, got text "10"']]));
    it('requires a value', () => expectIssues(withCondition({ op: 'lte' }), [[`${W}.value`, 'missing; expected a number']]));
  });

  describe('bands', () => {
    it('rejects an empty list', () => expectIssues(withCondition({ op: 'bands', bands: [] }), [[`${W}.bands`, 'at least one band is required']]));
    it('requires bands', () => expectIssues(withCondition({ op: 'bands' }), [[`${W}.bands`, 'missing; expected a list']]));
    it('requires points on each band', () =>
      expectIssues(withCondition({ op: 'bands', bands: [{ min: 0, max: 10 }] }), [[`${W}.bands[0].points`, 'missing; expected a number']]));
    it('requires min or max on each band', () =>
      expectIssues(withCondition({ op: 'bands', bands: [{ min: 0, points: 1 }, { points: 2 }] }), [[`${W}.bands[1]`, 'a band needs min, max or both']]));
    it('rejects a band with min > max', () =>
      expectIssues(withCondition({ op: 'bands', bands: [{ min: 10, max: 5, points: 1 }] }), [[`${W}.bands[0].min`, 'min 10 is greater than max 5']]));
    it('rejects band points given as text', () =>
      expectIssues(withCondition({ op: 'bands', bands: [{ min: 1, points: '5' }] }), [[`${W}.bands[0].points`, 'expected a number, got text "5"']]));
  });

  describe('withinDays', () => {
    it('rejects negative days', () => expectIssues(withCondition({ op: 'withinDays', days: -1 }), [[`${W}.days`, 'must be at least 0, got -1']]));
    it('requires days', () => expectIssues(withCondition({ op: 'withinDays' }), [[`${W}.days`, 'missing; expected a number']]));
  });

  describe('matches', () => {
    it('rejects an invalid regular expression, naming the error', () =>
      expectIssues(withCondition({ op: 'matches', pattern: '(cto' }), [[`${W}.pattern`, 'invalid regular expression: /(cto/: Unterminated group']]));
    it('requires a pattern', () => expectIssues(withCondition({ op: 'matches' }), [[`${W}.pattern`, 'missing; expected text']]));
    it('rejects unsupported flags', () =>
      expectIssues(withCondition({ op: 'matches', pattern: 'a', flags: 'gi' }), [[`${W}.flags`, 'unsupported flag "g"; flags may only use i, m, s, u']]));
    it('rejects repeated flags', () => expectIssues(withCondition({ op: 'matches', pattern: 'a', flags: 'ii' }), [[`${W}.flags`, 'flag "i" is repeated']]));
    it('compiles the pattern with its flags', () =>
      expectIssues(withCondition({ op: 'matches', pattern: '\\p{L', flags: 'u' }), [[`${W}.pattern`, 'invalid regular expression:']]));
  });
});

describe('tiers', () => {
  it('rejects an empty list', () => expectIssues(withValue('profiles[0].tiers', []), [['profiles[0].tiers', 'at least one tier is required']]));
  it('requires tiers', () => expectIssues(withValue('profiles[0].tiers', REMOVE), [['profiles[0].tiers', 'missing; expected a list']]));
  it('rejects an empty label', () => expectIssues(withValue('profiles[0].tiers[1].label', ''), [['profiles[0].tiers[1].label', 'must not be empty']]));
  it('rejects a duplicate label', () =>
    expectIssues(withValue('profiles[0].tiers[1].label', 'a'), [['profiles[0].tiers[1].label', 'duplicate tier label "a" (also profiles[0].tiers[0])']]));
  it('rejects a label that is also the disqualified label', () =>
    expectIssues(withValue('profiles[0].tiers[2].label', 'disqualified'), [
      ['profiles[0].tiers[2].label', '"disqualified" is the disqualified label too; a knock-out would look like this tier'],
    ]));
  it('rejects a label that is the profile’s own disqualified label', () =>
    expectIssues(withValue('profiles[0].disqualifiedLabel', 'C'), [['profiles[0].tiers[2].label', '"C" is the disqualified label too']]));
  it('rejects two tiers with the same min (one could never be given)', () =>
    expectIssues(withValue('profiles[0].tiers[1].min', 80), [['profiles[0].tiers[1].min', 'same min as profiles[0].tiers[0] (80); each tier needs its own minimum']]));
  it('rejects a min above 100', () => expectIssues(withValue('profiles[0].tiers[0].min', 120), [['profiles[0].tiers[0].min', 'must be at most 100, got 120']]));
  it('rejects a negative min', () => expectIssues(withValue('profiles[0].tiers[2].min', -5), [['profiles[0].tiers[2].min', 'must be at least 0, got -5']]));
  it('rejects a min given as text', () => expectIssues(withValue('profiles[0].tiers[1].min', '51'), [['profiles[0].tiers[1].min', 'expected a number, got text "51"']]));
  it('requires a tier covering 0', () =>
    expectIssues(withValue('profiles[0].tiers[2].min', 20), [['profiles[0].tiers', 'no tier covers a score of 0; add a tier with min 0']]));
  it('rejects a colour that is not #rrggbb', () =>
    expectIssues(withValue('profiles[0].tiers[0].color', 'red'), [['profiles[0].tiers[0].color', 'expected a colour like "#1a73e8", got text "red"']]));
  it('rejects a short hex colour', () =>
    expectIssues(withValue('profiles[0].tiers[0].color', '#fff'), [['profiles[0].tiers[0].color', 'expected a colour like']]));
});

describe('several problems at once', () => {
  it('lists every issue, in document order', () => {
    const model = {
      schemaVersion: 2,
      defaultProfile: 'Nope',
      profiles: [
        {
          name: 'One',
          categories: [{ id: 'a', weight: 0 }, { id: 'a', weight: 0 }],
          criteria: [
            { id: 'x', category: 'a', column: 'X', when: { op: 'equal', value: 1 }, points: 1 },
            { id: 'x', category: 'intent', column: '', when: { op: 'between', min: '51', max: 10 } },
            { id: 'y', category: 'a', column: 'Y', when: { op: 'matches', pattern: '[' }, points: 2, role: 'maybe' },
          ],
          tiers: [{ label: 'A', min: 50 }, { label: 'A', min: 150 }],
        },
        { name: 'one', categories: [], criteria: [], tiers: [] },
      ],
    };
    expectIssues(model, [
      ['schemaVersion', 'unsupported schemaVersion 2'],
      ['defaultProfile', '"Nope" does not name a profile'],
      ['profiles[0].categories', 'all category weights are 0'],
      ['profiles[0].categories[1].id', 'duplicate category id "a"'],
      ['profiles[0].criteria[0].when.op', 'unknown operator "equal"'],
      ['profiles[0].criteria[1].id', 'duplicate criterion id "x" (also profiles[0].criteria[0])'],
      ['profiles[0].criteria[1].category', 'category "intent" does not exist'],
      ['profiles[0].criteria[1].column', 'must not be empty'],
      ['profiles[0].criteria[1].when.min', 'expected a number, got text "51"'],
      ['profiles[0].criteria[1].points', 'missing; a score criterion needs points'],
      ['profiles[0].criteria[2].role', 'unknown role "maybe"'],
      ['profiles[0].criteria[2].when.pattern', 'invalid regular expression'],
      ['profiles[0].tiers', 'no tier covers a score of 0'],
      ['profiles[0].tiers[1].label', 'duplicate tier label "A"'],
      ['profiles[0].tiers[1].min', 'must be at most 100, got 150'],
      ['profiles[1].name', 'duplicate profile name "one" (also profiles[0])'],
      ['profiles[1].tiers', 'at least one tier is required'],
    ]);
    expect(issuesOf(model).map(formatIssue)).toContain('profiles[0].criteria[1].when.min: expected a number, got text "51"');
  });

  it('never mentions zod jargon', () => {
    const result = checkModel({ schemaVersion: '1', profiles: [{ name: 5, categories: 'x', criteria: [{ when: { op: 'in', values: [null] } }], tiers: [{}] }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const issue of result.issues) expect(issue.message).not.toMatch(/Invalid input|received|Invalid option|Too small|Too big/);
    expect(result.issues.length).toBeGreaterThanOrEqual(8);
  });
});

describe('valid models', () => {
  it('accepts the factory model', () => expectValid(validModel()));

  it('accepts a criterion for every operator', () => expectValid(modelWithEveryOperator()));

  it('accepts optional fields: defaultProfile, disqualifiedLabel, descriptions, labels, colours', () =>
    expectValid({
      ...modelWith(
        profileWith({ description: 'Why', disqualifiedLabel: 'Out', tiers: validTiers().map((t) => ({ ...t, color: '#1A73e8' })) }),
        profileWith({ name: 'Enterprise' }),
      ),
      defaultProfile: 'Enterprise',
    }));

  it('accepts a profile without criteria and one whose criteria are all exclude', () =>
    expectValid(modelWith(
      profileWith({ name: 'Empty', criteria: [] }),
      profileWith({ name: 'Negative', criteria: [{ id: 'gov', category: 'firmographic', column: 'Industry', role: 'exclude', when: { op: 'equals', value: 'Gov' } }] }),
    )));

  it('accepts a single tier at 0 and a category weight of 0 next to a positive one', () =>
    expectValid(profileModel({ tiers: [{ label: 'All', min: 0 }], categories: [{ id: 'firmographic', weight: 0 }, { id: 'behavioral', weight: 1 }] })));

  it('returns the document as is: extra fields kept, no defaults filled in', () => {
    const input = withValue('profiles[0].criteria[0].when.caseSensitive', true,
      withValue('profiles[0].criteria[0].weightHint', 2,
        withValue('profiles[0].owner', 'ops',
          withValue('exportedAt', '2026-03-01'))));
    const model = validated(input);
    expect(model).toEqual(input);
    expect((model as unknown as Record<string, unknown>).exportedAt).toBe('2026-03-01');
    expect(model.profiles[0]?.criteria[0]?.role).toBeUndefined();
    expect(model.profiles[0]?.disqualifiedLabel).toBeUndefined();
    expect(model.profiles[0]?.criteria[0]?.when).toEqual({ op: 'in', values: ['SaaS', 'Fintech'], caseSensitive: true });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      const r = checkModel(v);
      expect(typeof r.ok).toBe('boolean');
    }));
  });

  it('never throws on mutated valid models and always explains a failure', () => {
    const paths = ['schemaVersion', 'profiles[0].name', 'profiles[0].categories[0].weight', 'profiles[0].criteria[1].when',
      'profiles[0].criteria[1].when.min', 'profiles[0].criteria[2].points', 'profiles[0].tiers[0].min', 'profiles[0].tiers'];
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
      const r = checkModel(withValue(path, value));
      if (!r.ok) {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(i.message.length).toBeGreaterThan(0);
      }
    }));
  });
});

describe('parseModelJson', () => {
  it('parses and validates valid JSON', () => {
    const r = parseModelJson(JSON.stringify(modelWithEveryOperator(), null, 2));
    expect(r.ok).toBe(true);
  });

  it('reports a missing comma with its line and column', () => {
    const r = parseModelJson('{\n  "schemaVersion": 1\n  "profiles": []\n}');
    expect(r).toEqual({ ok: false, issues: [{ path: '(root)', message: 'invalid JSON at line 3, column 3: expected "," or "}" after a property value, got "\\""' }] });
  });

  it('reports a trailing comma', () => {
    const r = parseModelJson('{"schemaVersion": 1,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.path).toBe('(root)');
    expect(r.issues[0]?.message).toContain('line 2, column 1');
    expect(r.issues[0]?.message).toContain('trailing commas are not allowed');
  });

  it('reports truncated JSON at its end', () => {
    const r = parseModelJson('{"schemaVersion": 1, "profiles": [');
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual(['(root): invalid JSON at line 1, column 35: unexpected end of text; expected a value']);
  });

  it('reports empty text', () => {
    const r = parseModelJson('  \n');
    expect(r.ok ? [] : r.issues).toEqual([{ path: '(root)', message: 'invalid JSON: the text is empty' }]);
  });

  it('reports model problems of well-formed JSON', () => {
    const r = parseModelJson('{"schemaVersion": 1, "profiles": "none"}');
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'profiles', message: 'expected a list, got text "none"' }]);
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseModelJson(`\uFEFF${JSON.stringify(validModel())}`).ok).toBe(true);
  });

  it('locates an error exactly when JSON.parse rejects the text', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((s) => s.slice(0, -1))), (text) => {
      let parses = true;
      try {
        JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        parses = false;
      }
      const r = parseModelJson(text);
      const syntax = !r.ok && r.issues.length === 1 && r.issues[0]?.message.startsWith('invalid JSON');
      expect(syntax).toBe(!parses);
      if (!parses && text.trim() !== '') expect(r.ok ? '' : r.issues[0]?.message).toMatch(/^invalid JSON at line \d+, column \d+: /);
    }), { numRuns: 500 });
  });
});

/** A one-profile model whose profile is validProfile() with `partial` applied. */
function profileModel(partial: Parameters<typeof profileWith>[0]): Model {
  return modelWith(profileWith(partial));
}
