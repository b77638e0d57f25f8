// createEmulator with a stand-in spreadsheet module: globals, copy(), withAuthMode, runTrigger, loadBundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callServer, createEmulator, loadBundle } from '../../emulator';

// The real SpreadsheetApp is written in parallel; these tests only need its shape.
jest.mock(
  '../../emulator/spreadsheet',
  () => {
    class Workbook {
      readonly custom: Record<string, unknown> = {};
      registerCustomFunctions(impls: Record<string, unknown>): void {
        Object.assign(this.custom, impls);
      }
    }
    return {
      Workbook,
      copyWorkbook: () => new Workbook(),
      createSpreadsheetApp: (_env: unknown, _book: unknown, options: { ui: unknown }) => ({ getUi: () => options.ui }),
    };
  },
  { virtual: true },
);

interface FakeWorkbook {
  custom: Record<string, (...args: unknown[]) => unknown>;
}

const FIXTURE = `
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'openEditor').addToUi(); }
function ICP_ECHO(x) { return x; }
function scheduleContinuation() { ScriptApp.newTrigger('continueRun').timeBased().after(60000).create(); return 'scheduled'; }
function continueRun(e) {
  PropertiesService.getDocumentProperties().setProperty('continued', e.triggerUid);
  return e.authMode;
}
`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-emulator-'));
const bundlePath = path.join(dir, 'Code.js');
fs.writeFileSync(bundlePath, FIXTURE);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('createEmulator', () => {
  it('offers every Apps Script global', () => {
    const emulator = createEmulator();
    expect(Object.keys(emulator.globals).sort()).toEqual(
      ['CacheService', 'Charts', 'HtmlService', 'LockService', 'Logger', 'PropertiesService', 'ScriptApp', 'Session', 'SpreadsheetApp', 'Utilities', 'console'].sort(),
    );
  });

  it('copy() carries script properties but not document properties', () => {
    const emulator = createEmulator();
    emulator.globals.PropertiesService.getScriptProperties().setProperty('s', '1');
    emulator.globals.PropertiesService.getDocumentProperties().setProperty('d', '2');
    const copy = emulator.copy();
    expect(copy.workbook).not.toBe(emulator.workbook);
    expect(copy.globals.PropertiesService.getScriptProperties().getProperty('s')).toBe('1');
    expect(copy.globals.PropertiesService.getDocumentProperties().getProperty('d')).toBeNull();
  });

  it('withAuthMode sets the mode for the call only', () => {
    const emulator = createEmulator();
    expect(() =>
      emulator.withAuthMode('NONE', () => emulator.globals.PropertiesService.getDocumentProperties()),
    ).toThrow('permission');
    expect(emulator.env.authMode).toBe('FULL');
  });

  it('runs onOpen in AuthMode.NONE, registers custom functions, fires a continuation trigger', () => {
    const emulator = createEmulator({ addonName: 'ICP Scorer', now: () => new Date(Date.UTC(2026, 0, 1)) });
    const context = loadBundle(emulator, bundlePath);
    emulator.withAuthMode('NONE', () => (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' }));
    expect(emulator.ui.menus[0]).toMatchObject({ title: 'ICP Scorer', items: [{ caption: 'Open', functionName: 'openEditor' }] });
    expect((emulator.workbook as unknown as FakeWorkbook).custom.ICP_ECHO!(7)).toBe(7);
    expect(callServer(context, 'scheduleContinuation')).toBe('scheduled');
    const [trigger] = emulator.triggers;
    expect(trigger).toMatchObject({ handlerFunction: 'continueRun' });
    expect(emulator.runTrigger(context)).toBe('FULL');
    expect(emulator.globals.PropertiesService.getDocumentProperties().getProperty('continued')).toBe(trigger!.id);
    expect(trigger!.runs).toBe(1);
  });
});
