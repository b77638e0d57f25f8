// In headless Chromium: headers, values, labels and imported JSON holding HTML and script payloads appear as text, and nothing executes.
import type { Frame } from 'playwright-core';
import { artifact, describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

// Each payload sets window.__pwned if it ever runs (in the page or in the sidebar frame).
const IMG = '<img src=x onerror="window.__pwned=\'img\'">';
const SCRIPT = '"><script>window.__pwned="script"</script>';
const JS_URL = 'javascript:window.__pwned="url"';
const SVG = '<svg onload="window.__pwned=\'svg\'">';
const TITLE = '</title><b>bold</b>';

function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const CSV = [
  ['Account', IMG, SCRIPT, 'Employees'].map(csvCell).join(','),
  ...Array.from({ length: 12 }, (_, i) => [`Acme ${i}`, i % 2 === 0 ? IMG : JS_URL, i % 3 === 0 ? SCRIPT : SVG, String(100 + i)].map(csvCell).join(',')),
].join('\n');

describeBrowser('user text is rendered as text', () => {
  const s = usePlaygroundSession(CSV);

  const pwned = async (): Promise<unknown[]> => [
    await s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    await s.frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ];

  /** Elements a payload would create if it were parsed as HTML. */
  const injected = (f: Frame | typeof s.page): Promise<number> =>
    f.evaluate(() =>
      document.querySelectorAll('img, svg:not(.histogram), b, a[href^="javascript:" i], [onerror], [onload]').length +
      Array.from(document.querySelectorAll('script')).filter((el) => (el.textContent ?? '').includes('__pwned')).length);

  test('headers and values in the grid and the sidebar, labels typed and imported', async () => {
    const { sidebar, page } = s;
    // The grid shows the payload headers and values as text.
    await until(async () => page.locator('tr.header td').allTextContents(), (t) => t.includes(IMG) && t.includes(SCRIPT), 'the payload headers in the grid');
    expect(await page.locator('td', { hasText: JS_URL }).count()).toBeGreaterThan(0);

    // A criterion on the payload column: the dropdown lists the headers as text, the suggestions show the values as text.
    await sidebar.locator('[data-key="category:firmographic:add"]').click();
    const card = sidebar.locator('.card.open');
    await card.getByLabel('Column').selectOption(IMG);
    await card.getByLabel('Test').selectOption('in');
    const suggestion = card.getByRole('button', { name: `Add value ${IMG} (6 rows)` });
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe(`+ ${IMG} (6)`);
    await suggestion.click();
    await sidebar.locator('.card.open').getByRole('button', { name: `Add value ${JS_URL} (6 rows)` }).click();
    await sidebar.locator('.card.open').getByLabel('Label').fill(`${SCRIPT}${TITLE}`);
    expect(await sidebar.locator('.card.open .chip-text').allTextContents()).toEqual([IMG, JS_URL]);
    expect(await sidebar.locator('.card.open .card-title').textContent()).toBe(`${SCRIPT}${TITLE}`);

    // Typed payloads in a tier label and the profile name: the preview draws them as text.
    await sidebar.locator('[data-key="section:tiers"]').click();
    await sidebar.getByLabel('Tier 1 label').fill(SVG);
    await sidebar.getByLabel('Name', { exact: true }).fill(IMG);
    await until(async () => sidebar.locator('.preview .tier-counts li').first().getAttribute('data-tier'), (t) => t === SVG, 'the preview with the payload tier');
    expect(await sidebar.locator('.preview .tier-name').first().textContent()).toBe(SVG);
    expect(await sidebar.locator('.histogram .threshold-label').first().textContent()).toContain('<svg');

    // Imported JSON with payload labels, a payload category and a payload column: shown as text once imported.
    const model = {
      schemaVersion: 1,
      profiles: [{
        name: `${SCRIPT}`,
        description: IMG,
        categories: [{ id: 'c', label: SVG, weight: 100 }],
        criteria: [{ id: 'x', label: JS_URL, category: 'c', column: SCRIPT, when: { op: 'in', values: [SVG] }, points: 5 }],
        tiers: [{ label: IMG, min: 50, color: '#1a73e8' }, { label: TITLE, min: 0 }],
      }],
    };
    await sidebar.locator('[data-key="section:file"]').click();
    await sidebar.getByLabel('Model JSON to import').fill(JSON.stringify(model));
    await sidebar.getByRole('button', { name: 'Import pasted JSON' }).click();
    await sidebar.getByRole('dialog').getByRole('button', { name: 'Replace draft' }).click();
    await until(async () => sidebar.getByLabel('Name', { exact: true }).inputValue(), (v) => v === SCRIPT, 'the imported draft');
    expect(await sidebar.locator('.category-label').first().inputValue()).toBe(SVG);
    expect(await sidebar.locator('.card-title').first().textContent()).toBe(JS_URL);
    await until(async () => sidebar.locator('.preview .tier-name').allTextContents(), (t) => t.includes(IMG) && t.includes(TITLE), 'the imported tiers in the preview');

    // Invalid JSON whose text is a payload: the error quotes it as text.
    await sidebar.getByLabel('Model JSON to import').fill(`{"schemaVersion": 1, "profiles": [{"name": ${JSON.stringify(IMG)}, "categories": [], "criteria": [], "tiers": [{"label": ${JSON.stringify(SVG)}, "min": ${JSON.stringify(SCRIPT)}}]}]}`);
    await sidebar.getByRole('button', { name: 'Import pasted JSON' }).click();
    await until(async () => sidebar.locator('[data-import-errors]').textContent(), (t) => (t ?? '').includes('expected a number, got text'), 'the import error');

    // Save the payload model: the grid's formulas explain with payload labels, still as text.
    await sidebar.locator('[data-action=save]').click();
    await sidebar.locator('.notice-success').waitFor();
    await until(async () => page.locator('td.why').allTextContents(), (t) => t.some((x) => x.includes(JS_URL) || x.includes(SCRIPT)), 'explanations in the grid');

    await page.locator('#sidebar-frame').screenshot({ path: artifact('sidebar-injection.png') });
    expect(await pwned()).toEqual([undefined, undefined]);
    expect(await injected(page)).toBe(0);
    expect(await injected(s.frame)).toBe(0);
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
