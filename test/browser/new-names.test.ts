// In headless Chromium: a new category, profile, tier or band opens with its made-up name or number selected, so typing replaces it.
import { describeBrowser } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('naming what was just added', () => {
  const s = usePlaygroundSession();

  test('typing right after "+ Add" replaces "New category", "New profile", the tier letter and the band\'s start', async () => {
    const { page, sidebar } = s;
    // Before, the caret sat after the made-up name: "New categoryTechnographic".
    await sidebar.locator('[data-key="category:add"]').click();
    await page.keyboard.type('Technographic');
    expect(await sidebar.locator('.category-label').last().inputValue()).toBe('Technographic');

    await sidebar.locator('[data-key="section:tiers"]').click();
    await sidebar.locator('[data-key="tier:add"]').click();
    await page.keyboard.type('Nurture');
    expect(await sidebar.getByLabel('Tier 4 label').inputValue()).toBe('Nurture');

    // Company size earns points by bands: a new band starts after the last one, and its start can be typed over.
    await sidebar.locator('[data-key="profiles[0].criteria[1]:toggle"]').click();
    await sidebar.locator('.card.open').getByRole('button', { name: '+ Add band' }).click();
    await page.keyboard.type('20000');
    const bands = sidebar.locator('.card.open').getByLabel(/^Band \d+ from$/);
    expect(await bands.last().inputValue()).toBe('20000');

    await sidebar.locator('[data-key="profile:add"]').click();
    await page.keyboard.type('Enterprise');
    expect(await sidebar.getByLabel('Name', { exact: true }).inputValue()).toBe('Enterprise');
    await sidebar.locator('[data-key="profile:duplicate"]').click();
    await page.keyboard.type('Enterprise EMEA');
    expect(await sidebar.getByLabel('Name', { exact: true }).inputValue()).toBe('Enterprise EMEA');
    expect(s.errors).toEqual([]);
  });
});
