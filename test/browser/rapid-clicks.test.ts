// In headless Chromium: clicks repeated while the server is still answering (Apps Script takes a second or more) do the thing once.
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(120_000);

describeBrowser('repeated clicks on a slow server', () => {
  const s = usePlaygroundSession();

  test('Import pasted JSON clicked three times asks "Replace the draft?" once', async () => {
    const { page, sidebar } = s;
    await page.route('**/api/run', async (route) => {
      const response = await route.fetch();
      if ((route.request().postData() ?? '').includes('"parseImport"')) await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    try {
      await sidebar.getByLabel('Name', { exact: true }).fill('My edits');
      await sidebar.locator('[data-key="section:file"]').click();
      const model = { schemaVersion: 1, profiles: [{ name: 'Imported', categories: [{ id: 'a', weight: 1 }], criteria: [], tiers: [{ label: 'A', min: 0 }] }] };
      await sidebar.getByLabel('Model JSON to import').fill(JSON.stringify(model));
      const importButton = sidebar.getByRole('button', { name: 'Import pasted JSON' });
      for (let i = 0; i < 3; i++) await importButton.click();
      await until(async () => sidebar.locator('dialog[open]').count(), (n) => n > 0, 'the question');
      // Before, each click's answer opened its own dialog, one on top of the other.
      await new Promise((r) => setTimeout(r, 2000));
      expect(await sidebar.locator('dialog').count()).toBe(1);
      await sidebar.getByRole('dialog').getByRole('button', { name: 'Replace draft' }).click();
      await until(() => sidebar.getByLabel('Name', { exact: true }).inputValue(), (v) => v === 'Imported', 'the imported draft');
      expect(await sidebar.locator('dialog').count()).toBe(0);
    } finally {
      await page.unroute('**/api/run');
    }
    expect(s.errors).toEqual([]);
  });
});
