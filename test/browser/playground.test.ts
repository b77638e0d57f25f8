// In headless Chromium: the playground's menu buttons, Validate against outcomes on the sample (and applying its suggested points to a draft), loading a user's CSV into the grid (formulas follow), Score this sheet and Help.
import { requestedPort } from '../../tools/start';
import { engineScores } from './engine-oracle';
import { artifact, columnOf, columnTexts, describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

test('npm start takes --port, then PORT, else 8080', () => {
  expect(requestedPort([], {})).toBe(8080);
  expect(requestedPort([], { PORT: '9000' })).toBe(9000);
  expect(requestedPort(['--port', '0'], { PORT: '9000' })).toBe(0);
  expect(requestedPort(['--port=1234'], {})).toBe(1234);
  expect(() => requestedPort(['--port', 'x'], {})).toThrow(/port/);
});

const CSV = `Company,Industry,Employees,Country,Demo Requested,Last Funding Date
Alpha,SaaS,250,Germany,yes,2026-09-01
Beta,Government,400,France,no,
Gamma,Fintech,"1,200",Canada,TRUE,3/1/2026
Delta,Retail,12,Brazil,,
Epsilon,=1+1,80,US,x,2026-10-20
`;

describeBrowser('the playground', () => {
  const s = usePlaygroundSession();

  test('shows the add-on menu as buttons', async () => {
    expect(await s.page.locator('[data-menu]').allTextContents()).toEqual(['Open ICP editor', 'Score this sheet', 'Build tier summary', 'Validate against outcomes', 'Help']);
  });

  test('Validate against outcomes shows win rate and lift per tier on the sample, the verdict, and the criteria', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=openValidatePanel]').click();
    await until(async () => sidebar.locator('[data-verdict]').count(), (n) => n === 1, 'the validate panel\'s verdict');
    expect(await sidebar.locator('h1').textContent()).toBe('Validate against outcomes');
    expect(await sidebar.locator('[data-verdict]').textContent()).toBe(
      'A-tier accounts closed at 75% against 33% overall (2.2x) and 26% for C-tier accounts, and the scores rank won deals above lost ones (AUC 0.75, 95% interval 0.68 to 0.82): the model separates winners. Read the tier\'s rate with care: the A tier has only 8 closed deals.',
    );
    expect(await sidebar.getByLabel('Account column').inputValue()).toBe('Account');
    expect(await sidebar.getByLabel('Deal value column').inputValue()).toBe('');
    const column = sidebar.getByLabel('Outcome column');
    expect(await column.inputValue()).toBe('Outcome');
    const tiers = sidebar.locator('[data-outcome-tiers] tbody tr');
    expect(await tiers.allInnerTexts()).toEqual([
      'A\t17\t6\t2\t75%\t2.2x',
      'B\t75\t26\t14\t65%\t1.9x',
      'C\t272\t38\t111\t26%\t0.8x',
      'Disqualified\t36\t1\t14\t7%\t0.2x',
    ]);
    expect(await sidebar.locator('[data-outcome-criteria] tbody tr').count()).toBeGreaterThan(3);
    expect(await sidebar.locator('[data-outcome-knockouts] tbody tr').allInnerTexts()).toEqual([
      'Must: 11-10,000 employees\t17\t0% of 4',
      'Exclude: Public sector\t12\t20% of 5',
      'Exclude: Personal e-mail address\t7\t0% of 6',
    ]);
    // None of the sample's rules disqualifies deals that win as often as the rest.
    expect(await sidebar.locator('[data-knockout-warning]').count()).toBe(0);
    await sidebar.locator('[data-outcome-knockouts]').scrollIntoViewIfNeeded();
    await page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar-validate-knockouts.png') });
    await sidebar.locator('h1').scrollIntoViewIfNeeded();
    expect(await sidebar.locator('[data-auc]').textContent()).toMatch(
      /^Ranking quality \(AUC\): 0\.\d\d \(95% interval 0\.\d\d to 0\.\d\d, deals of one "Account" counted together\)\. A won deal outscores a lost one \d+% of the time \(50% is a coin toss, 100% a perfect ranking\)\.$/,
    );
    await page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar-validate.png') });

    // Each criterion's fitted effect and points: on the sample's 197 qualified closed deals no criterion is clear, so
    // there is nothing to apply, the note says why, and every criterion's reason is one click away.
    const demo = sidebar.locator('[data-outcome-criteria] tbody tr').filter({ hasText: 'Requested a demo' });
    expect(await demo.locator('td').allTextContents()).toEqual(['49% of 41', '32% of 156', 'none (0)', '35']);
    expect(await sidebar.locator('[data-outcome-criteria] thead th').allTextContents()).toEqual(['Criterion', 'Matched', 'Not matched', 'Effect (odds)', 'Points']);
    expect(await sidebar.getByRole('button', { name: 'Apply suggested points\u2026' }).count()).toBe(0);
    expect(await sidebar.locator('[data-suggestion-note]').textContent()).toMatch(/^No suggestion: /);
    await sidebar.locator('[data-outcome-reasons] summary').click();
    expect(await sidebar.locator('[data-outcome-reasons] li').count()).toBe(18);
    expect(await sidebar.locator('body').textContent()).not.toContain('(kept)');
    // Switching the account column off: the rows stay accounts and the AUC line no longer mentions grouping.
    await sidebar.getByLabel('Account column').selectOption('');
    await until(async () => sidebar.locator('[data-auc]').textContent(), (t) => t !== null && !t.includes('counted together'), 'the ungrouped AUC');
    expect(s.errors).toEqual([]);
  });

  test('loads a user\'s CSV into the grid; the live formulas cover the new rows and match the engine', async () => {
    const { page } = s;
    await page.locator('#csv-file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await until(async () => page.locator('tr.header td').allTextContents(), (h) => h[0] === 'Company', 'the new header row');
    expect(await page.locator('tr.header td').allTextContents()).toEqual(['Company', 'Industry', 'Employees', 'Country', 'Demo Requested', 'Last Funding Date', 'ICP Score (live)', 'ICP Tier (live)', 'ICP Why (live)']);
    // A CSV cell is data, never a formula.
    expect(await page.locator('[data-cell="B6"]').textContent()).toBe('=1+1');
    const scores = await columnTexts(page, await columnOf(page, 'ICP Score (live)'));
    expect(scores).toHaveLength(5);
    expect(scores).toEqual(engineScores(s.pg));
    expect(await columnTexts(page, await columnOf(page, 'ICP Tier (live)'))).toContain('Disqualified');
    // The sidebar, reopened, sees the new sheet's headers.
    await page.locator('[data-menu=openEditor]').click();
    await s.sidebar.locator('[data-action=save]').waitFor();
    await until(async () => s.sidebar.locator('.subtitle').textContent(), (t) => (t ?? '').includes('5 rows'), 'the sidebar on the new sheet');
  });

  test('Score this sheet opens its panel and writes the add-on\'s own columns next to the live ones', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=scoreThisSheet]').click();
    await until(async () => sidebar.locator('h1').textContent(), (t) => t === 'Score this sheet', 'the score panel');
    await until(async () => sidebar.locator('[data-score-status]').textContent(), (t) => (t ?? '').startsWith('Scored 5 rows'), 'the progress');
    await until(async () => page.locator('tr.header td').allTextContents(), (h) => h.includes('ICP Score'), 'the value columns');
    const live = await columnTexts(page, await columnOf(page, 'ICP Score (live)'));
    expect(await columnTexts(page, await columnOf(page, 'ICP Score'))).toEqual(live);
  });

  test('Help opens the help panel', async () => {
    await s.page.locator('[data-menu=openHelp]').click();
    await until(async () => s.sidebar.locator('h1').textContent(), (t) => t === 'Help', 'the help panel');
    expect(await s.sidebar.locator('.formulas code').first().textContent()).toBe('=ICP_SCORE(A2:H2)');
    expect(s.errors).toEqual([]);
  });
});
