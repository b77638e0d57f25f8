// Suggested points from one penalised logistic fit: the suggested model ranks deals as the fit does, proxies and twins get next to nothing, no evidence means 0.
import { checkModel, compileModel, outcomeStats, withSuggestedPoints, type Model, type OutcomeStats } from '../../src/engine';
import { spearman } from '../../src/engine/outcomes/fit-points';
import { aucOf } from '../../src/engine/outcomes/logistic';
import { plantedDeals, type PlantedDeals } from '../../tools/planted-deals/deals';

function validate(d: PlantedDeals): OutcomeStats {
  const profile = compileModel(d.model, d.headers).profile();
  return outcomeStats(profile, d.rows, d.headers.indexOf('Stage'), {
    account: { header: 'Account', index: 0 }, value: { header: 'Deal Value', index: d.headers.indexOf('Deal Value') },
  });
}

/** Each criterion's share of the score when it matches: 100 x weight x points / (total weight x category's points possible). */
function effectivePoints(model: Model): Map<string, number> {
  const p = model.profiles[0]!;
  const total = p.categories.reduce((a, c) => a + c.weight, 0);
  const out = new Map<string, number>();
  for (const c of p.criteria) {
    const possible = p.criteria.filter((x) => x.category === c.category).reduce((a, x) => a + Math.max(0, x.points ?? 0), 0);
    const w = p.categories.find((x) => x.id === c.category)!.weight;
    out.set(c.id, possible > 0 ? (100 * w * (c.points ?? 0)) / (total * possible) : (100 * w) / total);
  }
  return out;
}

describe('suggestFromOutcomes on planted deals', () => {
  const d = plantedDeals({ deals: 3000, seed: 21 });
  const s = validate(d);
  const suggested = withSuggestedPoints(d.model, s.profile, s.suggestion)!;

  test('the suggested model is valid and ranks deals as the fit does, within rounding (engine scores against the fit)', () => {
    expect(s.suggestion.usable).toBe(true);
    expect(checkModel(suggested).ok).toBe(true);
    const scored = compileModel(suggested, d.headers).profile();
    const original = compileModel(d.model, d.headers).profile();
    const ids = original.profile.criteria.map((c) => c.id);
    const effect = new Map(s.suggestion.points.map((p) => [p.id, p.match?.effect ?? 0]));
    const scores: number[] = [];
    const predictor: number[] = [];
    const won: number[] = [];
    d.rows.forEach((row) => {
      const st = original.statuses(row);
      predictor.push(ids.reduce((a, id, i) => a + (st[i] === 'matched' ? effect.get(id)! : 0), 0));
      scores.push(scored.evaluate(row).score);
      won.push(row[1] === 'Closed Won' ? 1 : 0);
    });
    expect(spearman(scores, predictor)).toBeGreaterThan(0.995);
    expect(Math.abs(aucOf(scores, won)! - aucOf(predictor, won)!)).toBeLessThan(0.005);
    expect(s.suggestion.fit!.rankAgreement!).toBeGreaterThan(0.995);
  });

  test('the useless proxy and the correlated twin get at most a fifth of the strongest criterion\'s effective points', () => {
    const eff = effectivePoints(suggested);
    const strongest = Math.max(...[...eff.values()].map(Math.abs));
    for (const id of ['segment', 'pageviews', 'region', 'linkedin']) expect(Math.abs(eff.get(id)!)).toBeLessThanOrEqual(strongest / 5);
    const by = new Map(s.suggestion.points.map((p) => [p.id, p]));
    expect(by.get('segment')!.suggested).toBe(0);
    // Its near-copy carries the effect, and the reason names it.
    expect(by.get('segment')!.reason).toMatch(/^No evidence of its own: it won \d+% of [\d,]+ where it matched .* but it agrees with "SaaS or Fintech" \(on \d+% of the closed deals\), .*; "SaaS or Fintech" carries it, so this one is set to 0\.$/);
    expect(by.get('industry')!.evidence).toBe('effect');
    expect(by.get('competitor')!.suggested).toBeLessThan(0);
    // Every effect shown with its interval.
    expect(by.get('industry')!.reason).toMatch(/odds ×\d\.\d+ \(95% interval ×\d\.\d+ to ×\d\.\d+\)/);
  });

  test('no evidence anywhere: no suggestion to apply, every criterion says why', () => {
    const none = validate(plantedDeals({ deals: 1000, seed: 22, signal: 'none' }));
    expect(none.suggestion.usable).toBe(false);
    expect(none.suggestion.note).toMatch(/^No suggestion/);
    expect(withSuggestedPoints(d.model, none.profile, none.suggestion)).toBeNull();
    for (const p of none.suggestion.points) expect(p.reason).not.toBe('');
  });

  test('a criterion written twice: one carries the effect, the copy is suggested 0 and says it matches the same deals', () => {
    const model = JSON.parse(JSON.stringify(d.model)) as Model;
    const industry = model.profiles[0]!.criteria.find((c) => c.id === 'industry')!;
    model.profiles[0]!.criteria.push({ ...industry, id: 'industry-again', label: 'SaaS or Fintech again', category: 'technographic' });
    const r = outcomeStats(compileModel(model, d.headers).profile(), d.rows, 1, { account: { header: 'Account', index: 0 } });
    const by = new Map(r.suggestion.points.map((p) => [p.id, p]));
    expect(by.get('industry')!.suggested).toBeGreaterThan(0);
    expect(by.get('industry')!.reason).toMatch(/ It matches exactly the same closed deals as "SaaS or Fintech again", so the data cannot tell the two apart; it carries their shared effect\. If you trust "SaaS or Fintech again" more, move the points there\.$/);
    expect(by.get('industry-again')!.suggested).toBe(0);
    expect(by.get('industry-again')!.reason).toMatch(new RegExp(
      '^No evidence of its own: it won \\d+% of [\\d,]+ where it matched against \\d+% of [\\d,]+ where it did not, but it matches exactly the same closed deals as "SaaS or Fintech", '
      + 'so the data cannot tell the two apart; "SaaS or Fintech" carries their shared effect, so this one is set to 0 \\(if you trust it more, move the points here\\)\\.$',
    ));
  });

  test('a criterion that matches no deal cannot be judged and keeps its points, saying so', () => {
    const model = JSON.parse(JSON.stringify(d.model)) as Model;
    model.profiles[0]!.criteria.push({ id: 'never', label: 'Mining', category: 'firmographic', column: 'Industry', when: { op: 'equals', value: 'Mining' }, points: 7 });
    const profile = compileModel(model, d.headers).profile();
    const r = outcomeStats(profile, d.rows.slice(0, 800), 1, { account: { header: 'Account', index: 0 } });
    const never = r.suggestion.points.find((p) => p.id === 'never')!;
    expect(never).toMatchObject({ evidence: 'cannot-judge', current: 7, suggested: 7 });
    expect(never.reason).toBe('Cannot be judged: it matched none of the 800 closed deals; its points are left as they are.');
  });
});

describe('the useless proxy on 1,000 planted deals (bench/outcomes.ts runs 100 such seeds)', () => {
  // Seeds 7000 + r, CV seed r + 1, as the bench's runs. 7000 is its first; the other six are runs where
  // the single lasso fit gave the proxy more than a fifth of the strongest criterion (0.21 to 0.55) before near-duplicates
  // were screened (src/engine/outcomes/near-duplicates.ts).
  test.each([7000, 7021, 7036, 7047, 7078, 7082, 7088])('seed %i: Segment gets at most a fifth of the strongest criterion\'s effective points', (seed) => {
    const d = plantedDeals({ deals: 1000, seed });
    const s = outcomeStats(compileModel(d.model, d.headers).profile(), d.rows, 1, { account: { header: 'Account', index: 0 }, suggest: true, seed: seed - 6999 });
    expect(s.suggestion.usable).toBe(true);
    const eff = effectivePoints(withSuggestedPoints(d.model, s.profile, s.suggestion)!);
    const strongest = Math.max(...[...eff.values()].map(Math.abs));
    expect(Math.abs(eff.get('segment')!)).toBeLessThanOrEqual(strongest / 5);
  });

  test('when the data favour the proxy (seed 7011), it carries the shared effect and both reasons say the data cannot tell which matters', () => {
    // Seed 7011: deals where only Segment matched won 32% (11 of 34), where only the industry matched 25% (8 of 32);
    // given the other criteria, Segment's effect is odds ×1.7 and the industry's ×1.1. No method that follows the data
    // gives the industry the points here; the suggestion says the choice is the data's best guess.
    const d = plantedDeals({ deals: 1000, seed: 7011 });
    const s = outcomeStats(compileModel(d.model, d.headers).profile(), d.rows, 1, { account: { header: 'Account', index: 0 }, suggest: true, seed: 12 });
    const by = new Map(s.suggestion.points.map((p) => [p.id, p]));
    expect(by.get('industry')!.suggested).toBe(0);
    expect(by.get('industry')!.reason).toMatch(/agrees with "Tech segment" \(on 93% of the closed deals\).*the data cannot tell which matters, and "Tech segment", whose evidence is stronger, carries their shared effect, so this one is set to 0 \(if you trust it more, move the points here\)\.$/);
    expect(by.get('segment')!.suggested).toBeGreaterThan(0);
    expect(by.get('segment')!.reason).toMatch(/It agrees with "SaaS or Fintech" \(on 93% of the closed deals\), and the data cannot tell which of the two matters .* If you trust "SaaS or Fintech" more, move the points there\.$/);
  });

  test('no signal: a lone 95% interval that excludes no effect is not enough for a suggestion (seed 9024)', () => {
    // Among ten criteria one such interval in ten comes by chance; the suggestion needs one that stays clear by Holm's test.
    const d = plantedDeals({ deals: 1000, seed: 9024, signal: 'none' });
    const s = validate(d);
    expect(s.suggestion.points.find((p) => p.id === 'region')!.evidence).toBe('effect');
    expect(s.suggestion.usable).toBe(false);
    expect(s.suggestion.note).toMatch(/^No suggestion/);
  });
});
