// Drafting a model from outcomes: candidates, labels, quantile cuts, exclusions, tiers, a valid model that ranks as its fit, and little drafted from no signal.

import { plantedDeals } from '../../tools/planted-deals/deals';
import { checkModel, compileModel } from '../../src/engine';
import { compileContext } from '../../src/engine/compile';
import { columnCandidates, rangeCuts } from '../../src/engine/outcomes/draft/candidates';
import { categoryOf } from '../../src/engine/outcomes/draft/categories';
import { readColumn } from '../../src/engine/outcomes/draft/columns';
import { draftModel } from '../../src/engine/outcomes/draft/draft';
import { draftExclusions } from '../../src/engine/outcomes/draft/exclusions';
import { niceNumber, rangeLabel, recencyLabel, valuesLabel, itemsLabel } from '../../src/engine/outcomes/draft/labels';
import { quantileTiers, pointsOf } from '../../src/engine/outcomes/draft/build-profile';
import { rankAgreement } from '../../src/engine/outcomes/draft/rank-agreement';

const TODAY = new Date(2026, 10, 1);
const CONTEXT = compileContext({ today: TODAY });
const all = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

describe('labels', () => {
  test('ranges read as people write them', () => {
    const plain = { money: false, year: false };
    expect(rangeLabel('Employees', 51, 1000, plain)).toBe('51-1,000 employees');
    expect(rangeLabel('Employees', undefined, 50, plain)).toBe('Up to 50 employees');
    expect(rangeLabel('Employees', 1001, undefined, plain)).toBe('1,001+ employees');
    expect(rangeLabel('Annual Revenue', 10e6, 50e6, { money: true, year: false })).toBe('$10M-$50M annual revenue');
    expect(rangeLabel('Year Founded', 1990, 2005, { money: false, year: true })).toBe('Year Founded 1990-2005');
    expect(rangeLabel('NPS', 7, undefined, plain)).toBe('NPS 7 or more');
  });

  test('values, items and recency', () => {
    expect(valuesLabel('Industry', ['SaaS', 'Fintech'])).toBe('Industry is SaaS or Fintech');
    expect(valuesLabel('Industry', ['SaaS', 'Fintech', 'Media'])).toBe('Industry is SaaS, Fintech or Media');
    expect(itemsLabel('Tech Stack', ['Salesforce'])).toBe('Tech Stack includes Salesforce');
    expect(recencyLabel('Last Funding Date', 180)).toBe('Raised funding in the last 180 days');
    expect(recencyLabel('Renewal Date', 90)).toBe('Renewal in the last 90 days');
  });

  test('round bounds: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8 times a power of ten; small whole numbers kept', () => {
    expect([niceNumber(47), niceNumber(180), niceNumber(960), niceNumber(13_800_000), niceNumber(7), niceNumber(0.33)]).toEqual([50, 200, 1000, 15_000_000, 7, 0.3]);
  });

  test('categories by header words and value kind', () => {
    expect(categoryOf('Tech Stack', 'list')).toBe('technographic');
    expect(categoryOf('Website Visits (30d)', 'number')).toBe('behavioral');
    expect(categoryOf('Last Funding Date', 'date')).toBe('intent');
    expect(categoryOf('Funding Stage', 'text')).toBe('firmographic');
    expect(categoryOf('Hiring Sales Reps', 'bool')).toBe('intent');
    expect(categoryOf('office_location', 'text')).toBe('firmographic');
    expect(categoryOf('Favourite colour', 'text')).toBe('other');
  });
});

describe('candidates', () => {
  test('numeric ranges are cut at round numbers near the quantiles, every run of bins a candidate', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [String(10 + 2 * i)]); // 10 .. 1008
    const column = readColumn(rows, 0, 'Employees');
    expect(column.kind).toBe('number');
    expect(rangeCuts(column, all(500))).toEqual([200, 400, 600, 800]);
    const labels = columnCandidates(column, all(500), CONTEXT).map((c) => c.label);
    expect(labels).toContain('Up to 200 employees');
    expect(labels).toContain('201-400 employees');
    expect(labels).toContain('801+ employees');
    expect(labels).toContain('201-800 employees');
    expect(labels).not.toContain('Up to 1,008 employees');
    expect(labels).toHaveLength(14); // 5 bins: 15 runs, less the whole range
  });

  test('each kind of column gives its kind of criterion, matched as the engine matches', () => {
    const n = 200;
    const rows = Array.from({ length: n }, (_, i) => [
      ['SaaS', 'Fintech', 'Retail', 'Media'][i % 4]!,
      i % 3 === 0 ? 'Salesforce, Slack' : 'HubSpot; Zoom',
      i % 2 === 0 ? '2026-10-01' : '2024-01-15',
      i % 5 === 0 ? 'Yes' : 'No',
    ]);
    const [text, list, date, bool] = [0, 1, 2, 3].map((k) => readColumn(rows, k, ['Industry', 'Tech Stack', 'Last Funding Date', 'Demo Requested'][k]!));
    expect([text!.kind, list!.kind, date!.kind, bool!.kind]).toEqual(['text', 'list', 'date', 'bool']);
    const industry = columnCandidates(text!, all(n), CONTEXT);
    expect(industry.map((c) => [c.label, c.matched])).toEqual([['Industry is Fintech', 50], ['Industry is Media', 50], ['Industry is Retail', 50], ['Industry is SaaS', 50]]);
    const stack = columnCandidates(list!, all(n), CONTEXT);
    expect(stack.find((c) => c.label === 'Tech Stack includes Salesforce')?.matched).toBe(67);
    expect(stack.find((c) => c.label === 'Tech Stack includes Zoom')?.when).toEqual({ op: 'in', values: ['Zoom'] });
    const recency = columnCandidates(date!, all(n), CONTEXT);
    expect(recency.map((c) => c.label)).toContain('Raised funding in the last 90 days');
    expect(recency.find((c) => c.label === 'Raised funding in the last 90 days')?.matched).toBe(100);
    expect(columnCandidates(bool!, all(n), CONTEXT).map((c) => [c.label, c.when.op, c.matched])).toEqual([['Demo Requested: yes', 'isTrue', 40]]);
  });
});

describe('exclusions', () => {
  const table = (values: string[], won: number[]) => {
    const rows = values.map((v) => [v]);
    return { column: readColumn(rows, 0, 'Industry'), closed: all(values.length), won: Uint8Array.from(won) };
  };

  test('a value that lost all of at least 20 closed deals, at a win rate where that is no bad run, is excluded', () => {
    // 25 Government deals all lost; 175 others won 40% of the time.
    const values = [...Array(25).fill('Government'), ...Array.from({ length: 175 }, (_, i) => ['SaaS', 'Retail'][i % 2]!)];
    const won = [...Array(25).fill(0), ...Array.from({ length: 175 }, (_, i) => (i % 5 < 2 ? 1 : 0))];
    const t = table(values, won);
    const ex = draftExclusions([t.column], t.closed, t.won, CONTEXT);
    expect(ex.map((e) => [e.label, e.deals])).toEqual([['Industry is Government', 25]]);
  });

  test('not with fewer than 20 deals, nor when losing them all is likely at the overall win rate', () => {
    const few = table([...Array(19).fill('Government'), ...Array(181).fill('SaaS')], [...Array(19).fill(0), ...Array.from({ length: 181 }, (_, i) => (i % 5 < 2 ? 1 : 0))]);
    expect(draftExclusions([few.column], few.closed, few.won, CONTEXT)).toEqual([]);
    // 5% win rate overall: 30 losses in a row happen by chance a fifth of the time.
    const rare = table([...Array(30).fill('Government'), ...Array(170).fill('SaaS')], [...Array(30).fill(0), ...Array.from({ length: 170 }, (_, i) => (i % 17 === 0 ? 1 : 0))]);
    expect(draftExclusions([rare.column], rare.closed, rare.won, CONTEXT)).toEqual([]);
  });
});

describe('tiers and points', () => {
  test('tiers cut at the scores\' quantiles: A for the top fifth, B down to the median, C from 0', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    expect(quantileTiers(scores).map((t) => [t.label, t.min])).toEqual([['A', 80], ['B', 50], ['C', 0]]);
    // Scores that do not spread: no empty tiers.
    expect(quantileTiers(Array(50).fill(0)).map((t) => [t.label, t.min])).toEqual([['A', 0]]);
  });

  test('the strongest effect gets 40 points, the others in proportion', () => {
    expect(pointsOf([1.2, 0.6, -0.3, 0.01])).toEqual([40, 20, -10, 0]);
  });

  test('rank agreement counts pairs put in the fit\'s order, ties in score as half', () => {
    expect(rankAgreement(Float64Array.from([1, 2, 3]), Float64Array.from([10, 20, 30]))).toBe(1);
    expect(rankAgreement(Float64Array.from([1, 2, 3]), Float64Array.from([30, 20, 10]))).toBe(0);
    expect(rankAgreement(Float64Array.from([1, 2]), Float64Array.from([5, 5]))).toBe(0.5);
  });
});

describe('draftModel on planted deals', () => {
  const planted = plantedDeals({ deals: 1000, seed: 3 });
  const r = draftModel(planted.headers, planted.rows, { today: TODAY });

  test('drafts a valid model whose criteria are the planted effects, each with its evidence', () => {
    expect(r.ok).toBe(true);
    expect(checkModel(r.model).ok).toBe(true);
    expect(r.outcomeColumn).toBe('Stage');
    expect(r.accountColumn).toBe('Account');
    // A few unequal effects, a proxy and a correlated pair from 1,000 deals: the sparse fit weighs them better than units of evidence.
    expect(r.recipe).toBe('sparse');
    expect(r.heldOutDeviance!.sparse).toBeLessThan(r.heldOutDeviance!.evidence);
    const columns = new Set(r.criteria.map((c) => c.column));
    expect(columns.has('Industry')).toBe(true);
    // The outcome, the account and the deal value's after-close twin never become criteria; nor do useless columns here.
    for (const never of ['Stage', 'Account']) expect(columns.has(never)).toBe(false);
    for (const c of r.criteria) {
      expect(c.matched.closed + c.notMatched.closed).toBe(1000);
      expect(c.effect!.low).toBeLessThan(c.effect!.oddsRatio);
      expect(c.effect!.high).toBeGreaterThan(c.effect!.oddsRatio);
      expect(c.text).toMatch(/^Won \d+% of [\d,]+ closed deals where it matched against \d+% of [\d,]+ where it did not; odds of winning x/);
      // A criterion whose interval holds "no effect" says so instead of passing for evidence.
      expect(c.text.includes('not clear on its own')).toBe(!(c.effect!.low > 1 || c.effect!.high < 1));
    }
    const profile = r.model!.profiles[0]!;
    expect(profile.criteria.every((c) => c.description !== undefined && c.description !== '')).toBe(true);
    expect(profile.tiers.map((t) => t.label)).toEqual(['A', 'B', 'C']);
  });

  test('the drafted scores rank closed deals as the fitted effects do', () => {
    const profile = compileModel(r.model!, planted.headers, { today: TODAY }).profile();
    const logOdds = new Map(r.criteria.map((c) => [c.id, Math.log(c.effect!.oddsRatio)]));
    const ids = r.model!.profiles[0]!.criteria.map((c) => c.id);
    const eta: number[] = [];
    const scores: number[] = [];
    planted.rows.forEach((row, i) => {
      if (planted.won[i] === null) return;
      const statuses = profile.statuses(row);
      eta.push(statuses.reduce((s, st, k) => s + (st === 'matched' ? logOdds.get(ids[k]!)! : 0), 0));
      scores.push(profile.evaluate(row).score);
    });
    expect(rankAgreement(Float64Array.from(eta), Float64Array.from(scores))).toBeGreaterThan(0.99);
    expect(r.rankAgreement).toBeGreaterThan(0.99);
    // No pair ordered against the fit by more than the rounding of the points can explain.
    const top = Math.max(...[...logOdds.values()].map(Math.abs));
    for (let i = 0; i < eta.length; i += 7) {
      for (let j = 0; j < eta.length; j += 11) {
        if (eta[i]! - eta[j]! > (top / 40) * r.criteria.length) expect(scores[i]).toBeGreaterThanOrEqual(scores[j]!);
      }
    }
  });
});

describe('no signal', () => {
  test('deals whose outcome ignores every column draft little or nothing, and say so', () => {
    const drafted = [1, 2, 3].map((seed) => {
      const d = plantedDeals({ deals: 1000, seed, signal: 'none' });
      return draftModel(d.headers, d.rows, { today: TODAY });
    });
    for (const r of drafted) expect(r.criteria.length).toBeLessThanOrEqual(2);
    const nothing = drafted.find((r) => !r.ok);
    expect(nothing?.model).toBeNull();
    expect(nothing?.recipe).toBe('none');
    expect(nothing?.message).toMatch(/^No column goes with winning clearly enough to draft a criterion from 1,000 closed deals \(\d+ won\): \d+ candidate criteria from \d+ columns were tried\. Nothing was drafted\.$/);
  });

  test('the sparse fit is held to its held-out AUC too: no-signal sets where it drafted a dozen criteria draft nothing', () => {
    // Seeds 923 and 976 (300 deals) passed the elastic net's own gate (half a standard error of held-out deviance)
    // and drafted 12 criteria from noise; redone inside the folds, the fit's held-out AUC's 99% interval holds 0.5.
    for (const seed of [923, 976]) {
      const d = plantedDeals({ deals: 300, seed, signal: 'none' });
      const r = draftModel(d.headers, d.rows, { today: TODAY });
      expect(r.recipe).toBe('none');
      expect(r.criteria).toHaveLength(0);
    }
  });

  test('too few closed deals, or only one outcome, are refused with the reason', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['SaaS', i % 2 === 0 ? 'won' : 'lost']);
    expect(draftModel(['Industry', 'Outcome'], rows).message).toBe('Too few closed deals to draft from: 30 won or lost in column "Outcome" (at least 40 are needed).');
    const allWon = Array.from({ length: 50 }, () => ['SaaS', 'won']);
    expect(draftModel(['Industry', 'Outcome'], allWon).message).toBe('All 50 closed deals in column "Outcome" were won: drafting needs both won and lost deals.');
  });
});

describe('outcome columns and columns that are not candidates', () => {
  test('a yes/no "best customer" column is the outcome; ids, e-mails and columns written at close are not candidates', () => {
    const rows = Array.from({ length: 300 }, (_, i) => {
      const best = i % 3 === 0;
      const saas = best ? i % 4 !== 0 : i % 4 === 0;
      return [`Acct ${i}`, `x${i}@co${i}.com`, saas ? 'SaaS' : 'Retail', best ? '2026-06-01' : '2026-07-01', best ? 'Yes' : 'No'];
    });
    const r = draftModel(['Company', 'Email', 'Industry', 'Close Date', 'Best Customer'], rows, { today: TODAY, outcomeColumn: 'Best Customer' });
    expect(r.ok).toBe(true);
    expect(r.outcomeColumn).toBe('Best Customer');
    expect(r.criteria.map((c) => c.label)).toEqual(['Industry is SaaS']);
    expect(r.skipped).toEqual([
      { column: 'Company', reason: 'names or ids, mostly one value per row' },
      { column: 'Email', reason: 'names or ids, mostly one value per row' },
      { column: 'Close Date', reason: 'written when a deal closes, so it would predict the outcome from itself' },
    ]);
    expect(r.message).toMatch(/"yes" in Best Customer/);
  });

  test('the columns ICP Scorer writes (Score this sheet, the playground\'s live formulas, icp score) are not candidates: a draft from them would learn the current model', () => {
    const ours = ['ICP Score', 'ICP Tier', 'ICP Why', 'ICP Tier order', 'ICP Score (ICP Scorer)', 'ICP Score (live)', 'ICP Tier (live)'];
    const rows = Array.from({ length: 300 }, (_, i) => {
      const won = i % 3 === 0;
      const saas = won ? i % 4 !== 0 : i % 4 === 0;
      // The scores follow the outcome exactly: were they candidates, they would be drafted first.
      return [saas ? 'SaaS' : 'Retail', ...ours.map((h) => (h.toLowerCase().includes('score') ? String(won ? 90 : 10) : won ? 'A' : 'C')), won ? 'won' : 'lost'];
    });
    const r = draftModel(['Industry', ...ours, 'Outcome'], rows, { today: TODAY });
    expect(r.criteria.map((c) => c.column)).toEqual(['Industry']);
    expect(r.skipped.map((s) => s.column)).toEqual(ours);
    for (const s of r.skipped) expect(s.reason).toBe('scores written by ICP Scorer: a draft from them would learn the current model, not the outcomes');
    // `icp score` and `icp sql` name them icp_score and icp_tier.
    const cli = draftModel(['Industry', 'icp_score', 'icp_tier', 'Outcome'], rows.map((r) => [r[0], r[1], r[2], r[r.length - 1]]), { today: TODAY });
    expect(cli.skipped.map((s) => s.column)).toEqual(['icp_score', 'icp_tier']);
  });
});
