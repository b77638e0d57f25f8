// Random valid models and messy text rows for the differential tests (batch vs per-row, CLI vs add-on bundle).
import fc from 'fast-check';
import { checkModel } from '../../src/engine/model-check';
import type { Condition, Model, Role } from '../../src/engine/model';

export const DIFF_COLUMNS = ['Industry', 'Employees', 'Revenue', 'Demo', 'Funding Date', 'Stack', 'Email'];
export const DIFF_TODAY = '2026-11-01';

/** Text as exports and people write it: numbers in every notation, ranges, blanks, booleans, dates, lists, junk. */
export const MESSY = [
  '', ' ', 'N/A', '-', 'unknown', '#REF!', 'NaN', 'Infinity', 'lots', 'SaaS', ' saas ', 'Fintech', 'Government', 'Retail',
  '1,200', '$1.2M', '€2.5m', '51-200', '1,001-5,000', '10,001+', '<50', 'under 50', '35%', '-5', ' 12 ', '0', '1e3',
  'yes', 'no', 'TRUE', 'x', '✓', '2026-10-15', '2025-01-01', '10/20/2026', 'Mar 1, 2026', 'Salesforce, HubSpot',
  'HubSpot | Slack', 'ann@gmail.com', 'bob@acme.io', 'Über GmbH', '"quoted"', 'a\nb', '1.234', '1,5',
];

const scalar = fc.oneof(fc.constantFrom<string | number | boolean>('SaaS', 'Fintech', 'HubSpot', 'yes', '1,000', 'Retail'), fc.integer({ min: -10, max: 5000 }), fc.boolean());
const small = fc.integer({ min: -100, max: 5000 });
const range = fc.tuple(small, small).map(([a, b]) => (a <= b ? { min: a, max: b } : { min: b, max: a }));

const condition: fc.Arbitrary<Condition> = fc.oneof(
  scalar.map((value): Condition => ({ op: 'equals', value })),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((values): Condition => ({ op: 'in', values })),
  fc.array(fc.constantFrom('sales', 'hub', 'saas', 'gmail'), { minLength: 1, maxLength: 2 }).map((values): Condition => ({ op: 'contains', values })),
  range.map((r): Condition => ({ op: 'between', ...r })),
  small.map((value): Condition => ({ op: 'gte', value })),
  small.map((value): Condition => ({ op: 'lte', value })),
  fc.array(fc.tuple(range, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 3 }).map((bs): Condition => ({ op: 'bands', bands: bs.map(([r, points]) => ({ ...r, points })) })),
  fc.constant<Condition>({ op: 'isTrue' }),
  fc.constant<Condition>({ op: 'notBlank' }),
  fc.integer({ min: 0, max: 700 }).map((days): Condition => ({ op: 'withinDays', days })),
  fc.constantFrom('@gmail\\.', '^(saas|fintech)$', '(a+)+$', '\\d{2,}', '^\\s*$').map((pattern): Condition => ({ op: 'matches', pattern })),
);

/** A valid model of one or two profiles over DIFF_COLUMNS. */
export const randomModel: fc.Arbitrary<Model> = fc
  .array(
    fc.record({
      column: fc.constantFrom(...DIFF_COLUMNS),
      category: fc.constantFrom('fit', 'intent'),
      when: condition,
      points: fc.integer({ min: -20, max: 40 }),
      role: fc.constantFrom<Role>('score', 'score', 'score', 'must', 'exclude'),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .chain((criteria) =>
    fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 })).map(([w1, w2, mins]) => ({
      schemaVersion: 1 as const,
      profiles: [
        {
          name: 'Random',
          categories: [{ id: 'fit', weight: w1 }, { id: 'intent', weight: w2 }],
          criteria: criteria.map((c, i) => ({ id: `c${i}`, ...c })),
          tiers: [0, ...mins].map((min, i) => ({ label: `T${i}`, min })),
        },
      ],
    })),
  )
  // Whatever the draw, only models the checker accepts (what every door scores).
  .filter((m) => checkModel(m).ok);

/** Rows of messy text, one cell per column. */
export const messyRows = (count: number): fc.Arbitrary<string[][]> =>
  fc.array(fc.array(fc.constantFrom(...MESSY), { minLength: DIFF_COLUMNS.length, maxLength: DIFF_COLUMNS.length }), { minLength: count, maxLength: count });
