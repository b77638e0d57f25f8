// The bulk layer's pure helpers: A1 letters, number grouping, cell text, colours, formula strings, blocks, tier ranks.

import * as path from 'node:path';
import { compileModel } from '../../src/engine/model-compile';
import { b2bSaasTemplate } from '../../src/engine/templates/b2b-saas';
import { columnLetter } from '../../src/gas/bulk/a1';
import { grouped } from '../../src/engine/number-text';
import { outputBlocks } from '../../src/gas/bulk/output-columns';
import { baseHeader, isPartialHeader, partialHeader } from '../../src/gas/bulk/partial-label';
import { asCellText } from '../../src/gas/bulk/safe-text';
import { scoreRows, tierOrder } from '../../src/gas/bulk/score-rows';
import { formulaString, textColorFor } from '../../src/gas/bulk/tier-colors';
import { readCsvTable } from '../factories/csv';

test('column letters', () => {
  expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
});

test('grouped numbers', () => {
  expect([0, 999, 1000, 100000, 1234567].map(grouped)).toEqual(['0', '999', '1,000', '100,000', '1,234,567']);
});

test('every non-empty string is written with a leading apostrophe; empty stays empty', () => {
  expect(['=1+1', '+B', '-C', '@D', "'x", 'A', ''].map(asCellText)).toEqual(["'=1+1", "'+B", "'-C", "'@D", "''x", "'A", '']);
});

test('formula string literals double their quotes', () => {
  expect(formulaString('Say "hi"')).toBe('"Say ""hi"""');
  expect(formulaString('")&HYPERLINK("x')).toBe('""")&HYPERLINK(""x"');
});

test('text colour contrasts with the tier colour', () => {
  expect(textColorFor('#1e8e3e')).toBe('#ffffff');
  expect(textColorFor('#f9ab00')).toBe('#000000');
  expect(textColorFor('#000000')).toBe('#ffffff');
  expect(textColorFor('not a colour')).toBe('#000000');
});

test('partial header labels are added and removed around the user\'s own header text', () => {
  const h = partialHeader('Fit score', 40_000, 100_000);
  expect(h).toBe('Fit score (partial: 40,000 of 100,000)');
  expect(isPartialHeader(h)).toBe(true);
  expect(baseHeader(partialHeader(h, 50_000, 100_000))).toBe('Fit score');
  expect(isPartialHeader('ICP Score')).toBe(false);
});

test('output blocks group adjacent columns in sheet order', () => {
  expect(outputBlocks({ score: 18, tier: 19, why: 20, order: 21 })).toEqual([{ firstColumn: 18, kinds: ['score', 'tier', 'why', 'order'] }]);
  expect(outputBlocks({ score: 2, tier: 19, why: 20, order: 22 })).toEqual([
    { firstColumn: 2, kinds: ['score'] },
    { firstColumn: 19, kinds: ['tier', 'why'] },
    { firstColumn: 22, kinds: ['order'] },
  ]);
});

test('tier ranks: best tier first, disqualified last, whatever order the model lists tiers in', () => {
  const model = b2bSaasTemplate();
  model.profiles[0]!.tiers.reverse();
  const profile = compileModel(model, []).profile();
  expect([...tierOrder(profile)]).toEqual([['A', 1], ['B', 2], ['C', 3], ['Disqualified', 4]]);
});

test('scoreRows blanks our own old output before scoring, and writes blank rows as blanks', () => {
  const model = b2bSaasTemplate();
  const profile = compileModel(model, ['Industry', 'Employees', '']).profile();
  const rows = [['SaaS', 300, 55], ['', '', 72]];
  const out = scoreRows(profile, rows, [2], [{ firstColumn: 4, kinds: ['score', 'tier', 'why', 'order'] }], tierOrder(profile));
  const x = profile.explain(['SaaS', 300, '']);
  expect(out.writes[0]![0]).toEqual([x.score, `'${x.tier}`, `'${x.text}`, tierOrder(profile).get(x.tier)]);
  expect(out.writes[0]![1]).toEqual(['', '', '', '']);
  expect([...out.counts]).toEqual([[x.tier, 1]]);
});

test('scoreRows writes the score, tier and why the full explanation gives, on every sample account', () => {
  const { headers, rows: data } = readCsvTable(path.join(__dirname, '../../data/sample-accounts.csv'));
  const profile = compileModel(b2bSaasTemplate(), headers, { today: new Date('2026-11-01T00:00:00Z') }).profile();
  const order = tierOrder(profile);
  const out = scoreRows(profile, data.map((row) => [...row]), [], [{ firstColumn: headers.length, kinds: ['score', 'tier', 'why', 'order'] }], order);
  const expected = data.map((row) => {
    const x = profile.explain(row);
    return x.blank ? ['', '', '', ''] : [x.score, asCellText(x.tier), asCellText(x.text), order.get(x.tier)];
  });
  expect(out.writes[0]).toEqual(expected);
  expect(new Set(expected.map((row) => row[1])).size).toBeGreaterThan(2);
});
