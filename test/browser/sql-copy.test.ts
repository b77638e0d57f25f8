// In headless Chromium: "Copy SQL for BigQuery" in the editor writes the saved model's SELECT for the table typed,
// selected in a box (and copied when the browser allows), and says why when it cannot.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('Copy SQL for BigQuery', () => {
  const s = usePlaygroundSession();
  const status = (): Promise<string> => s.sidebar.locator('[data-section=file] [role=status]').first().textContent().then((t) => t ?? '');

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
});
