// The real bin on a public data set nobody here wrote (../shared/data, CRLF as published); skipped when it is absent.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { compileModel, type Model } from '../../src/engine';
import { parseCsv } from '../factories/csv';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const DATA = path.resolve(ROOT, '../shared/data/crm-sales-opportunities');
const present = fs.existsSync(path.join(DATA, 'accounts.csv'));
if (!present) console.warn(`crm-dataset: ${DATA} is absent; skipping the public data set tests`);
const maybe = present ? describe : describe.skip;

// Revenue is in millions of USD in this data set; `technolgy` is misspelt as in the original.
const model: Model = {
  schemaVersion: 1,
  profiles: [{
    name: 'CRM accounts',
    categories: [{ id: 'firmographic', weight: 100 }],
    criteria: [
      { id: 'sector', category: 'firmographic', column: 'sector', when: { op: 'in', values: ['software', 'technolgy', 'technology'] }, points: 30 },
      { id: 'revenue', category: 'firmographic', column: 'revenue', when: { op: 'bands', bands: [{ min: 0, max: 500, points: 5 }, { min: 500, max: 3000, points: 20 }, { min: 3000, points: 10 }] } },
      { id: 'employees', category: 'firmographic', column: 'Employees', when: { op: 'gte', value: 1000 }, points: 20 },
      { id: 'us', category: 'firmographic', column: 'Office Location', when: { op: 'equals', value: 'United States' }, points: 10 },
      { id: 'subsidiary', category: 'firmographic', column: 'subsidiary_of', role: 'exclude', when: { op: 'notBlank' } },
    ],
    tiers: [{ label: 'A', min: 70 }, { label: 'B', min: 40 }, { label: 'C', min: 0 }],
  }],
};

maybe('the CRM Sales Opportunities accounts (public data set)', () => {
  test('icp score reads the CRLF export and its scores equal the engine', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-crm-'));
    const modelFile = path.join(dir, 'model.json');
    fs.writeFileSync(modelFile, JSON.stringify(model));
    const { stdout, stderr } = await run(process.execPath, ['bin/icp.js', 'score', path.join(DATA, 'accounts.csv'), '--model', modelFile], { cwd: ROOT });
    const [headers, ...rows] = parseCsv(fs.readFileSync(path.join(DATA, 'accounts.csv'), 'utf8'));
    const [outHeaders, ...out] = parseCsv(stdout);
    expect(rows).toHaveLength(85);
    expect(outHeaders).toEqual([...headers!, 'ICP Score', 'ICP Tier', 'ICP Why']);
    const profile = compileModel(model, headers!).profile();
    out.forEach((r, i) => {
      const want = profile.explain(rows[i]!);
      expect(r.slice(0, headers!.length)).toEqual(rows[i]);
      expect([Number(r[headers!.length]), r[headers!.length + 1], r[headers!.length + 2]]).toEqual([want.score, want.tier, want.text]);
    });
    expect(stderr).toMatch(/scored 85 rows/);
    // Subsidiaries are excluded; the rest spread over tiers.
    const tiers = new Set(out.map((r) => r[headers!.length + 1]));
    expect(tiers).toContain('Disqualified');
    expect(tiers.size).toBeGreaterThanOrEqual(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

maybe('the CRM Sales Opportunities deals joined to their accounts (almost no signal: a false-alarm test)', () => {
  test('icp validate counts deals of one account together, says deals, groups thousands, reads close_value, and claims nothing', async () => {
    const [accountHeaders, ...accounts] = parseCsv(fs.readFileSync(path.join(DATA, 'accounts.csv'), 'utf8'));
    const [dealHeaders, ...deals] = parseCsv(fs.readFileSync(path.join(DATA, 'sales_pipeline.csv'), 'utf8'));
    const byName = new Map(accounts.map((a) => [a[0], a]));
    const at = dealHeaders!.indexOf('account');
    // Deals joined to their account's columns (a deal without an account keeps blanks there).
    const joined = deals.filter((d) => d.length === dealHeaders!.length).map((d) => [...d, ...(byName.get(d[at]!) ?? accountHeaders!.map(() => '')).slice(1)]);
    const headers = [...dealHeaders!, ...accountHeaders!.slice(1)];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-crm-'));
    const csv = [headers, ...joined].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
    fs.writeFileSync(path.join(dir, 'deals.csv'), csv);
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
    const { stdout } = await run(process.execPath, ['bin/icp.js', 'validate', path.join(dir, 'deals.csv'), '--model', path.join(dir, 'model.json'), '--outcome', 'deal_stage', '--json'], { cwd: ROOT });
    const s = JSON.parse(stdout);
    expect(s).toMatchObject({ unit: 'deals', accountColumn: 'account', valueColumn: 'close_value' });
    expect(s.accounts).toBe(joined.length);
    expect(s.verdictKind).not.toBe('separates');
    expect(s.suggestion.usable).toBe(false);
    const text = await run(process.execPath, ['bin/icp.js', 'validate', path.join(dir, 'deals.csv'), '--model', path.join(dir, 'model.json'), '--outcome', 'deal_stage'], { cwd: ROOT });
    // 7,375 of the 8,800 deals name one of 85 accounts (the "7375 accounts"); the rest, open ones, name none.
    expect(text.stdout).toContain('\n8,800 deals of 85 accounts, 1,425 without one: 4,238 won, 2,473 lost, 2,089 open; 63% of closed deals won.\n');
    expect(text.stdout).not.toContain('(kept)');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
