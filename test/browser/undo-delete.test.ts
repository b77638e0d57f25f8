// In headless Chromium: deleting a tier or removing a band takes one click, and the notice it leaves takes it back.
import { describeBrowser } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('undoing a tier deletion', () => {
  const s = usePlaygroundSession();

  test('Delete tier B, then Undo: B is back in its place with its minimum, and the draft is as before', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="section:tiers"]').click();
    const labels = (): Promise<string[]> => sidebar.locator('.tier-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await labels();
    expect(before).toEqual(['A', 'B', 'C']);
    const minOfB = await sidebar.getByLabel('Minimum score of tier B').inputValue();

    await sidebar.getByRole('button', { name: 'Delete tier B' }).click();
    expect(await labels()).toEqual(['A', 'C']);
    const notice = sidebar.locator('[data-notice="undo-delete-tier"]');
    expect(await notice.locator('.notice-text').textContent()).toBe('Deleted tier "B".');

    await notice.getByRole('button', { name: 'Undo' }).click();
    expect(await labels()).toEqual(before);
    expect(await sidebar.getByLabel('Minimum score of tier B').inputValue()).toBe(minOfB);
    expect(await notice.count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  test('Remove a band of Company size, then Undo: the bands are as before', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="profiles[0].criteria[1]:toggle"]').click();
    const card = sidebar.locator('.card.open');
    const starts = (): Promise<string[]> => card.getByLabel(/^Band \d+ from$/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await starts();
    expect(before).toEqual(['1', '51', '201', '1001']);
    await card.getByRole('button', { name: 'Remove band 2' }).click();
    expect(await starts()).toEqual(['1', '201', '1001']);
    const notice = sidebar.locator('[data-notice="undo-remove-band"]');
    expect(await notice.locator('.notice-text').textContent()).toBe('Removed band 2.');
    await notice.getByRole('button', { name: 'Undo' }).click();
    expect(await starts()).toEqual(before);
    expect(s.errors).toEqual([]);
  });
});
