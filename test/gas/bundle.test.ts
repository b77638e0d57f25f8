// The built artefacts: one V8 file with no module syntax, generated @customfunction JSDoc, least-privilege manifest.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { CUSTOM_FUNCTIONS } from '../../src/gas/function-table';
import { MANIFEST_SOURCE, manifestText } from '../../tools/build/manifest';

const dist = path.resolve(__dirname, '../../dist');
const code = () => fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

test('the manifest is V8 with exactly the two least-privilege scopes and no addOns section', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.oauthScopes).toEqual([
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
  ]);
  expect(manifest.addOns).toBeUndefined();
  // dist/ holds the checked-in manifest, not a copy that drifted.
  expect(manifest).toEqual(JSON.parse(fs.readFileSync(MANIFEST_SOURCE, 'utf8')));
});

test('the build refuses a manifest that asks for a broader scope', () => {
  const source = JSON.parse(fs.readFileSync(MANIFEST_SOURCE, 'utf8'));
  source.oauthScopes = [...source.oauthScopes, 'https://www.googleapis.com/auth/spreadsheets'];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-manifest-')), 'appsscript.json');
  fs.writeFileSync(file, JSON.stringify(source));
  expect(() => manifestText(file)).toThrow(/oauthScopes must be exactly/);
});

test('the bundle has no module syntax and no GPL dev dependency', () => {
  const text = code();
  expect(text).not.toMatch(/^\s*(import|export)\s/m);
  expect(text).not.toMatch(/require\(/);
  expect(text.toLowerCase()).not.toContain('hyperformula');
});

test.each(CUSTOM_FUNCTIONS.map((f) => [f.name, f] as const))('%s is a top-level function with @customfunction JSDoc', (name, info) => {
  const text = code();
  const params = info.params.map((p) => p.name).join(', ');
  const stub = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(${params}\\) \\{`);
  const m = stub.exec(text);
  expect(m).not.toBeNull();
  const doc = m![1]!;
  expect(doc).toContain('@customfunction');
  expect(doc).toContain(info.description);
  expect(doc).toContain(`Example: ${info.example}`);
  for (const p of info.params) expect(doc).toContain(`@param ${p.name} `);
});

test('entry points are top-level function declarations', () => {
  const text = code();
  for (const name of ['onOpen', 'onInstall', 'openEditor', 'getEditorState', 'saveModel', 'previewDraft']) {
    expect(text).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  }
});
