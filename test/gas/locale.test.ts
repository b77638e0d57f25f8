// The spreadsheet's locale reaches every place the add-on reads text numbers: formulas, Score this sheet, preview,
// validation, and the SQL of Copy SQL for BigQuery.

import type { Model } from '../../src/engine/model';
import { isDecimalCommaLocale } from '../../src/engine/read/locale';
import { generateSql } from '../../src/engine/sql';
import type { OutcomeValidation, PreviewResult, ScoreSheetResult } from '../../src/gas/api-types';
import type { BigQuerySqlResult } from '../../src/gas/sql-export';
import { loadAddon } from './harness';

/** 20 points when Employees is at least 1,000, 20 more when Rating is between 1 and 2. */
function model(): Model {
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: 'Locale',
        categories: [{ id: 'firmographic', label: 'Firmographic', weight: 100 }],
        criteria: [
          { id: 'size', label: '1,000+ employees', category: 'firmographic', column: 'Employees', when: { op: 'gte', value: 1000 }, points: 20 },
          { id: 'rating', label: 'Rating 1 to 2', category: 'firmographic', column: 'Rating', when: { op: 'between', min: 1, max: 2 }, points: 20 },
        ],
        tiers: [{ label: 'A', min: 80 }, { label: 'B', min: 40 }, { label: 'C', min: 0 }],
      },
    ],
  } as Model;
}

// Text cells (typed with an apostrophe, as CSV imports and exports of text columns arrive), one row per reading.
const ROWS = [
  ['Account', 'Employees', 'Rating', 'Outcome'],
  ['Grouped by a point, decimal comma', "'1.234", "'1,5", 'won'],
  ['Grouped by a space, decimal comma', "'1 234", "'1,25", 'won'],
  ['US grouping and decimal point', "'1,234", "'1.5", 'lost'],
];

/** The score each row should get: a decimal-comma locale reads rows 1 and 2 fully, the US reading row 3. */
const DECIMAL_COMMA = [100, 100, 0];
const US = [0, 50, 100];

function scoresIn(locale: string) {
  const addon = loadAddon([]);
  const ss = addon.ss;
  ss.setSpreadsheetLocale(locale);
  const sheet = ss.getActiveSheet();
  sheet.setName('Accounts');
  sheet.getRange(1, 1, ROWS.length, 4).setValues(ROWS);
  expect(addon.save(model(), 0).ok).toBe(true);
  ss.setActiveSheet(sheet);
  // A per-row formula (as the add-on writes it) and a typed one.
  sheet.getRange('F2:F4').setFormula('=ICP_SCORE(A2:C2,A$1:C$1,ICP_MODEL)');
  sheet.getRange('G2:G4').setFormula('=ICP_SCORE(A2:C2)');
  const formulas = sheet.getRange('F2:G4').getValues();
  const preview = addon.call<PreviewResult>('previewDraft', model());
  const validation = addon.call<OutcomeValidation>('validateOutcomes', { outcomeColumn: 'Outcome' });
  const run = addon.call<ScoreSheetResult>('scoreSheet', {});
  expect(run.ok).toBe(true);
  const score = run.columns.find((c) => c.kind === 'score')!.column;
  const sql = addon.call<BigQuerySqlResult>('getBigQuerySql', 'p.crm.accounts', null);
  return {
    sql,
    perRow: formulas.map((r) => r[0]),
    typed: formulas.map((r) => r[1]),
    values: sheet.getRange(`${score}2:${score}4`).getValues().map((r) => r[0]),
    previewTiers: Object.fromEntries(preview.tiers.map((t) => [t.label, t.count])),
    validation,
  };
}

describe.each([
  ['de_DE', DECIMAL_COMMA],
  ['fr_FR', DECIMAL_COMMA],
  ['es_ES', DECIMAL_COMMA],
  ['it_IT', DECIMAL_COMMA],
  ['pt_BR', DECIMAL_COMMA],
  ['nl_NL', DECIMAL_COMMA],
  ['en_US', US],
  ['en_GB', US],
  ['ja_JP', US],
])('spreadsheet locale %s', (locale, want) => {
  test('formulas, Score this sheet, the preview and outcome validation read text numbers the same way', () => {
    const r = scoresIn(locale);
    expect(r.perRow).toEqual(want);
    expect(r.typed).toEqual(want);
    expect(r.values).toEqual(want);
    const tier = (s: number) => (s >= 80 ? 'A' : s >= 40 ? 'B' : 'C');
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (const s of want) counts[tier(s)]!++;
    expect(r.previewTiers).toEqual(counts);
    // Validation scores the rows with the same reading: its tiers hold the same accounts.
    const validated = Object.fromEntries(r.validation.stats!.tiers.filter((t) => !t.disqualified).map((t) => [t.label, t.accounts]));
    expect(validated).toEqual(counts);
    // Copy SQL for BigQuery reads them the same way, and says so when it is not the US reading.
    expect(r.sql.sql).toBe(generateSql(model(), { dialect: 'bigquery', table: 'p.crm.accounts', locale }));
    const commaSaid = `Numbers written as text are read as this spreadsheet's locale (${locale}) writes them: 1.234,5 is 1234.5. `;
    expect(r.sql.message).toBe(`SQL for the saved profile "Locale" on p.crm.accounts: every column plus icp_score, icp_tier and icp_why. ${isDecimalCommaLocale(locale) ? commaSaid : ''}`);
    expect(isDecimalCommaLocale(locale)).toBe(want === DECIMAL_COMMA);
  });
});
