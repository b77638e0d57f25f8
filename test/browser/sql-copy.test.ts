// In headless Chromium: "Copy SQL for BigQuery" in the editor writes the SELECT of the profile shown (its saved
// version) for the table typed, selected in a box (and copied when the browser allows), and says why when it cannot.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('Copy SQL for BigQuery', () => {
  const s = usePlaygroundSession();
  const status = (): Promise<string> => s.sidebar.locator('[data-section=file] [role=status]').first().textContent().then((t) => t ?? '');
  /** Empties the status before a click, so a wait for the answer cannot read the previous click's. */
  const clearStatus = (): Promise<unknown> => s.sidebar.locator('[data-section=file] [role=status]').first().evaluate((el) => (el.textContent = ''));

  test('the saved profile as one SELECT over the table, every part quoted, shown selected for copying', async () => {
    const { sidebar } = s;
    const toggle = sidebar.locator('[data-key="section:file"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await sidebar.getByPlaceholder('project.dataset.table').fill("my-project.crm.acc`ounts'");
    await sidebar.getByRole('button', { name: 'Copy SQL for BigQuery' }).click();
    await until(status, (t) => t.includes('Copied.') || t.includes('Selected: press Ctrl+C'), 'the SQL copied or selected');
    expect(await status()).toMatch(/^SQL for the saved profile "Mid-market B2B SaaS" on my-project\.crm\.acc`ounts': every column plus icp_score, icp_tier and icp_why\. /);
    const box = sidebar.locator('textarea.export-text');
    const sql = await box.inputValue();
    expect(sql).toMatch(/^SELECT \* EXCEPT \(/);
    expect(sql).toContain("FROM `my-project`.`crm`.`acc\\x60ounts'` AS t");
    expect(sql).toContain('AS `icp_score`');
    // Selected in full, so Ctrl+C copies it where the clipboard is refused.
    expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length])).toEqual([0, sql.length, sql.length]);
    expect(await s.frame.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(s.errors).toEqual([]);
  });

  test('without a table name it asks for one', async () => {
    const { sidebar } = s;
    await sidebar.getByPlaceholder('project.dataset.table').fill('  ');
    await sidebar.getByRole('button', { name: 'Copy SQL for BigQuery' }).click();
    await until(status, (t) => t.startsWith('Enter the BigQuery table'), 'the request for a table name');
    expect(s.errors).toEqual([]);
  });

  test('copies the profile shown in the editor, as saved: a new profile must be saved first, unsaved edits are named', async () => {
    const { sidebar } = s;
    const box = sidebar.locator('textarea.export-text');
    const copy = async (): Promise<string> => {
      await box.evaluate((el: HTMLTextAreaElement) => (el.value = ''));
      await clearStatus();
      await sidebar.getByRole('button', { name: 'Copy SQL for BigQuery' }).click();
      return until(status, (t) => t.startsWith('SQL for') || t.startsWith('The profile'), 'the copy to answer');
    };
    await sidebar.getByPlaceholder('project.dataset.table').fill('p.crm.accounts');
    // A second profile, shown in the editor and not saved yet: no SQL of another profile in its place.
    await sidebar.locator('[data-key="profile:duplicate"]').click();
    const name = sidebar.getByLabel('Name', { exact: true });
    await name.fill('Enterprise');
    const tiers = sidebar.locator('[data-key="section:tiers"]');
    if ((await tiers.getAttribute('aria-expanded')) !== 'true') await tiers.click();
    await sidebar.locator('[data-key="profiles[1].tiers[0].label"]').fill('Top');
    expect(await copy()).toBe('The profile "Enterprise" is not in the saved model yet: Save, then copy its SQL (it is made from the saved model).');
    expect(await box.inputValue()).toBe('');

    // Saved: the SQL is that profile's (its tier "Top"), though it is not the default profile.
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    expect(await copy()).toMatch(/^SQL for the saved profile "Enterprise" on p\.crm\.accounts: every column plus icp_score, icp_tier and icp_why\. (Copied\.|Selected)/);
    expect(await box.inputValue()).toContain("THEN 'Top'");

    // An unsaved edit of it: the copy is still the saved version, and the status says so.
    await sidebar.locator('[data-key="profiles[1].tiers[0].label"]').fill('Premium');
    const edited = await copy();
    expect(edited).toContain('SQL for the saved profile "Enterprise"');
    expect(edited).toContain('Your unsaved edits to this profile are not in it: Save to include them.');
    expect(await box.inputValue()).toContain("THEN 'Top'");
    expect(await box.inputValue()).not.toContain('Premium');

    // The default profile, shown again: its own SQL, without a word about the other profile's edits.
    await sidebar.locator('[data-key="profile:pick"]').selectOption('0');
    const back = await copy();
    expect(back).toMatch(/^SQL for the saved profile "Mid-market B2B SaaS" on p\.crm\.accounts/);
    expect(back).not.toContain('unsaved');
    expect(await box.inputValue()).not.toContain("THEN 'Top'");
    expect(s.errors).toEqual([]);
  });

  test('in a de_DE spreadsheet the SQL reads text numbers as the sheet does (1.234,5), and the status says so', async () => {
    const { sidebar } = s;
    const spreadsheet = (s.pg.emulator.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const copied = async (): Promise<{ said: string; sql: string }> => {
      const box = sidebar.locator('textarea.export-text');
      await box.evaluate((el: HTMLTextAreaElement) => (el.value = ''));
      await clearStatus();
      await sidebar.getByRole('button', { name: 'Copy SQL for BigQuery' }).click();
      const said = await until(status, (t) => t.startsWith('SQL for') && (t.includes('Copied.') || t.includes('Selected')), 'the SQL copied or selected');
      return { said, sql: await box.inputValue() };
    };
    await sidebar.getByPlaceholder('project.dataset.table').fill('p.crm.accounts');
    const us = await copied();
    expect(us.said).not.toContain('locale');
    spreadsheet.setSpreadsheetLocale('de_DE');
    try {
      const de = await copied();
      expect(de.said).toMatch(/^SQL for the saved profile "Mid-market B2B SaaS" on p\.crm\.accounts: every column plus icp_score, icp_tier and icp_why\. Numbers written as text are read as this spreadsheet's locale \(de_DE\) writes them: 1\.234,5 is 1234\.5\. (Copied\.|Selected)/);
      // The decimal-comma reading: each point before a digit read as a thousands separator, typed numbers left as they are.
      expect(de.sql).not.toBe(us.sql);
      expect(de.sql).toContain("REPLACE(");
      expect(de.sql).toContain("'.1', ',1'");
      expect(de.sql).toContain('TO_JSON_STRING(`Employees`)');
      expect(us.sql).not.toContain("'.1', ',1'");
    } finally {
      spreadsheet.setSpreadsheetLocale('en_US');
    }
    expect(s.errors).toEqual([]);
  });
});
