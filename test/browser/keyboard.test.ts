// In headless Chromium: a criterion is added, edited, reordered and saved with the keyboard alone, with a visible focus ring at each step.
import { savedModel } from './engine-oracle';
import { artifact, describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

interface Focused {
  key: string | null;
  tag: string;
  label: string;
  outline: string;
}

describeBrowser('keyboard-only editing', () => {
  const s = usePlaygroundSession();

  const focused = (): Promise<Focused> =>
    s.frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el === null ? null : getComputedStyle(el);
      const label = el === null ? '' : (el.getAttribute('aria-label') ?? (el.id !== '' ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '');
      return { key: el?.getAttribute('data-key') ?? null, tag: el?.tagName ?? '', label: label.trim(), outline: style === null ? '' : `${style.outlineStyle} ${style.outlineWidth}` };
    });

  /** Presses Tab until the focused control has data-key `key`; fails after `max` presses. */
  const tabTo = async (key: string, max = 400): Promise<Focused> => {
    for (let i = 0; i < max; i++) {
      const f = await focused();
      if (f.key === key) return f;
      await s.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached [data-key="${key}"]`);
  };

  const expectVisibleFocus = (f: Focused): void => {
    expect(f.outline).not.toMatch(/^none/);
    expect(f.outline).not.toMatch(/ 0px$/);
  };

  test('add, fill in, reorder and save a criterion without the mouse', async () => {
    const { page } = s;
    // Put the keyboard in the sidebar: the frame's first Tab stop.
    await s.frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#sidebar-frame').focus();

    let f = await tabTo('category:behavioral:add');
    expectVisibleFocus(f);
    expect(f.label).toBe('+ Add criterion to Behavioral');
    await page.keyboard.press('Enter');

    // The new card opens with its label focused.
    f = await until(focused, (x) => x.label === 'Label', 'focus on the new label');
    expectVisibleFocus(f);
    const labelKey = f.key ?? '';
    const path = labelKey.replace(/\.label$/, '');
    await page.keyboard.type('Pricing page visitor');

    await page.keyboard.press('Tab');
    f = await focused();
    expect(f.label).toBe('Column');
    expectVisibleFocus(f);
    await page.keyboard.type('Website V');
    await until(async () => s.frame.locator(`[data-key="${path}.column"]`).inputValue(), (v) => v === 'Website Visits (30d)', 'the column');

    f = await until(focused, (x) => x.key === `${path}.column`, 'focus kept on the column');
    await page.keyboard.press('Tab');
    f = await focused();
    expect(f.label).toBe('Test');
    await page.keyboard.type('is at l');
    await until(async () => s.frame.locator(`[data-key="${path}.when.op"]`).inputValue(), (v) => v === 'gte', 'the operator');

    await until(focused, (x) => x.key === `${path}.when.op`, 'focus kept on the operator');
    await page.keyboard.press('Tab');
    f = await focused();
    expect(f.label).toBe('At least');
    expectVisibleFocus(f);
    await page.keyboard.type('10');

    f = await tabTo(`${path}.points`, 10);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25');

    // Move it up one place with the keyboard; focus stays on the moved card's button.
    f = await tabTo(`${path}:up`, 10);
    await page.keyboard.press('Enter');
    const index = Number(/criteria\[(\d+)\]/.exec(path)?.[1]);
    const movedPath = path.replace(/criteria\[\d+\]/, `criteria[${index - 1}]`);
    f = await until(focused, (x) => x.key === `${movedPath}:up`, 'focus on the moved card');
    expectVisibleFocus(f);
    await s.frame.locator('.card.open').screenshot({ path: artifact('keyboard-criterion.png') });

    // The preview followed; Save is reachable and works from the keyboard.
    await s.frame.locator('.preview [data-preview-status=idle]').waitFor();
    f = await tabTo('save');
    expectVisibleFocus(f);
    await page.keyboard.press('Enter');
    await s.frame.locator('.notice-success').waitFor();

    const saved = savedModel(s.pg).profiles[0]!.criteria;
    const mine = saved.find((c) => c.label === 'Pricing page visitor');
    expect(mine).toMatchObject({ category: 'behavioral', column: 'Website Visits (30d)', when: { op: 'gte', value: 10 }, points: 25 });
    expect(saved.indexOf(mine!)).toBe(index - 1);
    expect(s.errors).toEqual([]);
  });

  test('every control has a name', async () => {
    const unnamed = await s.frame.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('button, input, select, textarea'))
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels;
          const named = (el.getAttribute('aria-label') ?? '').trim() !== '' || (labels !== null && labels !== undefined && Array.from(labels).some((l) => (l.textContent ?? '').trim() !== '')) || (el.tagName === 'BUTTON' && (el.textContent ?? '').trim() !== '');
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });

  test('a confirmation dialog is keyboard operable: Escape cancels, focus returns', async () => {
    const { page } = s;
    const f = await tabTo(`${'profiles[0].criteria[0]'}:toggle`);
    await page.keyboard.press('Enter');
    const del = await tabTo('profiles[0].criteria[0]:delete', 40);
    expect(del.label).toBe('Delete criterion');
    await page.keyboard.press('Enter');
    await until(async () => s.frame.locator('dialog[open]').count(), (n) => n === 1, 'the dialog');
    expect((await focused()).tag).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await until(async () => s.frame.locator('dialog').count(), (n) => n === 0, 'the dialog to close');
    expect((await focused()).key).toBe('profiles[0].criteria[0]:delete');
    expect(f.key).toBe('profiles[0].criteria[0]:toggle');
    expect(await s.frame.locator('.card').count()).toBeGreaterThan(20);
  });
});
