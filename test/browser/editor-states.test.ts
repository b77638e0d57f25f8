// In headless Chromium: what the editor says on a first run and over a damaged model once saved, on a sheet without headers, when it cannot load, and where the keyboard is after Save.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('the editor\'s states', () => {
  const s = usePlaygroundSession();
  const notices = (): Promise<string[]> => s.sidebar.locator('.notice-text').allTextContents();
  const spreadsheet = (): GoogleAppsScript.Spreadsheet.Spreadsheet =>
    (s.pg.emulator.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  const openEditor = async (): Promise<void> => {
    // Opening the editor reloads the sidebar: mark the page shown now, and wait for a page without the mark, so no
    // read below lands on the old page or in the middle of the reload.
    await s.sidebar.locator('body').evaluate((b) => b.setAttribute('data-before-reload', ''));
    await s.page.locator('[data-menu=openEditor]').click();
    await s.sidebar.locator('body:not([data-before-reload]) [data-action=save]').waitFor();
  };

  test('after Save with the keyboard, the focus stays in the save bar (not back at the top of the sidebar)', async () => {
    const { page, sidebar } = s;
    await sidebar.getByLabel('Name', { exact: true }).fill('Mid-market SaaS');
    await sidebar.locator('[data-action=save]').focus();
    await page.keyboard.press('Enter');
    await sidebar.locator('.notice-success').waitFor();
    const focused = await s.frame.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
    expect(focused).toEqual({ tag: 'DIV', text: 'All changes saved' });
    // Shift+Tab goes back into the editor, to the control before the save bar, not to the first one of the sidebar.
    await page.keyboard.press('Shift+Tab');
    expect(await s.frame.evaluate(() => document.activeElement?.closest('.save-bar') === null && document.activeElement?.closest('.editor') !== null)).toBe(true);
  });

  test('a first run: once the model is saved, "no model is saved yet" and "review it, then Save" are gone', async () => {
    const { sidebar } = s;
    const ss = spreadsheet();
    ss.deleteSheet(ss.getSheetByName('ICP Model')!);
    await openEditor();
    await until(notices, (n) => n.some((t) => t.startsWith('No model is saved in this spreadsheet yet')), 'the first-run notice');
    await sidebar.getByRole('button', { name: 'Use B2B SaaS starter' }).click();
    await until(notices, (n) => n.some((t) => t.startsWith('Loaded the template')), 'the template loaded');
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    expect(await notices()).toEqual([expect.stringMatching(/^Saved \(version 1\)/)]);
  });

  test('a damaged stored model: the editor does not also say none is saved, and saving clears the warning', async () => {
    const { sidebar } = s;
    const model = spreadsheet().getSheetByName('ICP Model')!;
    model.getRange(5, 1).setValue('|{"schemaVersion":1, cut here');
    await openEditor();
    await until(notices, (n) => n.some((t) => t.startsWith('The ICP model stored in this spreadsheet is damaged')), 'the damaged-model warning');
    expect(await notices()).not.toContainEqual(expect.stringContaining('No model is saved'));
    expect(await notices()).toContainEqual(expect.stringContaining('import your exported model or start from the B2B SaaS starter'));
    await sidebar.getByRole('button', { name: 'Use B2B SaaS starter' }).click();
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    expect(await notices()).toEqual([expect.stringMatching(/^Saved \(version \d+\)/)]);
  });

  test('a sheet without a header row: the editor says why there is no column to choose', async () => {
    const { sidebar } = s;
    const ss = spreadsheet();
    ss.setActiveSheet(ss.insertSheet('Notes'));
    try {
      await openEditor();
      await until(notices, (n) => n.some((t) => t.startsWith('Sheet "Notes" has no header row')), 'the no-headers notice');
      await sidebar.locator('[data-key="category:behavioral:add"]').click();
      const card = sidebar.locator('.card.open');
      expect(await card.getByLabel('Column').locator('option').allTextContents()).toEqual(['Choose a column...']);
      expect(await card.locator('.field', { has: s.sidebar.getByLabel('Column') }).locator('.hint').textContent()).toBe('Sheet "Notes" has no header row, so there is no column to choose.');
      // Its values box is named without a column (before: "Add a value for ").
      await card.getByLabel('Test').selectOption('in');
      expect(await sidebar.locator('.card.open').getByPlaceholder('Add a value').getAttribute('aria-label')).toBe('Add a value');
    } finally {
      ss.setActiveSheet(ss.getSheetByName('Accounts')!);
    }
  });

  test('when the model cannot be loaded, Save and Discard are not offered', async () => {
    const { sidebar, pg } = s;
    const original = pg.context.getEditorState;
    pg.context.getEditorState = () => {
      throw new Error('Service Spreadsheets failed while accessing document');
    };
    try {
      await s.page.locator('[data-menu=openEditor]').click();
      await until(notices, (n) => n.some((t) => t.startsWith('Could not open the editor')), 'the load error');
      expect(await sidebar.locator('[data-action=save]').isVisible()).toBe(false);
      expect(await sidebar.getByRole('button', { name: 'Discard changes' }).isVisible()).toBe(false);
      expect(await sidebar.locator('.loading').count()).toBe(0);
    } finally {
      pg.context.getEditorState = original;
    }
    expect(s.errors).toEqual([]);
  });
});
