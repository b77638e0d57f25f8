// The sidebar's pure logic: weights as percentages adding to 100, issue paths, draft edits and operator changes.
import { ancestry, p, parent } from '../../sidebar/issue-paths';
import { addCategory, addCriterion, addTier, deleteCategory, deleteProfile, duplicateProfile, moveCriterion, renameProfile, setDefaultProfile, setWeightPercent, uniqueName } from '../../sidebar/model-ops';
import { parseNumber, weightPercent } from '../../sidebar/number-text';
import { convertCondition } from '../../sidebar/operators';
import { typedValue, valueHint, valueText } from '../../sidebar/typed-value';
import { stableJson } from '../../sidebar/stable-json';
import { percentages, rebalance, withoutIndex } from '../../sidebar/weights';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { checkModel } from '../../src/engine/model-check';
import { compileModel } from '../../src/engine/model-compile';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('weights', () => {
  test('percentages always add to 100', () => {
    expect(percentages([40, 30, 30])).toEqual([40, 30, 30]);
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(sum(percentages([2, 3, 7, 11]))).toBe(100);
    expect(percentages([0, 0])).toEqual([0, 0]);
    for (let i = 0; i < 200; i++) {
      const ws = Array.from({ length: 1 + (i % 6) }, (_, k) => ((i * 7919 + k * 104729) % 97) + 1);
      expect(sum(percentages(ws))).toBe(100);
    }
  });
  test('setting one weight rescales the others in proportion', () => {
    expect(rebalance([40, 30, 30], 0, 50)).toEqual([50, 25, 25]);
    expect(rebalance([40, 30, 30], 1, 100)).toEqual([0, 100, 0]);
    expect(rebalance([100, 0, 0], 0, 40)).toEqual([40, 30, 30]);
    expect(rebalance([5], 0, 20)).toEqual([100]);
    expect(sum(rebalance([13, 17, 19, 23], 2, 33))).toBe(100);
    expect(withoutIndex([40, 30, 30], 0)).toEqual([50, 50]);
  });
});

describe('tiers', () => {
  test('a new tier goes halfway below the lowest tier above 0, never onto the min of a tier already there', () => {
    const profile = b2bSaasTemplate().profiles[0]!;
    expect(profile.tiers[addTier(profile)]!.min).toBe(30);
    profile.tiers = [{ label: 'A', min: 1 }, { label: 'C', min: 0 }];
    expect(profile.tiers[addTier(profile)]!.min).toBe(0.5);
    profile.tiers = [{ label: 'All', min: 0 }];
    expect(profile.tiers[addTier(profile)]!.min).toBe(50);
    expect(checkModel({ schemaVersion: 1, profiles: [profile] })).toMatchObject({ ok: true });
  });
});

describe('number boxes', () => {
  test('thousands separators only where they group digits in threes; a decimal comma stays text for validation to name', () => {
    expect(parseNumber(' 1,000 ')).toBe(1000);
    expect(parseNumber('12 345.5')).toBe(12345.5);
    expect(parseNumber('-1,234,567')).toBe(-1234567);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('')).toBeUndefined();
    // Read as 15 and 25 before: ten times too large, silently.
    expect(parseNumber('1,5')).toBe('1,5');
    expect(parseNumber('2,5')).toBe('2,5');
    expect(parseNumber('1,0000')).toBe('1,0000');
    expect(parseNumber('0x10')).toBe('0x10');
    expect(parseNumber('abc')).toBe('abc');
  });

  test('a weight reads 40, 40 % and 40%; anything else is no weight at all (never 0)', () => {
    expect(weightPercent('50%')).toBe(50);
    expect(weightPercent(' 50 % ')).toBe(50);
    expect(weightPercent('33.5')).toBe(33.5);
    expect(weightPercent('abc')).toBeUndefined();
    expect(weightPercent('4,0')).toBeUndefined();
    expect(weightPercent('')).toBeUndefined();
  });
});

describe('typed values of equals and in', () => {
  test('numbers and true/false become number and boolean values, codes with leading zeros and other text stay text', () => {
    expect(typedValue('1000')).toBe(1000);
    expect(typedValue(' 1,000 ')).toBe(1000);
    expect(typedValue('-2.5')).toBe(-2.5);
    expect(typedValue('0')).toBe(0);
    expect(typedValue('TRUE')).toBe(true);
    expect(typedValue('false')).toBe(false);
    expect(typedValue('02139')).toBe('02139');
    expect(typedValue('007')).toBe('007');
    expect(typedValue('SaaS')).toBe('SaaS');
    expect(typedValue('1,5')).toBe('1,5');
    expect(typedValue('yes')).toBe('yes');
    // `in` compares booleans as text: only numbers are typed there.
    expect(typedValue('true', { booleans: false })).toBe('true');
    expect(typedValue('1,000', { booleans: false })).toBe(1000);
  });

  test('shown as typed, with a hint of how they compare', () => {
    expect(valueText(true)).toBe('TRUE');
    expect(valueText(1000)).toBe('1000');
    expect(valueHint(1000)).toContain('"1,000"');
    expect(valueHint(5)).toContain('"5.0"');
    expect(valueHint(true)).toContain('yes');
    expect(valueHint('SaaS')).toBe('');
  });

  test('typed values match what the sidebar promises: 1000 matches 1,000 and 1k, TRUE matches yes and a check mark', () => {
    const model = b2bSaasTemplate();
    const profile = model.profiles[0]!;
    profile.criteria = [
      { id: 'size', category: 'firmographic', column: 'Employees', when: { op: 'equals', value: typedValue('1000') }, points: 10 },
      { id: 'demo', category: 'behavioral', column: 'Demo Requested', when: { op: 'equals', value: typedValue('true') }, points: 10 },
      { id: 'big', category: 'behavioral', column: 'Employees', when: { op: 'in', values: [typedValue('1000', { booleans: false })] }, points: 10 },
    ];
    const compiled = compileModel(model, ['Employees', 'Demo Requested']).profile();
    for (const row of [['1,000', 'yes'], ['1k', '✓'], [1000, true]]) expect(compiled.evaluate(row).score).toBe(100);
    expect(compiled.evaluate(['999', 'no']).score).toBe(0);
  });
});

describe('issue paths', () => {
  test('walk up to the root', () => {
    expect(p('profiles', 0, 'criteria', 2, 'when', 'min')).toBe('profiles[0].criteria[2].when.min');
    expect(parent('profiles[0].criteria[2].when.min')).toBe('profiles[0].criteria[2].when');
    expect(parent('profiles[0].criteria[2]')).toBe('profiles[0].criteria');
    expect(ancestry('profiles[0].name')).toEqual(['profiles[0].name', 'profiles[0]', 'profiles', '(root)']);
  });
});

describe('draft edits keep the model valid', () => {
  test('profiles: duplicate, rename the default, delete', () => {
    const m = b2bSaasTemplate();
    const k = duplicateProfile(m, 0);
    expect(m.profiles[k]!.name).toBe('Mid-market B2B SaaS (copy)');
    setDefaultProfile(m, k);
    renameProfile(m, k, 'Enterprise');
    expect(m.defaultProfile).toBe('Enterprise');
    expect(checkModel(m).ok).toBe(true);
    deleteProfile(m, k);
    expect(m.defaultProfile).toBeUndefined();
    expect(checkModel(m).ok).toBe(true);
  });
  test('categories and criteria', () => {
    const m = b2bSaasTemplate();
    const pr = m.profiles[0]!;
    addCategory(pr);
    expect(sum(pr.categories.map((c) => c.weight))).toBe(100);
    setWeightPercent(pr, 0, 70);
    expect(pr.categories[0]!.weight).toBe(70);
    expect(sum(pr.categories.map((c) => c.weight))).toBe(100);
    const c = addCriterion(pr, 'intent', 'Industry');
    // A new criterion's list is empty until the user fills it in (the editor counts it for nothing until then).
    expect(c.when).toEqual({ op: 'in', values: [] });
    expect(checkModel(m).ok).toBe(false);
    c.when = { op: 'in', values: ['SaaS'] };
    expect(checkModel(m).ok).toBe(true);
    const before = pr.criteria.filter((x) => x.category === 'intent').indexOf(c);
    expect(moveCriterion(pr, c, -1)).toBe(true);
    expect(pr.criteria.filter((x) => x.category === 'intent').indexOf(c)).toBe(before - 1);
    deleteCategory(pr, 2);
    expect(pr.criteria.some((x) => x.category === 'intent')).toBe(false);
    expect(sum(pr.categories.map((x) => x.weight))).toBe(100);
    expect(checkModel(m).ok).toBe(true);
  });
  test('unique names', () => {
    expect(uniqueName('New profile', ['new profile', 'New profile 2'])).toBe('New profile 3');
  });
});

describe('operator changes', () => {
  test('carry over values and numbers', () => {
    expect(convertCondition({ op: 'in', values: ['SaaS', 'Fintech'] }, 'contains')).toEqual({ op: 'contains', values: ['SaaS', 'Fintech'] });
    expect(convertCondition({ op: 'equals', value: 'SaaS' }, 'in')).toEqual({ op: 'in', values: ['SaaS'] });
    // An empty value is not carried over as an empty chip.
    expect(convertCondition({ op: 'equals', value: '' }, 'in')).toEqual({ op: 'in', values: [] });
    expect(convertCondition({ op: 'in', values: ['', 'SaaS', 0] }, 'equals')).toEqual({ op: 'equals', value: 'SaaS' });
    expect(convertCondition({ op: 'gte', value: 5 }, 'between')).toEqual({ op: 'between', min: 5 });
    expect(convertCondition({ op: 'between', min: 1, max: 9 }, 'lte')).toEqual({ op: 'lte', value: 9 });
    expect(convertCondition({ op: 'notBlank' }, 'gte')).toEqual({ op: 'gte' });
  });
});

test('stableJson ignores key order', () => {
  expect(stableJson({ a: 1, b: [{ y: 1, x: 2 }] })).toBe(stableJson({ b: [{ x: 2, y: 1 }], a: 1 }));
});
