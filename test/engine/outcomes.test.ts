// Validate against outcomes: outcome words, win rates and lift per tier, the disqualified group, criteria and the verdict.
import fc from 'fast-check';
import { compileModel, criteriaTable, outcomeStats, OutcomeTally, readOutcome, rocAuc, type OutcomeStats } from '../../src/engine';
import { validModel } from '../factories/models';

const HEADERS = ['Industry', 'Employees', 'Visits', 'Outcome'];
// validModel(): industry SaaS/Fintech +30 and size 51-1000 (must) +25 (firmographic 60), 10+ visits +20 (behavioral 40).
const ROW = {
  A: ['SaaS', 100, 20], // 100
  B: ['Retail', 100, 20], // 67.3
  C: ['Retail', 100, 1], // 27.3
  DQ: ['SaaS', 5000, 20], // must missed
} as const;
type Group = keyof typeof ROW;

function rows(spec: Partial<Record<Group, { won?: number; lost?: number; open?: number; none?: number }>>): unknown[][] {
  const out: unknown[][] = [];
  for (const [g, n] of Object.entries(spec) as [Group, { won?: number; lost?: number; open?: number; none?: number }][]) {
    for (const [outcome, count] of [['Won', n.won], ['lost', n.lost], ['open', n.open], ['', n.none]] as const) {
      for (let i = 0; i < (count ?? 0); i++) out.push([...ROW[g], outcome]);
    }
  }
  return out;
}

function stats(data: unknown[][]): OutcomeStats {
  return outcomeStats(compileModel(validModel(), HEADERS).profile(), data, 3);
}

describe('readOutcome', () => {
  test.each(['won', 'Won', ' WON ', 'closed won', 'Closed  Won', 'Closed-Won', 'closed_won', 'win', 'Customer'])('%p is won', (v) => {
    expect(readOutcome(v)).toBe('won');
  });
  test.each(['lost', 'Closed Lost', 'closed-lost', 'LOSS', 'churned'])('%p is lost', (v) => {
    expect(readOutcome(v)).toBe('lost');
  });
  test.each(['open', 'Open', 'in progress', 'In  Progress', 'pipeline', 'Negotiation'])('%p is open', (v) => {
    expect(readOutcome(v)).toBe('open');
  });
  test.each(['', '  ', 'maybe', 'won?', 'not won', 1, 0, true, false, null, undefined, new Date(2026, 0, 1)])('%p is no outcome', (v) => {
    expect(readOutcome(v)).toBeUndefined();
  });
});

describe('outcomeStats', () => {
  const data = rows({
    A: { won: 8, lost: 2, open: 3, none: 1 },
    B: { won: 5, lost: 5 },
    C: { won: 2, lost: 8, open: 1 },
    DQ: { lost: 3, open: 2 },
  });

  test('accounts, won, lost, open, win rate and lift per tier in tier order, then the disqualified group', () => {
    const s = stats(data);
    expect(s).toMatchObject({ profile: 'Mid-market SaaS', accounts: 40, won: 15, lost: 18, open: 6, closed: 33 });
    expect(s.winRate).toBeCloseTo(15 / 33);
    expect(s.tiers.map((t) => [t.label, t.disqualified, t.accounts, t.won, t.lost, t.open])).toEqual([
      ['A', false, 14, 8, 2, 3],
      ['B', false, 10, 5, 5, 0],
      ['C', false, 11, 2, 8, 1],
      ['Disqualified', true, 5, 0, 3, 2],
    ]);
    expect(s.tiers.map((t) => t.winRate)).toEqual([0.8, 0.5, 0.2, 0]);
    expect(s.tiers[0]!.lift).toBeCloseTo(0.8 / (15 / 33));
    expect(s.tiers[2]!.lift).toBeCloseTo(0.2 / (15 / 33));
    expect(s.tiers[3]!.lift).toBe(0);
  });

  test('a tier without closed deals has a null win rate and lift; no closed deals at all gives null overall', () => {
    const s = stats(rows({ A: { won: 12, lost: 3 }, B: { open: 4 }, C: { won: 1, lost: 9 } }));
    expect(s.tiers[1]).toMatchObject({ label: 'B', accounts: 4, open: 4, winRate: null, lift: null });
    expect(s.tiers[3]).toMatchObject({ label: 'Disqualified', accounts: 0, winRate: null, lift: null });

    const none = stats(rows({ A: { open: 2, none: 1 }, C: { open: 1 } }));
    expect(none.winRate).toBeNull();
    expect(none.tiers.every((t) => t.winRate === null && t.lift === null)).toBe(true);
    expect(none.verdictKind).toBe('too-few');
  });

  test('blank rows are not accounts', () => {
    const s = stats([...rows({ A: { won: 1 } }), ['', '', '', ''], [null, null, null, null]]);
    expect(s.accounts).toBe(1);
  });

  test('per scoring criterion: win rate of closed deals where it matched vs where it did not', () => {
    const s = stats(data);
    // The must-have (size) is not a scoring criterion.
    expect(s.criteria.map((c) => c.id)).toEqual(['industry', 'visits']);
    const [industry, visits] = s.criteria;
    // Industry matches in A and the disqualified rows (SaaS): 8 won of 13; not in B and C: 7 of 20.
    expect(industry).toMatchObject({ label: 'SaaS or Fintech', column: 'Industry', matched: { closed: 13, won: 8 }, notMatched: { closed: 20, won: 7 } });
    expect(industry!.difference).toBeCloseTo(8 / 13 - 7 / 20);
    // Visits match in A, B and the disqualified rows: 13 of 23; not in C: 2 of 10.
    expect(visits).toMatchObject({ matched: { closed: 23, won: 13 }, notMatched: { closed: 10, won: 2 } });
    expect(visits!.matched.winRate).toBeCloseTo(13 / 23);
  });

  test('a criterion that never matched has a null difference', () => {
    const s = stats(rows({ B: { won: 10, lost: 5 }, C: { won: 2, lost: 8 } }));
    expect(s.criteria[0]).toMatchObject({ id: 'industry', matched: { closed: 0, won: 0, winRate: null }, difference: null });
  });
});

describe('OutcomeTally', () => {
  const data = rows({ A: { won: 8, lost: 2, open: 3, none: 1 }, B: { won: 5, lost: 5 }, C: { won: 2, lost: 8, open: 1 }, DQ: { won: 1, lost: 3, open: 2 } });

  test('rows added in batches of any sizes give the same stats as all at once', () => {
    const whole = stats(data);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: data.length }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), data.length];
        const tally = new OutcomeTally(compileModel(validModel(), HEADERS).profile(), 3);
        for (let i = 1; i < at.length; i++) tally.add(data.slice(at[i - 1], at[i]));
        expect(tally.stats()).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  test('stats() can be read, then more rows added', () => {
    const tally = new OutcomeTally(compileModel(validModel(), HEADERS).profile(), 3);
    tally.add(data.slice(0, 10));
    const early = tally.stats();
    tally.add(data.slice(10));
    expect(early.accounts).toBe(10);
    expect(tally.stats()).toEqual(stats(data));
  });
});

describe('knock-out rules', () => {
  test('per must-have and exclusion: the accounts it disqualified and how their closed deals went', () => {
    const s = stats(rows({ A: { won: 8, lost: 2 }, DQ: { won: 1, lost: 3, open: 2, none: 1 } }));
    // validModel() has one knock-out rule: the 51-1,000 employees must-have, which the DQ rows (5,000) miss.
    expect(s.knockouts).toEqual([
      { id: 'size', label: '51-1000 employees', column: 'Employees', role: 'must', accounts: 7, won: 1, lost: 3, winRate: 0.25, warning: null },
    ]);
  });

  test('an exclusion counts the accounts it matched; a rule that disqualified nobody has a null win rate', () => {
    const model = validModel();
    model.profiles[0]!.criteria.push(
      { id: 'retail', category: 'firmographic', column: 'Industry', role: 'exclude', when: { op: 'equals', value: 'Retail' } },
      { id: 'gov', label: 'Government', category: 'firmographic', column: 'Industry', role: 'exclude', when: { op: 'equals', value: 'Government' } },
    );
    const s = outcomeStats(compileModel(model, HEADERS).profile(), rows({ A: { won: 3 }, B: { won: 2, lost: 4 }, C: { lost: 1, open: 1 } }), 3);
    expect(s.knockouts.map((k) => [k.id, k.role, k.accounts, k.won, k.lost])).toEqual([
      ['size', 'must', 0, 0, 0],
      ['retail', 'exclude', 8, 2, 5],
      ['gov', 'exclude', 0, 0, 0],
    ]);
    expect(s.knockouts[2]).toMatchObject({ label: 'Government', winRate: null, warning: null });
    expect(s.knockouts[1]!.label).toBe('retail');
  });

  test('a rule turning away 10+ closed deals won at least as often as overall gets a warning', () => {
    // 10 disqualified deals won at 50% against 50% overall: flagged, at exactly 10 and exactly the overall rate.
    const flagged = stats(rows({ A: { won: 5, lost: 5 }, DQ: { won: 5, lost: 5 } }));
    expect(flagged.knockouts[0]).toMatchObject({ won: 5, lost: 5 });
    expect(flagged.knockouts[0]!.warning).toBe(
      '"51-1000 employees" disqualified 10 closed deals that were won 50% of the time (50% overall): it may be turning winners away.',
    );
    // 9 closed deals: too few to say.
    expect(stats(rows({ A: { won: 5, lost: 5 }, DQ: { won: 5, lost: 4 } })).knockouts[0]!.warning).toBeNull();
    // Won less often than overall: the rule does its job.
    expect(stats(rows({ A: { won: 9, lost: 1 }, DQ: { won: 4, lost: 6 } })).knockouts[0]!.warning).toBeNull();
  });
});

describe('verdict', () => {
  test('the AUC interval lies above 0.5 and the top tier beats the bottom tier and the overall rate: the model separates winners', () => {
    const s = stats(rows({ A: { won: 8, lost: 2 }, B: { won: 5, lost: 5 }, C: { won: 2, lost: 8 }, DQ: { lost: 3 } }));
    expect(s.verdictKind).toBe('separates');
    expect(s.verdict).toBe(
      'A-tier accounts closed at 80% against 45% overall (1.8x) and 20% for C-tier accounts, and the scores rank won deals above lost ones (AUC 0.81, 95% interval 0.66 to 0.95): the model separates winners.',
    );
    expect(s.aucInterval!.lower).toBeGreaterThan(0.5);
  });

  test('a top tier with fewer than 10 closed deals gets a caveat', () => {
    const s = stats(rows({ A: { won: 5, lost: 1 }, B: { won: 5, lost: 5 }, C: { won: 2, lost: 8 } }));
    expect(s.verdictKind).toBe('separates');
    expect(s.verdict).toMatch(/: the model separates winners\. Read the tier's rate with care: the A tier has only 6 closed deals\.$/);
  });

  test('scores that rank lost deals higher, clearly: a warning with the numbers', () => {
    const s = stats(rows({ A: { won: 2, lost: 8 }, B: { won: 5, lost: 5 }, C: { won: 8, lost: 2 } }));
    expect(s.verdictKind).toBe('warning');
    expect(s.verdict).toBe(
      'The model ranks lost deals above won ones (AUC 0.23, 95% interval 0.07 to 0.40): A-tier accounts closed at 20% against 50% overall and 80% for C-tier accounts; its criteria point the wrong way, review them below.',
    );
  });

  test('scores that rank won deals higher while the tiers do not show it: says to review the cut-offs', () => {
    // Disqualified accounts (score 0) all lost: the scores rank won deals higher, yet A wins less often than C.
    const s = stats(rows({ A: { won: 10, lost: 10 }, B: { won: 10, lost: 10 }, C: { won: 12, lost: 8 }, DQ: { lost: 60 } }));
    expect(s.aucInterval!.lower).toBeGreaterThan(0.5);
    expect(s.verdictKind).toBe('warning');
    expect(s.verdict).toMatch(/^The scores rank won deals above lost ones \(AUC .*\), but the tiers do not show it: A-tier accounts closed at 50% against .*; review the tier cut-offs\.$/);
  });

  test('only one tier has closed deals: the tiers cannot be compared', () => {
    const s = stats(rows({ A: { won: 15, lost: 10 }, C: { open: 3 } }));
    expect(s.verdictKind).toBe('warning');
    expect(s.verdict).toBe('Only A-tier accounts have closed deals, so the tiers cannot be compared (60% won overall).');
  });

  test('a coin-toss model (33.4% against 33.3%) is said not to differ detectably, with the numbers', () => {
    const s = stats(rows({ A: { won: 334, lost: 666 }, C: { won: 333, lost: 667 } }));
    expect(s.verdictKind).toBe('no-evidence');
    expect(s.verdict).toBe(
      'The tiers do not differ detectably: A-tier accounts closed at 33% against 33% overall and 33% for C-tier accounts, and the scores\' AUC 0.50, 95% interval 0.48 to 0.52 includes 0.5, a coin toss.',
    );
  });

  test('a small lift on 200 deals is not claimed; a clear one is', () => {
    expect(stats(rows({ A: { won: 36, lost: 64 }, C: { won: 30, lost: 70 } })).verdictKind).toBe('no-evidence');
    expect(stats(rows({ A: { won: 40, lost: 60 }, C: { won: 26, lost: 74 } })).verdictKind).toBe('separates');
  });

  test('all closed deals won, or all lost: says both are needed', () => {
    const won = stats(rows({ A: { won: 15 }, C: { won: 15 } }));
    expect(won.verdictKind).toBe('warning');
    expect(won.verdict).toBe('All 30 closed deals were won: judging the tiers needs both won and lost deals.');
    const lost = stats(rows({ A: { lost: 15 }, C: { lost: 10 }, DQ: { lost: 5 } }));
    expect(lost.verdict).toBe('All 30 closed deals were lost: judging the tiers needs both won and lost deals.');
  });

  test('one tier and the disqualified accounts have closed deals: names both', () => {
    const s = stats(rows({ A: { won: 15, lost: 10 }, C: { open: 3 }, DQ: { won: 2, lost: 3 } }));
    expect(s.verdictKind).toBe('warning');
    expect(s.verdict).toBe('Only A-tier accounts and disqualified accounts have closed deals, so the tiers cannot be compared (57% won overall).');
    expect(stats(rows({ C: { open: 3 }, DQ: { won: 12, lost: 13 } })).verdict).toBe(
      'Only disqualified accounts have closed deals, so the tiers cannot be compared (48% won overall).',
    );
  });

  test('fewer than 20 closed deals: not enough data', () => {
    const s = stats(rows({ A: { won: 9, lost: 1, open: 30 }, C: { won: 1, lost: 8 } }));
    expect(s.closed).toBe(19);
    expect(s.verdictKind).toBe('too-few');
    expect(s.verdict).toBe('Not enough closed deals to judge the model: 19 won or lost (fewer than 20).');
    expect(stats(rows({ A: { won: 10, lost: 1 }, C: { won: 1, lost: 8 } })).verdictKind).toBe('separates');
  });
});

describe('criteriaTable', () => {
  test('win rates matched and not, fitted effect, points; strongest fitted effect first', () => {
    const s = stats(rows({ A: { won: 30, lost: 10 }, B: { won: 20, lost: 20 }, C: { won: 5, lost: 35 } }));
    const t = criteriaTable(s);
    expect(t.head).toEqual(['Criterion', 'Matched', 'Not matched', 'Effect (odds)', 'Points']);
    // Visits matched in A and B (50 of 80 won) against C (5 of 40); industry in A only (30 of 40) against B and C (25 of 80).
    expect(t.rows.map((r) => r.slice(0, 3))).toEqual([
      ['10+ site visits', '63% of 80', '13% of 40'],
      ['SaaS or Fintech', '75% of 40', '31% of 80'],
      // A must-have with points is weighed too; it matched every qualified deal, so the outcomes cannot judge it.
      ['51-1000 employees', '46% of 120', '- of 0'],
    ]);
    expect(t.rows[0]![3]).toMatch(/^×\d/);
  });
});

describe('ranking quality (AUC)', () => {
  test('perfect, reversed, all tied, and none without both outcomes', () => {
    expect(rocAuc([90, 80], [10, 20, 30])).toBe(1);
    expect(rocAuc([10], [90, 80])).toBe(0);
    expect(rocAuc([50, 50], [50])).toBe(0.5);
    expect(rocAuc([], [1])).toBeNull();
    expect(rocAuc([1], [])).toBeNull();
  });

  test('equals the share of won-lost pairs ordered right, ties counting half', () => {
    const won = [70, 55, 55, 20, 0];
    const lost = [60, 55, 30, 0, 0, 10];
    let pairs = 0;
    for (const w of won) for (const l of lost) pairs += w > l ? 1 : w === l ? 0.5 : 0;
    expect(rocAuc(won, lost)).toBeCloseTo(pairs / (won.length * lost.length), 12);
  });

  test('is part of the stats, from the accounts\' scores (disqualified ones as 0)', () => {
    const s = stats(rows({ A: { won: 8, lost: 2 }, B: { won: 5, lost: 5 }, C: { won: 2, lost: 8 }, DQ: { lost: 3 } }));
    expect(s.auc).not.toBeNull();
    expect(s.auc!).toBeGreaterThan(0.5);
    expect(s.auc!).toBeLessThanOrEqual(1);
  });
});
