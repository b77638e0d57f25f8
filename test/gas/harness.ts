// Test harness: the built Apps Script bundle (dist/Code.js) loaded into a fresh emulator with the sample sheet.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEmulator, loadBundle, callServer, type Emulator, type BundleContext, type RealmMode } from '../../emulator';
import type { Model } from '../../src/engine/model';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { parseCsv } from '../factories/csv';

export const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
/** The sample's dates are relative to this day; the emulator's clock is set to it. */
export const SAMPLE_NOW = new Date(2026, 10, 1, 12, 0, 0);

export function sampleRows(): string[][] {
  return parseCsv(fs.readFileSync(path.resolve(__dirname, '../../data/sample-accounts.csv'), 'utf8'));
}

export interface Addon {
  emu: Emulator;
  ctx: BundleContext;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet(name?: string): GoogleAppsScript.Spreadsheet.Sheet;
  call<T = unknown>(name: string, ...args: unknown[]): T;
  save(model: Model, baseVersion?: number): { ok: boolean; version?: number; reason?: string; message: string };
  value(a1: string): unknown;
  values(a1: string): unknown[][];
  setFormula(a1: string, formula: string): void;
}

/**
 * A fresh emulator with `rows` on sheet "Accounts" (the sample by default) and the bundle loaded; custom functions run
 * each in a fresh realm unless `realm` is 'warm' (see emulator/load-bundle.ts).
 */
export function loadAddon(rows: unknown[][] = sampleRows(), emu: Emulator = createEmulator({ now: () => SAMPLE_NOW }), realm?: RealmMode): Addon {
  if (!fs.existsSync(BUNDLE)) throw new Error('dist/Code.js is missing: run `npm run build` (npm test does it first)');
  if (rows.length > 0) emu.workbook.loadValues('Accounts', rows);
  const ctx = loadBundle(emu, BUNDLE, { realm });
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const addon: Addon = {
    emu,
    ctx,
    ss,
    sheet: (name = 'Accounts') => {
      const s = ss.getSheetByName(name);
      if (s === null) throw new Error(`no sheet ${name}`);
      return s;
    },
    call: <T>(name: string, ...args: unknown[]) => callServer(ctx, name, ...args) as T,
    save(model, baseVersion) {
      const version = baseVersion ?? (callServer(ctx, 'getEditorState') as { version: number }).version;
      return callServer(ctx, 'saveModel', model, version) as ReturnType<Addon['save']>;
    },
    value: (a1) => ss.getRange(a1).getValue(),
    values: (a1) => ss.getRange(a1).getValues(),
    setFormula: (a1, formula) => {
      ss.getRange(a1).setFormula(formula);
    },
  };
  return addon;
}

export function templateWithTwoProfiles(): Model {
  const model = b2bSaasTemplate();
  const base = model.profiles[0]!;
  const enterprise = JSON.parse(JSON.stringify(base)) as typeof base;
  enterprise.name = 'Enterprise';
  enterprise.criteria = enterprise.criteria.map((c) =>
    c.id === 'size_must' ? { ...c, when: { op: 'between', min: 1000 } } : c,
  );
  model.profiles.push(enterprise);
  return model;
}
