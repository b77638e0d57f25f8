// End-to-end tests of `icp score` through the real bin/icp.js: output CSV, engine parity, summary, errors.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CsvParser } from '../../src/cli/csv-reader';
import { b2bSaasTemplate, compileModel, type Model } from '../../src/engine';
import { ACCOUNTS_CSV, runIcp, tempDir, TODAY, twoProfileModel, writeFiles } from './fixtures';

function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** What the engine itself says for every data row: [score, tier, why], blank rows as three empty cells. */
function engineResults(model: Model, csv: string, profile?: string): string[][] {
  const [headers, ...rows] = parseCsv(csv);
  const compiled = compileModel(model, headers as string[], { today: new Date(2026, 2, 1) }).profile(profile);
  return rows.map((row) => {
    const r = compiled.explain(row);
    return r.blank ? ['', '', ''] : [String(r.score), r.tier, r.text];
  });
}

function tierCounts(results: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [score, tier] of results) if (score !== '') counts.set(tier as string, (counts.get(tier as string) ?? 0) + 1);
  return counts;
}

describe('icp score', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFiles(dir, { 'accounts.csv': ACCOUNTS_CSV, 'model.json': JSON.stringify(twoProfileModel(), null, 2) });
  });

  it('writes every input column unchanged plus ICP Score, Tier and Why, exactly as the engine scores them', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.code).toBe(0);
    const input = parseCsv(ACCOUNTS_CSV);
    const output = parseCsv(r.stdout);
    expect(output[0]).toEqual([...(input[0] as string[]), 'ICP Score', 'ICP Tier', 'ICP Why']);
    expect(output).toHaveLength(input.length);
    const expected = engineResults(twoProfileModel(), ACCOUNTS_CSV);
    input.slice(1).forEach((row, i) => {
      expect(output[i + 1]).toEqual([...row, ...(expected[i] as string[])]);
    });
    // The blank row stays blank, the exclusion is a knock-out, not a zero.
    expect(output[4]?.slice(-3)).toEqual(['', '', '']);
    expect(output[3]?.slice(-3, -1)).toEqual(['0', 'Disqualified']);
    // The input's CRLF line endings are kept.
    expect(r.stdout.startsWith('Account,Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email,ICP Score,ICP Tier,ICP Why\r\n')).toBe(true);
  });

  it('tier labels and reasons that look like formulas are written as text a spreadsheet will not run', async () => {
    const model = twoProfileModel();
    for (const p of model.profiles) {
      p.tiers = [{ label: '=HYPERLINK("http://x","A")', min: 70 }, { label: '+B', min: 40 }, { label: 'C', min: 0 }];
      p.disqualifiedLabel = '@Out';
    }
    writeFiles(dir, { 'formula-model.json': JSON.stringify(model) });
    const r = await runIcp(['score', 'accounts.csv', '--model', 'formula-model.json', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    const icpCells = parseCsv(r.stdout).slice(1).flatMap((row) => row.slice(-2)).filter((cell) => cell !== '');
    expect(icpCells.length).toBeGreaterThan(0);
    for (const cell of icpCells) expect(cell).toMatch(/^[^=+\-@\t\r]/);
    expect(icpCells).toContain("'@Out");
    expect(icpCells.some((cell) => cell.startsWith("'@Out: "))).toBe(true);
    expect(icpCells.filter((cell) => cell.startsWith("'=HYPERLINK") || cell.startsWith("'+B")).length).toBeGreaterThan(0);
  });

  it('prints a one-line tier summary on standard error', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
    const counts = tierCounts(engineResults(twoProfileModel(), ACCOUNTS_CSV));
    const tiers = ['A', 'B', 'C', 'Disqualified'].map((t) => `${t} ${counts.get(t) ?? 0}`).join(' · ');
    expect(r.stderr).toBe(`icp: scored 5 rows with "SMB": ${tiers} (blank 1)\n`);
  });

  it('scores with another profile chosen by --profile (case-insensitively)', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--profile', 'enterprise', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    const output = parseCsv(r.stdout);
    const expected = engineResults(twoProfileModel(), ACCOUNTS_CSV, 'Enterprise');
    expect(output.slice(1).map((row) => row.slice(-3))).toEqual(expected);
    expect(r.stderr).toMatch(/^icp: scored 5 rows with "Enterprise": Strategic \d+ · Standard \d+ · Out \d+ \(blank 1\)$/m);
  });

  it('uses the built-in template without --model and warns once per missing column', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    const expected = engineResults(b2bSaasTemplate(), ACCOUNTS_CSV);
    expect(parseCsv(r.stdout).slice(1).map((row) => row.slice(-3))).toEqual(expected);
    const missing = compileModel(b2bSaasTemplate(), parseCsv(ACCOUNTS_CSV)[0] as string[]).profile().missingColumns;
    expect(missing.length).toBeGreaterThan(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('icp: warning:'));
    expect(warnings).toHaveLength(missing.length);
    for (const column of missing) expect(r.stderr).toContain(`no column "${column}"`);
    expect(r.stderr).toMatch(/^icp: scored 5 rows with "Mid-market B2B SaaS": /m);
  });

  it('writes --out atomically: the file appears complete, nothing on stdout, no temporary file left', async () => {
    const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--out', 'scored.csv', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const viaStdout = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
    expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8')).toBe(viaStdout.stdout);
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'model.json', 'scored.csv']);
  });

  it('reads standard input for "-"', async () => {
    const r = await runIcp(['score', '-', '--model', 'model.json', '--today', TODAY], { cwd: dir, stdin: ACCOUNTS_CSV });
    expect(r.code).toBe(0);
    expect(parseCsv(r.stdout)).toHaveLength(7);
  });

  it('copies input rows through byte for byte: the quoting and spacing they had are kept', async () => {
    const csv = 'Account,Industry,Employees\n"Acme","SaaS","1,200"\n  Beta  ,"Fin""tech",\n"Gamma\nGroup",SaaS,50\n';
    writeFiles(dir, { 'quoted.csv': csv });
    const r = await runIcp(['score', 'quoted.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]?.startsWith('"Acme","SaaS","1,200",')).toBe(true);
    expect(lines[2]?.startsWith('  Beta  ,"Fin""tech",,')).toBe(true);
    expect(r.stdout).toContain('"Gamma\nGroup",SaaS,50,');
    // What a CSV reader makes of the output is the input's cells plus the engine's.
    const expected = engineResults(twoProfileModel(), csv);
    parseCsv(csv)
      .slice(1)
      .forEach((row, i) => expect(parseCsv(r.stdout)[i + 1]).toEqual([...row, ...(expected[i] as string[])]));
  });

  it('pads short rows and puts extra cells after the ICP columns, with a warning', async () => {
    writeFiles(dir, { 'ragged.csv': 'Account,Industry,Employees\nA,SaaS\nB,SaaS,10,extra,more\nC,SaaS,10,,\n' });
    const r = await runIcp(['score', 'ragged.csv', '--model', 'model.json', '--today', TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    const out = parseCsv(r.stdout);
    expect(out[1]?.slice(0, 3)).toEqual(['A', 'SaaS', '']);
    expect(out[1]).toHaveLength(6);
    expect(out[2]?.slice(0, 3)).toEqual(['B', 'SaaS', '10']);
    expect(out[2]?.slice(6)).toEqual(['extra', 'more']);
    expect(out[3]).toHaveLength(6);
    expect(r.stderr).toMatch(/1 row has more cells than the header row \(first: row 3\)/);
  });

  describe('--threads: the same output from worker threads', () => {
    // About 4 MB, so the file is cut into several chunks of whole rows; every awkward row kind recurs in each.
    const AWKWARD = [
      '"Acme, Inc.",SaaS,120,Yes,2026-02-01,"Salesforce, Slack",ann@acme.io',
      '"Multi\r\nLine Co",Retail,80,,2/15/2026,"Salesforce\nHubSpot",x@y.z',
      '"Initech ""Labs""",Government,50,yes,,,',
      ',,,,,,',
      '',
      'Short,SaaS',
      'Long,SaaS,10,yes,,,e@x.io,extra,"more, still"',
      '5" screens,SaaS ,"1,500",no,,HubSpot,bob@gmail.com',
      '"after"quote,Fintech,  9  ,TRUE,,,',
      '\uFEFFZero width start,SaaS,200,yes,,,',
    ];
    const bigCsv = (eol: string, rows: number): string =>
      '\uFEFF' + [ACCOUNTS_CSV.split('\r\n')[0], ...Array.from({ length: rows }, (_, i) => `${AWKWARD[i % AWKWARD.length]}${i % 7 === 0 ? ` ${i}` : ''}`)].join(eol);

    it.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
    ])('writes byte for byte what one thread writes (%s, no final line break)', async (_name, eol) => {
      writeFiles(dir, { 'big.csv': bigCsv(eol, 60_000) });
      const one = await runIcp(['score', 'big.csv', '--model', 'model.json', '--today', TODAY, '--threads', '1', '--out', 'one.csv'], { cwd: dir });
      const two = await runIcp(['score', 'big.csv', '--model', 'model.json', '--today', TODAY, '--threads', '3', '--out', 'two.csv'], { cwd: dir });
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(two.stderr).toBe(one.stderr);
      expect(one.stderr).toMatch(/rows have more cells than the header row \(first: row 8\)/);
      const a = readFileSync(path.join(dir, 'one.csv'));
      const b = readFileSync(path.join(dir, 'two.csv'));
      expect(a.length).toBeGreaterThan(4_000_000);
      expect(b.equals(a)).toBe(true);
    });

    it('handles rows longer than a chunk, up to a row of many megabytes (scored on the main thread)', async () => {
      const huge = (size: number, tag: string): string => `"${tag} ${'x, "" y\n'.repeat(size / 8)}",SaaS,120,Yes,,,`;
      const csv = `${bigCsv('\n', 20_000)}\n${huge(600_000, 'wide')}\n${bigCsv('\n', 5_000).split('\n').slice(1).join('\n')}\n${huge(9_000_000, 'vast')}\nlast,SaaS,5,,,,\n`;
      writeFiles(dir, { 'long.csv': csv });
      const one = await runIcp(['score', 'long.csv', '--model', 'model.json', '--today', TODAY, '--threads', '1', '--out', 'one.csv'], { cwd: dir });
      const two = await runIcp(['score', 'long.csv', '--model', 'model.json', '--today', TODAY, '--threads', '2', '--out', 'two.csv'], { cwd: dir });
      expect(one.code).toBe(0);
      expect(two.stderr).toBe(one.stderr);
      expect(readFileSync(path.join(dir, 'two.csv')).equals(readFileSync(path.join(dir, 'one.csv')))).toBe(true);
    });

    it('reports an unterminated quote at the end by its line in the whole file, and writes nothing', async () => {
      writeFiles(dir, { 'broken.csv': bigCsv('\n', 60_000) + '\n"never closed,SaaS\nmore\n' });
      const one = await runIcp(['score', 'broken.csv', '--model', 'model.json', '--threads', '1', '--out', 'scored.csv'], { cwd: dir });
      const two = await runIcp(['score', 'broken.csv', '--model', 'model.json', '--threads', '2', '--out', 'scored.csv'], { cwd: dir });
      expect(one.code).toBe(2);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(2);
      expect(existsSync(path.join(dir, 'scored.csv'))).toBe(false);
    });

    it('refuses a thread count that is not a whole number from 1 to 64, or threads over standard input', async () => {
      for (const bad of ['0', 'two', '1.5', '65']) {
        const r = await runIcp(['score', 'accounts.csv', '--threads', bad], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`--threads needs a whole number from 1 to 64, not "${bad.replace('.', '\\.')}"`));
      }
      const r = await runIcp(['score', '-', '--threads', '2'], { cwd: dir, stdin: ACCOUNTS_CSV });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--threads above 1 needs a file/);
    });
  });

  describe('failures exit with 2, say why, and leave no output file', () => {
    const noOutput = (): void => {
      expect(existsSync(path.join(dir, 'scored.csv'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    };

    it('a missing input file', async () => {
      const r = await runIcp(['score', 'nope.csv', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('icp: cannot read nope.csv: no such file\n');
      noOutput();
      // The threaded path words it the same way.
      const t = await runIcp(['score', 'nope.csv', '--out', 'scored.csv', '--threads', '2'], { cwd: dir });
      expect(t.code).toBe(2);
      expect(t.stderr).toBe('icp: cannot read nope.csv: no such file\n');
      const d = await runIcp(['score', '.', '--out', 'scored.csv', '--threads', '2'], { cwd: dir });
      expect(d.stderr).toBe('icp: cannot read .: it is a directory\n');
      noOutput();
    });

    it('a missing model file', async () => {
      const r = await runIcp(['score', 'accounts.csv', '--model', 'nope.json', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icp: cannot read model nope\.json: no such file/);
      noOutput();
    });

    it('an invalid model, with each issue indented under a heading', async () => {
      const bad = twoProfileModel() as unknown as { profiles: { criteria: { when: Record<string, unknown> }[] }[] };
      bad.profiles[0]!.criteria[1]!.when.min = 'ten';
      writeFiles(dir, { 'bad.json': JSON.stringify(bad) });
      const r = await runIcp(['score', 'accounts.csv', '--model', 'bad.json', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('icp: bad.json is not a valid ICP model:');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
      expect(r.stderr).toContain('profiles[0].criteria[1].when.min');
      noOutput();
    });

    it('JSON that does not parse', async () => {
      writeFiles(dir, { 'broken.json': '{"schemaVersion": 1,' });
      const r = await runIcp(['score', 'accounts.csv', '--model', 'broken.json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icp: broken\.json is not a valid ICP model:\n {2}\S/);
      expect(r.stdout).toBe('');
    });

    it('an unreadable CSV (unterminated quote) after rows were already scored', async () => {
      const rows = Array.from({ length: 5000 }, (_, i) => `Co ${i},SaaS,${i % 300},yes,,,`);
      writeFiles(dir, { 'broken.csv': `Account,Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email\n${rows.join('\n')}\n"never closed,SaaS\n` });
      const r = await runIcp(['score', 'broken.csv', '--model', 'model.json', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icp: broken\.csv is not a readable CSV: line 5002: unterminated quoted field/m);
      noOutput();
    });

    it('an existing --out file is left untouched on failure', async () => {
      writeFileSync(path.join(dir, 'scored.csv'), 'previous run\n');
      writeFiles(dir, { 'broken.csv': 'Account\n"open\n' });
      const r = await runIcp(['score', 'broken.csv', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(readFileSync(path.join(dir, 'scored.csv'), 'utf8')).toBe('previous run\n');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('an empty CSV', async () => {
      writeFiles(dir, { 'empty.csv': '' });
      const r = await runIcp(['score', 'empty.csv', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/empty\.csv is empty/);
      noOutput();
    });

    it('an --out path in a missing directory or naming a directory', async () => {
      const r = await runIcp(['score', 'accounts.csv', '--out', 'nodir/scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('icp: cannot write nodir/scored.csv: no such directory nodir\n');
      const d = await runIcp(['score', 'accounts.csv', '--out', '.'], { cwd: dir });
      expect(d.code).toBe(2);
      expect(d.stderr).toBe('icp: cannot write .: it is a directory\n');
      noOutput();
    });

    it('an unknown profile, naming the ones there are', async () => {
      const r = await runIcp(['score', 'accounts.csv', '--model', 'model.json', '--profile', 'Mid', '--out', 'scored.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icp: .*"Mid".*"SMB".*"Enterprise"/);
      noOutput();
    });

    it.each([
      [['score'], /needs the CSV file/],
      [['score', 'a.csv', 'b.csv'], /one CSV file/],
      [['score', 'accounts.csv', '--modle', 'model.json'], /unknown option --modle/],
      [['score', 'accounts.csv', '--today', '2026-02-30'], /--today needs a date like 2026-03-01/],
      [['score', 'accounts.csv', '--out'], /--out needs a value/],
      [['score', 'accounts.csv', '--profile', ''], /--profile needs a value/],
      [['score', 'accounts.csv', '--profile='], /--profile needs a value/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ])('usage error %j', async (args, message) => {
      const r = await runIcp(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/icp --help/);
      expect(r.stdout).toBe('');
    });
  });
});
