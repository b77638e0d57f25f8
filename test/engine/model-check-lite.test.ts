// Differential tests: the sidebar's zod-free checkModelLite gives exactly checkModelWithinLimits's result (the zod schema's) on random, mutated and invalid models.
import fc from 'fast-check';
import { checkModelWithinLimits } from '../../src/engine/model-check';
import { checkModelLite } from '../../src/engine/model-check-lite';
import { OPERATOR_NAMES, ROLES } from '../../src/engine/model';
import { modelWithEveryOperator, validModel } from '../factories/models';

/** Both checks agree: same ok, same issues in the same order, and on success the same document. */
function expectSame(input: unknown): void {
  const zod = checkModelWithinLimits(input);
  const lite = checkModelLite(input);
  expect(lite.ok).toBe(zod.ok);
  if (zod.ok && lite.ok) expect(lite.model).toEqual(zod.model);
  else expect(lite).toEqual(zod);
}

/** Values that sit near every rule's edge: each type, blanks, bounds, non-finite numbers, lists and objects of each kind. */
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, true, false, 0, -0, 1, -1, 0.5, 100, 101, -1_000_000, 1_000_000, 1_000_001, -1_000_001,
    NaN, Infinity, -Infinity, '', ' ', 'a', 'A', '#1a73e8', 'red', 'imsu', 'ii', 'x', '(a', 'a+', 'score', 'must', 'exclude', 'Score',
    'Disqualified', 'Hot', 'firmo', 'Firmo', [], [''], [' ', ''], [1, 'a', true], [null], [[]], [{}], {}, { length: 0 }, { length: 2 }, { op: 'isTrue' },
    { op: 'bands', bands: [] }, { op: 'bands', bands: [{ points: 1 }] }, { op: 'nope' }, { op: 'toString' }, { op: 3 },
    { min: 1, max: 0, points: 5 }, { label: 'A', min: 0 }, { label: 'A', min: 0, color: 'x' }, { id: 'c', weight: 0 },
  ),
  fc.constantFrom(...OPERATOR_NAMES, ...ROLES),
  fc.jsonValue({ maxDepth: 2 }),
  fc.anything({ maxDepth: 2 }),
);

type Segment = string | number;

/** Every path in a JSON-like value (objects and lists), the root included. */
function pathsOf(v: unknown, at: Segment[] = []): Segment[][] {
  const out: Segment[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

const FIELD_NAMES = ['schemaVersion', 'profiles', 'defaultProfile', 'name', 'categories', 'criteria', 'tiers', 'disqualifiedLabel', 'id',
  'label', 'category', 'column', 'when', 'points', 'role', 'weight', 'op', 'value', 'values', 'min', 'max', 'bands', 'days', 'pattern',
  'flags', 'color', 'description', 'extra'];

/** A copy of `base` with, at a path found in it, the value replaced or deleted, or a field (named by the format, or not) set. */
function mutate(base: unknown, pick: number, kind: 'set' | 'delete' | 'add', field: string, value: unknown): unknown {
  const copy: unknown = structuredClone(base);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return kind === 'set' ? value : copy;
  let parent: unknown = copy;
  for (const s of path.slice(0, -1)) parent = (parent as Record<Segment, unknown>)[s];
  const last = path[path.length - 1] as Segment;
  const target = (parent as Record<Segment, unknown>)[last];
  if (kind === 'set') (parent as Record<Segment, unknown>)[last] = value;
  else if (kind === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete (parent as Record<Segment, unknown>)[last];
  } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[field] = value;
  return copy;
}

const mutation = fc.tuple(fc.nat(), fc.constantFrom<'set' | 'delete' | 'add'>('set', 'delete', 'add'), fc.constantFrom(...FIELD_NAMES), edgeValue);

/** A random model of the format's shape: any mix of operators, roles, categories and tiers, valid or not. */
const randomModel: fc.Arbitrary<unknown> = fc.record({
  schemaVersion: fc.constantFrom<unknown>(1, 1, 1, 2, '1'),
  profiles: fc.array(fc.record({
    name: fc.constantFrom('Main', 'main ', 'Other', ''),
    categories: fc.array(fc.record({ id: fc.constantFrom('firmo', 'fit', 'Firmo', ''), weight: fc.constantFrom(0, 1, 30, -1) }), { maxLength: 3 }),
    criteria: fc.array(fc.record({
      id: fc.constantFrom('a', 'b', 'a', ' '),
      category: fc.constantFrom('firmo', 'fit', 'nope'),
      column: fc.constantFrom('Industry', ''),
      when: fc.oneof(
        fc.record({ op: fc.constantFrom(...OPERATOR_NAMES), value: edgeValue, values: edgeValue, min: edgeValue, max: edgeValue }, { requiredKeys: ['op'] }),
        fc.record({ op: fc.constant('bands'), bands: fc.array(fc.record({ min: edgeValue, max: edgeValue, points: edgeValue }, { requiredKeys: [] }), { maxLength: 3 }) }),
        fc.record({ op: fc.constant('matches'), pattern: fc.constantFrom('^a', '(a', 'a{2}', '(a+)+', 'x'), flags: fc.constantFrom('i', 'g', 'ii', 'imsu', '') }, { requiredKeys: ['op', 'pattern'] }),
        fc.record({ op: fc.constant('withinDays'), days: edgeValue }),
      ),
      points: fc.constantFrom<unknown>(undefined, 0, 5, -3, 2_000_000),
      role: fc.constantFrom<unknown>(undefined, 'score', 'must', 'exclude', 'bonus'),
    }, { requiredKeys: ['id', 'category', 'column', 'when'] }), { maxLength: 3 }),
    tiers: fc.array(fc.record({ label: fc.constantFrom('Hot', 'hot', 'Disqualified', ''), min: fc.constantFrom<unknown>(0, 50, 50, 101, -1, 'x'), color: fc.constantFrom<unknown>(undefined, '#1a73e8', 'red') }, { requiredKeys: ['label', 'min'] }), { maxLength: 3 }),
    disqualifiedLabel: fc.constantFrom<unknown>(undefined, 'Out', ' ', 7),
  }, { requiredKeys: ['name', 'categories', 'criteria', 'tiers'] }), { maxLength: 3 }),
  defaultProfile: fc.constantFrom<unknown>(undefined, 'Main', 'main', 'Nope', 3),
}, { requiredKeys: ['schemaVersion', 'profiles'] });

describe('checkModelLite (the sidebar\'s check) against checkModelWithinLimits (zod)', () => {
  it('agrees on valid models', () => {
    expectSame(validModel());
    expectSame(modelWithEveryOperator());
    expect(checkModelLite(modelWithEveryOperator()).ok).toBe(true);
  });

  it('agrees on anything at all', () => {
    fc.assert(fc.property(fc.anything(), edgeValue, (a, b) => {
      expectSame(a);
      expectSame(b);
    }), { numRuns: 300 });
  });

  it('agrees on random models', () => {
    fc.assert(fc.property(randomModel, expectSame), { numRuns: 500 });
  });

  it('agrees on valid models with one to four fields changed, removed or added', () => {
    fc.assert(fc.property(fc.constantFrom(validModel(), modelWithEveryOperator()), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, changes) => {
      const input = changes.reduce<unknown>((m, [pick, kind, field, value]) => mutate(m, pick, kind, field, value), base);
      expectSame(input);
    }), { numRuns: 1500 });
  });

  it('agrees on the edge cases zod handles in its own way', () => {
    const m = (patch: (p: Record<string, unknown>) => void): unknown => {
      const model = structuredClone(validModel()) as unknown as { profiles: Record<string, unknown>[] };
      patch(model.profiles[0] as Record<string, unknown>);
      return model;
    };
    // Text and length-bearing objects also get "too short" where a non-empty list is required.
    expectSame(m((p) => { p.tiers = ''; }));
    expectSame(m((p) => { p.tiers = { length: 0 }; }));
    expectSame(m((p) => { p.tiers = 'abc'; }));
    expectSame(m((p) => { p.name = NaN; }));
    expectSame(m((p) => { (p.categories as Record<string, unknown>[])[0]!.weight = Infinity; }));
    expectSame({ schemaVersion: 1, profiles: '' });
    expectSame({ schemaVersion: 1, profiles: [{ name: 'a', categories: [], criteria: [{ when: { op: 'toString' } }], tiers: [{ label: 'A', min: 0 }] }] });
    expectSame({ schemaVersion: 1, profiles: [{ name: 'a', categories: [], criteria: [{ when: { op: 'in', values: [NaN, [], ''] } }], tiers: [] }] });
  });
});
