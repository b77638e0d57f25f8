// A yes/no "won" column (a Won? checkbox, Salesforce's Won, HubSpot's Is Closed Won) as the outcomes: yes won, no lost.
import { accountsLine, b2bSaasTemplate, compileModel, outcomeStats, readWinFlag } from '../../src/engine';
import { detectOutcomeColumn, findOutcomeColumn, outcomeCandidateColumns, outcomeSource, preferredOutcomeColumn } from '../../src/engine/outcomes/column';
import { generateSampleAccounts, SAMPLE_TODAY } from '../../tools/sample/accounts';

describe('readWinFlag', () => {
  test.each<[unknown, string | undefined]>([
    [true, 'won'], [false, 'lost'], ['TRUE', 'won'], ['false', 'lost'], ['Yes', 'won'], ['no', 'lost'], [1, 'won'], [0, 'lost'],
    ['1', 'won'], ['x', 'won'], ['✓', 'won'], ['won', 'won'], ['Closed Lost', 'lost'], ['open', 'open'],
    ['', undefined], ['N/A', undefined], ['maybe', undefined], [2, undefined],
  ])('%p reads as %p', (value, want) => {
    expect(readWinFlag(value)).toBe(want);
  });
});

describe('finding a yes/no "won" column', () => {
  const rows = [
    ['Acme', 'yes', true],
    ['Beta', 'no', false],
    ['Core', 'no', true],
    ['Dyne', 'yes', false],
  ];

  test.each(['Won', 'Won?', 'is_won', 'Is Closed Won', 'CLOSED WON'])('a column headed %p is a candidate and is picked', (header) => {
    const candidates = outcomeCandidateColumns(['Account', 'Demo Requested', header], rows);
    // A yes/no column under any other header is not an outcome: Demo Requested is not a candidate.
    expect(candidates).toEqual([{ header, index: 2, flag: true }]);
    expect(detectOutcomeColumn(candidates)).toEqual({ header, index: 2, flag: true });
  });

  test('an outcome column of words is picked before a won column', () => {
    const headers = ['Account', 'Won', 'Outcome'];
    const both = rows.map((r) => [r[0], r[2], r[2] ? 'Closed Won' : 'open']);
    expect(detectOutcomeColumn(outcomeCandidateColumns(headers, both))).toEqual({ header: 'Outcome', index: 2, flag: false });
  });

  test('named explicitly, or found by name alone, it is still read as yes/no', () => {
    const headers = ['Account', 'Won'];
    expect(findOutcomeColumn(headers, [], 'won')).toEqual({ header: 'Won', index: 1, flag: true });
    expect(preferredOutcomeColumn(headers)).toBe('Won');
  });
});

describe('win rates from a won column', () => {
  const [headers, ...rows] = generateSampleAccounts(300, 5);
  const today = new Date(`${SAMPLE_TODAY}T00:00:00`);
  const profile = compileModel(b2bSaasTemplate(), headers!, { today }).profile();
  const outcome = headers!.indexOf('Outcome');

  test('agree with the same deals as words, open deals aside, and the summary says how the column was read', () => {
    // The same deals, won as TRUE and lost as FALSE, open deals left empty.
    const flagged = rows.map((r) => [...r, r[outcome] === 'won' ? true : r[outcome] === 'lost' ? false : '']);
    const source = { header: 'Won?', index: headers!.length, flag: true };
    const byFlag = outcomeStats(profile, flagged, source);
    const byWords = outcomeStats(profile, rows, outcome);
    expect(byFlag.won).toBe(byWords.won);
    expect(byFlag.lost).toBe(byWords.lost);
    expect(byFlag.open).toBe(0);
    expect(byFlag.auc).toBe(byWords.auc);
    expect(byFlag.tiers.map((t) => [t.label, t.won, t.lost])).toEqual(byWords.tiers.map((t) => [t.label, t.won, t.lost]));
    expect(byFlag.flagColumn).toBe('Won?');
    expect(byWords.flagColumn).toBeNull();
    expect(accountsLine(byFlag)).toMatch(/\. "Won\?" is read as yes = won, no = lost: an open deal counts as lost unless its cell is empty or says open\.$/);
    expect(accountsLine(byWords)).not.toMatch(/read as yes/);
  });
});

describe('a yes/no "closed" column beside the won column', () => {
  const [headers, ...rows] = generateSampleAccounts(300, 5);
  const today = new Date(`${SAMPLE_TODAY}T00:00:00`);
  const profile = compileModel(b2bSaasTemplate(), headers!, { today }).profile();
  const outcome = headers!.indexOf('Outcome');
  // As Salesforce exports opportunities: Won and Closed, both yes/no; an open deal is Won = no, Closed = no.
  const exported = rows.map((r) => [...r, r[outcome] === 'won', r[outcome] !== 'open']);
  const h = [...headers!, 'Won', 'Closed'];

  test('is found for a won column, and tells open deals from lost ones: the same figures as outcome words', () => {
    const column = detectOutcomeColumn(outcomeCandidateColumns(h.map((x) => (x === 'Outcome' ? 'Notes' : x)), exported))!;
    expect(column).toEqual({ header: 'Won', index: h.length - 2, flag: true });
    const source = outcomeSource(column, h, exported);
    expect(source.closed).toEqual({ index: h.length - 1, header: 'Closed' });
    const byFlags = outcomeStats(profile, exported, source);
    const byWords = outcomeStats(profile, rows, outcome);
    expect([byFlags.won, byFlags.lost, byFlags.open]).toEqual([byWords.won, byWords.lost, byWords.open]);
    expect(byFlags.open).toBeGreaterThan(0);
    expect(byFlags.auc).toBe(byWords.auc);
    expect(byFlags.closedColumn).toBe('Closed');
    expect(accountsLine(byFlags)).toMatch(/\. "Won" is read as yes = won, no = lost, and a deal "Closed" says no to as open\.$/);
  });

  test('is not used for a column of outcome words, nor when its cells are not yes/no', () => {
    expect(outcomeSource({ header: 'Outcome', index: outcome, flag: false }, h, exported).closed).toBeNull();
    const dated = exported.map((r) => [...r.slice(0, -1), '2026-01-01']);
    expect(outcomeSource({ header: 'Won', index: h.length - 2, flag: true }, h, dated).closed).toBeNull();
  });
});
