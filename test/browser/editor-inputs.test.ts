// In headless Chromium: the editor's typed inputs (weights, exact values) read as a person means them, and export refuses a broken draft.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

const CATEGORIES = ['Firmographic', 'Behavioral', 'Intent'];

describeBrowser('typed inputs in the editor', () => {
  const s = usePlaygroundSession();
  const weights = (): Promise<string[]> => Promise.all(CATEGORIES.map((c) => s.sidebar.getByLabel(`Weight of ${c} in percent`).inputValue()));

  test('a weight typed as "50%" is 50 %; text that is no number leaves the weights as they were and says why', async () => {
    const { sidebar } = s;
    const firmographic = sidebar.getByLabel('Weight of Firmographic in percent');
    await firmographic.fill('50%');
    await firmographic.press('Enter');
    await until(weights, (w) => w.join() === '50,25,25', 'weights 50/25/25');

    await firmographic.fill('abc');
    await firmographic.press('Enter');
    await until(weights, (w) => w.join() === '50,25,25', 'weights unchanged');
    expect(await sidebar.locator('.notice-text').allTextContents()).toEqual([expect.stringContaining('"abc" is not a percentage')]);
  });

  test('after typing a weight, one click does what it says and one Tab moves on (no re-render swallows them)', async () => {
    const { sidebar } = s;
    const behavioral = sidebar.getByLabel('Weight of Behavioral in percent');
    await behavioral.fill('30');
    // The first click after the edit: before, it landed on a control the weight's re-render had already replaced.
    await sidebar.locator('[data-key="section:file"]').click();
    await until(() => sidebar.locator('[data-key="section:file"]').getAttribute('aria-expanded'), (v) => v === 'true', 'the file section opened by one click');
    expect(await weights()).toEqual(['47', '30', '23']);

    await behavioral.fill('40');
    await behavioral.press('Tab');
    const focusedKey = await s.frame.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
    expect(focusedKey).not.toBe(await behavioral.getAttribute('data-key'));
    expect(await weights()).toEqual(['40', '40', '20']);
  });

  test('an exact value reads numbers and TRUE as such, an empty one is flagged, and export refuses a draft with problems', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="category:behavioral:add"]').click();
    const card = sidebar.locator('.card.open');
    await card.getByLabel('Label').fill('Asked for a demo');
    await card.getByLabel('Column').selectOption('Demo Requested');
    await card.getByLabel('Test').selectOption('equals');
    await card.getByLabel('Points').fill('10');
    const value = card.getByLabel('Value', { exact: true });
    await until(async () => value.getAttribute('aria-invalid'), (v) => v === 'true', 'the empty value flagged');

    // Export is refused while the draft has a problem: the file could not be imported again.
    await sidebar.locator('[data-key="export:copy"]').click();
    expect(await sidebar.locator('[data-key="export:text"]').isHidden()).toBe(true);
    expect(await sidebar.locator('.export-status, [role=status]').filter({ hasText: 'Not exported' }).textContent()).toContain('1 problem');

    await value.fill('TRUE');
    await until(async () => value.getAttribute('aria-invalid'), (v) => v === null, 'the value valid');
    expect(await card.locator('.hint').filter({ hasText: 'Read as yes' }).count()).toBe(1);
    await sidebar.locator('[data-key="export:copy"]').click();
    const exported = JSON.parse(await sidebar.locator('[data-key="export:text"]').inputValue()) as { profiles: { criteria: { label?: string; when: unknown }[] }[] };
    const added = exported.profiles[0]!.criteria.find((c) => c.label === 'Asked for a demo');
    expect(added?.when).toEqual({ op: 'equals', value: true });

    await value.fill('1,000');
    await sidebar.locator('[data-key="export:copy"]').click();
    const again = JSON.parse(await sidebar.locator('[data-key="export:text"]').inputValue()) as typeof exported;
    expect(again.profiles[0]!.criteria.find((c) => c.label === 'Asked for a demo')?.when).toEqual({ op: 'equals', value: 1000 });
  });

  test('a pattern with nested repetitions is accepted (it runs in bounded time); a lookahead is refused at the field, saying why', async () => {
    const { sidebar } = s;
    await sidebar.locator('[data-key="profiles[0].criteria[10]:toggle"]').click();
    const card = sidebar.locator('.card.open');
    const pattern = card.getByLabel('Pattern');
    expect(await card.locator('[data-slow-pattern]').count()).toBe(0);
    await pattern.fill('^([a-z0-9]+\\.?)+@');
    await until(async () => pattern.getAttribute('aria-invalid'), (v) => v === null, 'the nested repetition accepted');
    await pattern.fill('@(?!gmail)');
    await until(async () => pattern.getAttribute('aria-invalid'), (v) => v === 'true', 'the lookahead refused');
    expect(await card.locator('.field-error:not([hidden])').first().textContent()).toMatch(/lookarounds/);
    await pattern.fill('@(gmail|yahoo)\\.');
    await until(async () => pattern.getAttribute('aria-invalid'), (v) => v === null, 'the plain pattern valid');
    expect(s.errors).toEqual([]);
  });
});
