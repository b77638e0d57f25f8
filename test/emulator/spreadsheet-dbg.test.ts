import { loadAddon } from '../gas/harness';
test('dbg', () => {
  const addon = loadAddon();
  addon.setFormula('R2', '=ICP_SCORE(A2:Q2)');
  const wb = addon.emu.workbook;
  const s = wb.sheetByName('Accounts')!;
  const fc = s.formulas.get(1, 17)!;
  console.log(addon.value('R2'), fc.kind, fc.text, JSON.stringify(fc.error), wb.customFunctionCalls, wb.activeSheet.name);
});
