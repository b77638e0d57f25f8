// End-to-end tests of `icp validate` through the real bin/icp.js: the report, --json, --suggested-model and its errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CsvParser } from '../../src/cli/csv-reader';
import { b2bSaasTemplate, compileModel, outcomeStats, checkModel, type Model, type OutcomeStats } from '../../src/engine';
import { plantedCsv, plantedDeals } from '../../tools/planted-deals/deals';
import { REPO, runIcp, tempDir, writeFiles } from './fixtures';

jest.setTimeout(60_000);

const SAMPLE = path.join(REPO, 'data', 'sample-accounts.csv');
const SAMPLE_TODAY = '2026-11-01';

/** The sample's figures computed in this process, as the add-on computes them. */
function sampleStats(): OutcomeStats {
  const parser = new CsvParser();
  const [headers, ...rows] = [...parser.push(readFileSync(SAMPLE, 'utf8')), ...parser.end()];
  const profile = compileModel(b2bSaasTemplate(), headers!, { today: new Date(`${SAMPLE_TODAY}T00:00:00`) }).profile();
  return outcomeStats(profile, rows, headers!.indexOf('Outcome'), { account: { header: 'Account', index: 0 }, dealRows: false });
}

describe('icp validate', () => {
  it('reports win rate and lift per tier, the verdict, AUC, criteria with suggested points and the knock-out rules', async () => {
    const r = await runIcp(['validate', SAMPLE, '--today', SAMPLE_TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      `Profile "Mid-market B2B SaaS" on ${SAMPLE}, outcomes from column "Outcome", accounts from "Account".`,
      '400 accounts: 71 won, 141 lost, 188 open; 33% of closed deals won.',
      '',
      'Win rate by tier',
      'Tier          Accounts  Won  Lost  Win rate  Lift',
      'A                   17    6     2       75%  2.2x',
      'B                   75   26    14       65%  1.9x',
      'C                  272   38   111       26%  0.8x',
      'Disqualified        36    1    14        7%  0.2x',
      '',
    ]);
    expect(lines).toContain(
      'A-tier accounts closed at 75% against 33% overall (2.2x) and 26% for C-tier accounts, and the scores rank won deals above lost ones (AUC 0.75, 95% interval 0.68 to 0.82): the model separates winners. Read the tier\'s rate with care: the A tier has only 8 closed deals.',
    );
    expect(lines).toContain('Ranking quality (AUC): 0.75 (95% interval 0.68 to 0.82, deals of one "Account" counted together). A won deal outscores a lost one 75% of the time (50% is a coin toss, 100% a perfect ranking).');
    // On 197 qualified closed deals the fit finds no criterion it can tell from chance: no suggestion, every criterion says why, no "(kept)".
    expect(lines.find((l) => l.startsWith('Requested a demo'))).toMatch(/^Requested a demo +49% of 41 +32% of 156 +none \(0\) +35$/);
    expect(lines.find((l) => l.startsWith('Company size'))).toMatch(/ 5\/20\/30\/15$/);
    expect(lines).toContain('No suggestion: weighed together, the criteria predict held-out deals no better than chance, and none goes with winning or losing clearly.');
    expect(r.stdout).not.toContain('(kept)');
    expect(lines.filter((l) => l.startsWith('- ')).length).toBe(18);
    expect(lines.slice(-5)).toEqual([
      'Rule                              Disqualified       Won',
      'Must: 11-10,000 employees                   17   0% of 4',
      'Exclude: Public sector                      12  20% of 5',
      'Exclude: Personal e-mail address             7   0% of 6',
      '',
    ]);
  });

  it('--json gives the same figures as the add-on\'s Validate against outcomes, reading standard input', async () => {
    const r = await runIcp(['validate', '-', '--today', SAMPLE_TODAY, '--json'], { stdin: readFileSync(SAMPLE, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ outcomeColumn: 'Outcome', ...JSON.parse(JSON.stringify(sampleStats())) });
  });

  it('--suggested-model writes nothing when there is no suggestion, and says why', async () => {
    const dir = tempDir();
    const r = await runIcp(['validate', SAMPLE, '--today', SAMPLE_TODAY, '--suggested-model', 'suggested.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`icp: suggested.json not written: ${sampleStats().suggestion.note}\n`);
    expect(existsSync(path.join(dir, 'suggested.json'))).toBe(false);
  });

  it('--suggested-model on planted deals writes points and weights, a valid model icp check accepts; --account and --value pick columns', async () => {
    const dir = tempDir();
    const d = plantedDeals({ deals: 2000, seed: 4 });
    writeFiles(dir, { 'deals.csv': plantedCsv(d), 'model.json': JSON.stringify(d.model) });
    const r = await runIcp(['validate', 'deals.csv', '--model', 'model.json', '--suggested-model', 'suggested.json', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as OutcomeStats & { outcomeColumn: string };
    expect(stats).toMatchObject({ outcomeColumn: 'Stage', accountColumn: 'Account', valueColumn: 'Deal Value', unit: 'deals' });
    expect(stats.suggestion.usable).toBe(true);
    expect(r.stderr).toMatch(/^icp: wrote suggested\.json: "Planted deals" with suggested points and weights \(\d+ changes\)\n$/);
    const written = JSON.parse(readFileSync(path.join(dir, 'suggested.json'), 'utf8')) as Model;
    expect(checkModel(written).ok).toBe(true);
    for (const p of stats.suggestion.points) expect(written.profiles[0]!.criteria.find((c) => c.id === p.id)!.points).toBe(p.suggested);
    expect((await runIcp(['check', 'suggested.json'], { cwd: dir })).code).toBe(0);
    const off = await runIcp(['validate', 'deals.csv', '--model', 'model.json', '--account', 'none', '--value', 'Web Visits', '--json'], { cwd: dir });
    expect(JSON.parse(off.stdout)).toMatchObject({ accountColumn: null, valueColumn: 'Web Visits', unit: 'accounts' });
    const missing = await runIcp(['validate', 'deals.csv', '--model', 'model.json', '--account', 'Nope'], { cwd: dir });
    expect(missing.stderr).toBe('icp: deals.csv has no column "Nope"\n');
  });

  it('--suggested-model onto the CSV being validated is refused before any work, and the deals are kept', async () => {
    const dir = tempDir();
    const deals = readFileSync(SAMPLE, 'utf8');
    writeFiles(dir, { 'deals.csv': deals });
    const r = await runIcp(['validate', 'deals.csv', '--today', SAMPLE_TODAY, '--suggested-model', './deals.csv'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'icp: --suggested-model ./deals.csv is the file being validated; write the model to another file\n' });
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe(deals);
    // Over an existing model file it is allowed, and replaces it whole (written beside it, then renamed).
    writeFiles(dir, { 'model.json': JSON.stringify(b2bSaasTemplate()) });
    const over = await runIcp(['validate', 'deals.csv', '--today', SAMPLE_TODAY, '--model', 'model.json', '--suggested-model', 'model.json'], { cwd: dir });
    expect(over.code).toBe(0);
    expect(checkModel(JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'))).ok).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finds the outcome column by name (Deal Stage, any case) or takes --outcome; says so when there is none', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'deals.csv': 'Industry,Employees,deal-stage,Result\nSaaS,300,Closed Won,lost\nRetail,20,closed lost,won\n',
    });
    const named = await runIcp(['validate', 'deals.csv', '--json'], { cwd: dir });
    expect(named.code).toBe(0);
    // Outcome, Status, Stage, Deal Stage... in that order: "deal-stage" comes before "Result".
    expect(JSON.parse(named.stdout)).toMatchObject({ outcomeColumn: 'deal-stage', won: 1, lost: 1, verdictKind: 'too-few' });
    const chosen = await runIcp(['validate', 'deals.csv', '--json', '--outcome', 'RESULT'], { cwd: dir });
    expect(JSON.parse(chosen.stdout)).toMatchObject({ outcomeColumn: 'Result', won: 1, lost: 1 });

    const missing = await runIcp(['validate', 'deals.csv', '--outcome', 'Won?'], { cwd: dir });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'icp: deals.csv has no column "Won?"\n' });
    writeFiles(dir, { 'plain.csv': 'Industry,Employees\nSaaS,300\n' });
    const none = await runIcp(['validate', 'plain.csv'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'icp: plain.csv has no outcome column: name one with --outcome (looked for "Outcome", "Status", "Stage", "Deal Stage", "Deal Status", "Opportunity Stage", "Result", "Won", "Is Won", "Closed Won", "Is Closed Won", "Deal Won", "Win")\n',
    );
  });

  it('a yes/no Won column (1/0, TRUE/FALSE) is read as won and lost, and the report says how', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'won.csv': 'Industry,Employees,Demo Requested,Won?\nSaaS,300,yes,1\nRetail,20,no,0\nSaaS,500,no,TRUE\n' });
    const json = await runIcp(['validate', 'won.csv', '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcomeColumn: 'Won?', won: 2, lost: 1, open: 0, flagColumn: 'Won?' });
    const text = await runIcp(['validate', 'won.csv'], { cwd: dir });
    expect(text.stdout).toContain('"Won?" is read as yes = won, no = lost: an open deal counts as lost unless its cell is empty or says open.');
  });

  it('a Closed column (yes/no) beside the Won column makes its "no" deals open, and the report says so', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'sf.csv': 'Industry,Employees,Won,Closed\nSaaS,300,TRUE,TRUE\nRetail,20,FALSE,TRUE\nSaaS,500,FALSE,FALSE\n' });
    const json = await runIcp(['validate', 'sf.csv', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ outcomeColumn: 'Won', won: 1, lost: 1, open: 1, flagColumn: 'Won', closedColumn: 'Closed' });
    const text = await runIcp(['validate', 'sf.csv'], { cwd: dir });
    expect(text.stdout).toContain('"Won" is read as yes = won, no = lost, and a deal "Closed" says no to as open.');
  });

  it('two columns headed Outcome: reads the one holding outcomes, past the rows it chose it from, from a file or standard input', async () => {
    const dir = tempDir();
    // More rows than the command looks at to choose (1,000), with a first "Outcome" column of notes.
    const body = Array.from({ length: 2500 }, (_, i) => `call back later,SaaS,300,${i % 3 === 0 ? 'won' : i % 3 === 1 ? 'lost' : 'open'}`);
    const csv = ['Outcome,Industry,Employees,Outcome', ...body].join('\n');
    writeFiles(dir, { 'deals.csv': csv });
    const expected = { outcomeColumn: 'Outcome', won: 834, lost: 833, open: 833 };
    expect(JSON.parse((await runIcp(['validate', 'deals.csv', '--json'], { cwd: dir })).stdout)).toMatchObject(expected);
    expect(JSON.parse((await runIcp(['validate', 'deals.csv', '--json', '--outcome', 'OUTCOME'], { cwd: dir })).stdout)).toMatchObject(expected);
    expect(JSON.parse((await runIcp(['validate', '-', '--json'], { stdin: csv })).stdout)).toMatchObject(expected);
  });

  it('counts one account in the singular', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'deals.csv': 'Outcome,Industry\nwon,SaaS\n' });
    const r = await runIcp(['validate', 'deals.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('1 account: 1 won, 0 lost, 0 open; 100% of closed deals won.');
  });

  it('a column without outcome words: not enough data, and a warning naming the words it reads', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'deals.csv': 'Industry,Status\nSaaS,maybe\nRetail,\n' });
    const r = await runIcp(['validate', 'deals.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not enough closed deals to judge the model: 0 won or lost (fewer than 20).');
    const warnings = r.stderr.trimEnd().split('\n');
    // Like icp score, it names the criteria whose column the file lacks.
    expect(warnings[0]).toBe('icp: warning: deals.csv has no column "Employees"; criteria employees, size_must will count as unknown on every row');
    expect(warnings.at(-1)).toMatch(/^icp: warning: no cell of column "Status" says won \(won, closed won, win, customer\), lost \(.+\) or open \(.+\)$/);
  });

  it('fails with one line and exit code 2 on an empty file, a missing file, bad CSV, a bad model or an unknown profile', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'empty.csv': '', 'bad.csv': 'Outcome,Industry\nwon,"SaaS\n', 'model.json': '{"schemaVersion": 1}' });
    const run = (...args: string[]) => runIcp(['validate', ...args], { cwd: dir });
    expect(await run('empty.csv')).toEqual({ code: 2, stdout: '', stderr: 'icp: empty.csv is empty: its first row must hold the column headers\n' });
    expect(await run('nope.csv')).toEqual({ code: 2, stdout: '', stderr: 'icp: cannot read nope.csv: no such file\n' });
    const bad = await run('bad.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^icp: bad\.csv is not a readable CSV: .*line 2/);
    const model = await run(SAMPLE, '--model', 'model.json');
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/^icp: model\.json is not a valid ICP model:\n {2}profiles: /);
    expect(await run(SAMPLE, '--profile', 'Nope')).toEqual({
      code: 2, stdout: '', stderr: 'icp: Unknown profile "Nope". This model has: "Mid-market B2B SaaS".\n',
    });
    expect((await run()).code).toBe(2);
  });

  it('has its own help, listed in the main help', async () => {
    const r = await runIcp(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: icp validate <deals\.csv \| ->/);
    expect((await runIcp(['--help'])).stdout).toContain('validate  how well the model predicts won deals');
  });
});
