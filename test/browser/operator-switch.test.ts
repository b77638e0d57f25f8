// In headless Chromium: stepping through a criterion's Test or Role with the keyboard, or picking one and back, keeps its values and points.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('changing a criterion\'s test or role and back', () => {
  const s = usePlaygroundSession();

  test('arrow keys over the Test select, bands and back, exclude and back: nothing is lost', async () => {
    const { page, sidebar } = s;
    // Criterion 0 of the starter: Industry is one of 4 values, 30 points.
    await sidebar.locator('[data-key="profiles[0].criteria[0]:toggle"]').click();
    const card = sidebar.locator('.card.open');
    const chips = (): Promise<string[]> => sidebar.locator('.card.open .chip-text').allTextContents();
    const before = await chips();
    expect(before).toHaveLength(4);
    expect(await card.getByLabel('Points').inputValue()).toBe('30');

    // A closed select changes on each arrow key: down passes over "is exactly", up comes back (before: one value left).
    await card.getByLabel('Test').focus();
    await page.keyboard.press('ArrowDown');
    await until(() => card.getByLabel('Test').inputValue(), (v) => v === 'equals', 'the operator "is exactly"');
    await page.keyboard.press('ArrowUp');
    await until(() => card.getByLabel('Test').inputValue(), (v) => v === 'in', 'the operator "is one of" again');
    expect(await chips()).toEqual(before);

    // Bands take their points from the bands; back to "is one of", the criterion's own 30 points return (before: 10).
    await card.getByLabel('Test').selectOption('bands');
    await card.getByLabel('Test').selectOption('in');
    expect(await chips()).toEqual(before);
    expect(await card.getByLabel('Points').inputValue()).toBe('30');

    // An exclusion has no points; back to a score, the 30 points return (before: 10).
    await card.getByLabel('Role').selectOption('exclude');
    await card.getByLabel('Role').selectOption('score');
    expect(await card.getByLabel('Points').inputValue()).toBe('30');

    // Back where it started: nothing to save.
    await until(async () => sidebar.locator('[data-unsaved]').isVisible(), (v) => !v, 'no unsaved changes');
    expect(s.errors).toEqual([]);
  });

  test('a condition edited after a change is the one kept: changing back converts it rather than restoring the old one', async () => {
    const card = s.sidebar.locator('.card.open');
    await card.getByLabel('Test').selectOption('equals');
    await card.getByLabel('Value', { exact: true }).fill('Biotech');
    await card.getByLabel('Test').selectOption('in');
    expect(await s.sidebar.locator('.card.open .chip-text').allTextContents()).toEqual(['Biotech']);
  });
});
