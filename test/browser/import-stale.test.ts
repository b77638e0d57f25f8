// In headless Chromium: invalid imported JSON shows its problems and keeps the draft; a stale save is explained; server errors are shown in words.
import * as fs from 'node:fs';
import { callServer } from '../../emulator/load-bundle';
import type { EditorState, SaveResult } from '../../src/gas/api-types';
import { savedModel } from './engine-oracle';
import { describeBrowser, until } from './harness';
import { usePlaygroundSession } from './session';

jest.setTimeout(180_000);

describeBrowser('import, stale saves and server errors', () => {
  const s = usePlaygroundSession();

  test('invalid JSON shows the problems by path and keeps the draft', async () => {
    const { sidebar } = s;
    const name = sidebar.getByLabel('Name', { exact: true });
    await name.fill('My draft profile');
    await sidebar.locator('[data-key="section:file"]').click();
    const paste = sidebar.getByLabel('Model JSON to import');
    const errors = sidebar.locator('[data-import-errors]');

    await paste.fill('{"schemaVersion": 1, "profiles": [ }');
    await sidebar.getByRole('button', { name: 'Import pasted JSON' }).click();
    await until(() => errors.textContent(), (t) => (t ?? '').includes('invalid JSON at line 1'), 'the syntax error');

    await paste.fill(JSON.stringify({ schemaVersion: 1, profiles: [{ name: 'X', categories: [{ id: 'a', weight: 1 }], criteria: [{ id: 'c', category: 'a', column: 'Industry', when: { op: 'between', min: 'lots' }, points: 5 }], tiers: [{ label: 'A', min: 50 }] }] }));
    await sidebar.getByRole('button', { name: 'Import pasted JSON' }).click();
    const text = await until(() => errors.textContent(), (t) => (t ?? '').includes('profiles[0].criteria[0].when.min'), 'the validation issues');
    expect(text).toContain('expected a number, got text "lots"');
    expect(text).toContain('no tier covers a score of 0');

    // The draft is untouched and still unsaved.
    expect(await name.inputValue()).toBe('My draft profile');
    expect(await sidebar.locator('[data-unsaved]').isVisible()).toBe(true);
    expect(savedModel(s.pg).profiles[0]!.name).toBe('Mid-market B2B SaaS');
  });

  test('a valid file import replaces the draft after confirmation, without saving', async () => {
    const { sidebar } = s;
    const model = savedModel(s.pg);
    model.profiles[0]!.name = 'Imported from a file';
    await sidebar.locator('input[type=file][data-key="import:file"]').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await sidebar.getByRole('dialog').getByRole('button', { name: 'Replace draft' }).click();
    await until(() => sidebar.getByLabel('Name', { exact: true }).inputValue(), (v) => v === 'Imported from a file', 'the imported draft');
    expect(savedModel(s.pg).profiles[0]!.name).toBe('Mid-market B2B SaaS');
  });

  test('a valid file with fields the format ignores is imported and each one is named, as text', async () => {
    const { sidebar } = s;
    const model = savedModel(s.pg) as unknown as { profiles: Record<string, unknown>[] };
    model.profiles[0]!.name = 'Imported from a file';
    model.profiles[0]!.disqualifedLabel = 'Out';
    model.profiles[0]!['<img src=x onerror="window.pwned=1">'] = 1;
    // An edit since the last import, so the import asks before replacing it.
    await sidebar.getByLabel('Name', { exact: true }).fill('Edited');
    await sidebar.locator('input[type=file][data-key="import:file"]').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await sidebar.getByRole('dialog').getByRole('button', { name: 'Replace draft' }).click();
    const notice = sidebar.locator('[data-notice="import-warnings"]');
    const text = await until(() => notice.textContent(), (t) => (t ?? '').includes('disqualifedLabel'), 'the warnings');
    expect(text).toContain('2 things in the file "typo.json" will have no effect');
    expect(text).toContain('profiles[0].disqualifedLabel unknown field, ignored (did you mean "disqualifiedLabel"?)');
    expect(text).toContain('profiles[0]["<img src=x onerror=');
    expect(await sidebar.locator('.notices img').count()).toBe(0);
    expect(await s.frame.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
  });

  test('export downloads the draft as JSON and shows it for copying', async () => {
    const { page, sidebar } = s;
    const [download] = await Promise.all([page.waitForEvent('download'), sidebar.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('imported-from-a-file.icp.json');
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text).profiles[0].name).toBe('Imported from a file');
    expect(JSON.parse(await sidebar.getByLabel('Model JSON (draft)').inputValue())).toEqual(JSON.parse(text));
  });

  test('a stale save is explained, the draft is kept, and the user can save over it', async () => {
    const { sidebar } = s;
    await sidebar.getByLabel('Name', { exact: true }).fill('Mine');
    // Someone else saves from another sidebar.
    const state = callServer(s.pg.context, 'getEditorState') as EditorState;
    const theirs = state.model!;
    theirs.profiles[0]!.name = 'Theirs';
    const r = callServer(s.pg.context, 'saveModel', theirs, state.version) as SaveResult;
    expect(r.ok).toBe(true);

    await sidebar.locator('[data-action=save]').click();
    const warning = sidebar.locator('.notice-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Someone else saved the model');
    expect(await sidebar.getByLabel('Name', { exact: true }).inputValue()).toBe('Mine');
    expect(await sidebar.locator('[data-unsaved]').isVisible()).toBe(true);
    expect(savedModel(s.pg).profiles[0]!.name).toBe('Theirs');

    await warning.getByRole('button', { name: 'Save mine over theirs' }).click();
    await sidebar.locator('.notice-success').waitFor();
    expect(savedModel(s.pg).profiles[0]!.name).toBe('Mine');
    expect(await sidebar.locator('[data-unsaved]').isVisible()).toBe(false);
    // An edit after saving is unsaved again (the saved model is a copy, not the draft being edited).
    await sidebar.getByLabel('Name', { exact: true }).fill('Mine, edited');
    await until(() => sidebar.locator('[data-unsaved]').isVisible(), (v) => v, 'the unsaved marker after an edit');
  });

  test('a server error is shown in words, not swallowed', async () => {
    const { sidebar } = s;
    const original = s.pg.context.previewDraft;
    s.pg.context.previewDraft = () => {
      throw new Error('Exceeded maximum execution time');
    };
    try {
      await sidebar.getByLabel('Weight of Behavioral in percent').fill('50');
      await sidebar.getByLabel('Weight of Behavioral in percent').press('Enter');
      const notice = sidebar.locator('.notice-error');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('The preview could not be computed: Exceeded maximum execution time');
      expect(await sidebar.locator('.preview-status').textContent()).toContain('Exceeded maximum execution time');
    } finally {
      s.pg.context.previewDraft = original;
    }
    expect(s.errors).toEqual([]);
  });

  test('closing with unsaved changes warns', async () => {
    const { page, sidebar } = s;
    await sidebar.getByLabel('Name', { exact: true }).fill('Unsaved name');
    // Chromium only asks "Leave site?" after the user interacted with the frame, which the typing above did.
    await page.locator('#close-sidebar').click();
    await until(async () => s.dialogs.length, (n) => n > 0, 'the beforeunload dialog');
    expect(s.dialogs[0]).toMatch(/^beforeunload/);
  });
});
