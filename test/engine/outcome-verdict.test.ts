// The verdict's test on seeded data: few false claims without signal, detection with it; deals of one account counted together; deals/accounts wording; value per tier.
import { accountsLine, compileModel, outcomeStats, tierTable, type OutcomeStats } from '../../src/engine';
import { aucInterval } from '../../src/engine/outcomes/auc-interval';
import { seededRandom } from '../../src/engine/outcomes/logistic';
import { plantedDeals, type PlantedDeals } from '../../tools/planted-deals/deals';

function verdict(d: PlantedDeals, account = true): OutcomeStats {
  const profile = compileModel(d.model, d.headers).profile();
  return outcomeStats(profile, d.rows, 1, {
    account: account ? { header: 'Account', index: 0 } : null, value: { header: 'Deal Value', index: d.headers.indexOf('Deal Value') }, suggest: false,
  });
}

describe('the verdict on planted deals', () => {
  test('no signal: at most a few false claims in 40 seeded data sets of 300 deals', () => {
    let claims = 0;
    for (let seed = 1; seed <= 40; seed++) if (verdict(plantedDeals({ deals: 300, seed, signal: 'none' })).verdictKind === 'separates') claims++;
    // The test's level is 5% two-sided (2.5% each way): 4 of 40 would already be unlikely (p < 0.02).
    expect(claims).toBeLessThanOrEqual(3);
  });

  test('planted effects: detected in nearly every one of 10 data sets of 1,000 deals, even with effects weakened to a hand-model AUC near 0.6', () => {
    let detected = 0;
    let auc = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const s = verdict(plantedDeals({ deals: 1000, seed, strength: 0.6 }));
      if (s.verdictKind === 'separates') detected++;
      auc += s.auc! / 10;
    }
    expect(auc).toBeLessThan(0.63);
    expect(detected).toBeGreaterThanOrEqual(8);
  });

  test('repeated deals of one account widen the interval: clustered standard error above the per-deal one', () => {
    // Each account's 4 deals share score and outcome: 4 copies of 150 independent deals are 150 deals' worth of evidence.
    const random = seededRandom(5);
    const scores: number[] = [];
    const won: number[] = [];
    const account: number[] = [];
    for (let a = 0; a < 150; a++) {
      const score = random.int(100);
      const w = random.chance(0.3 + score / 500) ? 1 : 0;
      for (let k = 0; k < 4; k++) {
        scores.push(score);
        won.push(w);
        account.push(a);
      }
    }
    const flat = aucInterval(scores, won)!;
    const clustered = aucInterval(scores, won, account)!;
    expect(clustered.auc).toBe(flat.auc);
    expect(clustered.se / flat.se).toBeGreaterThan(1.7);
    expect(clustered.clusters).toBe(150);
  });
});

describe('deals or accounts, and value per tier', () => {
  test('rows repeating accounts are deals, with thousands grouped; unique rows are accounts', () => {
    const d = plantedDeals({ deals: 7375, seed: 2 });
    const s = verdict(d);
    expect(s.unit).toBe('deals');
    expect(accountsLine(s)).toMatch(/^7,375 deals of 2,\d{3} accounts: \d,\d{3} won, \d,\d{3} lost, 0 open; \d+% of closed deals won\.$/);
    expect(tierTable(s).head[1]).toBe('Deals');
    const one = plantedDeals({ deals: 300, seed: 2, dealsPerAccount: 1 });
    const u = verdict(one);
    expect(u.unit).toBe('accounts');
    expect(accountsLine(u)).toMatch(/^300 accounts: /);
    // Without an account column nothing says the rows repeat accounts.
    expect(verdict(d, false).unit).toBe('accounts');
  });

  test('each tier\'s won value, its average and its lift against the average won deal', () => {
    const d = plantedDeals({ deals: 500, seed: 3 });
    const s = verdict(d);
    let total = 0;
    let count = 0;
    d.rows.forEach((row, i) => {
      if (row[1] === 'Closed Won') {
        total += d.value[i]!;
        count++;
      }
    });
    const tiers = s.tiers.filter((t) => t.won > 0);
    expect(tiers.reduce((a, t) => a + t.wonValue!, 0)).toBeCloseTo(total, 6);
    for (const t of tiers) {
      expect(t.averageWonValue!).toBeCloseTo(t.wonValue! / t.won, 6);
      expect(t.valueLift!).toBeCloseTo(t.averageWonValue! / (total / count), 6);
    }
    expect(tierTable(s).head).toEqual(['Tier', 'Deals', 'Won', 'Lost', 'Win rate', 'Lift', 'Won value', 'Avg won', 'Value lift']);
    expect(s.valueColumn).toBe('Deal Value');
  });
});
