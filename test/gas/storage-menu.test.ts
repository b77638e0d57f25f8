// Model storage (travels with a copy, survives reopen), the menu (onOpen in AuthMode.NONE touches nothing) and the editor's value suggestions.

import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { checkModel } from '../../src/engine/model-check';
import { loadAddon } from './harness';
import { loadBundle } from '../../emulator';

describe('model storage', () => {
  test('the saved model is in a hidden, protected sheet and survives a copied spreadsheet', () => {
    const addon = loadAddon();
    addon.save(b2bSaasTemplate(), 0);
    const modelSheet = addon.sheet('ICP Model');
    expect(modelSheet.isSheetHidden()).toBe(true);
    expect(modelSheet.getProtections(addon.emu.globals.SpreadsheetApp.ProtectionType.SHEET as never).length).toBe(1);

    const copy = addon.emu.copy();
    const ctx = loadBundle(copy, 'dist/Code.js');
    const ss = copy.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName('Accounts')!.getRange('R2').setFormula('=ICP_SCORE(A2:Q2)');
    expect(typeof ss.getSheetByName('Accounts')!.getRange('R2').getValue()).toBe('number');
    expect(ctx).toBeDefined();
  });

  test('a model bigger than a property value (9 KB) is stored and read back intact', () => {
    const addon = loadAddon();
    const model = b2bSaasTemplate();
    model.profiles[0]!.description = 'x'.repeat(120_000);
    expect(addon.save(model, 0).ok).toBe(true);
    const state = addon.call<{ model: { profiles: { description: string }[] }; version: number }>('getEditorState');
    expect(state.version).toBe(1);
    expect(state.model.profiles[0]!.description).toHaveLength(120_000);
  });

  test('an emoji where the text is cut into cells stays whole: every cell holds whole characters and the model reads back', () => {
    const addon = loadAddon();
    const model = b2bSaasTemplate();
    const described = (pad: number): string => `${'x'.repeat(pad)}🚀 fast growers`;
    model.profiles[0]!.description = described(39_000);
    // Place the emoji's first half as the last character of the first 40,000-character cell.
    const stored = (m: typeof model): string => {
      const r = checkModel(m);
      if (!r.ok) throw new Error('invalid');
      return JSON.stringify(r.model);
    };
    model.profiles[0]!.description = described(39_000 + 39_999 - stored(model).indexOf('🚀'));
    expect(stored(model).indexOf('🚀')).toBe(39_999);
    expect(addon.save(model, 0).ok).toBe(true);
    const cells = addon.sheet('ICP Model').getRange('A5:A7').getValues().map((r) => String(r[0]));
    const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(cells.filter((c) => loneHalf.test(c))).toEqual([]);
    const state = addon.call<{ model: { profiles: { description: string }[] }; storedModelError: string | null }>('getEditorState');
    expect(state.storedModelError).toBeNull();
    expect(state.model.profiles[0]!.description).toBe(model.profiles[0]!.description);
  });

  test('a model too large for the spreadsheet is refused clearly: the saved model stays, and no sheet is left behind', () => {
    const addon = loadAddon();
    const big = b2bSaasTemplate();
    const list = big.profiles[0]!.criteria.find((c) => c.when.op === 'in')!;
    // About 8.4 million characters of JSON: past the 8 million the model sheet holds.
    list.when = { op: 'in', values: Array.from({ length: 40_000 }, (_, i) => `${i} ${'target account '.repeat(13)}`) };
    const sheets = (): string[] => addon.ss.getSheets().map((s) => s.getName());
    const before = sheets();
    // Refused by the engine's limit (model-limits.ts), as every other door refuses it, before anything is written.
    const refused = addon.save(big, 0) as { ok: boolean; reason?: string; issues?: { path: string; message: string }[] };
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(refused.issues).toEqual([{ path: '(root)', message: expect.stringMatching(/^the model's JSON is 8,\d{3},\d{3} characters; a model may have at most 8,000,000/) }]);
    expect(sheets()).toEqual(before);
    expect(addon.save(b2bSaasTemplate(), 0).ok).toBe(true);
    expect(sheets()).toEqual([...before, 'ICP Model']);
    expect(addon.save(big, 1)).toMatchObject({ ok: false, reason: 'invalid' });
    const state = addon.call<{ model: unknown; version: number }>('getEditorState');
    expect(state).toMatchObject({ version: 1, model: b2bSaasTemplate() });
  });

  test('a sheet of the user’s own called "ICP Model" is never written: the model goes to a sheet of its own beside it', () => {
    const addon = loadAddon();
    const notes = [['My ICP notes', 'owner'], ['Target SaaS', 'Ana'], ['Avoid government', 'Ben'], ['Series A-C', 'Ana'], ['Check churn', 'Ben']];
    addon.emu.workbook.loadValues('ICP Model', notes);
    const fresh = addon.call<{ model: unknown; version: number; storedModelError: string | null }>('getEditorState');
    expect(fresh).toMatchObject({ model: null, version: 0, storedModelError: null });

    expect(addon.save(b2bSaasTemplate(), 0)).toMatchObject({ ok: true, version: 1 });
    expect(addon.values('\'ICP Model\'!A1:B5')).toEqual(notes);
    expect(addon.sheet('ICP Model').isSheetHidden()).toBe(false);
    expect(addon.sheet('ICP Scorer model').isSheetHidden()).toBe(true);
    expect(addon.save(b2bSaasTemplate(), 1)).toMatchObject({ ok: true, version: 2 });
    expect(addon.call<{ version: number; storedModelError: string | null }>('getEditorState')).toMatchObject({ version: 2, storedModelError: null });
    expect(addon.values('\'ICP Model\'!A1:B5')).toEqual(notes);

    // Bulk scoring works on the user's sheet of that name, and refuses the model's own sheet.
    addon.sheet('ICP Scorer model').activate();
    expect(addon.call<{ ok: boolean; message: string }>('scoreSheet')).toMatchObject({ ok: false, message: expect.stringMatching(/belongs to ICP Scorer/) });
  });
});

describe('menu', () => {
  test('onOpen builds the add-on menu in AuthMode.NONE and touches no sheet or property', () => {
    const addon = loadAddon();
    addon.emu.env.counter.reset();
    addon.emu.withAuthMode('NONE', () => (addon.ctx.onOpen as (e: unknown) => void)({ authMode: 'NONE' }));
    const menu = addon.emu.ui.menus.at(-1)!;
    const captions = menu.items.map((i) => ('caption' in i ? i.caption : '-'));
    expect(captions).toEqual(['Open ICP editor', 'Score this sheet', 'Build tier summary', 'Validate against outcomes', '-', 'Help']);
    const touched = [...addon.emu.env.counter.calls.keys()].filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k));
    expect(touched).toEqual([]);
  });

  test('onInstall calls onOpen', () => {
    const addon = loadAddon();
    const before = addon.emu.ui.menus.length;
    addon.emu.withAuthMode('NONE', () => (addon.ctx.onInstall as (e: unknown) => void)({ authMode: 'NONE' }));
    expect(addon.emu.ui.menus.length).toBe(before + 1);
  });

  test('menu items open the sidebar at their panel', () => {
    const addon = loadAddon();
    (addon.ctx.openScorePanel as () => void)();
    const sidebar = addon.emu.ui.sidebars.at(-1)!;
    expect(sidebar.content).toContain('window.ICP_PANEL = "score"');
  });
});

describe('value suggestions for the editor', () => {
  type Suggested = { column: string; values: { value: string; count: number }[] };

  test('a list column suggests its items; case variants are one value; the column is found like a criterion finds it', () => {
    const rows = [
      ['Account', 'Industry', 'Tech Stack'],
      ['a', 'Healthcare', 'HubSpot, Zoho CRM'],
      ['b', 'healthcare', 'Salesforce; HubSpot'],
      ['c', 'HEALTHCARE', 'hubspot'],
      ['d', 'SaaS', 'N/A'],
    ];
    const addon = loadAddon(rows);
    expect(addon.call<Suggested>('getColumnSuggestions', 'Tech Stack').values).toEqual([
      { value: 'HubSpot', count: 3 },
      { value: 'Salesforce', count: 1 },
      { value: 'Zoho CRM', count: 1 },
    ]);
    // `industry` as an imported criterion spells it: the engine finds the column, so the suggestions do too.
    expect(addon.call<Suggested>('getColumnSuggestions', 'industry')).toEqual({
      column: 'industry',
      values: [{ value: 'Healthcare', count: 3 }, { value: 'SaaS', count: 1 }],
    });
    expect(addon.call<Suggested>('getColumnSuggestions', 'No such column').values).toEqual([]);
  });
});

describe('importing a model file', () => {
  test('a valid file with a misspelt field is imported, and the server names what it ignores', () => {
    const addon = loadAddon();
    const doc = JSON.parse(JSON.stringify(b2bSaasTemplate())) as { profiles: Record<string, unknown>[] };
    doc.profiles[0]!.disqualifedLabel = 'Out';
    const r = addon.call<{ ok: boolean; issues: unknown[]; warnings: { path: string; message: string }[] }>('parseImport', JSON.stringify(doc));
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([{ path: 'profiles[0].disqualifedLabel', message: 'unknown field, ignored (did you mean "disqualifiedLabel"?)' }]);
  });

  test('a model too large for the spreadsheet to store is refused at import, not after the user has reviewed it', () => {
    const addon = loadAddon();
    const model = b2bSaasTemplate();
    model.profiles[0]!.description = 'x'.repeat(8_100_000);
    const r = addon.call<{ ok: boolean; issues: { path: string; message: string }[] }>('parseImport', JSON.stringify(model));
    expect(r.ok).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toEqual({ path: '(root)', message: expect.stringMatching(/^the model's JSON is 8,1\d\d,\d{3} characters; a model may have at most 8,000,000 \(what a spreadsheet can store\)/) });
  });

  test('an invalid file has problems and no warnings', () => {
    const addon = loadAddon();
    const r = addon.call<{ ok: boolean; issues: unknown[]; warnings: unknown[] }>('parseImport', '{"schemaVersion": 2}');
    expect(r.ok).toBe(false);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.warnings).toEqual([]);
  });
});
