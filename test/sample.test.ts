// Tests of the shipped templates and the checked-in sample sheet: reproducible, well-formed and matching the template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR_NAMES, type Model } from '../src/engine/model';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { blankModel } from '../src/engine/templates/blank';
import {
  SAMPLE_HEADERS, SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_TODAY, generateSampleAccounts, toCsv,
} from '../tools/sample/accounts';

const CSV_PATH = join(__dirname, '..', 'data', 'sample-accounts.csv');

/** Header text as the engine compares it: case-, space- and punctuation-insensitive. */
const norm = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A minimal RFC 4180 parser, independent of the generator's writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

describe('data/sample-accounts.csv', () => {
  const text = readFileSync(CSV_PATH, 'utf8');
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const col = (name: string): string[] => {
    const i = header.findIndex((h) => norm(h) === norm(name));
    if (i < 0) throw new Error(`no column ${name}`);
    return body.map((r) => r[i] ?? '');
  };

  it('is exactly what the seeded generator produces (run `npm run sample` after changing it)', () => {
    expect(text).toBe(toCsv(generateSampleAccounts(SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_TODAY)));
  });

  it('parses back to the generated rows (RFC 4180 quoting round-trips)', () => {
    expect(rows).toEqual(generateSampleAccounts(SAMPLE_ROWS, SAMPLE_SEED, SAMPLE_TODAY));
  });

  it('has the expected header and about 400 rectangular rows', () => {
    expect(header).toEqual([...SAMPLE_HEADERS]);
    expect(body.length).toBeGreaterThanOrEqual(350);
    expect(body.length).toBeLessThanOrEqual(450);
    for (const r of body) expect(r).toHaveLength(header.length);
  });

  it('has unique account names', () => {
    const names = col('Account');
    expect(new Set(names).size).toBe(names.length);
  });

  it('has only won / lost / open outcomes, in roughly 20 / 35 / 45 % shares', () => {
    const outcomes = col('Outcome');
    for (const o of outcomes) expect(['won', 'lost', 'open']).toContain(o);
    const share = (o: string): number => outcomes.filter((x) => x === o).length / outcomes.length;
    expect(share('won')).toBeGreaterThan(0.1);
    expect(share('won')).toBeLessThan(0.3);
    expect(share('lost')).toBeGreaterThan(0.25);
    expect(share('lost')).toBeLessThan(0.45);
    expect(share('open')).toBeGreaterThan(0.35);
    expect(share('open')).toBeLessThan(0.55);
  });

  it('carries the messy formats real exports have', () => {
    const employees = col('Employees');
    for (const v of ['51-200', '1,001-5,000', '10,001+', 'N/A', '']) expect(employees).toContain(v);
    expect(employees.some((v) => /^\d+$/.test(v))).toBe(true);
    const revenue = col('Annual Revenue');
    for (const re of [/^\$\d+\.\dM$/, /^€\d+\.\dm$/, /^\$\d+M-\$\d+M$/, /^\$\d+ mil\. - \$\d+ mil\.$/, /^\d{6,}$/]) {
      expect(revenue.some((v) => re.test(v))).toBe(true);
    }
    expect(revenue).toContain('unknown');
    const booleans = [...col('Demo Requested'), ...col('Hiring Sales Reps')];
    for (const v of ['TRUE', 'FALSE', 'yes', 'no', 'Y', 'x', '✓', '']) expect(booleans).toContain(v);
    const dates = [...col('Last Funding Date'), ...col('Leadership Change Date')];
    expect(dates.some((v) => /^\d{4}-\d\d-\d\d$/.test(v))).toBe(true);
    expect(dates.some((v) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v))).toBe(true);
    expect(dates).toContain('');
    for (const v of dates.filter((x) => /^\d{4}-/.test(x))) expect(v <= SAMPLE_TODAY).toBe(true);
    const industries = col('Industry');
    for (const v of [' saas ', 'SaaS', 'Fintech', 'Government', 'Select', '-', '—']) expect(industries).toContain(v);
    const stacks = col('Tech Stack');
    for (const sep of [',', ';', '|']) expect(stacks.some((v) => v.includes(sep))).toBe(true);
  });

  it('includes accounts that hit the exclusions and fail the must-have', () => {
    const industries = col('Industry').map((v) => v.trim().toLowerCase());
    expect(industries.filter((v) => ['government', 'public sector', 'education'].includes(v)).length).toBeGreaterThan(3);
    expect(col('Contact Email').filter((v) => /@(gmail|yahoo|hotmail|outlook)\./i.test(v)).length).toBeGreaterThan(3);
    expect(col('Employees').filter((v) => v === '10,001+' || v === '2-10').length).toBeGreaterThan(3);
  });

  it('holds every column the B2B SaaS template reads', () => {
    const headers = new Set(header.map(norm));
    for (const profile of b2bSaasTemplate().profiles) {
      for (const c of profile.criteria) expect(headers.has(norm(c.column))).toBe(true);
    }
  });
});

describe('generateSampleAccounts', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(generateSampleAccounts(50, 7)).toEqual(generateSampleAccounts(50, 7));
    expect(generateSampleAccounts(50, 8)).not.toEqual(generateSampleAccounts(50, 7));
  });

  it('returns the header row first and the requested number of rows', () => {
    const rows = generateSampleAccounts(25, 1);
    expect(rows[0]).toEqual([...SAMPLE_HEADERS]);
    expect(rows).toHaveLength(26);
  });

  it('keeps account names unique on larger sets', () => {
    const names = generateSampleAccounts(10_000, 3).slice(1).map((r) => r[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks and doubles inner quotes', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', '']])).toBe('a,"b,c","say ""hi""","x\ny",\n');
    expect(parseCsv(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', '']]))).toEqual([['a', 'b,c', 'say "hi"', 'x\ny', '']]);
  });
});

function checkModelShape(model: Model): void {
  expect(model.schemaVersion).toBe(1);
  for (const profile of model.profiles) {
    const categories = new Set(profile.categories.map((c) => c.id));
    expect(profile.categories.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    const ids = profile.criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of profile.criteria) expect(categories.has(c.category)).toBe(true);
    expect(profile.tiers.map((t) => [t.label, t.min])).toEqual([['A', 80], ['B', 60], ['C', 0]]);
    expect(profile.disqualifiedLabel).toBe('Disqualified');
  }
}

describe('templates', () => {
  it('the B2B SaaS template uses all eleven operators and every role', () => {
    const criteria = b2bSaasTemplate().profiles.flatMap((p) => p.criteria);
    expect(new Set(criteria.map((c) => c.when.op))).toEqual(new Set(OPERATOR_NAMES));
    expect(new Set(criteria.map((c) => c.role ?? 'score'))).toEqual(new Set(['score', 'must', 'exclude']));
    expect(criteria.some((c) => (c.points ?? 0) < 0)).toBe(true);
    for (const c of criteria) {
      const when = c.when;
      if (when.op === 'matches') expect(() => new RegExp(when.pattern, when.flags)).not.toThrow();
    }
  });

  it('the B2B SaaS template is well formed and named', () => {
    const model = b2bSaasTemplate();
    checkModelShape(model);
    expect(model.profiles).toHaveLength(1);
    expect(model.profiles[0]?.name).toBe('Mid-market B2B SaaS');
    expect(model.profiles[0]?.description).toBeTruthy();
    expect(model.profiles[0]?.categories.map((c) => [c.id, c.weight]))
      .toEqual([['firmographic', 40], ['behavioral', 30], ['intent', 30]]);
  });

  it('the blank model has one empty profile with the default categories and tiers', () => {
    const model = blankModel();
    checkModelShape(model);
    expect(model.profiles).toHaveLength(1);
    expect(model.profiles[0]?.name).toBe('My ICP');
    expect(model.profiles[0]?.criteria).toEqual([]);
  });

  it('each call returns a fresh deep copy', () => {
    for (const make of [b2bSaasTemplate, blankModel]) {
      const a = make();
      const b = make();
      expect(a).toEqual(b);
      a.profiles[0]?.categories.push({ id: 'x', weight: 1 });
      a.profiles[0]?.tiers.pop();
      const when = a.profiles[0]?.criteria[0]?.when;
      if (when?.op === 'in') when.values.push('changed');
      expect(make()).toEqual(b);
    }
  });
});
