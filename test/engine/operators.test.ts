// The 11 operators, each through a compiled one-criterion profile: what matches, what misses, boundaries and unreadable cells.
import type { Condition } from '../../src/engine/model';
import {
  criterion, daysBeforeToday, explainCell, explainRecord, itemOf, outcomeOfCell, profileOf, statusOfCell, TODAY,
} from '../factories/scoring';

/** Expects each value to give `status` under `when`. */
function expectStatus(when: Condition, values: readonly unknown[], status: string): void {
  for (const value of values) {
    expect({ value, status: statusOfCell(when, value) }).toEqual({ value, status });
  }
}

describe('equals', () => {
  test('text is compared case- and surrounding-space-insensitively', () => {
    const when: Condition = { op: 'equals', value: 'SaaS' };
    expectStatus(when, ['SaaS', 'saas', 'SAAS', '  SaaS  ', '\tsaas\n'], 'matched');
    expectStatus(when, ['SaaS Tools', 'Saa S', 'Fintech'], 'missed');
  });

  test('inner runs of spaces are collapsed', () => {
    expectStatus({ op: 'equals', value: 'Series B' }, ['series   b', ' SERIES B '], 'matched');
  });

  test('a text value with surrounding spaces in the model still matches', () => {
    expectStatus({ op: 'equals', value: '  Series B ' }, ['Series B'], 'matched');
  });

  test('a number value matches numbers, number text and the spec’s notations', () => {
    const when: Condition = { op: 'equals', value: 100 };
    expectStatus(when, [100, '100', '100.0', ' 100 ', '1e2'], 'matched');
    expectStatus(when, [101, '99', 99.99], 'missed');
    expectStatus({ op: 'equals', value: 1200 }, ['1,200', '1.2k'], 'matched');
  });

  test('a number value on text that has no number is unreadable', () => {
    expectStatus({ op: 'equals', value: 100 }, ['lots', true], 'unreadable');
  });

  test('a text value matches a number cell by its text', () => {
    expectStatus({ op: 'equals', value: '100' }, [100], 'matched');
    expectStatus({ op: 'equals', value: '0.3' }, [0.1 + 0.2], 'matched');
  });

  test('a boolean value matches every spelling of that boolean', () => {
    expectStatus({ op: 'equals', value: true }, [true, 'TRUE', 'yes', 'Y', 1, '1', 'x', '✓'], 'matched');
    expectStatus({ op: 'equals', value: true }, [false, 'no', 0], 'missed');
    expectStatus({ op: 'equals', value: false }, [false, 'FALSE', 'no', 'n', 0, '0'], 'matched');
    expectStatus({ op: 'equals', value: false }, [true, 'yes'], 'missed');
    expectStatus({ op: 'equals', value: true }, ['maybe', 2], 'unreadable');
  });
});

describe('in', () => {
  test('matches any of the values, case- and space-insensitively', () => {
    const when: Condition = { op: 'in', values: ['SaaS', 'Fintech'] };
    expectStatus(when, ['SaaS', 'fintech', ' FINTECH '], 'matched');
    expectStatus(when, ['Energy', 'SaaS platform'], 'missed');
  });

  test('a cell holding a list matches when any item is one of the values', () => {
    const when: Condition = { op: 'in', values: ['HubSpot'] };
    expectStatus(when, ['Salesforce, HubSpot; Slack | Zoom', 'hubspot;slack', 'Zoom | HubSpot'], 'matched');
    expectStatus(when, ['Salesforce, Slack', 'HubSpot CRM, Slack'], 'missed');
  });

  test('a list typed on several lines of one cell (Alt+Enter) is split at the line breaks', () => {
    const when: Condition = { op: 'in', values: ['HubSpot'] };
    expectStatus(when, ['Salesforce\nHubSpot', 'Salesforce\r\nhubspot\nSlack', 'HubSpot\n\nZoom'], 'matched');
    expectStatus(when, ['Salesforce\nHubSpot CRM'], 'missed');
  });

  test('the whole cell text also counts as one item', () => {
    expectStatus({ op: 'in', values: ['Salesforce, HubSpot'] }, ['salesforce, hubspot'], 'matched');
  });

  test('number values match number cells and number text', () => {
    const when: Condition = { op: 'in', values: [1, 5, 10] };
    expectStatus(when, [1, 5, '10', ' 5 ', '2, 5'], 'matched');
    expectStatus(when, [2, '50', 0], 'missed');
  });

  test('number values match the numbers people write for them, as equals does', () => {
    const when: Condition = { op: 'in', values: [1000, 5] };
    expectStatus(when, ['1,000', '1000.0', '1k', '$1,000', '5.0', 'Salesforce, 5.0'], 'matched');
    expectStatus(when, ['1,001', '50', '5%', 'five'], 'missed');
  });

  test('a number with thousands separators is one value, not a list', () => {
    expectStatus({ op: 'in', values: [1, 0] }, ['1,000', '$1,001-5,000'], 'missed');
    expectStatus({ op: 'in', values: ['1,000'] }, ['1,000'], 'matched');
  });

  test('boolean values match by their text', () => {
    expectStatus({ op: 'in', values: [true] }, [true, 'TRUE'], 'matched');
  });
});

describe('contains', () => {
  test('matches when any value appears in the text, case-insensitively', () => {
    const when: Condition = { op: 'contains', values: ['Salesforce', 'HubSpot'] };
    expectStatus(when, ['Salesforce', 'uses SALESFORCE daily', 'HubSpot CRM', 'Zoom; hubspot'], 'matched');
    expectStatus(when, ['Pipedrive', 'Sales force'], 'missed');
  });

  test('works on one-cell lists', () => {
    expectStatus({ op: 'contains', values: ['slack'] }, ['Salesforce, HubSpot; Slack | Zoom'], 'matched');
  });

  test('a number cell is searched as its text', () => {
    expectStatus({ op: 'contains', values: ['20'] }, [2026], 'matched');
  });

  test('an empty value never matches everything', () => {
    expectStatus({ op: 'contains', values: ['', ' '] }, ['anything'], 'missed');
  });
});

describe('between', () => {
  test('is inclusive at both ends', () => {
    const when: Condition = { op: 'between', min: 51, max: 1000 };
    expectStatus(when, [51, 1000, 500, '51', '1,000', '51-200'], 'matched');
    expectStatus(when, [50, 50.99, 1000.01, 1001, '10,001+', '<50'], 'missed');
  });

  test('with only min it has no upper bound', () => {
    const when: Condition = { op: 'between', min: 10 };
    expectStatus(when, [10, 1e12, '$10B+'], 'matched');
    expectStatus(when, [9.99, -10], 'missed');
  });

  test('with only max it has no lower bound', () => {
    const when: Condition = { op: 'between', max: 10 };
    expectStatus(when, [10, 0, -1e9, '<20'], 'matched');
    expectStatus(when, [10.01], 'missed');
  });

  test('reads money and range notations', () => {
    const when: Condition = { op: 'between', min: 10_000_000, max: 500_000_000 };
    expectStatus(when, ['$10M-$50M', '$100 mil. - $250 mil.', '$10M', '€2.5m-€500m', '500000000'], 'matched');
    expectStatus(when, ['$5M', 'Over $5 bil.', 'Less than $1M'], 'missed');
  });

  test('unreadable numbers are unreadable', () => {
    expectStatus({ op: 'between', min: 1, max: 10 }, ['lots', '1,2', '2026-03-01', true, new Date(2026, 2, 1)], 'unreadable');
  });
});

describe('gte and lte', () => {
  test('gte includes its bound', () => {
    const when: Condition = { op: 'gte', value: 5 };
    expectStatus(when, [5, '5', 5.0000000001, 6], 'matched');
    expectStatus(when, [4.999, '4', -5], 'missed');
  });

  test('lte includes its bound', () => {
    const when: Condition = { op: 'lte', value: 0 };
    expectStatus(when, [0, '0', -1, '-0.5'], 'matched');
    expectStatus(when, [0.001, 1], 'missed');
  });

  test('percentages compare as fractions', () => {
    expectStatus({ op: 'gte', value: 0.3 }, ['35%', 0.3], 'matched');
    expectStatus({ op: 'gte', value: 0.3 }, ['25%'], 'missed');
  });

  test('float noise at the bound still matches', () => {
    expectStatus({ op: 'gte', value: 0.3 }, [0.1 + 0.2], 'matched');
    expectStatus({ op: 'lte', value: 0.3 }, [0.1 + 0.2], 'matched');
  });

  test('an amount with a multiplier meets its exact bound (`$4.1B` reads as 4099999999.9999995)', () => {
    for (const [text, n] of [['$4.1B', 4.1e9], ['8.2 bn', 8.2e9], ['$2.01B', 2.01e9], ['4.1T', 4.1e12], ['$1.07B', 1.07e9]] as const) {
      expectStatus({ op: 'gte', value: n }, [text], 'matched');
      expectStatus({ op: 'lte', value: n }, [text], 'matched');
      expectStatus({ op: 'between', min: n, max: n }, [text], 'matched');
    }
  });

  test('numbers written differently are different, however large', () => {
    expectStatus({ op: 'gte', value: 1e9 }, ['999,999,999', 999_999_999.5], 'missed');
    expectStatus({ op: 'lte', value: 1e9 }, ['1,000,000,001'], 'missed');
    expectStatus({ op: 'equals', value: 1e9 }, ['999,999,999', '1,000,000,001'], 'missed');
    expectStatus({ op: 'in', values: [1e9] }, ['999,999,999'], 'missed');
  });

  test('unreadable numbers are unreadable', () => {
    expectStatus({ op: 'gte', value: 5 }, ['many'], 'unreadable');
    expectStatus({ op: 'lte', value: 5 }, ['few'], 'unreadable');
  });
});

describe('bands', () => {
  const when: Condition = {
    op: 'bands',
    bands: [
      { min: 1, max: 50, points: 5 },
      { min: 51, max: 200, points: 20 },
      { min: 201, max: 1000, points: 30 },
      { min: 1001, max: 5000, points: 15 },
    ],
  };

  test.each<[unknown, number]>([
    [1, 5],
    [50, 5],
    [51, 20],
    ['51-200', 20],
    [200, 20],
    [201, 30],
    [1000, 30],
    ['1,001-5,000', 15],
    [5000, 15],
  ])('%j earns the points of its band (%d)', (value, points) => {
    expect(outcomeOfCell(when, value)).toMatchObject({ status: 'matched', points, maxPoints: 30 });
  });

  test.each([0, 50.5, 200.5, 5001, '10,001+'])('%j falls in no band: missed, no points', (value) => {
    expect(outcomeOfCell(when, value)).toMatchObject({ status: 'missed', points: 0 });
  });

  test('a band’s bounds hold for amounts with a multiplier', () => {
    const revenue: Condition = { op: 'bands', bands: [{ max: 4.1e9, points: 5 }, { min: 4.1e9, points: 9 }] };
    expect(outcomeOfCell(revenue, '$4.1B').points).toBe(5);
    expect(outcomeOfCell({ op: 'bands', bands: [{ min: 4.1e9, points: 9 }] }, '$4.1B').points).toBe(9);
  });

  test('the first band wins when bands overlap', () => {
    const overlapping: Condition = { op: 'bands', bands: [{ min: 0, max: 100, points: 3 }, { min: 50, max: 150, points: 9 }] };
    expect(outcomeOfCell(overlapping, 75).points).toBe(3);
    expect(outcomeOfCell(overlapping, 120).points).toBe(9);
  });

  test('open-ended bands', () => {
    const open: Condition = { op: 'bands', bands: [{ max: 10, points: 1 }, { min: 100, points: 4 }] };
    expect(outcomeOfCell(open, -5).points).toBe(1);
    expect(outcomeOfCell(open, 1e9).points).toBe(4);
  });

  test('partial credit: fit is the band’s points over the best band’s points', () => {
    expect(explainCell(when, 75).score).toBe(66.7); // 20 / 30
    expect(explainCell(when, 10).score).toBe(16.7); // 5 / 30
    expect(explainCell(when, 600).score).toBe(100);
    expect(explainCell(when, 3000).score).toBe(50); // 15 / 30
  });

  test('the criterion’s own points are ignored', () => {
    expect(outcomeOfCell(when, 75, { points: 999 })).toMatchObject({ points: 20, maxPoints: 30 });
  });

  test('unreadable numbers are unreadable', () => {
    expect(outcomeOfCell(when, 'lots')).toMatchObject({ status: 'unreadable', points: 0 });
  });
});

describe('isTrue', () => {
  test('matches every truthy spelling', () => {
    expectStatus({ op: 'isTrue' }, [true, 'TRUE', 'true', 'yes', 'Yes', 'Y', 'y', 1, '1', 'x', 'X', '✓', '✔', '☑', '✅'], 'matched');
  });

  test('misses every falsy spelling', () => {
    expectStatus({ op: 'isTrue' }, [false, 'FALSE', 'no', 'N', 0, '0'], 'missed');
  });

  test('other values are unreadable', () => {
    expectStatus({ op: 'isTrue' }, ['maybe', 2, 'soon', new Date(2026, 2, 1)], 'unreadable');
  });
});

describe('notBlank', () => {
  test('matches any present value, even falsy ones', () => {
    expectStatus({ op: 'notBlank' }, ['x', 0, false, 'no', new Date(2026, 2, 1), 'lots'], 'matched');
  });

  test('a blank cell is unknown, not missed', () => {
    for (const value of ['', 'N/A', '—']) {
      const why = explainRecord(profileOf([criterion({ op: 'notBlank' })]), { Account: 'Acme', Value: value });
      expect(itemOf(why, 'c1').status).toBe('unknown');
    }
  });
});

describe('withinDays', () => {
  const when: Condition = { op: 'withinDays', days: 30 };

  test('today counts', () => {
    expectStatus(when, [TODAY, new Date(2026, 10, 1, 18, 0), '2026-11-01', '11/1/2026'], 'matched');
  });

  test('exactly N days before today matches, N + 1 does not', () => {
    expectStatus(when, [daysBeforeToday(30), '2026-10-02', '10/2/2026'], 'matched');
    expectStatus(when, [daysBeforeToday(31), '2026-10-01', '10/1/2026'], 'missed');
  });

  test('a future date does not match', () => {
    expectStatus(when, [daysBeforeToday(-1), '2026-11-02', '2027-01-01'], 'missed');
  });

  test('0 days means today only', () => {
    expectStatus({ op: 'withinDays', days: 0 }, [TODAY], 'matched');
    expectStatus({ op: 'withinDays', days: 0 }, [daysBeforeToday(1)], 'missed');
  });

  test('"today" is the option given at compile time', () => {
    const laterToday = new Date(2027, 0, 1);
    expect(statusOfCell(when, '2026-12-15', laterToday)).toBe('matched');
    expect(statusOfCell(when, '2026-11-15', laterToday)).toBe('missed');
  });

  test('impossible and non-date values are unreadable', () => {
    expectStatus(when, ['2/30/2026', 'last week', 20513, true], 'unreadable');
  });
});

describe('matches', () => {
  test('is case-insensitive even without the i flag', () => {
    const when: Condition = { op: 'matches', pattern: '^(cto|vp)\\b' };
    expectStatus(when, ['CTO', 'VP Engineering', 'vp of eng', 'Cto'], 'matched');
    expectStatus(when, ['Head of Engineering', 'Sales VP'], 'missed');
  });

  test('tests the trimmed original text (case kept, inner spaces kept)', () => {
    expectStatus({ op: 'matches', pattern: '^a  b$' }, ['  a  b  '], 'matched');
  });

  test('g and y flags cannot make repeated tests stateful', () => {
    const when: Condition = { op: 'matches', pattern: 'x', flags: 'gy' };
    expectStatus(when, ['x', 'x', 'x'], 'matched');
  });

  test('non-text cells are tested by their text', () => {
    expectStatus({ op: 'matches', pattern: '^\\d+$' }, [123, '123'], 'matched');
    expectStatus({ op: 'matches', pattern: '^true$' }, [true], 'matched');
    expectStatus({ op: 'matches', pattern: '^2026-03-01$' }, [new Date(2026, 2, 1)], 'matched');
    expectStatus({ op: 'matches', pattern: '^\\d+$' }, [{ a: 1 }, [1, 2], Symbol('s'), () => 1], 'missed');
  });
});
