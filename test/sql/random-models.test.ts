// Property: for random models (every operator, role, bands, penalties, odd weights and tiers) over a table of messy
// text cells, the DuckDB dialect of `icp sql` gives every row the engine's score and tier.
import fc from 'fast-check';
import { checkModel, type Condition, type Criterion, type Model } from '../../src/engine';
import { mulberry32 } from '../../tools/sample/accounts';
import { differences, loadTextTable, openDb, type Db } from './duckdb-harness';
import { BLANK_TEXTS, BOOLEAN_TEXTS, DATE_TEXTS, NUMBER_TEXTS, TEXT_TEXTS } from './messy-values';

const COLUMNS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
const ROWS = 400;
const TODAY = '2026-11-01';
const MESSY = [...NUMBER_TEXTS, ...BLANK_TEXTS, ...BOOLEAN_TEXTS, ...DATE_TEXTS, ...TEXT_TEXTS];

function table(): (string | null)[][] {
  const random = mulberry32(4242);
  return Array.from({ length: ROWS }, () => COLUMNS.map(() => (random() < 0.03 ? null : MESSY[Math.floor(random() * MESSY.length)]!)));
}

// Patterns with the same meaning in JavaScript and RE2 (the translation covers \s, . and the flags).
const PATTERNS = ['^s', 'a.*e', '\\d{3}', '^(yes|y)$', 'gmail\\.', '\\s', '[0-9]+%', '^\\$?\\d', 'o\\b', '^.{2,4}$'];
const number = fc.oneof(fc.integer({ min: -100, max: 2_000_000 }), fc.constantFrom(0, 0.5, 1, 5, 50, 200, 1000, 1e6, 5e7, 1e9, 0.35));
// Numbers the messy texts read as (`5, 1000`, `10%-20%`, `1  200`, `less than 1,000`, `5%%`...).
const inNumber = fc.constantFrom(5, 1000, 15, 0.15, 1200, 500, 25, 0.0005, 5000, 0.35, 1.2e6, 2, 0.05);
const text = fc.constantFrom(...TEXT_TEXTS, ...BOOLEAN_TEXTS, 'saas', '5', '1', '2345', 'n/a', ' ', 'ας', 'ασ', 'οδυσσευς', 'under', 'k', '-');

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ op: fc.constant('equals' as const), value: fc.oneof(text, number, fc.boolean()) }),
  // Texts and numbers: a number matches the number a cell, its normalised text or a list item reads as.
  fc.record({ op: fc.constant('in' as const), values: fc.array(fc.oneof(text, number, inNumber), { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('contains' as const), values: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('between' as const), min: number, max: number }).map((c) => ({ ...c, max: Math.max(c.min, c.max) })),
  fc.record({ op: fc.constant('between' as const), min: number }),
  fc.record({ op: fc.constant('gte' as const), value: number }),
  fc.record({ op: fc.constant('lte' as const), value: number }),
  fc.array(fc.record({ min: number, width: fc.integer({ min: 0, max: 1_000_000 }), points: fc.integer({ min: -10, max: 40 }) }), { minLength: 1, maxLength: 3 })
    .map((bands) => ({ op: 'bands' as const, bands: bands.map((b) => ({ min: b.min, max: b.min + b.width, points: b.points })) })),
  fc.constant({ op: 'isTrue' as const }),
  fc.constant({ op: 'notBlank' as const }),
  fc.record({ op: fc.constant('withinDays' as const), days: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ op: fc.constant('matches' as const), pattern: fc.constantFrom(...PATTERNS) }),
);

const criterion = (categories: number): fc.Arbitrary<Omit<Criterion, 'id'>> =>
  fc.record({
    category: fc.integer({ min: 0, max: categories - 1 }).map((i) => `c${i}`),
    column: fc.constantFrom(...COLUMNS, 'Missing column'),
    when: condition,
    points: fc.oneof(fc.integer({ min: -20, max: 40 }), fc.constant(0), fc.constant(12.5)),
    role: fc.constantFrom('score' as const, 'score' as const, 'must' as const, 'exclude' as const),
  });

const model: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    weights: fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(33.3)), { minLength: n, maxLength: n }),
    criteria: fc.array(criterion(n), { minLength: 1, maxLength: 7 }),
    a: fc.integer({ min: 50, max: 95 }),
    b: fc.oneof(fc.integer({ min: 1, max: 49 }), fc.constant(33.3)),
  }).map(({ weights, criteria, a, b }) => ({
    schemaVersion: 1 as const,
    profiles: [
      {
        name: 'Random',
        categories: weights.map((w, i) => ({ id: `c${i}`, weight: w })),
        criteria: criteria.map((c, i) => ({ ...c, id: `k${i}`, label: `Criterion ${i}` })),
        tiers: [{ label: 'A', min: a }, { label: 'B', min: b }, { label: 'C', min: 0 }],
        disqualifiedLabel: 'Out',
      },
    ],
  })),
);

describe('icp sql (DuckDB) on random models', () => {
  let db: Db;
  const rows = table();
  beforeAll(async () => {
    db = await openDb();
    await loadTextTable(db, 'random_accounts', COLUMNS, rows);
  });
  afterAll(() => db.close());

  it('every row scores and tiers as in the engine', async () => {
    await fc.assert(
      fc.asyncProperty(model, async (m) => {
        fc.pre(checkModel(m).ok);
        const diff = await differences(db, m, 'random_accounts', COLUMNS, rows, TODAY);
        expect(diff.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 25, seed: 18 },
    );
  }, 240_000);
});
