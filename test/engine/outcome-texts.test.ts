// The sentences Validate against outcomes shows: figures that add up and agree, whole percents rounded as by hand, singular and plural.
import { accountsLine, aucLine, compileModel, outcomeStats, percent, type OutcomeStats } from '../../src/engine';
import { validModel } from '../factories/models';

const HEADERS = ['Industry', 'Employees', 'Visits', 'Outcome'];
const ROW = { A: ['SaaS', 100, 20], B: ['Retail', 100, 20], C: ['Retail', 100, 1] } as const;

function rows(spec: Partial<Record<keyof typeof ROW, Record<string, number>>>): unknown[][] {
  const out: unknown[][] = [];
  for (const [g, outcomes] of Object.entries(spec) as [keyof typeof ROW, Record<string, number>][]) {
    for (const [o, n] of Object.entries(outcomes)) for (let i = 0; i < n; i++) out.push([...ROW[g], o]);
  }
  return out;
}

function stats(data: unknown[][], model = validModel()): OutcomeStats {
  return outcomeStats(compileModel(model, HEADERS).profile(), data, 3);
}

describe('accountsLine', () => {
  test('accounts whose outcome cell is blank or unreadable are counted, so the figures add up', () => {
    const s = stats(rows({ A: { won: 3, '': 4, maybe: 1 }, C: { lost: 2, open: 1 } }));
    expect(accountsLine(s)).toBe('11 accounts: 3 won, 2 lost, 1 open, 5 without an outcome; 60% of closed deals won.');
  });

  test('no closed deals: says so instead of "- of closed deals won"', () => {
    expect(accountsLine(stats(rows({ A: { open: 2 } })))).toBe('2 accounts: 0 won, 0 lost, 2 open; no closed deals yet.');
  });
});

describe('aucLine', () => {
  test('the AUC and the share in words agree: 0.745 is 0.75 and 75%, 0.075 is 0.08 and 8%', () => {
    expect(aucLine(0.745)).toBe('Ranking quality (AUC): 0.75. A won deal outscores a lost one 75% of the time (50% is a coin toss, 100% a perfect ranking).');
    expect(aucLine(0.075)).toMatch(/^Ranking quality \(AUC\): 0\.08\. A won deal outscores a lost one 8% /);
  });

  test('the AUC of a handful of deals says it is too few to trust', () => {
    expect(aucLine(1, 3)).toMatch(/^Ranking quality \(AUC\): 1\.00\. .* From only 3 closed deals: too few to trust\.$/);
    expect(aucLine(0, 1)).toMatch(/From only 1 closed deal: too few/);
    expect(aucLine(0.8, 20)).not.toMatch(/too few/);
    expect(aucLine(null, 0)).toBe('Ranking quality (AUC): needs at least one won and one lost deal.');
  });
});

describe('percent', () => {
  test('an exact half rounds up, as by hand: 57 of 200 is 29%, 0.285 in binary notwithstanding', () => {
    expect(percent(57 / 200)).toBe('29%');
    expect(percent(0.284)).toBe('28%');
    expect(percent(1 / 3)).toBe('33%');
  });

  test('the criteria reasons round the same way', () => {
    // Industry matched in A: 57 of 200 won (28.5%); not matched in C: 10 of 200.
    const s = stats(rows({ A: { won: 57, lost: 143 }, C: { won: 10, lost: 190 } }));
    expect(s.suggestion.points.find((p) => p.id === 'industry')!.reason).toContain('won 29% of 200 where it matched');
  });
});

describe('the verdict\'s caveat', () => {
  test('one closed deal in the top tier is "1 closed deal"', () => {
    const s = stats(rows({ A: { won: 1 }, B: { won: 10, lost: 5 }, C: { won: 2, lost: 10 } }));
    expect(s.verdict).toMatch(/ Read the tier's rate with care: the A tier has only 1 closed deal\.$/);
  });

  test('a tier labelled "Tier 1" is "the Tier 1", not "the Tier 1 tier"', () => {
    const model = validModel();
    model.profiles[0]!.tiers = [{ label: 'Tier 1', min: 80 }, { label: 'Tier 2', min: 60 }, { label: 'Tier 3', min: 0 }];
    const s = stats(rows({ A: { won: 5, lost: 1 }, B: { won: 5, lost: 5 }, C: { won: 2, lost: 8 } }), model);
    expect(s.verdict).toMatch(/^Tier 1 accounts closed at 83% against 46% overall \(1\.8x\) and 20% for Tier 3 accounts, .* Read the tier's rate with care: the Tier 1 has only 6 closed deals\.$/);
  });
});
