// In headless Chromium: a field's hint is read out with it (aria-describedby), alongside its error message when it has one.
import type { Locator } from 'playwright-core';
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

/** The accessible description: the texts of the elements aria-describedby names, in order. */
function description(el: Locator): Promise<string> {
  return el.evaluate((node) =>
    (node.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '').map((id) => document.getElementById(id)?.textContent ?? `#${id}?`).join(' | '));
}

describeBrowser('hints read out with their fields', () => {
  const s = usePlaygroundSession();

  test('a criterion\'s points: the hint, then the error with the hint, then the hint again', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="profiles[0].criteria[0]:toggle"]').click();
    const points = sidebar.locator('.card.open').getByLabel('Points');
    expect(await description(points)).toBe('Negative points are a penalty.');
    await points.fill('lots');
    await until(() => description(points), (d) => d.includes('expected a number'), 'the error described');
    expect(await description(points)).toMatch(/expected a number.* \| Negative points are a penalty\.$/);
    await points.fill('30');
    await until(() => description(points), (d) => d === 'Negative points are a penalty.', 'the hint alone again');
  });

  test('the outcome column of Validate against outcomes', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=openValidatePanel]').click();
    await sidebar.locator('[data-verdict]').waitFor();
    expect(await description(sidebar.getByLabel('Outcome column'))).toBe('Cells saying won, lost or open.');
    expect(s.errors).toEqual([]);
  });
});
