// In headless Chromium: the playground page with files users really have (semicolon exports, UTF-16, too big), sidebar actions that add sheets, and google.script.run's argument rules.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('the playground page', () => {
  const s = usePlaygroundSession();

  const headers = () => s.page.locator('tr.header td').allTextContents();
  const message = () => s.page.locator('#message').textContent();

  test('Build tier summary in the sidebar adds the "ICP Tiers" tab to the grid, and its tab shows the pivot', async () => {
    const { page, sidebar } = s;
    await page.locator('[data-menu=scoreThisSheet]').click();
    await until(async () => sidebar.locator('[data-score-status]').textContent(), (t) => (t ?? '').startsWith('Scored 400 rows'), 'the scoring run');
    await page.locator('[data-menu=openSummaryPanel]').click();
    await until(async () => sidebar.locator('h1').textContent(), (t) => t === 'Tier summary', 'the summary panel');
    await sidebar.getByRole('button', { name: 'Build tier summary' }).click();
    // Only a google.script.run call changed the spreadsheet: the grid must notice it by itself.
    await until(async () => page.locator('#sheet-tabs button').allTextContents(), (t) => t.includes('ICP Tiers'), 'the ICP Tiers tab');
    await page.locator('#sheet-tabs button', { hasText: 'ICP Tiers' }).click();
    await until(headers, (h) => h.includes('ICP Tier') && h.includes('Accounts'), 'the pivot table');
    await page.locator('#sheet-tabs button', { hasText: 'Accounts' }).click();
    await until(headers, (h) => h[0] === 'Account', 'the accounts sheet again');
    expect(s.errors).toEqual([]);
  });

  test('google.script.run in the sidebar refuses a Date or a function among the arguments, as Apps Script does', async () => {
    // Runs `code` in the sidebar's own window (so a Date is that realm's Date) with `call`, a runner whose handlers resolve.
    const outcome = (code: string) =>
      s.frame.evaluate(
        (body) =>
          new Promise<string>((resolve) => {
            type Runner = Record<string, (...args: unknown[]) => Runner>;
            const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
            const call = run.withSuccessHandler!(() => resolve('success')).withFailureHandler!((e: unknown) => resolve(`failure: ${(e as Error).message}`));
            (new Function('call', body) as (runner: Runner) => void)(call);
          }),
        code,
      );
    expect(await outcome('call.checkDraft({ schemaVersion: 1, profiles: [] })')).toBe('success');
    expect(await outcome('call.checkDraft({ schemaVersion: 1, saved: new Date() })')).toBe(
      'failure: google.script.run: argument #1.saved is a Date (send ISO text instead), which cannot be passed between client and server',
    );
    expect(await outcome('call.checkDraft({ schemaVersion: 1, profiles: [], check: function () {} })')).toBe(
      'failure: google.script.run: argument #1.check is a function, which cannot be passed between client and server',
    );
  });

  test('a semicolon-separated UTF-16 export loads as columns, accents intact', async () => {
    const text = 'Company;Industry;Employees\nÄpfel GmbH;SaaS;"1.200"\nBöhm AG;Fintech;80\n';
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await s.page.locator('#csv-file').setInputFiles({ name: 'excel-unicode.csv', mimeType: 'text/csv', buffer });
    await until(headers, (h) => h[0] === 'Company', 'the new header row');
    expect((await headers()).slice(0, 3)).toEqual(['Company', 'Industry', 'Employees']);
    expect(await s.page.locator('[data-cell="A2"]').textContent()).toBe('Äpfel GmbH');
    // The first test built a tier summary of the old sheet: loading a new one removes it (issue 20 item 8) and says so.
    expect(await message()).toBe('excel-unicode.csv: loaded 2 rows and 3 columns; the ICP columns were added after them. The ICP Tiers summary of the old sheet was removed: build it again from the new one.');
    expect(await s.page.locator('#sheet-tabs button').allTextContents()).not.toContain('ICP Tiers');
  });

  test('a cp1252 file and a file over 20 MB are refused in words, and the grid keeps what it had', async () => {
    await s.page.locator('#csv-file').setInputFiles({ name: 'excel-ansi.csv', mimeType: 'text/csv', buffer: Buffer.from('Company,Industry\nCaf\xe9,SaaS\n', 'latin1') });
    await until(message, (m) => (m ?? '').startsWith('Could not load excel-ansi.csv'), 'the refusal');
    expect(await message()).toBe('Could not load excel-ansi.csv: Could not read the CSV: line 2 is not UTF-8 text: save the file as "CSV UTF-8" and load it again');
    // The big file from disk: Playwright hands chromium a local path, where a 25 MB buffer went through the DevTools
    // protocol as base64 (seconds of CPU). The page sees the same File: name, size and bytes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-huge-'));
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, Buffer.alloc(25_000_000, 0x61));
    try {
      await s.page.locator('#csv-file').setInputFiles(huge);
      await until(message, (m) => (m ?? '').startsWith('Could not load huge.csv'), 'the size refusal');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await message()).toBe('Could not load huge.csv: the file is 25 MB; the playground takes at most 20 MB (use the icp command line for big files)');
    expect(await s.page.locator('#message').getAttribute('class')).toContain('error');
    expect(await s.page.locator('[data-cell="A2"]').textContent()).toBe('Äpfel GmbH');
    expect(s.errors).toEqual([]);
  });
});
