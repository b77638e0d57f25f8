// HtmlService: outputs from strings and files, settings, templates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEnv } from '../../emulator/env';
import { createHtmlService } from '../../emulator/services/html';

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-html-'));
fs.writeFileSync(path.join(distDir, 'sidebar.html'), '<p>Sidebar</p>');
fs.writeFileSync(path.join(distDir, 'greeting.html'), '<p>Hello <?= name ?>, <?!= raw ?><? if (shout) { ?>!<? } ?></p>');
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

function setup() {
  const env = createEnv();
  return { env, html: createHtmlService(env, { distDir }) };
}

describe('HtmlService', () => {
  it('reads <name>.html from the dist directory, with or without the extension', () => {
    const { html } = setup();
    expect(html.createHtmlOutputFromFile('sidebar').getContent()).toBe('<p>Sidebar</p>');
    expect(html.createHtmlOutputFromFile('sidebar.html').getContent()).toBe('<p>Sidebar</p>');
    expect(() => html.createHtmlOutputFromFile('nope')).toThrow('No HTML file named nope was found.');
  });

  it('builds an HtmlOutput with chained settings', () => {
    const { html, env } = setup();
    const out = html
      .createHtmlOutput('<b>a</b>')
      .setTitle('ICP Scorer')
      .setWidth(300)
      .setHeight(200)
      .append('<i>b</i>')
      .appendUntrusted('<script>')
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getTitle()).toBe('ICP Scorer');
    expect(out.getWidth()).toBe(300);
    expect(out.getHeight()).toBe(200);
    expect(out.getContent()).toBe('<b>a</b><i>b</i>&lt;script&gt;');
    expect(out.getMetaTags()).toEqual([{ name: 'viewport', content: 'width=device-width' }]);
    expect(out.describe()).toMatchObject({ sandboxMode: 'IFRAME', xFrameOptionsMode: 'ALLOWALL' });
    expect(() => out.addMetaTag('description', 'x')).toThrow('not allowed');
    expect(env.counter.calls.get('HtmlOutput.setTitle')).toBe(1);
  });

  it('evaluates templates with their fields, escaping <?= ?> but not <?!= ?>', () => {
    const { html } = setup();
    const template = html.createTemplateFromFile('greeting');
    template.name = '<Ann>';
    template.raw = '<b>hi</b>';
    template.shout = true;
    expect(template.evaluate().getContent()).toBe('<p>Hello &lt;Ann&gt;, <b>hi</b>!</p>');
    expect(html.createTemplate('plain').evaluate().getContent()).toBe('plain');
    expect(template.getRawContent()).toContain('<?= name ?>');
  });
});
