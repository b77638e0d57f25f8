// Two columns with the same header in the add-on: Score this sheet, ICP_EXPLAIN and the editor's column list read the first and say which.
import type { Model } from '../../src/engine/model';
import type { EditorState, ScoreSheetResult } from '../../src/gas/api-types';
import { loadAddon } from './harness';

const model: Model = {
  schemaVersion: 1,
  profiles: [{
    name: 'P',
    categories: [{ id: 'c', weight: 1 }],
    criteria: [{ id: 'saas', column: 'Industry', category: 'c', when: { op: 'in', values: ['SaaS'] }, points: 10 }],
    tiers: [{ label: 'A', min: 50 }, { label: 'C', min: 0 }],
  }],
};
const ROWS = [
  ['Account', 'Employees', 'Industry', 'Country', 'Stage', 'Owner', 'Notes', 'Industry'],
  ['Acme', 10, 'SaaS', 'US', 'x', 'y', 'z', 'Retail'],
  ['Beta', 20, 'Retail', 'US', 'x', 'y', 'z', 'SaaS'],
];
const NOTE = '"Industry" is in columns C and H: column C is read';

describe('duplicate headers in the add-on', () => {
  test('Score this sheet reads column C and its result says so', () => {
    const addon = loadAddon(ROWS);
    expect(addon.save(model, 0).ok).toBe(true);
    addon.ss.setActiveSheet(addon.sheet());
    const r = addon.call<ScoreSheetResult>('scoreSheet', {});
    expect(r.ok).toBe(true);
    expect(r.message).toContain(`${NOTE}.`);
    expect(r.notices).toContain(`${NOTE}.`);
    expect(addon.sheet().getRange('I2:I3').getValues().map((x) => x[0])).toEqual([100, 0]);
  });

  test('ICP_EXPLAIN reads the first and names both columns of its range', () => {
    const addon = loadAddon(ROWS);
    expect(addon.save(model, 0).ok).toBe(true);
    addon.setFormula('J2', '=ICP_EXPLAIN(A2:H2, A$1:H$1)');
    const text = String(addon.value('J2'));
    expect(text).toContain('Note: "Industry" is in the 3rd column and the 8th column: the 3rd column is read.');
    expect(text).toMatch(/^100 \(A\)/);
  });

  test("the editor's state lists the duplicated header with its note", () => {
    const addon = loadAddon(ROWS);
    addon.ss.setActiveSheet(addon.sheet());
    const state = addon.call<EditorState>('getEditorState');
    expect(state.duplicateHeaders).toEqual([{ header: 'Industry', note: NOTE }]);
  });
});
