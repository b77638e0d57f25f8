// checkModelWithinLimits without zod, for the sidebar's bundle (about 20 KB less): the model's shape is checked by hand,
// reporting the very issues model-check.ts's zod schema reports (proven by test/engine/model-check-lite.test.ts).
// The server, the CLI and every import and save keep the zod schema; this is only the editor's as-you-type check.
import { OPERATOR_NAMES, ROLES, type Model } from './model';
import { finishCheck, isRecord, type ModelCheckResult, type ShapeIssue } from './model-issues';

type Path = (string | number)[];
/** Checks one value at `path`, adding what is wrong with it to `out` (in the order zod would). */
type Check = (v: unknown, path: Path, out: ShapeIssue[]) => void;

/** The fields of a zod issue that model-issues.ts reads. */
const issue = (fields: Record<string, unknown>): ShapeIssue => fields as unknown as ShapeIssue;
const wrongType = (expected: string, path: Path): ShapeIssue => issue({ code: 'invalid_type', expected, path });

const MAX_POINTS = 1_000_000;

const text: Check = (v, path, out) => {
  if (typeof v !== 'string') out.push(wrongType('string', path));
};
/** z.string() with a refine: the refine runs only on text. */
const nonEmptyText: Check = (v, path, out) => {
  if (typeof v !== 'string') out.push(wrongType('string', path));
  else if (v.trim() === '') out.push(issue({ code: 'custom', message: 'must not be empty', path }));
};
/** z.number(), which refuses NaN and the infinities, with optional z.gte/z.lte checks (run only on a number). */
const num = (min?: number, max?: number): Check => (v, path, out) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) out.push(wrongType('number', path));
  else if (min !== undefined && v < min) out.push(issue({ code: 'too_small', origin: 'number', minimum: min, path }));
  else if (max !== undefined && v > max) out.push(issue({ code: 'too_big', origin: 'number', maximum: max, path }));
};
const points = num(-MAX_POINTS, MAX_POINTS);
const optional = (check: Check): Check => (v, path, out) => {
  if (v !== undefined) check(v, path, out);
};
/** z.union([z.string(), z.number(), z.boolean()]): when none fits, one issue holding each branch's. */
const scalar: Check = (v, path, out) => {
  if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
  out.push(issue({ code: 'invalid_union', path, errors: ['string', 'number', 'boolean'].map((t) => [wrongType(t, [])]) }));
};
/**
 * z.array(el), with z.minLength(1) when `nonEmpty`. zod runs a length check on anything with a length (after the type
 * issue, so text gets both), whatever the type check found.
 */
const list = (el: Check, nonEmpty = false): Check => (v, path, out) => {
  if (!Array.isArray(v)) out.push(wrongType('array', path));
  else v.forEach((x, i) => el(x, [...path, i], out));
  if (!nonEmpty || v === undefined || v === null) return;
  const length = (v as { length?: unknown }).length;
  if (length !== undefined && !((length as number) >= 1)) {
    const origin = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown';
    out.push(issue({ code: 'too_small', origin, minimum: 1, path }));
  }
};
/** z.looseObject: fields checked in this order, other fields kept and not checked. */
const object = (fields: Record<string, Check>): Check => (v, path, out) => {
  if (!isRecord(v)) {
    out.push(wrongType('object', path));
    return;
  }
  for (const [key, check] of Object.entries(fields)) check(v[key], [...path, key], out);
};
/** z.literal / z.enum. */
const oneOf = (values: readonly unknown[]): Check => (v, path, out) => {
  if (!values.includes(v)) out.push(issue({ code: 'invalid_value', values, path }));
};

const band = object({ min: optional(num()), max: optional(num()), points, label: optional(text) });
const scalarList = list(scalar, true);
const range = { min: optional(num()), max: optional(num()) };
/** Per operator, its fields besides `op` (the same as model-check.ts's conditionSchema). */
const CONDITION_FIELDS: Record<(typeof OPERATOR_NAMES)[number], Record<string, Check>> = {
  equals: { value: scalar },
  in: { values: scalarList },
  contains: { values: scalarList },
  between: range,
  gte: { value: num() },
  lte: { value: num() },
  bands: { bands: list(band, true) },
  isTrue: {},
  notBlank: {},
  withinDays: { days: num(0) },
  matches: { pattern: text, flags: optional(text) },
};
const CONDITIONS = new Map<unknown, Check>(Object.entries(CONDITION_FIELDS).map(([op, fields]) => [op, object(fields)]));
/** z.discriminatedUnion('op', …): an unknown `op` is one issue at `op`. */
const condition: Check = (v, path, out) => {
  if (!isRecord(v)) {
    out.push(wrongType('object', path));
    return;
  }
  const check = CONDITIONS.get(v.op);
  if (check !== undefined) check(v, path, out);
  else out.push(issue({ code: 'invalid_union', errors: [], discriminator: 'op', path: [...path, 'op'] }));
};

const criterion = object({
  id: nonEmptyText,
  label: optional(text),
  category: nonEmptyText,
  column: nonEmptyText,
  when: condition,
  points: optional(points),
  role: optional(oneOf(ROLES)),
  description: optional(text),
});
const category = object({ id: nonEmptyText, label: optional(text), weight: num(0, MAX_POINTS) });
const tier = object({ label: nonEmptyText, min: num(0, 100), color: optional(text) });
const profile = object({
  name: nonEmptyText,
  description: optional(text),
  categories: list(category),
  criteria: list(criterion),
  tiers: list(tier, true),
  disqualifiedLabel: optional(nonEmptyText),
});
const model = object({ schemaVersion: oneOf([1]), profiles: list(profile, true), defaultProfile: optional(text) });

/** The same result as model-check.ts's checkModelWithinLimits (for a draft within the model limits). */
export function checkModelLite(input: unknown): ModelCheckResult {
  const shapeIssues: ShapeIssue[] = [];
  model(input, [], shapeIssues);
  return shapeIssues.length === 0 ? finishCheck(input, [], input as Model) : finishCheck(input, shapeIssues);
}
