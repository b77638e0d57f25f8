// In headless Chromium: the Validate, Score and Summary panels keep the keyboard's place, run with the options they started with, and never stay "Loading".
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

// Two outcome columns, so the Validate panel offers a choice.
const CSV = [
  'Account,Industry,Employees,Outcome,Result',
  ...Array.from({ length: 60 }, (_, i) => `Acme ${i},${i % 2 === 0 ? 'SaaS' : 'Retail'},${10 * i},${i % 3 === 0 ? 'won' : 'lost'},${i % 2 === 0 ? 'won' : 'lost'}`),
].join('\n');

describeBrowser('the other panels', () => {
  const s = usePlaygroundSession(CSV);
  const focusedKey = (): Promise<string | null> => s.frame.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);

  test('Validate: stepping through the outcome columns with the arrow keys keeps the focus on the select', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=openValidatePanel]').click();
    await sidebar.locator('[data-verdict]').waitFor();
    const column = sidebar.getByLabel('Outcome column');
    expect(await column.inputValue()).toBe('Outcome');
    // Each step loads a new answer and rebuilds the select (before, the focus fell to the page): mark the select to see it replaced.
    const rebuilt = async (): Promise<void> => {
      await until(() => s.frame.evaluate(() => document.querySelector('[data-key="validate:column"][data-old]') === null), (v) => v, 'the select rebuilt');
    };
    await column.evaluate((el) => el.setAttribute('data-old', ''));
    await column.focus();
    await page.keyboard.press('ArrowDown');
    await rebuilt();
    expect(await sidebar.getByLabel('Outcome column').inputValue()).toBe('Result');
    expect(await focusedKey()).toBe('validate:column');
    await sidebar.getByLabel('Outcome column').evaluate((el) => el.setAttribute('data-old', ''));
    await page.keyboard.press('ArrowUp');
    await rebuilt();
    expect(await sidebar.getByLabel('Outcome column').inputValue()).toBe('Outcome');
    expect(await focusedKey()).toBe('validate:column');
  });

  test('Validate: a screen reader hears the verdict of each answer, not every cell of its tables', async () => {
    const { frame, sidebar } = s;
    // Before, the whole result (three tables) was one live region, read out in full at each answer.
    expect(await frame.evaluate(() => Array.from(document.querySelectorAll('[aria-live], [role=status], [role=alert]')).filter((el) => el.querySelector('table') !== null).length)).toBe(0);
    expect(await sidebar.getByRole('status').filter({ hasText: (await sidebar.locator('[data-verdict]').textContent()) ?? '-' }).count()).toBe(1);
  });

  test('Score: the options cannot change during a run, and every part of the run uses the ones it started with', async () => {
    const { page, pg, sidebar } = s;
    await page.locator('[data-menu=scoreThisSheet]').click();
    await until(async () => sidebar.locator('[data-score-status]').textContent(), (t) => (t ?? '').startsWith('Scored'), 'the menu\'s run');

    // A run in three parts (as a big sheet is scored), each answered after a delay.
    const original = pg.context.scoreSheet as (options: unknown) => Record<string, unknown>;
    const sent: unknown[] = [];
    pg.context.scoreSheet = (options: unknown) => {
      sent.push(options);
      return { ...original(options), partial: sent.length < 3 };
    };
    await page.route('**/api/run', async (route) => {
      const response = await route.fetch();
      if ((route.request().postData() ?? '').includes('"scoreSheet"')) await new Promise((r) => setTimeout(r, 700));
      await route.fulfill({ response });
    });
    try {
      const live = sidebar.getByLabel(/Insert live formulas/);
      await sidebar.getByRole('button', { name: 'Score this sheet' }).click();
      await until(async () => sent.length, (n) => n === 1, 'the first part');
      expect(await live.isDisabled()).toBe(true);
      expect(await sidebar.getByLabel(/Start over/).isDisabled()).toBe(true);
      // Before, the box could be ticked here, and the next parts inserted live formulas instead.
      await live.click({ force: true }).catch(() => undefined);
      await until(async () => sidebar.getByRole('button', { name: 'Score this sheet' }).isEnabled(), (v) => v, 'the end of the run', 20_000);
      expect(sent).toHaveLength(3);
      for (const options of sent) expect(options).toMatchObject({ live: false });
      expect(await live.isChecked()).toBe(false);
      expect(await live.isEnabled()).toBe(true);
      // The button pressed has the focus back once the run is over.
      expect(await focusedKey()).toBe('score:run');
    } finally {
      pg.context.scoreSheet = original;
      await page.unroute('**/api/run');
    }
  });

  test('Summary: when the columns cannot be read, it says so instead of "Reading the columns..." for ever', async () => {
    const { page, pg, sidebar } = s;
    const original = pg.context.getSummaryColumns;
    pg.context.getSummaryColumns = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    try {
      await page.locator('[data-menu=openSummaryPanel]').click();
      await sidebar.locator('.notice-error').waitFor();
      expect(await sidebar.locator('.notice-error').textContent()).toContain('Could not read the columns: Service Spreadsheets timed out');
      expect(await sidebar.locator('[data-summary-columns]').textContent()).not.toContain('Reading the columns');
    } finally {
      pg.context.getSummaryColumns = original;
    }
    expect(s.errors).toEqual([]);
  });
});
