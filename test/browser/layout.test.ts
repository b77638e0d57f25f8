// In headless Chromium: names, headers and values that are one very long word wrap, scroll in place or show whole in a tooltip; the 300 px sidebar never scrolls sideways.
import type { Frame } from 'playwright-core';
import { artifact, describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

const LONG = 'Supercalifragilisticexpialidocious'.repeat(4);
const CSV = [
  `Account,${LONG},Employees,Outcome`,
  ...Array.from({ length: 40 }, (_, i) => `Acme ${i},${LONG}${i % 2},${10 * i},${i % 3 === 0 ? 'won' : 'lost'}`),
].join('\n');

/** How far the page is wider than the sidebar, and the buttons cut off at its right edge. */
function overflow(frame: Frame): Promise<{ extra: number; cut: string[] }> {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = Array.from(document.querySelectorAll('button'))
      .filter((b) => b.getClientRects().length > 0 && b.getBoundingClientRect().right > width + 1)
      .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
    return { extra: document.documentElement.scrollWidth - width, cut };
  });
}

describeBrowser('very long words in a 300 px sidebar', () => {
  const s = usePlaygroundSession(CSV);

  test('the editor: a long column, label, value and category name', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="category:firmographic:add"]').click();
    const card = sidebar.locator('.card.open');
    await card.getByLabel('Label').fill(LONG);
    await card.getByLabel('Column').selectOption(LONG);
    await card.getByLabel('Test').selectOption('in');
    await card.getByRole('button', { name: `Add value ${LONG}0 (20 rows)` }).click();
    // The suggestion list for the long column ("Frequent in <column>:") is there again, with the other value.
    await sidebar.locator('.card.open').getByRole('button', { name: `Add value ${LONG}1 (20 rows)` }).waitFor();
    // A chip and a suggestion cut the value off; their tooltips show all of it.
    expect(await sidebar.locator('.card.open .chip-text').first().getAttribute('title')).toBe(`${LONG}0`);
    expect(await sidebar.locator('.card.open .suggestion').first().getAttribute('title')).toBe(`${LONG}1`);
    await sidebar.locator('.category-label').first().fill(LONG);
    await until(() => overflow(s.frame), (o) => o.extra <= 0 && o.cut.length === 0, 'no sideways overflow in the editor');
    await s.page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar-long-words.png') });

    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
  });

  test('Validate against outcomes: a criterion named by one long word', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=openValidatePanel]').click();
    await sidebar.locator('[data-outcome-criteria]').waitFor();
    expect(await sidebar.locator('[data-outcome-criteria] th', { hasText: LONG }).count()).toBe(1);
    expect(await overflow(s.frame)).toEqual({ extra: 0, cut: [] });
    expect(s.errors).toEqual([]);
  });
});
