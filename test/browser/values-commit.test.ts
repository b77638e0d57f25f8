// In headless Chromium: a value typed in a criterion's "Add a value" box is kept when the user moves on without pressing Enter.
import { savedModel } from './engine-oracle';
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('a value typed but not added', () => {
  const s = usePlaygroundSession();
  const chips = (): Promise<string[]> => s.sidebar.locator('.card.open .chip-text').allTextContents();

  test('Tab to the next field adds it, and the draft counts it as a change', async () => {
    const { page, sidebar } = s;
    await sidebar.locator('[data-key="profiles[0].criteria[0]:toggle"]').click();
    const before = await chips();
    await sidebar.locator('.card.open').getByPlaceholder('Add a value').fill('Biotech');
    await page.keyboard.press('Tab');
    await until(chips, (c) => c.includes('Biotech'), 'the typed value as a chip');
    expect(await chips()).toEqual([...before, 'Biotech']);
    expect(await sidebar.locator('.card.open').getByPlaceholder('Add a value').inputValue()).toBe('');
    await until(async () => sidebar.locator('[data-unsaved]').isVisible(), (v) => v, 'the draft marked unsaved');
    expect(await sidebar.locator('.card.open .card-summary').textContent()).toContain('...');
  });

  test('clicking Save right after typing saves the value; clicking another field lands there', async () => {
    const { sidebar } = s;
    const card = sidebar.locator('.card.open');
    await card.getByPlaceholder('Add a value').fill('Healthcare');
    // The click that moves on is not swallowed: the field clicked gets the focus.
    await card.getByLabel('Points').click();
    expect(await s.frame.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('profiles[0].criteria[0].points');
    expect(await chips()).toContain('Healthcare');

    await card.getByPlaceholder('Add a value').fill('Edtech');
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    const saved = savedModel(s.pg).profiles[0]!.criteria[0]!.when;
    expect(saved).toMatchObject({ op: 'in', values: expect.arrayContaining(['Biotech', 'Healthcare', 'Edtech']) });
    expect(s.errors).toEqual([]);
  });
});
