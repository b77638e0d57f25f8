// In headless Chromium: Validate against outcomes on planted deals with real signal offers "Apply suggested points…", which opens the editor on an unsaved draft with the fit's points and leaves the saved model as it was.
import { callServer } from '../../emulator/load-bundle';
import type { EditorState, SaveResult } from '../../src/gas/api-types';
import { plantedDeals } from '../../tools/planted-deals/deals';
import { savedModel } from './engine-oracle';
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

// The sample sheet has too few closed deals for the fit to suggest anything (playground.test.ts checks that it says
// so); 1,000 planted deals with their effects at full strength give it something to suggest.
const planted = plantedDeals({ deals: 1000, seed: 11 });
const quote = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const CSV = [planted.headers, ...planted.rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';

describeBrowser('applying suggested points', () => {
  const s = usePlaygroundSession(CSV);

  test('opens the editor on an unsaved draft holding the suggested points; the saved model is unchanged', async () => {
    const { page, sidebar } = s;
    const state = callServer(s.pg.context, 'getEditorState') as EditorState;
    const saved = callServer(s.pg.context, 'saveModel', planted.model, state.version) as SaveResult;
    expect(saved.ok).toBe(true);
    const before = savedModel(s.pg);
    // The cards' points badges under the saved model, as the editor shows them.
    const badges = async (): Promise<string[]> => sidebar.locator('.card-points .badge').allTextContents();
    await page.locator('[data-menu=openEditor]').click();
    const handBadges = await until(badges, (b) => b.length === before.profiles[0]!.criteria.length, 'the saved model\'s cards');

    await page.locator('[data-menu=openValidatePanel]').click();
    const apply = sidebar.getByRole('button', { name: 'Apply suggested points\u2026' });
    await until(async () => apply.count(), (n) => n === 1, 'the Apply suggested points button');
    // A criterion without evidence is suggested 0 with its reason, never "kept" at its hand points.
    expect(await sidebar.locator('body').textContent()).not.toContain('(kept)');
    await apply.click();

    await until(async () => sidebar.locator('h1').textContent(), (t) => t !== null && /editor/i.test(t), 'the editor');
    await until(async () => sidebar.locator('[data-unsaved]').isVisible(), (v) => v, 'the unsaved marker');
    expect(await sidebar.locator('body').textContent()).toContain('Suggested points and category weights applied');
    await until(async () => badges(), (b) => b.length === before.profiles[0]!.criteria.length && b.join() !== handBadges.join(), 'the suggested points on the cards');
    // Nothing is saved until the user saves.
    expect(savedModel(s.pg)).toEqual(before);
    expect(s.errors).toEqual([]);
  });
});
