// Several profiles in one model: choosing one by name, the default profile, and the best fit for a row.
import { compileModel, EngineError, type Model } from '../../src/engine';
import type { Profile } from '../../src/engine/model';
import { modelWith } from '../factories/models';
import { criterion, flag, profileOf, TODAY } from '../factories/scoring';

const HEADERS = ['Account', 'Industry', 'Employees', 'Demo'];

/** Enterprise: big companies, knocks out small ones. */
function enterprise(): Profile {
  return profileOf(
    [
      criterion({ op: 'gte', value: 1000 }, { id: 'big', column: 'Employees', points: 30 }),
      criterion({ op: 'gte', value: 200 }, { id: 'not_small', column: 'Employees', role: 'must', points: 0 }),
      flag('Demo', 10),
    ],
    { name: 'Enterprise' },
  );
}

/** SMB: small companies, knocks out big ones. */
function smb(): Profile {
  return profileOf(
    [
      criterion({ op: 'lte', value: 200 }, { id: 'small', column: 'Employees', points: 30 }),
      criterion({ op: 'in', values: ['Government'] }, { id: 'gov', column: 'Industry', role: 'exclude' }),
      flag('Demo', 10),
    ],
    { name: 'SMB' },
  );
}

function compile(model: Model = modelWith(enterprise(), smb())) {
  return compileModel(model, HEADERS, { today: TODAY });
}

describe('choosing a profile by name', () => {
  test('names are matched case-insensitively and trimmed', () => {
    const compiled = compile();
    expect(compiled.profile('smb').name).toBe('SMB');
    expect(compiled.profile('  ENTERPRISE ').name).toBe('Enterprise');
  });

  test('profileNames lists the profiles in model order', () => {
    expect(compile().profileNames).toEqual(['Enterprise', 'SMB']);
  });

  test('an unknown name is an EngineError that lists the names there are', () => {
    const compiled = compile();
    expect(() => compiled.profile('Mid-market')).toThrow(EngineError);
    expect(() => compiled.profile('Mid-market')).toThrow('Unknown profile "Mid-market". This model has: "Enterprise", "SMB".');
  });

  test('each profile scores with its own criteria', () => {
    const compiled = compile();
    const row = ['Acme', 'SaaS', 5000, 'yes'];
    expect(compiled.profile('Enterprise').evaluate(row)).toMatchObject({ score: 100, tier: 'A' });
    expect(compiled.profile('SMB').evaluate(row)).toMatchObject({ score: 25, tier: 'C' });
  });

  test('each profile reports its own missing columns', () => {
    const p = profileOf([criterion({ op: 'notBlank' }, { column: 'Intent' })], { name: 'Intent' });
    const compiled = compile(modelWith(enterprise(), p));
    expect(compiled.profile('Enterprise').missingColumns).toEqual([]);
    expect(compiled.profile('Intent').missingColumns).toEqual(['Intent']);
  });
});

describe('the default profile', () => {
  test('is the first profile when the model names none', () => {
    const compiled = compile();
    expect(compiled.defaultProfileName).toBe('Enterprise');
    expect(compiled.profile().name).toBe('Enterprise');
  });

  test('an empty or blank name means the default profile', () => {
    expect(compile().profile('').name).toBe('Enterprise');
    expect(compile().profile('   ').name).toBe('Enterprise');
  });

  test('is the one the model names in defaultProfile', () => {
    const compiled = compile({ ...modelWith(enterprise(), smb()), defaultProfile: 'SMB' });
    expect(compiled.defaultProfileName).toBe('SMB');
    expect(compiled.profile().name).toBe('SMB');
  });
});

describe('bestFit', () => {
  test('picks the profile with the highest score', () => {
    expect(compile().bestFit(['Acme', 'SaaS', 5000, 'yes'])).toEqual({ blank: false, profile: 'Enterprise', score: 100, tier: 'A' });
    expect(compile().bestFit(['Acme', 'SaaS', 100, 'no'])).toEqual({ blank: false, profile: 'SMB', score: 75, tier: 'B' });
  });

  test('skips profiles that disqualify the row, even when they would score higher', () => {
    // 200 employees: SMB would score 100 but excludes Government; Enterprise passes its must-have and scores 25.
    expect(compile().profile('SMB').evaluate(['Acme', 'SaaS', 200, 'yes']).score).toBe(100);
    expect(compile().bestFit(['Acme', 'Government', 200, 'yes'])).toEqual({ blank: false, profile: 'Enterprise', score: 25, tier: 'C' });
    expect(compile().bestFit(['Acme', 'SaaS', 100, 'yes'])).toMatchObject({ profile: 'SMB', score: 100 });
  });

  test('ties go to the earlier profile', () => {
    // 300 employees: Enterprise earns only the demo (10 of 40), SMB only the demo (10 of 40).
    const row = ['Acme', 'SaaS', 300, 'yes'];
    expect(compile().bestFit(row)).toMatchObject({ profile: 'Enterprise', score: 25 });
    expect(compile(modelWith(smb(), enterprise())).bestFit(row)).toMatchObject({ profile: 'SMB', score: 25 });
  });

  test('a row every profile disqualifies fits none', () => {
    expect(compile().bestFit(['Acme', 'Government', 50, 'yes'])).toEqual({ blank: false, profile: null, score: 0, tier: '' });
  });

  test('a blank row is blank, with no profile', () => {
    expect(compile().bestFit(['', 'N/A', null, ''])).toEqual({ blank: true, profile: null, score: 0, tier: '' });
    expect(compile().bestFit([])).toEqual({ blank: true, profile: null, score: 0, tier: '' });
  });

  test('with a single profile, it is that profile’s result', () => {
    const compiled = compile(modelWith(smb()));
    const row = ['Acme', 'SaaS', 100, 'no'];
    expect(compiled.bestFit(row)).toEqual({ blank: false, profile: 'SMB', ...pick(compiled.profile().evaluate(row)) });
  });
});

function pick(r: { score: number; tier: string }): { score: number; tier: string } {
  return { score: r.score, tier: r.tier };
}
