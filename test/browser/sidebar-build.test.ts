// The built sidebar: one self-contained HTML file within the 120 KB budget, with no HTML-parsing sinks in its code.
import { buildSidebar, sidebarHeadroomLine, SIDEBAR_BUDGET_BYTES } from '../../tools/build/sidebar';

let html = '';
beforeAll(async () => {
  html = await buildSidebar();
}, 60_000);

test('is one self-contained file within 120 KB', () => {
  expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(SIDEBAR_BUDGET_BYTES);
  expect(SIDEBAR_BUDGET_BYTES).toBe(120 * 1024);
  // No external scripts, styles, fonts or images: the sidebar works offline and loads nothing from elsewhere.
  expect(html).not.toMatch(/<script[^>]+src=/i);
  expect(html).not.toMatch(/<link[^>]+href=/i);
  expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  expect(html).not.toMatch(/@import/i);
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  // Exactly one inline script and one style block: nothing ends them early.
  expect(html.match(/<script\b/gi)).toHaveLength(1);
  expect(html.match(/<\/script>/gi)).toHaveLength(1);
  expect(html.match(/<style\b/gi)).toHaveLength(1);
});

test('never parses text as HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or new Function', () => {
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'new Function', 'eval(', 'setHTMLUnsafe', 'DOMParser']) {
    expect({ sink, found: html.includes(sink) }).toEqual({ sink, found: false });
  }
});

test('reads the panel the menu asked for on load', () => {
  expect(html).toContain('ICP_PANEL');
  expect(html).toMatch(/addEventListener\("load"/);
});

test('checks drafts without zod (model-check-lite.ts), and the build says how much of the budget is left', () => {
  // zod and its schema are about 22 KB: the sidebar's as-you-type check is the zod-free one; import and save use the server's.
  expect(html).not.toContain('_zod');
  const bytes = Buffer.byteLength(html, 'utf8');
  expect(sidebarHeadroomLine(bytes)).toBe(`dist/sidebar.html: ${bytes} of 122880 bytes, ${122880 - bytes} bytes (${((122880 - bytes) / 1024).toFixed(1)} KB) of headroom`);
});
