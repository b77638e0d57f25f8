// The editor's value suggestions: counted as the operators compare (case-insensitive, list items), blanks left out.
import { frequentValues } from '../../src/engine/frequent-values';

describe('frequent values', () => {
  test('one value whatever its case and spacing, shown in the spelling most cells use', () => {
    const cells = ['Healthcare', 'healthcare', ' Healthcare ', 'HEALTHCARE', 'Healthcare', 'SaaS'];
    expect(frequentValues(cells, 12)).toEqual([
      { value: 'Healthcare', count: 5 },
      { value: 'SaaS', count: 1 },
    ]);
  });

  test('a column of lists suggests its items, each counted once per cell', () => {
    const cells = ['HubSpot, Zoho CRM', 'Salesforce; HubSpot', 'Slack | hubspot', 'HubSpot', 'Salesforce\nSlack', 'Zoom', 'Okta', 'Jira', 'hubspot, HubSpot'];
    expect(frequentValues(cells, 3)).toEqual([
      { value: 'HubSpot', count: 5 },
      { value: 'Salesforce', count: 2 },
      { value: 'Slack', count: 2 },
    ]);
  });

  test('a column with a rare comma keeps whole values; numbers with thousands separators are never split', () => {
    const names = [...Array.from({ length: 19 }, (_, i) => `Firm ${i % 3}`), 'Smith, Jones & Co'];
    expect(frequentValues(names, 1)).toEqual([{ value: 'Firm 0', count: 7 }]);
    expect(frequentValues(['1,001-5,000', '1,001-5,000', '10,001+', '51-200'], 5)).toEqual([
      { value: '1,001-5,000', count: 2 },
      { value: '10,001+', count: 1 },
      { value: '51-200', count: 1 },
    ]);
  });

  test('blanks and placeholders are not values; other cell types read as text; ties go alphabetically', () => {
    expect(frequentValues(['', 'N/A', 'Select', null, undefined, '  ', 'b', 'a', 5, true, 5], 12)).toEqual([
      { value: '5', count: 2 },
      { value: 'a', count: 1 },
      { value: 'b', count: 1 },
      { value: 'TRUE', count: 1 },
    ]);
    expect(frequentValues([], 5)).toEqual([]);
  });
});
