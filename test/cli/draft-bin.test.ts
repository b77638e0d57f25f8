// End-to-end tests of `icp draft` through the real bin/icp.js: the report with evidence, --out, --json, nothing drafted, and its errors.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../factories/csv';
import { checkModel } from '../../src/engine';
import { draftModel } from '../../src/engine/outcomes/draft/draft';
import { plantedDeals } from '../../tools/planted-deals/deals';
import { REPO, runIcp, tempDir, writeFiles } from './fixtures';

jest.setTimeout(60_000);

const SAMPLE = path.join(REPO, 'data', 'sample-accounts.csv');
const TODAY = '2026-11-01';

/** Rows as CSV text (every cell quoted). */
function csv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
}

describe('icp draft', () => {
  test('drafts from the sample: the report shows each criterion\'s evidence and the tiers; --out writes the same valid model the engine drafts', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'drafted.json');
    const r = await runIcp(['draft', SAMPLE, '--outcome', 'Outcome', '--today', TODAY, '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Draft from ${SAMPLE}, outcomes from column "Outcome".`);
    expect(lines[1]).toMatch(/^Drafted \d+ criteri(a|on) from 212 closed accounts \(71 won, 33%\): \d+ candidates from \d+ columns tried\.$/);
    expect(lines.find((l) => l.startsWith('Criterion'))).toMatch(/^Criterion +Category +Points +Matched +Not matched +Odds \(95%\)$/);
    expect(lines.some((l) => /^(Employees by band|[\d,+-]+ employees|Up to [\d,]+ employees) +firmographic +\d+ +\d+% of \d+ +\d+% of \d+ +x[\d.]+ \([\d.]+-[\d.]+\)$/.test(l))).toBe(true);
    expect(lines).toContain('Tiers (cut at the scores\' quantiles)');
    expect(lines).toContain('Not used: "Contact Email" (names or ids, mostly one value per row).');
    expect(r.stderr).toBe(`icp: wrote ${out}: the drafted model ("Drafted from outcomes"); review it, then import it in the sidebar or score with it\n`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    expect(checkModel(model).ok).toBe(true);
    // The CLI drafts what the engine drafts from the same cells.
    const [headers, ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'));
    const engine = draftModel(headers!, rows, { today: new Date(2026, 10, 1), outcomeColumn: 'Outcome', source: SAMPLE });
    expect(model).toEqual(engine.model);
  });

  test('--json gives the evidence as data; --out - prints the model alone; --max-criteria caps the criteria', async () => {
    const planted = plantedDeals({ deals: 600, seed: 5 });
    const { deals } = writeFiles(tempDir(), { deals: csv(planted.headers, planted.rows) });
    const json = await runIcp(['draft', deals!, '--today', TODAY, '--json', '--max-criteria', '2']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as ReturnType<typeof draftModel>;
    expect(r.outcomeColumn).toBe('Stage');
    expect(r.accountColumn).toBe('Account');
    expect(r.criteria.filter((c) => c.role === 'score').length).toBeLessThanOrEqual(2);
    expect(r.criteria[0]).toMatchObject({ role: 'score', matched: { closed: expect.any(Number) }, effect: { oddsRatio: expect.any(Number) } });
    const piped = await runIcp(['draft', deals!, '--today', TODAY, '--out', '-', '--max-criteria', '2']);
    expect(piped.code).toBe(0);
    expect(checkModel(JSON.parse(piped.stdout)).ok).toBe(true);
    expect(piped.stderr).toMatch(/^Draft from .*, outcomes from column "Stage"\./);
  });

  test('no signal: nothing drafted says so and exits 1; a missing column or a bad --max-criteria is refused', async () => {
    const none = plantedDeals({ deals: 400, seed: 2, signal: 'none' });
    const { deals } = writeFiles(tempDir(), { deals: csv(none.headers, none.rows) });
    const r = await runIcp(['draft', deals!, '--today', TODAY, '--out', path.join(tempDir(), 'm.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/No column goes with winning clearly enough to draft a criterion from 400 closed deals/);
    expect(r.stderr).toMatch(/^icp: nothing drafted, so .*m\.json was not written\n$/);
    const missing = await runIcp(['draft', deals!, '--outcome', 'Won?']);
    expect(missing).toMatchObject({ code: 2, stderr: `icp: ${deals} has no column "Won?"\n` });
    const bad = await runIcp(['draft', deals!, '--max-criteria', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^icp: --max-criteria needs a whole number from 1 to 50, not "0"\n/);
  });
});
