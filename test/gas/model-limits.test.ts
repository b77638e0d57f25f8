// The model's limits at the add-on's doors: the sidebar's import and save, and the stored-model reader, answer as icp check does.
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import type { Model } from '../../src/engine/model';
import { checksum, modelChunks } from '../../src/gas/model-store';
import { loadAddon } from './harness';

/** The template with 51 profiles: one past the limit. */
function tooManyProfiles(): Model {
  const m = b2bSaasTemplate();
  m.profiles = Array.from({ length: 51 }, (_, i) => ({ ...structuredClone(b2bSaasTemplate().profiles[0]!), name: `Profile ${i}` }));
  delete m.defaultProfile;
  return m;
}

const LIMIT_ISSUE = { path: 'profiles', message: '51 profiles; a model may have at most 50' };

describe('model limits in the add-on', () => {
  test('import refuses a model past a limit with the limit and the path', () => {
    const addon = loadAddon();
    const r = addon.call<{ ok: boolean; issues: { path: string; message: string }[] }>('parseImport', JSON.stringify(tooManyProfiles()));
    expect(r).toMatchObject({ ok: false, issues: [LIMIT_ISSUE] });
  });

  test('import of 100,000 levels of nesting is a clear issue, not a stack trace', () => {
    const addon = loadAddon();
    const r = addon.call<{ ok: boolean; issues: { path: string; message: string }[] }>('parseImport', `{"profiles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.message).toMatch(/^nested more than 32 levels deep/);
  });

  test('save refuses it the same way, and the saved model stays', () => {
    const addon = loadAddon();
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    const r = addon.save(tooManyProfiles(), 1) as { ok: boolean; reason?: string; issues?: unknown[] };
    expect(r).toMatchObject({ ok: false, reason: 'invalid', issues: [LIMIT_ISSUE] });
    expect(addon.call<{ version: number }>('getEditorState').version).toBe(1);
  });

  test('a stored model past a limit (written by another version or by hand) is reported by the reader with the limit and the path', () => {
    const addon = loadAddon();
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    const sheet = addon.sheet('ICP Model');
    const text = JSON.stringify(tooManyProfiles());
    const chunks = modelChunks(text);
    sheet.getRange('B4').setValue(checksum(text));
    sheet.getRange(5, 1, sheet.getLastRow() - 4, 2).clearContent();
    sheet.getRange(5, 1, chunks.length, 1).setValues(chunks.map((c) => [`|${c}`]));
    const state = addon.call<{ storedModelError: string | null }>('getEditorState');
    expect(state.storedModelError).toContain('profiles: 51 profiles; a model may have at most 50');
  });
});
