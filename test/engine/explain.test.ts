// Explanations: the per-criterion data (status, points, value, knock-out reason) and the one-line text built from it.
import type { Criterion, Profile } from '../../src/engine/model';
import { criterion, explainRecord, flag, itemOf, profileOf } from '../factories/scoring';

/** A profile with one criterion per explanation case; see `record` below for the row that exercises them all. */
function mixedProfile(): Profile {
  const c = (id: string, label: string, column: string, when: Criterion['when'], extra: Partial<Criterion> = {}): Criterion =>
    criterion(when, { id, label, column, ...extra });
  return profileOf([
    c('industry', 'SaaS', 'Industry', { op: 'in', values: ['SaaS'] }, { points: 30 }),
    c('contact', 'Named contact', 'Email', { op: 'notBlank' }, { points: 10 }),
    c('demo', 'Demo requested', 'Demo', { op: 'isTrue' }, { points: 35 }),
    c('funding', 'Recent funding', 'Last Funding', { op: 'withinDays', days: 180 }, { points: 20 }),
    c('size', '50+ employees', 'Employees', { op: 'gte', value: 50 }, { points: 10 }),
    c('competitor', 'Competitor customer', 'Tech', { op: 'contains', values: ['6sense'] }, { points: -15 }),
    c('acquired', 'Acquired', 'Stage', { op: 'equals', value: 'Acquired' }, { points: -10 }),
    c('intent', 'Intent surge', 'Intent', { op: 'in', values: ['High'] }, { points: 20 }),
    c('gov', 'Public sector', 'Industry', { op: 'in', values: ['Government'] }, { role: 'exclude' }),
    c('edu', 'Education', 'Sector', { op: 'in', values: ['Education'] }, { role: 'exclude' }),
  ]);
}

const record = {
  Industry: 'SaaS',
  Email: 'ana@acme.io',
  Demo: 'no',
  'Last Funding': '',
  Employees: 'lots',
  Tech: 'HubSpot, 6sense',
  Stage: 'Series B',
  Sector: '',
};

describe('explanation data: one item per criterion', () => {
  const why = explainRecord(mixedProfile(), record);

  test('the result, the profile name and the items in model order', () => {
    expect(why).toMatchObject({ blank: false, disqualified: false, score: 20, tier: 'C', profile: 'Test profile' });
    expect(why.items.map((i) => i.id)).toEqual(['industry', 'contact', 'demo', 'funding', 'size', 'competitor', 'acquired', 'intent', 'gov', 'edu']);
  });

  test.each<[string, string, number, number, string]>([
    ['industry', 'matched', 30, 30, 'SaaS'],
    ['contact', 'matched', 10, 10, 'ana@acme.io'],
    ['demo', 'missed', 0, 35, 'no'],
    ['funding', 'unknown', 0, 20, ''],
    ['size', 'unreadable', 0, 10, 'lots'],
    ['competitor', 'matched', -15, 0, 'HubSpot, 6sense'],
    ['acquired', 'missed', 0, 0, 'Series B'],
    ['intent', 'unknown', 0, 20, ''],
    ['gov', 'missed', 0, 0, 'SaaS'],
    ['edu', 'unknown', 0, 0, ''],
  ])('%s: %s, %d of %d points, value %j', (id, status, points, maxPoints, value) => {
    expect(itemOf(why, id)).toMatchObject({ status, points, maxPoints, value });
  });

  test('items carry the criterion’s label, column, category and role', () => {
    expect(itemOf(why, 'gov')).toEqual({
      id: 'gov', label: 'Public sector', column: 'Industry', category: 'main', role: 'exclude',
      status: 'missed', points: 0, maxPoints: 0, value: 'SaaS', columnFound: true,
    });
  });

  test('a missing column is flagged on its item', () => {
    expect(itemOf(why, 'intent').columnFound).toBe(false);
    expect(itemOf(why, 'funding').columnFound).toBe(true);
  });

  test('the value shown is the trimmed cell text', () => {
    const r = explainRecord(mixedProfile(), { ...record, Industry: '  SaaS  ', Demo: false, Employees: 1200.5 });
    expect(itemOf(r, 'industry').value).toBe('SaaS');
    expect(itemOf(r, 'demo').value).toBe('FALSE');
    expect(itemOf(r, 'size').value).toBe('1200.5');
  });

  test('a band match reports the band’s points', () => {
    const p = profileOf([criterion({ op: 'bands', bands: [{ max: 50, points: 5 }, { min: 51, points: 20 }] }, { id: 'b' })]);
    expect(itemOf(explainRecord(p, { Value: 10 }), 'b')).toMatchObject({ status: 'matched', points: 5, maxPoints: 20 });
  });

  test('a label defaults to the criterion id', () => {
    const p = profileOf([criterion({ op: 'notBlank' }, { id: 'has_value' })]);
    expect(itemOf(explainRecord(p, { Value: 'x' }), 'has_value').label).toBe('has_value');
  });
});

describe('explanation data: knock-outs', () => {
  const p = profileOf([
    flag('a', 10),
    criterion({ op: 'gte', value: 11 }, { id: 'size', label: '11+ employees', column: 'Employees', role: 'must' }),
    criterion({ op: 'in', values: ['Government'] }, { id: 'gov', label: 'Public sector', column: 'Industry', role: 'exclude' }),
  ]);

  test.each<[string, Record<string, unknown>, string, string]>([
    ['a must-have missed', { a: 'yes', Employees: 5, Industry: 'SaaS' }, 'size', 'must-missed'],
    ['a must-have unreadable', { a: 'yes', Employees: 'lots', Industry: 'SaaS' }, 'size', 'must-unreadable'],
    ['an exclusion matched', { a: 'yes', Employees: 50, Industry: 'Government' }, 'gov', 'excluded'],
  ])('%s: status knockout with its reason', (_name, row, id, knockout) => {
    const r = explainRecord(p, row);
    expect(itemOf(r, id)).toMatchObject({ status: 'knockout', knockout });
    expect(r.items.filter((i) => i.knockout !== undefined)).toHaveLength(1);
  });

  test('items that do not knock out have no knockout field', () => {
    const r = explainRecord(p, { a: 'yes', Employees: 50, Industry: 'SaaS' });
    for (const item of r.items) expect(item).not.toHaveProperty('knockout');
  });
});

describe('explanation text', () => {
  test('every section in order: score (tier), matched, penalty, missed, unknown, unreadable', () => {
    expect(explainRecord(mixedProfile(), record).text).toBe(
      '20 (C). Matched: SaaS +30, Named contact +10. Penalty: Competitor customer −15. Missed: Demo requested. ' +
        'Unknown: Recent funding, Intent surge (no “Intent” column). Unreadable: Employees “lots”.',
    );
  });

  test('matched criteria are listed by points, highest first', () => {
    const p = profileOf([flag('small', 5), flag('big', 50), flag('mid', 20)]);
    expect(explainRecord(p, { small: 'y', big: 'y', mid: 'y' }).text).toBe('100 (A). Matched: big +50, mid +20, small +5.');
  });

  test('a row with only misses', () => {
    const p = profileOf([flag('a', 10), flag('b', 10)]);
    expect(explainRecord(p, { a: 'no', b: 'no' }).text).toBe('0 (C). Missed: a, b.');
  });

  test('a row with only unknowns', () => {
    const p = profileOf([flag('a', 10), flag('b', 10)]);
    expect(explainRecord(p, { a: '', b: 'N/A', Account: 'Acme' }).text).toBe('0 (C). Unknown: a, b.');
  });

  test('an unreadable value is quoted with its column', () => {
    const p = profileOf([criterion({ op: 'isTrue' }, { id: 'demo', column: 'Demo Requested' })]);
    expect(explainRecord(p, { 'Demo Requested': 'maybe' }).text).toBe('0 (C). Unreadable: Demo Requested “maybe”.');
  });

  test('a decimal score and decimal points', () => {
    const p = profileOf([flag('a', 2.5), flag('b', 2.5), flag('c', 2.5)]);
    expect(explainRecord(p, { a: 'y', b: 'y', c: 'n' }).text).toBe('66.7 (B). Matched: a +2.5, b +2.5. Missed: c.');
  });

  test('unmatched penalties and exclusions are not listed as missed; blank exclusions are not unknown', () => {
    const p = profileOf([
      flag('good', 10),
      flag('bad', -5),
      criterion({ op: 'equals', value: 'Government' }, { id: 'gov', column: 'Industry', role: 'exclude' }),
    ]);
    expect(explainRecord(p, { good: 'y', bad: 'n', Industry: 'SaaS' }).text).toBe('100 (A). Matched: good +10.');
    expect(explainRecord(p, { good: 'y', bad: 'n', Industry: '' }).text).toBe('100 (A). Matched: good +10.');
  });

  test('an unreadable exclusion is listed as unreadable', () => {
    const p = profileOf([flag('good', 10), criterion({ op: 'gte', value: 10_000 }, { id: 'huge', column: 'Employees', role: 'exclude' })]);
    expect(explainRecord(p, { good: 'y', Employees: 'lots' }).text).toBe('100 (A). Matched: good +10. Unreadable: Employees “lots”.');
  });

  test('a band worth no points that matched is listed as missed: the points were there to earn', () => {
    const p = profileOf([
      flag('demo', 10),
      criterion({ op: 'bands', bands: [{ max: 50, points: 0 }, { min: 51, points: 30 }] }, { id: 'size', label: 'Company size', column: 'Employees' }),
    ]);
    const r = explainRecord(p, { demo: 'y', Employees: 10 });
    expect(r.text).toBe('25 (C). Matched: demo +10. Missed: Company size.');
    expect(itemOf(r, 'size')).toMatchObject({ status: 'matched', points: 0, maxPoints: 30 });
  });

  test('a penalty too small for two decimals is still shown as a penalty', () => {
    const p = profileOf([flag('good', 10), flag('tiny', -0.001)]);
    expect(explainRecord(p, { good: 'y', tiny: 'y' }).text).toBe('100 (A). Matched: good +10. Penalty: tiny −0.001.');
  });

  test('a blank row has no text', () => {
    expect(explainRecord(mixedProfile(), { Industry: '', Email: 'N/A' }).text).toBe('');
  });
});

describe('explanation text: knock-outs', () => {
  const p = profileOf([
    flag('a', 10),
    criterion({ op: 'gte', value: 11 }, { id: 'size', label: '11+ employees', column: 'Employees', role: 'must' }),
    criterion({ op: 'in', values: ['Government'] }, { id: 'gov', label: 'Public sector', column: 'Industry', role: 'exclude' }),
  ]);

  test('an exclusion names the criterion, the column and the value', () => {
    expect(explainRecord(p, { a: 'y', Employees: 50, Industry: 'Government' }).text).toBe('Disqualified: Public sector (Industry “Government”).');
  });

  test('a missed must-have says what it required and what the cell holds', () => {
    expect(explainRecord(p, { a: 'y', Employees: 5, Industry: 'SaaS' }).text).toBe('Disqualified: 11+ employees required, Employees is “5”.');
  });

  test('an unreadable must-have says the value is unreadable', () => {
    expect(explainRecord(p, { a: 'y', Employees: 'lots', Industry: 'SaaS' }).text).toBe(
      'Disqualified: 11+ employees required, Employees “lots” unreadable.',
    );
  });

  test('several knock-outs are all given, separated by semicolons, under the profile’s label', () => {
    const labelled = { ...p, disqualifiedLabel: 'Out' };
    expect(explainRecord(labelled, { a: 'y', Employees: 5, Industry: 'Government' }).text).toBe(
      'Out: 11+ employees required, Employees is “5”; Public sector (Industry “Government”).',
    );
  });
});

describe('explanation text: keeping the line short', () => {
  test('a list is cut after four names, with a count of the rest', () => {
    const p = profileOf([flag('a', 6), flag('b', 5), flag('c', 4), flag('d', 3), flag('e', 2), flag('f', 1)]);
    const all = { a: 'y', b: 'y', c: 'y', d: 'y', e: 'y', f: 'y' };
    expect(explainRecord(p, all).text).toBe('100 (A). Matched: a +6, b +5, c +4, d +3 and 2 more.');
    const none = { a: 'n', b: 'n', c: 'n', d: 'n', e: 'n', f: 'n' };
    expect(explainRecord(p, none).text).toBe('0 (C). Missed: a, b, c, d and 2 more.');
  });

  test('exactly four names are all listed', () => {
    const p = profileOf([flag('a', 4), flag('b', 3), flag('c', 2), flag('d', 1)]);
    expect(explainRecord(p, { a: 'n', b: 'n', c: 'n', d: 'n' }).text).toBe('0 (C). Missed: a, b, c, d.');
  });

  test('the data form keeps every item even when the text is cut', () => {
    const p = profileOf([flag('a', 6), flag('b', 5), flag('c', 4), flag('d', 3), flag('e', 2), flag('f', 1)]);
    expect(explainRecord(p, { a: 'n', b: 'n', c: 'n', d: 'n', e: 'n', f: 'n' }).items).toHaveLength(6);
  });

  test('a long value is cut to 40 characters with an ellipsis', () => {
    const p = profileOf([criterion({ op: 'isTrue' }, { id: 'demo', column: 'Demo' })]);
    const long = 'this is not a yes or no answer, it is a much longer note';
    const text = explainRecord(p, { Demo: long }).text;
    expect(text).toBe(`0 (C). Unreadable: Demo “${long.slice(0, 39)}…”.`);
  });

  test('the lines of a cell (Alt+Enter) stay on the one line of the text', () => {
    const p = profileOf([
      flag('a', 10),
      criterion({ op: 'in', values: ['Government'] }, { id: 'gov', label: 'Public sector', column: 'Industry', role: 'exclude' }),
      criterion({ op: 'isTrue' }, { id: 'demo', column: 'Demo' }),
    ]);
    const out = explainRecord(p, { a: 'y', Industry: 'SaaS\r\nGovernment', Demo: '' });
    expect(out.text).toBe('Disqualified: Public sector (Industry “SaaS / Government”).');
    expect(itemOf(out, 'gov').value).toBe('SaaS\r\nGovernment');
    expect(explainRecord(p, { a: 'y', Industry: 'SaaS', Demo: 'not\tyet\nasked' }).text).toBe(
      '50 (C). Matched: a +10. Unreadable: Demo “not yet / asked”.',
    );
  });

  test('a long value is never cut between the halves of an emoji', () => {
    const p = profileOf([criterion({ op: 'isTrue' }, { id: 'demo', column: 'Demo' })]);
    const text = explainRecord(p, { Demo: `${'x'.repeat(38)}😀 and more` }).text;
    expect(text).toBe(`0 (C). Unreadable: Demo “${'x'.repeat(38)}…”.`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
