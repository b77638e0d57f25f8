// In headless Chromium: add a criterion and change a weight, see the preview change before saving; save and see the grid match the engine.
import { engineScores } from './engine-oracle';
import { artifact, columnOf, columnTexts, describeBrowser, previewCounts, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('the sidebar editor on the playground', () => {
  const s = usePlaygroundSession();

  test('the grid starts with the engine\'s scores for the saved starter model', async () => {
    const score = await columnOf(s.page, 'ICP Score (live)');
    expect(await columnTexts(s.page, score)).toEqual(engineScores(s.pg));
  });

  test('an invalid field shows its message beside it and Save stays disabled until it is fixed', async () => {
    const { sidebar } = s;
    await sidebar.getByLabel('Name', { exact: true }).fill('');
    const name = sidebar.getByLabel('Name', { exact: true });
    await until(async () => name.getAttribute('aria-invalid'), (v) => v === 'true', 'the name marked invalid');
    const described = await name.getAttribute('aria-describedby');
    expect(await sidebar.locator(`[id="${described}"]`).textContent()).toBe('must not be empty');
    expect(await sidebar.locator('[data-action=save]').isDisabled()).toBe(true);
    expect(await sidebar.locator('.problems').textContent()).toBe('1 problem to fix');
    expect(await sidebar.locator('.preview-status').getAttribute('data-preview-status')).toBe('invalid');
    await name.fill('Mid-market B2B SaaS');
    await until(async () => name.getAttribute('aria-invalid'), (v) => v === null, 'the name valid again');
    // Back to the saved model: nothing to save.
    expect(await sidebar.locator('[data-action=save]').isDisabled()).toBe(true);
    expect(await sidebar.locator('[data-unsaved]').isVisible()).toBe(false);
  });

  test('adding a criterion and changing a weight update the preview before saving; saving updates the grid to the engine\'s scores', async () => {
    const { page, sidebar } = s;
    const scoreColumn = await columnOf(page, 'ICP Score (live)');
    const gridBefore = await columnTexts(page, scoreColumn);
    const previewBefore = await previewCounts(sidebar);
    const revisionBefore = s.pg.revision;

    // Add a criterion to Intent: "Series B or C" funding, 40 points.
    await sidebar.locator('[data-key="category:intent:add"]').click();
    const card = sidebar.locator('.card.open');
    await card.getByLabel('Label').fill('Series B or C');
    await card.getByLabel('Column').selectOption('Funding Stage');
    await card.getByLabel('Test').selectOption('in');
    await card.getByRole('button', { name: /^Add value Series B \(/ }).click();
    await sidebar.locator('.card.open').getByRole('button', { name: /^Add value Series C \(/ }).click();
    await sidebar.locator('.card.open').getByLabel('Points').fill('40');
    await expect(sidebar.locator('.card.open .chip-text').allTextContents()).resolves.toEqual(['Series B', 'Series C']);

    // Firmographic from 40 % to 20 %: the others share the rest in proportion (30:30 -> 40:40).
    const firmographic = sidebar.getByLabel('Weight of Firmographic in percent');
    await firmographic.fill('20');
    await firmographic.press('Enter');
    const weights = await until(
      async () => Promise.all(['Firmographic', 'Behavioral', 'Intent'].map((c) => sidebar.getByLabel(`Weight of ${c} in percent`).inputValue())),
      (w) => w.join(',') === '20,40,40',
      'weights 20/40/40',
    );
    expect(weights).toEqual(['20', '40', '40']);

    // The preview shows the draft: different tier counts, and how many accounts would change tier; nothing is saved yet.
    const previewAfter = await until(() => previewCounts(sidebar), (v) => v !== previewBefore, 'the preview to change');
    expect(previewAfter).not.toEqual(previewBefore);
    const changed = Number(await sidebar.locator('.preview .changed').getAttribute('data-changed'));
    expect(changed).toBeGreaterThan(0);
    await expect(sidebar.locator('[data-unsaved]').isVisible()).resolves.toBe(true);
    expect(s.pg.revision).toBe(revisionBefore);
    expect(await columnTexts(page, scoreColumn)).toEqual(gridBefore);
    await page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar-editing.png') });

    // Save: the grid refreshes, and every score is the engine's for the saved model.
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    await expect(sidebar.locator('[data-unsaved]').isVisible()).resolves.toBe(false);
    const gridAfter = await until(() => columnTexts(page, scoreColumn), (v) => v.join('|') !== gridBefore.join('|'), 'the grid to refresh');
    expect(gridAfter).toEqual(engineScores(s.pg));
    expect(gridAfter.filter((v, i) => v !== gridBefore[i]).length).toBeGreaterThan(0);
    // After saving, the preview compares with the new saved model: nothing changes tier.
    await until(async () => sidebar.locator('.preview .changed').getAttribute('data-changed'), (v) => v === '0', 'changed tier = 0 after saving');

    // For people to look at: the sidebar from its top, and the whole playground.
    await page.frameLocator('#sidebar-frame').locator('body').evaluate(() => window.scrollTo(0, 0));
    await page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar.png') });
    await page.screenshot({ path: artifact('playground.png') });
    expect(s.errors).toEqual([]);
  });
});
