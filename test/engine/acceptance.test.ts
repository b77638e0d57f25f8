// End to end: the shipped B2B SaaS template scores data/sample-accounts.csv sensibly (tiers spread, won above lost).
import { join } from 'node:path';
import { b2bSaasTemplate, compileModel, type Explanation } from '../../src/engine';
import { parseCsv, readCsvTable } from '../factories/csv';

const SAMPLE = join(__dirname, '..', '..', 'data', 'sample-accounts.csv');
const TODAY = new Date(2026, 10, 1);

describe('the test CSV parser (RFC 4180)', () => {
  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","x\ny"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });

  test('empty fields, a BOM and a missing final line break', () => {
    expect(parseCsv('\ufeffa,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });
});

describe('scoring data/sample-accounts.csv with the B2B SaaS template (today = 2026-11-01)', () => {
  const { headers, rows } = readCsvTable(SAMPLE);
  const compiled = compileModel(b2bSaasTemplate(), headers, { today: TODAY });
  const profile = compiled.profile();
  const outcomeColumn = headers.indexOf('Outcome');
  let results: Explanation[] = [];

  test('the sample has a header row, data rows of the same width and an Outcome column', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(outcomeColumn).toBeGreaterThanOrEqual(0);
    for (const r of rows) expect(r).toHaveLength(headers.length);
  });

  test('every column the template reads is in the sample', () => {
    expect(profile.missingColumns).toEqual([]);
  });

  test('every row scores and explains without throwing; every non-blank row gets a tier', () => {
    results = rows.map((r) => profile.explain(r));
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      if (!r.blank) {
        expect(profile.tierLabels).toContain(r.tier);
        expect(r.text).not.toBe('');
      }
    }
    expect(results.filter((r) => !r.blank).length).toBeGreaterThan(0);
  });

  test('the tiers are spread: some A, B, C and Disqualified rows', () => {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
    for (const tier of ['A', 'B', 'C', 'Disqualified']) expect(counts.get(tier) ?? 0).toBeGreaterThan(0);
    // A is for immediate sales attention: it should be the smallest of the scoring tiers.
    expect(counts.get('A')!).toBeLessThan(counts.get('C')!);
  });

  test('disqualified rows score 0 and say why', () => {
    for (const r of results.filter((x) => x.disqualified)) {
      expect(r.score).toBe(0);
      expect(r.text.startsWith('Disqualified: ')).toBe(true);
    }
  });

  test('won accounts have a higher mean score than lost ones', () => {
    const mean = (outcome: string): number => {
      const scores = rows.flatMap((r, i) => (r[outcomeColumn] === outcome ? [results[i]!.score] : []));
      expect(scores.length).toBeGreaterThan(0);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(mean('won')).toBeGreaterThan(mean('lost'));
  });

  test('evaluate and bestFit agree with explain for every row', () => {
    rows.forEach((r, i) => {
      const why = results[i]!;
      expect(profile.evaluate(r)).toEqual({ blank: why.blank, score: why.score, tier: why.tier, disqualified: why.disqualified });
      const best = compiled.bestFit(r);
      if (why.disqualified) expect(best.profile).toBeNull();
      else expect(best).toMatchObject({ profile: profile.name, score: why.score, tier: why.tier });
    });
  });
});
