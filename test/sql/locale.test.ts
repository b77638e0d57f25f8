// icp sql --locale: in a decimal-comma locale (de_DE `1.234,5`, fr_FR `1 234,5`) the statement reads text numbers as
// the engine reads them with that locale, typed numbers stay numbers, and the US statement is unchanged byte for byte.
import fc from 'fast-check';
import { b2bSaasTemplate } from '../../src/engine';
import { pointDecimalText } from '../../src/engine/read/locale';
import { readNumber } from '../../src/engine/read/number';
import { generateSql } from '../../src/engine/sql';
import { mulberry32, SAMPLE_TODAY } from '../../tools/sample/accounts';
import { differences, engineOutcomes, loadTextTable, openDb, sqlOutcomes, type Db } from './duckdb-harness';
import { DECIMAL_COMMA_TEXTS, MESSY_TEXTS, messyRows, mixedColumnsModel, NUMBER_TEXTS } from './messy-values';
import { readAll } from './reading-harness';

/** The engine's reading with a decimal comma, or null. */
const engine = (text: string): number | null => readNumber(text, true) ?? null;
const same = (a: unknown, b: number | null): boolean => Object.is(a, b) || (a === 0 && b === 0);

/** A US-written cell as fr_FR writes it: decimal comma, thousands grouped by a space or a narrow no-break space. */
function frenchWriter(seed: number): (cell: string) => string {
  const random = mulberry32(seed);
  return (cell) => pointDecimalText(cell).replace(/\.(?=\d{3})/g, () => (random() < 0.5 ? ' ' : '\u202f'));
}

const ROWS = 3000;

describe('icp sql with a decimal-comma locale', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('reads each number text as the engine does with a decimal comma, to the last bit', async () => {
    const texts = [...DECIMAL_COMMA_TEXTS, ...NUMBER_TEXTS];
    const got = await readAll(db, 'fixed', texts, 'number', true);
    // Spelt out where the locale matters.
    const at = (t: string): unknown => got[texts.indexOf(t)];
    expect([at('1.234,5'), at('1.234'), at('1,5'), at('1,2 Mio.'), at('1 234,5'), at('1\u202f234,5'), at('1,234.5'), at('10,5%-20,5%')]).toEqual([
      1234.5, 1234, 1.5, 1.2e6, 1234.5, 1234.5, null, 0.155,
    ]);
    const wrong = texts.flatMap((t, i) => (same(got[i], engine(t)) ? [] : [[t, got[i], engine(t)]]));
    expect(wrong).toEqual([]);
  });

  it('agrees with the engine on any text of digits, points, commas, spaces, signs and suffixes (property)', async () => {
    const pieces = ['1', '12', '123', '1234', '0', '.', ',', '.', ',', ' ', '\u202f', '%', '-', 'k', ' mio.', 'mrd', '€', '$', 'e3', ' to ', '+', 'under ', ',5', '.000'];
    const texts = fc.sample(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 7 }).map((a) => a.join('')), { numRuns: 10_000, seed: 20 });
    const got = await readAll(db, 'random', texts, 'number', true);
    const wrong = texts.flatMap((t, i) => (same(got[i], engine(t)) ? [] : [[t, got[i], engine(t)]]));
    expect(wrong.slice(0, 5)).toEqual([]);
    // The sample reaches the rule: the decimal comma changes the reading of many texts (625 of these 10,000).
    expect(texts.filter((t) => !Object.is(engine(t), readNumber(t) ?? null)).length).toBeGreaterThan(400);
  });

  it.each([
    { locale: 'de_DE', write: pointDecimalText },
    { locale: 'fr_FR', write: frenchWriter(7) },
  ])('$locale: messy rows written as $locale writes them score and tier as the engine scores them', async ({ locale, write }) => {
    const { headers, rows } = messyRows(ROWS, 23, [...MESSY_TEXTS, ...DECIMAL_COMMA_TEXTS], write);
    const table = `rows_${locale}`;
    await loadTextTable(db, table, headers, rows);
    // The locale changes scores here (else the test would prove nothing): the engine's US reading differs on many rows.
    const us = engineOutcomes(b2bSaasTemplate(), headers, rows, SAMPLE_TODAY);
    const local = engineOutcomes(b2bSaasTemplate(), headers, rows, SAMPLE_TODAY, undefined, locale);
    expect(us.filter((o, i) => o.score !== local[i]!.score).length).toBeGreaterThan(ROWS / 10);
    const diff = await differences(db, b2bSaasTemplate(), table, headers, rows, SAMPLE_TODAY, undefined, locale);
    expect(diff.slice(0, 5)).toEqual([]);
    // Each operator on a column of each kind, `in` with numbers among list items (`1,5 | 2,5`).
    const mixed = await differences(db, mixedColumnsModel(b2bSaasTemplate()), table, headers, rows, SAMPLE_TODAY, undefined, locale);
    expect(mixed.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('reads typed numbers as numbers, whatever the locale (a number cell is a number)', async () => {
    await db.con.run(`CREATE TABLE typed AS SELECT * FROM (VALUES (2.5e6, 1234.5::DECIMAL(10, 1), 1500, '1.234,5'), (999999.5, 0.5::DECIMAL(10, 1), 20, '999.999,5'))
      AS v("Revenue", "Exact", "Employees", "Text")`);
    const model = b2bSaasTemplate();
    const p = model.profiles[0]!;
    p.criteria = [
      { id: 'revenue', category: 'firmographic', column: 'Revenue', when: { op: 'gte', value: 1e6 }, points: 10 },
      { id: 'exact', category: 'firmographic', column: 'Exact', when: { op: 'in', values: [1234.5] }, points: 10 },
      { id: 'size', category: 'firmographic', column: 'Employees', when: { op: 'between', min: 1000, max: 5000 }, points: 10 },
      { id: 'text', category: 'firmographic', column: 'Text', when: { op: 'lte', value: 2000 }, points: 10 },
    ];
    const scores = async (locale?: string): Promise<unknown[]> =>
      (await sqlOutcomes(db, generateSql(model, { dialect: 'duckdb', table: 'typed', today: SAMPLE_TODAY, locale }))).outcomes.map((o) => o.score);
    // The text column is the only one the locale changes: `1.234,5` is 1234.5 in de_DE and unreadable the US way.
    expect(await scores('de_DE')).toEqual([100, 0]);
    expect(await scores()).toEqual([75, 0]);
  });

  it('gives the US statement, byte for byte, without a decimal-comma locale; the decimal-comma one only where numbers are read', () => {
    const model = b2bSaasTemplate();
    const options = { dialect: 'bigquery' as const, table: 'p.crm.accounts', today: '2026-11-01' };
    const us = generateSql(model, options);
    for (const locale of [undefined, '', 'en_US', 'en_GB', 'de_CH', 'es_MX', 'ja', 'not a locale']) expect(generateSql(model, { ...options, locale })).toBe(us);
    expect(us).not.toContain('TO_JSON_STRING(`');
    const de = generateSql(model, { ...options, locale: 'de_DE' });
    expect(de).not.toBe(us);
    for (const locale of ['fr_FR', 'de', 'pt-BR', 'es_AR', 'en_ZA']) expect(generateSql(model, { ...options, locale })).toBe(de);
  });
});
