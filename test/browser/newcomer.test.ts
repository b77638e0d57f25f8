// In headless Chromium: a newcomer's first hour in the playground (issue 20, items 5-13), one page through the whole walk, with screenshots in test-artifacts/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { pointShares } from '../../sidebar/point-shares';
import { savedModel } from './engine-oracle';
import { artifact, columnTexts, describeBrowser, previewCounts, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

/** An export with a title line above its header row, and amounts written as the file wrote them. */
const TITLED_CSV = `Q3 target accounts,,,,,
Company,Industry,Employees,Country,Demo Requested,Annual Revenue
Alpha,SaaS,250,Germany,yes,"$40,000,000"
Beta,Government,400,France,no,"$2,000,000"
Gamma,Fintech,"1,200",Canada,TRUE,"$120,000,000"
Delta,Retail,12,Brazil,,"$500,000"
Epsilon,SaaS,80,US,x,"$9,000,000"
Zeta,Fintech,600,UK,yes,"$60,000,000"
`;

async function headerTexts(page: Page): Promise<string[]> {
  return page.locator('tr.header td').allTextContents();
}

/** Discards the draft (the confirmation answered yes): the next test starts from the saved model. */
async function discard(sidebar: Frame): Promise<void> {
  await sidebar.locator('[data-key=discard]').click();
  await sidebar.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await until(async () => sidebar.locator('[data-unsaved]').isVisible(), (v) => !v, 'the draft discarded');
}

/** Where a grid cell is on screen against the grid's visible area right of the frozen column. */
async function inView(page: Page, a1: string): Promise<{ left: number; right: number; visibleLeft: number; visibleRight: number }> {
  return page.evaluate((cell) => {
    const wrap = document.getElementById('grid-wrap')!.getBoundingClientRect();
    const heads = document.querySelectorAll<HTMLElement>('#grid thead th');
    const frozen = heads[0]!.offsetWidth + heads[1]!.offsetWidth;
    const r = document.querySelector(`[data-cell="${cell}"]`)!.getBoundingClientRect();
    return { left: r.left, right: r.right, visibleLeft: wrap.left + frozen, visibleRight: wrap.right };
  }, a1);
}

/** The first column drawn right of the frozen one: how far its left edge is from the frozen column's right edge. */
async function frozenEdgeGap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const wrap = document.getElementById('grid-wrap')!.getBoundingClientRect();
    const heads = Array.from(document.querySelectorAll<HTMLElement>('#grid thead th'));
    const edge = wrap.left + heads[0]!.offsetWidth + heads[1]!.offsetWidth;
    const next = heads.slice(2).find((th) => th.getBoundingClientRect().right > edge + 1);
    return next === undefined ? 0 : next.getBoundingClientRect().left - edge;
  });
}

test('14: the README\'s first screen says where to open the playground and shows it', () => {
  const root = path.resolve(__dirname, '../..');
  const firstScreen = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').slice(0, 40).join('\n');
  expect(firstScreen).toContain('http://localhost:8080');
  const image = /!\[[^\]]+\]\((docs\/images\/[^)]+\.png)\)/.exec(firstScreen)?.[1];
  expect(image).toBeDefined();
  const bytes = fs.readFileSync(path.join(root, image!));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeLessThan(400_000);
});

describeBrowser('a newcomer\'s first hour in the playground', () => {
  const s = usePlaygroundSession();

  test('12: "+ Add criterion" is called what it says', async () => {
    const add = s.sidebar.locator('[data-key="category:firmographic:add"]');
    expect(await add.textContent()).toBe('+ Add criterion to Firmographic');
    expect(await add.getAttribute('aria-label')).toBeNull();
    expect(await s.sidebar.getByRole('button', { name: '+ Add criterion to Firmographic', exact: true }).count()).toBe(1);
  });

  test('6: a new criterion does nothing until its column is chosen', async () => {
    const { sidebar } = s;
    const before = await previewCounts(sidebar);
    const changedBefore = await sidebar.locator('.preview .changed').getAttribute('data-changed');
    await sidebar.locator('[data-key="category:firmographic:add"]').click();
    await sidebar.locator('.card.open.unfinished').waitFor();
    const card = sidebar.locator(`[data-criterion="${await sidebar.locator('.card.open.unfinished').getAttribute('data-criterion')}"]`);
    expect(await card.locator('.card-title').textContent()).toBe('New criterion');
    expect(await card.locator('.card-summary').textContent()).toBe('No column chosen');
    expect(await card.locator('[data-share]').textContent()).toBe('not counted yet');
    expect(await card.getByRole('note').textContent()).toBe('Not counted yet: choose a column.');
    // Not an error either: nothing is flagged in red, the preview is unchanged, and there is nothing to save.
    await new Promise((r) => setTimeout(r, 600));
    expect(await previewCounts(sidebar)).toBe(before);
    expect(await sidebar.locator('.preview .changed').getAttribute('data-changed')).toBe(changedBefore);
    expect(await card.locator('[aria-invalid=true]').count()).toBe(0);
    expect(await sidebar.locator('[data-action=save]').isEnabled()).toBe(false);
    expect(await sidebar.locator('[data-unsaved]').isVisible()).toBe(false);
    await card.screenshot({ path: artifact('newcomer-new-criterion.png') });

    // With a column and a test it counts: the preview moves, Save lights up.
    await card.getByLabel('Column').selectOption('Industry');
    await card.getByLabel('Test').selectOption('notBlank');
    await until(async () => sidebar.locator('[data-action=save]').isEnabled(), (v) => v, 'Save enabled');
    expect(await sidebar.locator('.card.unfinished').count()).toBe(0);
    await until(() => previewCounts(sidebar), (v) => v !== before, 'the preview moved');
    await discard(sidebar);
    expect(s.errors).toEqual([]);
  });

  test('7: each criterion shows its share of the 100-point score, and the shares follow the points', async () => {
    const { sidebar } = s;
    const profile = savedModel(s.pg).profiles[0]!;
    const shares = pointShares(profile);
    // Every point the profile can earn is shared out: the positive shares add up to the 100-point score.
    expect([...shares.values()].filter((x) => x > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    const first = profile.criteria[0]!;
    const sibling = profile.criteria.findIndex((c, i) => i > 0 && c.category === first.category && (c.role ?? 'score') !== 'exclude');
    expect(await sidebar.locator('[data-share="0"]').textContent()).toBe(`= ${Math.round(shares.get(first)! * 10) / 10} of 100`);
    const siblingBefore = await sidebar.locator(`[data-share="${sibling}"]`).textContent();

    // More points on one criterion: the others of its category are worth less, at once.
    await sidebar.locator('[data-key="profiles[0].criteria[0]:toggle"]').click();
    await sidebar.locator('[data-key="profiles[0].criteria[0].points"]').fill(String(Number(first.points) * 3));
    await until(async () => sidebar.locator(`[data-share="${sibling}"]`).textContent(), (t) => t !== siblingBefore, 'the sibling\'s share');
    const shown = (t: string | null): number => Number(/^= (-?[\d.]+) of 100$/.exec(t ?? '')?.[1]);
    expect(shown(await sidebar.locator(`[data-share="${sibling}"]`).textContent())).toBeLessThan(shown(siblingBefore));
    await sidebar.locator('[data-criterion="0"]').screenshot({ path: artifact('newcomer-point-share.png') });
    await discard(sidebar);
  });

  test('11: renaming a tier renames its controls and its undo notice', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="section:tiers"]').click();
    await sidebar.getByLabel('Tier 1 label').fill('Top');
    expect(await sidebar.getByLabel('Minimum score of tier Top').count()).toBe(1);
    expect(await sidebar.getByLabel('Colour of tier Top').count()).toBe(1);
    expect(await sidebar.getByLabel('Minimum score of tier A').count()).toBe(0);
    await sidebar.getByRole('button', { name: 'Delete tier Top' }).click();
    await until(async () => sidebar.locator('.notice').allTextContents(), (t) => t.some((x) => x.includes('Deleted tier "Top".')), 'the undo notice');
    await sidebar.locator('.notice').getByRole('button', { name: 'Undo' }).click();
    await until(async () => sidebar.getByLabel('Tier 1 label').inputValue(), (v) => v === 'Top', 'the tier back');
    await discard(sidebar);
    await sidebar.locator('[data-key="section:tiers"]').click();
  });

  test('13: the description box shows whole lines; the frozen first column covers no part of the next one', async () => {
    const { sidebar, page } = s;
    const box = sidebar.locator('[data-key="profiles[0].description"]');
    const size = await box.evaluate((el) => ({ inner: el.clientHeight - 8, line: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(size.line).toBe(17);
    expect(size.inner % size.line).toBe(0);
    expect(size.inner / size.line).toBeGreaterThanOrEqual(3);
    await box.screenshot({ path: artifact('newcomer-description.png') });

    // First view: scrolled to the live ICP columns, a whole column at the frozen column's edge.
    expect(Math.abs(await frozenEdgeGap(page))).toBeLessThanOrEqual(1);
    // A sideways scroll by hand settles on a whole column too.
    await page.locator('#grid-wrap').evaluate((el) => {
      el.scrollLeft -= 137;
    });
    await until(() => frozenEdgeGap(page), (gap) => Math.abs(gap) <= 1, 'the grid settled on a column');
    await page.screenshot({ path: artifact('newcomer-frozen-column.png') });
  });

  test('10, 13: Score this sheet brings its columns into view, hides ICP Tier order and says its result once', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=scoreThisSheet]').click();
    await until(() => headerTexts(page), (h) => h.includes('ICP Score'), 'the written columns');
    expect(await headerTexts(page)).not.toContain('ICP Tier order');
    const score = await page.locator('tr.header td', { hasText: /^ICP Score$/ }).getAttribute('data-cell');
    expect(await page.locator(`[data-cell="${score}"]`).getAttribute('class')).toContain('selected');
    await until(() => inView(page, score!), (r) => r.left >= r.visibleLeft - 1 && r.right <= r.visibleRight + 1, 'ICP Score in view');
    await page.screenshot({ path: artifact('newcomer-scored.png') });

    // Again from the panel's button: the result is in the status line, not in a notice too.
    await sidebar.getByRole('button', { name: 'Score this sheet' }).click();
    await until(async () => sidebar.locator('[data-score-status]').textContent(), (t) => (t ?? '').startsWith('Scored 400 rows'), 'the run');
    const text = await sidebar.locator('body').innerText();
    expect(text.split('Scored 400 rows').length - 1).toBe(1);
  });

  test('9: Sum per tier offers the sheet\'s amounts, typed as text or not, never the ICP columns; averages are rounded', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=openSummaryPanel]').click();
    const columns = sidebar.locator('[data-summary-columns] label');
    await until(async () => columns.count(), (n) => n > 0, 'the columns to sum');
    const offered = await columns.allTextContents();
    expect(offered.some((t) => t.startsWith('Employees'))).toBe(true);
    const revenue = offered.find((t) => t.startsWith('Annual Revenue'));
    expect(revenue).toMatch(/typed as text, which a pivot table does not add/);
    expect(offered.filter((t) => /ICP/.test(t))).toEqual([]);
    await sidebar.locator('[data-summary-columns]').screenshot({ path: artifact('newcomer-sum-per-tier.png') });
    await columns.filter({ hasText: /^Employees/ }).locator('input').check();
    await sidebar.getByRole('button', { name: 'Build tier summary' }).click();
    await until(async () => page.locator('.tab[aria-selected=true]').textContent(), (t) => t === 'ICP Tiers', 'the summary sheet');
    const average = await page.locator('tr.header td', { hasText: 'Average ICP score' }).getAttribute('data-cell');
    const averages = await columnTexts(page, average!.replace(/\d+$/, ''));
    expect(averages.length).toBeGreaterThan(2);
    for (const a of averages) expect(a).toMatch(/^\d+(\.\d)?$/);
    await page.screenshot({ path: artifact('newcomer-tier-summary.png') });
  });

  test('8, 5, 13: Load CSV with a title line: the open panel says it is out of date, the old summary goes, the header row is found as the add-on finds it', async () => {
    const { page, sidebar } = s;
    // Building the summary left its sheet active: back to the accounts, as a user would click its tab.
    await page.locator('.tab', { hasText: 'Accounts' }).click();
    await until(async () => page.locator('.tab[aria-selected=true]').textContent(), (t) => t === 'Accounts', 'the accounts tab');
    await page.locator('[data-menu=openValidatePanel]').click();
    await until(async () => sidebar.locator('[data-verdict]').count(), (n) => n === 1, 'the validate panel');
    await page.locator('#csv-file').setInputFiles({ name: 'titled.csv', mimeType: 'text/csv', buffer: Buffer.from(TITLED_CSV) });
    await until(() => headerTexts(page), (h) => h[0] === 'Company', 'the new sheet');

    // 8: the panel read the old sheet and says so; the ICP Tiers summary of the old sheet is gone.
    const stale = sidebar.locator('[data-notice=sheet-changed]');
    await until(async () => stale.count(), (n) => n === 1, 'the out-of-date notice');
    expect(await stale.textContent()).toContain('Sheet "Accounts" was replaced. This panel is out of date.');
    expect(await page.locator('.tab').allTextContents()).toEqual(['Accounts']);
    expect(await page.locator('#message').textContent()).toContain('The ICP Tiers summary of the old sheet was removed');
    await page.screenshot({ path: artifact('newcomer-stale-panel.png') });
    await stale.getByRole('button', { name: 'Read it again' }).click();
    await until(async () => stale.count(), (n) => n === 0, 'the panel read again');

    // 5: the title line stays a title; the live columns label the real header row; every count says 6.
    expect(await page.locator('tr.header').getAttribute('data-row')).toBe('2');
    expect(await page.locator('tr[data-row="1"] td').allTextContents()).toEqual(['Q3 target accounts', '', '', '', '', '', '', '', '']);
    expect(await headerTexts(page)).toEqual(['Company', 'Industry', 'Employees', 'Country', 'Demo Requested', 'Annual Revenue', 'ICP Score (live)', 'ICP Tier (live)', 'ICP Why (live)']);
    expect(await page.locator('#message').textContent()).toContain('loaded 6 rows under the header on row 2');
    expect(await page.locator('#grid-info').textContent()).toMatch(/^6 data rows under the header on row 2/);
    const live = await columnTexts(page, 'G');
    expect(live.slice(1)).toHaveLength(6);
    expect(live.slice(1).every((t) => /^\d+(\.\d)?$/.test(t))).toBe(true);
    // 13: amounts as the file wrote them.
    expect(await page.locator('[data-cell="F3"]').textContent()).toBe('$40,000,000');

    await page.locator('[data-menu=openEditor]').click();
    await until(async () => sidebar.locator('.subtitle').textContent(), (t) => t === 'Sheet "Accounts" \u00b7 6 rows', 'the editor on the new sheet');
    await until(async () => sidebar.locator('.preview-status').textContent(), (t) => (t ?? '').includes('6 accounts'), 'the preview on the new sheet');

    // Score this sheet writes its own columns beside the live ones, with no "(ICP Scorer)" names and no warning.
    await page.locator('[data-menu=scoreThisSheet]').click();
    await until(() => headerTexts(page), (h) => h.includes('ICP Score'), 'the written columns');
    const headers = await headerTexts(page);
    expect(headers.filter((h) => h.includes('(ICP Scorer)'))).toEqual([]);
    expect(headers.slice(-3)).toEqual(['ICP Score', 'ICP Tier', 'ICP Why']);
    expect(await page.locator('#message').textContent()).toBe('Scored 6 rows on "Accounts" with "Mid-market B2B SaaS": C 5, Disqualified 1.');
    await page.screenshot({ path: artifact('newcomer-titled-csv.png') });
    expect(s.errors).toEqual([]);
  });

  test('7: the help says how points count', async () => {
    await s.page.locator('[data-menu=openHelp]').click();
    await until(async () => s.sidebar.locator('[data-help=points]').count(), (n) => n === 1, 'the help');
    expect(await s.sidebar.locator('[data-help=points]').textContent()).toContain('share of the 100-point score');
  });
});
