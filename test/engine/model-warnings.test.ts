// Warnings on valid models: unknown (often misspelt) fields and settings that have no effect, each with its path.
import { b2bSaasTemplate, modelWarnings, checkModel, type Model } from '../../src/engine';
import { blankModel } from '../../src/engine/templates/blank';

type Loose = Record<string, unknown> & { profiles: (Record<string, unknown> & { criteria: Record<string, unknown>[]; tiers: Record<string, unknown>[]; categories: Record<string, unknown>[] })[] };

/** The template as a plain, freely editable document. */
function doc(): Loose {
  return JSON.parse(JSON.stringify(b2bSaasTemplate())) as Loose;
}

function warningsOf(d: Loose): string[] {
  // Every case here stays a valid model: warnings never make one invalid.
  expect(checkModel(d).ok).toBe(true);
  return modelWarnings(d).map((w) => `${w.path}: ${w.message}`);
}

describe('modelWarnings', () => {
  test('the shipped templates have none', () => {
    expect(modelWarnings(b2bSaasTemplate())).toEqual([]);
    expect(modelWarnings(blankModel())).toEqual([]);
  });

  test('a misspelt field at every level is named with its path and the field it was probably meant to be', () => {
    const d = doc();
    d.defaultProfil = 'x';
    const p = d.profiles[0]!;
    p.disqualifedLabel = 'Out';
    p.categories[0]!.wieght = 10;
    p.tiers[0]!.colour = '#00ff00';
    p.criteria[0]!.lable = 'Industry';
    (p.criteria[0]!.when as Record<string, unknown>).vaules = ['SaaS'];
    expect(warningsOf(d)).toEqual([
      'defaultProfil: unknown field, ignored (did you mean "defaultProfile"?)',
      'profiles[0].disqualifedLabel: unknown field, ignored (did you mean "disqualifiedLabel"?)',
      'profiles[0].categories[0].wieght: unknown field, ignored (did you mean "weight"?)',
      'profiles[0].tiers[0].colour: unknown field, ignored (did you mean "color"?)',
      'profiles[0].criteria[0].lable: unknown field, ignored (did you mean "label"?)',
      'profiles[0].criteria[0].when.vaules: unknown field, ignored (did you mean "values"?)',
    ]);
  });

  test('a field far from every known one is still listed, without a guess; odd names are quoted in the path', () => {
    const d = doc();
    d.notes = 'reviewed in Q3';
    d.profiles[0]!['owner email'] = 'sam@example.com';
    expect(warningsOf(d)).toEqual(['notes: unknown field, ignored', 'profiles[0]["owner email"]: unknown field, ignored']);
  });

  test("another operator's field is suggested as this operator's own (`values` on equals)", () => {
    const d = doc();
    d.profiles[0]!.criteria[0]!.when = { op: 'equals', value: 'SaaS', values: ['Fintech'] };
    expect(warningsOf(d)).toEqual(['profiles[0].criteria[0].when.values: unknown field, ignored (did you mean "value"?)']);
  });

  test('points on an exclusion or beside bands do nothing, and say why', () => {
    const d = doc();
    const m = d as unknown as Model;
    const excl = m.profiles[0]!.criteria.findIndex((c) => c.role === 'exclude');
    const bands = m.profiles[0]!.criteria.findIndex((c) => c.when.op === 'bands');
    expect(excl).toBeGreaterThanOrEqual(0);
    expect(bands).toBeGreaterThanOrEqual(0);
    d.profiles[0]!.criteria[excl]!.points = 10;
    d.profiles[0]!.criteria[bands]!.points = 5;
    const got = warningsOf(d);
    expect(got).toContain(`profiles[0].criteria[${excl}].points: ignored: an exclusion earns no points, it disqualifies the account when it matches`);
    expect(got).toContain(`profiles[0].criteria[${bands}].points: ignored: a bands criterion earns the points of the band the value falls in`);
  });

  test('two categories or two criteria with one label (case and spaces aside) are named, with the first one', () => {
    const d = doc();
    d.profiles[0]!.categories[2]!.label = '  firmographic ';
    d.profiles[0]!.criteria[3]!.label = 'saas, software, FINTECH or IT services';
    expect(warningsOf(d)).toEqual([
      'profiles[0].categories[2].label: the same label as categories[0] ("firmographic"): the editor and the weights cannot tell them apart',
      'profiles[0].criteria[3].label: the same label as criteria[0] ("saas, software, FINTECH or IT services"): explanations cannot tell them apart',
    ]);
    // A criterion without a label goes by its id.
    const e = doc();
    delete e.profiles[0]!.criteria[1]!.label;
    e.profiles[0]!.criteria[2]!.label = 'employees';
    expect(warningsOf(e)).toEqual(['profiles[0].criteria[2].label: the same label as criteria[1] ("employees"): explanations cannot tell them apart']);
  });

  test('anything that is not a model document gives no warnings and never throws', () => {
    for (const v of [null, undefined, 5, 'x', [], { profiles: 'no' }, { profiles: [null, 5, { criteria: [null, { when: 5 }] }] }]) {
      expect(modelWarnings(v)).toEqual([]);
    }
  });
});

describe('slow patterns', () => {
  test('a repeated group holding a repetition is no longer warned about: pattern.ts runs it in bounded time', () => {
    const d = doc();
    const m = d as unknown as Model;
    const j = m.profiles[0]!.criteria.findIndex((c) => c.when.op === 'matches');
    (d.profiles[0]!.criteria[j]!.when as Record<string, unknown>).pattern = '^([a-z0-9]+\\.?)+@';
    expect(warningsOf(d)).toEqual([]);
  });
});
