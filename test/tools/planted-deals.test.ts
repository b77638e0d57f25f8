// The planted-deals generator: reproducible, the matching model reads every column, and its planted effects are there to be found.
import { checkModel, compileModel, outcomeStats } from '../../src/engine';
import { aucOf, designFromActive, fitPlainLogistic } from '../../src/engine/outcomes/logistic';
import { plantedCsv, plantedDeals, PLANTED_EFFECTS } from '../../tools/planted-deals/deals';

describe('plantedDeals', () => {
  test('the same options give the same deals; another seed gives others', () => {
    const a = plantedDeals({ deals: 200, seed: 3 });
    expect(plantedDeals({ deals: 200, seed: 3 })).toEqual(a);
    expect(plantedDeals({ deals: 200, seed: 4 }).rows).not.toEqual(a.rows);
    expect(a.rows).toHaveLength(200);
    expect(plantedCsv(a).split('\n')[0]).toBe(a.headers.join(','));
  });

  test('accounts repeat, the win rate is calibrated, and the hand model is valid and reads every column', () => {
    const d = plantedDeals({ deals: 3000, seed: 1 });
    expect(new Set(d.account).size).toBeLessThan(0.6 * 3000);
    const won = d.won.filter((w) => w === 1).length / 3000;
    expect(won).toBeGreaterThan(0.25);
    expect(won).toBeLessThan(0.35);
    expect(checkModel(d.model).ok).toBe(true);
    const profile = compileModel(d.model, d.headers).profile();
    const stats = outcomeStats(profile, d.rows, d.headers.indexOf(d.columns.outcome));
    expect(stats.closed).toBe(3000);
    expect(stats.auc!).toBeGreaterThan(0.6);
    expect(d.criteria.map((c) => c.id)).toEqual(d.model.profiles[0]!.criteria.map((c) => c.id));
  });

  test('a logistic fit on the criteria finds the planted effects; with no signal the columns explain nothing', () => {
    const ids = PLANTED_EFFECTS.map((c) => c.id);
    const fitOf = (signal: 'planted' | 'none') => {
      const d = plantedDeals({ deals: 6000, seed: 2, signal });
      const profile = compileModel(d.model, d.headers).profile();
      const order = d.model.profiles[0]!.criteria.map((c) => c.id);
      const active = d.rows.map((row) => profile.statuses(row).flatMap((s, i) => (s === 'matched' ? [ids.indexOf(order[i]!)] : [])));
      return { d, fit: fitPlainLogistic(designFromActive(active, ids.length), d.won.map((w) => w ?? 0), { groups: d.account }) };
    };
    const { d, fit } = fitOf('planted');
    for (const c of d.criteria) {
      const j = ids.indexOf(c.id);
      // Every true effect lies within 3 standard errors of its estimate (loose: ten criteria, one seed).
      expect(Math.abs(fit.coefficients[j]! - c.effect)).toBeLessThan(3 * fit.standardErrors[j]!);
    }
    expect(aucOf(d.columnLogOdds, d.won.map((w) => w ?? 0))!).toBeGreaterThan(0.68);
    const none = fitOf('none');
    expect(new Set(none.d.columnLogOdds).size).toBe(1);
    expect(none.d.criteria.every((c) => c.effect === 0)).toBe(true);
  });
});
