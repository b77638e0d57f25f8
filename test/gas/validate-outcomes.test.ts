// Validate against outcomes on the built bundle: the sample's Outcome column, win rates checked against a scored sheet,
// column choice, errors as values, and nothing written.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { cellText } from '../../src/engine/read/text';
import type { OutcomeValidation, ScoreSheetResult } from '../../src/gas/api-types';
import { plantedDeals } from '../../tools/planted-deals/deals';
import { loadAddon, sampleRows, templateWithTwoProfiles, type Addon } from './harness';

function withModel(rows: unknown[][] = sampleRows(), model = b2bSaasTemplate()): Addon {
  const addon = loadAddon(rows);
  expect(addon.save(model, 0).ok).toBe(true);
  addon.ss.setActiveSheet(addon.sheet());
  return addon;
}

function validate(addon: Addon, request: unknown = {}): OutcomeValidation {
  const r = addon.call<OutcomeValidation>('validateOutcomes', request);
  // Only JSON crosses google.script.run.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  return r;
}

/** The sample without its Outcome column (the last one). */
function withoutOutcome(): string[][] {
  return sampleRows().map((r) => r.slice(0, -1));
}

describe('validateOutcomes', () => {
  test('a Won? column of checkboxes (TRUE / FALSE values) is found and read as won / lost, with a note', () => {
    // The sample's outcomes as checkboxes: won ticked, lost and open unticked (a checkbox cannot say open).
    const rows = sampleRows().map((r, i) => [...r.slice(0, -1), i === 0 ? 'Won?' : r[r.length - 1] === 'won']);
    const r = validate(withModel(rows));
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Won?', candidates: ['Won?'] });
    expect(r.stats).toMatchObject({ accounts: 400, won: 71, lost: 141 + 188, open: 0, flagColumn: 'Won?', closedColumn: null });
  });

  test('with an Is Closed column of checkboxes too, unticked deals are open: the same figures as the Outcome words', () => {
    const rows = sampleRows().map((r, i) => {
      const o = r[r.length - 1];
      return [...r.slice(0, -1), ...(i === 0 ? ['Is Closed Won', 'Is Closed'] : [o === 'won', o !== 'open'])];
    });
    const r = validate(withModel(rows));
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Is Closed Won' });
    expect(r.stats).toMatchObject({ accounts: 400, won: 71, lost: 141, open: 188, flagColumn: 'Is Closed Won', closedColumn: 'Is Closed' });
  });

  test('the sample: finds Outcome, and its win rates per tier match the tiers Score this sheet writes', () => {
    const addon = withModel();
    const before = addon.sheet().getDataRange().getValues();
    const r = validate(addon);
    expect(r).toMatchObject({ ok: true, reason: null, sheetName: 'Accounts', outcomeColumn: 'Outcome', candidates: ['Outcome'], profile: 'Mid-market B2B SaaS' });
    // It writes nothing.
    expect(addon.sheet().getDataRange().getValues()).toEqual(before);
    const s = r.stats!;
    expect(s).toMatchObject({ accounts: 400, won: 71, lost: 141, open: 188, closed: 212 });
    expect(s.tiers.map((t) => t.label)).toEqual(['A', 'B', 'C', 'Disqualified']);
    expect(r.message).toBe(s.verdict);
    expect(s.verdictKind).toBe('separates');
    expect(s.verdict).toMatch(/^A-tier accounts closed at \d+% against 33% overall \(\d+\.\dx\) and \d+% for C-tier accounts, and the scores rank won deals above lost ones \(AUC 0\.\d\d, 95% interval 0\.\d\d to 0\.\d\d\): the model separates winners\./);
    expect(r).toMatchObject({ accountColumn: 'Account', valueColumn: null });
    expect(s.unit).toBe('accounts');

    // Independently: score the sheet and count outcomes per written tier.
    expect(addon.call<ScoreSheetResult>('scoreSheet', {}).ok).toBe(true);
    const data = addon.sheet().getDataRange().getValues();
    const headers = data[0]!.map((v) => cellText(v));
    const tierAt = headers.indexOf('ICP Tier');
    const outcomeAt = headers.indexOf('Outcome');
    for (const t of s.tiers) {
      const rows = data.slice(1).filter((row) => row[tierAt] === t.label);
      const count = (o: string) => rows.filter((row) => row[outcomeAt] === o).length;
      expect([t.accounts, t.won, t.lost, t.open]).toEqual([rows.length, count('won'), count('lost'), count('open')]);
      expect(t.winRate).toBeCloseTo(count('won') / (count('won') + count('lost')));
      expect(t.lift).toBeCloseTo(t.winRate! / (71 / 212));
    }
    expect(s.criteria.length).toBeGreaterThan(3);
    for (const c of s.criteria) expect(c.matched.closed + c.notMatched.closed).toBe(212);
    // Each knock-out rule's accounts are disqualified ones; together they cover the disqualified group.
    const dq = s.tiers[3]!;
    expect(s.knockouts.map((k) => k.id)).toEqual(['size_must', 'public_sector', 'personal_email']);
    for (const k of s.knockouts) expect(k.accounts).toBeLessThanOrEqual(dq.accounts);
    expect(s.knockouts.reduce((n, k) => n + k.accounts, 0)).toBeGreaterThanOrEqual(dq.accounts);
    expect(s.knockouts.reduce((n, k) => n + k.won, 0)).toBeGreaterThanOrEqual(dq.won);
    // The AUC from the written scores: a won account outscores a lost one this often (ties half).
    const scoreAt = headers.indexOf('ICP Score');
    const scoresOf = (o: string) => data.slice(1).filter((row) => row[outcomeAt] === o).map((row) => Number(row[scoreAt]));
    const won = scoresOf('won');
    const lost = scoresOf('lost');
    let pairs = 0;
    for (const w of won) for (const l of lost) pairs += w > l ? 1 : w === l ? 0.5 : 0;
    expect(s.auc).toBeCloseTo(pairs / (won.length * lost.length), 9);
    expect(s.auc!).toBeGreaterThan(0.6);
  });

  test('the sample: one fit weighs every criterion that earns points; none is clear on 197 deals, so nothing to apply, each saying why', () => {
    const r = validate(withModel());
    const s = r.stats!;
    const model = b2bSaasTemplate().profiles[0]!;
    const earning = model.criteria.filter((c) => (c.role ?? 'score') === 'score' || (c.role === 'must' && (c.points ?? 0) !== 0));
    expect(s.suggestion.points.map((x) => x.id)).toEqual(earning.map((c) => c.id));
    expect(s.suggestion.usable).toBe(false);
    expect(s.suggestion.points.some((x) => x.evidence === 'effect')).toBe(false);
    for (const x of s.suggestion.points) {
      expect(x.reason).toMatch(/^(No evidence|Cannot be judged|Goes with (winning|losing), the other criteria held fixed: .*\(a small effect: its interval includes no effect\))/);
      if (x.evidence === 'none') expect(x.suggested).toBe(0);
    }
    expect(r.view!.weights).toBeNull();
  });

  test('deals of planted accounts: the account and value columns are found, the rows are deals, and they can be switched off', () => {
    const d = plantedDeals({ deals: 600, seed: 9 });
    const addon = withModel([d.headers, ...d.rows], d.model);
    const r = validate(addon);
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Stage', accountColumn: 'Account', valueColumn: 'Deal Value' });
    expect(r.stats!.unit).toBe('deals');
    expect(r.stats!.tiers[0]!.wonValue).not.toBeNull();
    const off = validate(addon, { accountColumn: '', valueColumn: '' });
    expect(off).toMatchObject({ accountColumn: null, valueColumn: null });
    expect(off.stats!.unit).toBe('accounts');
    expect(off.stats!.tiers[0]!.wonValue).toBeNull();
  });

  test('two columns headed Outcome: the one holding outcomes is found and read, by default and when picked by name', () => {
    // An earlier "Outcome" column of notes; the real one stays last.
    const rows = sampleRows().map((r, i) => [i === 0 ? 'Outcome' : 'call back later', ...r]);
    const addon = withModel(rows);
    const r = validate(addon);
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Outcome', candidates: ['Outcome'], stats: { won: 71, lost: 141, open: 188 } });
    // The sidebar's dropdown sends the name back.
    expect(validate(addon, { outcomeColumn: 'Outcome' })).toMatchObject({ ok: true, outcomeColumn: 'Outcome', stats: { won: 71, lost: 141 } });
    expect(validate(addon, { outcomeColumn: ' outcome ' })).toMatchObject({ ok: true, stats: { won: 71, lost: 141 } });
  });

  test('two outcome columns with the same name: the dropdown offers the name once, for the one with more outcomes', () => {
    // A first "Status" column with won/lost on a few rows only.
    const rows = sampleRows().map((r, i) => [i === 0 ? 'Status' : i <= 30 ? 'lost' : '', ...r.slice(0, -1), i === 0 ? 'Status' : r[r.length - 1]!]);
    const r = validate(withModel(rows));
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Status', candidates: ['Status'], stats: { won: 71, lost: 141, open: 188 } });
  });

  test('no model saved: an error as a value', () => {
    const addon = loadAddon();
    const r = validate(addon);
    expect(r).toMatchObject({ ok: false, reason: 'no-model', stats: null, profiles: [] });
    expect(r.message).toMatch(/No ICP model is saved/);
  });

  test('no outcome column: says which header names and words are recognised', () => {
    const r = validate(withModel(withoutOutcome()));
    expect(r).toMatchObject({ ok: false, reason: 'no-outcome-column', candidates: [], outcomeColumn: null, stats: null });
    expect(r.message).toContain('Outcome, Status, Stage, Deal Stage');
    expect(r.message).toContain('closed won');
  });

  test('a "Deal Stage" column of Closed Won / Closed Lost is picked by name over another outcome-like column', () => {
    const rows = sampleRows().map((r, i) => {
      const outcome = r[r.length - 1]!;
      const stage = i === 0 ? 'Deal Stage' : outcome === 'won' ? 'Closed Won' : outcome === 'lost' ? 'Closed Lost' : 'In Progress';
      return [...r.slice(0, -1), i === 0 ? 'Last Touch' : 'open', stage];
    });
    const r = validate(withModel(rows));
    expect(r.candidates).toEqual(['Last Touch', 'Deal Stage']);
    expect(r).toMatchObject({ ok: true, outcomeColumn: 'Deal Stage', stats: { won: 71, lost: 141, open: 188 } });
  });

  test('a column chosen by name (case-insensitive); an unknown one is an error', () => {
    const addon = withModel();
    expect(validate(addon, { outcomeColumn: ' outcome ' })).toMatchObject({ ok: true, outcomeColumn: 'Outcome' });
    const wrong = validate(addon, { outcomeColumn: 'Nope' });
    expect(wrong).toMatchObject({ ok: false, reason: 'no-outcome-column', candidates: ['Outcome'] });
    expect(wrong.message).toBe('Sheet "Accounts" has no column "Nope".');
    // A column that holds no outcomes gives no closed deals.
    expect(validate(addon, { outcomeColumn: 'Country' })).toMatchObject({ ok: false, reason: 'too-few', stats: { closed: 0 } });
  });

  test('fewer than 20 closed deals: too-few, with the counts', () => {
    const rows = sampleRows().slice(0, 21);
    const r = validate(withModel(rows));
    expect(r.reason).toBe('too-few');
    expect(r.stats!.closed).toBeLessThan(20);
    expect(r.message).toMatch(/^Not enough closed deals to judge the model: \d+ won or lost \(fewer than 20\)\.$/);
  });

  test('a profile by name; an unknown profile is an error that lists the profiles', () => {
    const addon = withModel(sampleRows(), templateWithTwoProfiles());
    const r = validate(addon, { outcomeColumn: null, profile: 'Enterprise' });
    expect(r).toMatchObject({ ok: true, profile: 'Enterprise', profiles: ['Mid-market B2B SaaS', 'Enterprise'] });
    const bad = validate(addon, { profile: 'Nope' });
    expect(bad).toMatchObject({ ok: false, reason: 'profile' });
    expect(bad.message).toContain('"Enterprise"');
  });
});
