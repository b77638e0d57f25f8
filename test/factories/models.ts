// Test factories for ICP models: a small valid model plus helpers to derive (valid or deliberately broken) variants.
import type { Category, Condition, Criterion, Model, Profile, Tier } from '../../src/engine/model';

/** The categories of validModel(): firmographic (60) and behavioral (40). */
export function validCategories(): Category[] {
  return [
    { id: 'firmographic', label: 'Firmographic', weight: 60 },
    { id: 'behavioral', label: 'Behavioral', weight: 40 },
  ];
}

/** The criteria of validModel(): industry (score/in), size (must/between), visits (score/gte). */
export function validCriteria(): Criterion[] {
  return [
    {
      id: 'industry', label: 'SaaS or Fintech', category: 'firmographic', column: 'Industry',
      when: { op: 'in', values: ['SaaS', 'Fintech'] }, points: 30,
    },
    {
      id: 'size', label: '51-1000 employees', category: 'firmographic', column: 'Employees', role: 'must',
      when: { op: 'between', min: 51, max: 1000 }, points: 25,
    },
    {
      id: 'visits', label: '10+ site visits', category: 'behavioral', column: 'Visits',
      when: { op: 'gte', value: 10 }, points: 20,
    },
  ];
}

/** The tiers of validModel(): A (80), B (60), C (0). */
export function validTiers(): Tier[] {
  return [
    { label: 'A', min: 80 },
    { label: 'B', min: 60 },
    { label: 'C', min: 0 },
  ];
}

/** A valid profile: 2 categories, 3 criteria, 3 tiers. */
export function validProfile(): Profile {
  return {
    name: 'Mid-market SaaS',
    categories: validCategories(),
    criteria: validCriteria(),
    tiers: validTiers(),
  };
}

/** A valid minimal model with one profile (see validProfile()). A fresh object on every call. */
export function validModel(): Model {
  return { schemaVersion: 1, profiles: [validProfile()] };
}

/** validProfile() with some fields replaced. */
export function profileWith(partial: Partial<Profile>): Profile {
  return { ...validProfile(), ...partial };
}

/** A model holding the given profiles (validProfile() when none are given). */
export function modelWith(...profiles: Profile[]): Model {
  return { schemaVersion: 1, profiles: profiles.length > 0 ? profiles : [validProfile()] };
}

/**
 * validModel() (or `base`) with one more criterion appended to its first profile (at index 3 for validModel()).
 * The criterion is a valid `notBlank` score criterion overridden by `overrides`; an override of `undefined`
 * removes the field. Overrides are not type-checked, so tests can build broken criteria.
 */
export function withCriterion(overrides: Partial<Criterion> | Record<string, unknown>, base: Model = validModel()): Model {
  const criterion: Record<string, unknown> = {
    id: 'extra', category: 'firmographic', column: 'Extra', when: { op: 'notBlank' }, points: 5,
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete criterion[k];
    else criterion[k] = v;
  }
  const model = structuredClone(base);
  const profile = model.profiles[0];
  if (profile === undefined) throw new Error('withCriterion: the base model has no profile');
  profile.criteria.push(criterion as unknown as Criterion);
  return model;
}

/** withCriterion() whose condition is `when` (not type-checked); other fields as given in `overrides`. */
export function withCondition(when: Record<string, unknown>, overrides: Record<string, unknown> = {}): Model {
  return withCriterion({ ...overrides, when });
}

/** Marker for withValue(): remove the field (or array item) instead of setting it. */
export const REMOVE: unique symbol = Symbol('remove');

/** Splits `profiles[0].criteria[2].when.min` into ['profiles', 0, 'criteria', 2, 'when', 'min']. */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/**
 * A copy of `base` (validModel() by default) with the value at `path` replaced by `value`, or removed when
 * `value` is REMOVE. The result is `unknown`: it is meant to be handed to a validator.
 */
export function withValue(path: string, value: unknown, base: unknown = validModel()): unknown {
  const root: unknown = structuredClone(base);
  const segments = parsePath(path);
  const last = segments.pop();
  if (last === undefined) return value;
  let cur: unknown = root;
  for (const s of segments) {
    cur = (cur as Record<string | number, unknown>)[s];
    if (typeof cur !== 'object' || cur === null) throw new Error(`withValue: nothing at ${String(s)} in ${path}`);
  }
  const container = cur as Record<string | number, unknown>;
  if (value !== REMOVE) container[last] = value;
  else if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
  else delete container[last];
  return root;
}

/** A criterion for every operator (each valid), in the behavioral category, as criteria of one model. */
export function modelWithEveryOperator(): Model {
  const conditions: Array<[string, Condition, number | undefined]> = [
    ['eq', { op: 'equals', value: 'Yes' }, 5],
    ['in', { op: 'in', values: ['A', 1, true] }, 5],
    ['contains', { op: 'contains', values: ['Salesforce', 'HubSpot'] }, 5],
    ['between', { op: 'between', min: 10 }, 5],
    ['gte', { op: 'gte', value: 3 }, 5],
    ['lte', { op: 'lte', value: 100 }, -5],
    ['bands', { op: 'bands', bands: [{ max: 50, points: 5 }, { min: 50, max: 500, points: 10, label: 'mid' }, { min: 500, points: 15 }] }, undefined],
    ['true', { op: 'isTrue' }, 5],
    ['blank', { op: 'notBlank' }, 5],
    ['recent', { op: 'withinDays', days: 30 }, 5],
    ['re', { op: 'matches', pattern: '^(cto|vp).*eng', flags: 'iu' }, 5],
  ];
  const criteria: Criterion[] = conditions.map(([id, when, points]) => ({
    id, category: 'behavioral', column: id.toUpperCase(), when, ...(points === undefined ? {} : { points }),
  }));
  criteria.push({ id: 'gov', category: 'firmographic', column: 'Industry', role: 'exclude', when: { op: 'in', values: ['Government'] } });
  return modelWith(profileWith({ criteria: [...validCriteria(), ...criteria] }));
}
