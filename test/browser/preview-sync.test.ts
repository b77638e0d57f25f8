// In headless Chromium: the live preview and the save bar's summary line show the draft being edited: its profile, and nothing stale while paused.
import { describeBrowser, previewCounts, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('the preview follows the draft', () => {
  const s = usePlaygroundSession();

  test('editing the second profile previews the second profile, not the default one', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="profile:duplicate"]').click();
    await sidebar.locator('[data-key="section:tiers"]').click();
    // The copy's top tier renamed: only a preview of the copy can show it (before, the preview stayed on the first profile).
    await sidebar.getByLabel('Tier 1 label').fill('Top');
    await until(() => previewCounts(sidebar), (v) => v.startsWith('Top='), 'the copy\'s tiers in the preview');
    expect(await sidebar.locator('.preview-status').textContent()).toContain('Draft of "Mid-market B2B SaaS (copy)"');

    // Back on the first profile, the preview is the first profile's again.
    await sidebar.getByLabel('Profile to edit').selectOption({ index: 0 });
    await until(() => previewCounts(sidebar), (v) => v.startsWith('A='), 'the first profile\'s tiers in the preview');
    expect(await sidebar.locator('.preview-status').textContent()).toContain('Draft of "Mid-market B2B SaaS"');
  });

  test('while the preview is paused by a problem, the save bar shows no tier counts of an older draft', async () => {
    const { sidebar } = s;
    const summary = sidebar.locator('[data-preview-summary]');
    await until(async () => summary.isVisible(), (v) => v, 'the summary line');
    expect(await summary.textContent()).toMatch(/^A \d+ · B \d+ · C \d+ · Disqualified \d+$/);
    await sidebar.getByLabel('Name', { exact: true }).fill('');
    await until(async () => sidebar.locator('.preview-status').getAttribute('data-preview-status'), (v) => v === 'invalid', 'the preview paused');
    expect(await summary.isVisible()).toBe(false);
    await sidebar.getByLabel('Name', { exact: true }).fill('Mid-market B2B SaaS');
    await until(async () => summary.isVisible(), (v) => v, 'the summary line back');
    expect(s.errors).toEqual([]);
  });
});
