// Warnings on a valid model: fields the format does not know (a misspelt `disqualifedLabel`) and settings that do nothing.

import type { ValidationIssue } from './validate';

// The format allows new optional fields (PRODUCT.md: "new optional fields may be added"), so an unknown field is never
// an error; but a misspelt optional one is silently ignored, and the user would never learn why their label is not used.
const ROOT_FIELDS = ['schemaVersion', 'profiles', 'defaultProfile', '$schema'];
const PROFILE_FIELDS = ['name', 'description', 'categories', 'criteria', 'tiers', 'disqualifiedLabel'];
const CATEGORY_FIELDS = ['id', 'label', 'weight'];
const CRITERION_FIELDS = ['id', 'label', 'category', 'column', 'when', 'points', 'role', 'description'];
const TIER_FIELDS = ['label', 'min', 'color'];
const BAND_FIELDS = ['min', 'max', 'points', 'label'];
const CONDITION_FIELDS: Record<string, readonly string[]> = {
  equals: ['value'],
  in: ['values'],
  contains: ['values'],
  between: ['min', 'max'],
  gte: ['value'],
  lte: ['value'],
  bands: ['bands'],
  isTrue: [],
  notBlank: [],
  withinDays: ['days'],
  matches: ['pattern', 'flags'],
};
const ALL_CONDITION_FIELDS = [...new Set(Object.values(CONDITION_FIELDS).flat())];

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function records(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** Edit distance counting a swap of two neighbours as one edit (`lable`, `vaules`), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

/** The known field a name is most likely a misspelling of, if any is close enough. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(1, Math.floor((best?.length ?? 0) / 4)) ? best : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `path.name`, or `path["odd name"]` for a name that is not an identifier (validate.ts writes paths the same way). */
function fieldPath(path: string, name: string): string {
  if (!IDENTIFIER.test(name)) return `${path}[${JSON.stringify(name)}]`;
  return path === '' ? name : `${path}.${name}`;
}

function warnUnknown(name: string, path: string, suggestFrom: readonly string[], out: ValidationIssue[]): void {
  const guess = closest(name, suggestFrom);
  out.push({ path: fieldPath(path, name), message: guess === undefined ? 'unknown field, ignored' : `unknown field, ignored (did you mean "${guess}"?)` });
}

function unknownFields(obj: Json, known: readonly string[], path: string, out: ValidationIssue[], suggestFrom = known): void {
  for (const name of Object.keys(obj)) if (!known.includes(name)) warnUnknown(name, path, suggestFrom, out);
}

/**
 * Fields of a valid model that the ICP model v1 format does not define, and settings that have no effect: `points` on
 * an exclusion (it only disqualifies) or next to `bands` (each band has its own). Never errors: the model still works.
 */
export function modelWarnings(model: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!isRecord(model)) return out;
  unknownFields(model, ROOT_FIELDS, '', out);
  records(model.profiles).forEach((p, i) => {
    const pp = `profiles[${i}]`;
    unknownFields(p, PROFILE_FIELDS, pp, out);
    records(p.categories).forEach((c, j) => unknownFields(c, CATEGORY_FIELDS, `${pp}.categories[${j}]`, out));
    records(p.tiers).forEach((t, j) => unknownFields(t, TIER_FIELDS, `${pp}.tiers[${j}]`, out));
    records(p.criteria).forEach((c, j) => {
      const cp = `${pp}.criteria[${j}]`;
      unknownFields(c, CRITERION_FIELDS, cp, out);
      if (!isRecord(c.when)) return;
      const op = typeof c.when.op === 'string' ? c.when.op : '';
      const fields = CONDITION_FIELDS[op] ?? [];
      // A field of another operator (`values` on `equals`) is suggested as this operator's own field, if close.
      unknownFields(c.when, ['op', ...fields], `${cp}.when`, out, ['op', ...(fields.length > 0 ? fields : ALL_CONDITION_FIELDS)]);
      records(c.when.bands).forEach((b, k) => unknownFields(b, BAND_FIELDS, `${cp}.when.bands[${k}]`, out));
      if (c.points !== undefined && c.role === 'exclude') {
        out.push({ path: `${cp}.points`, message: 'ignored: an exclusion earns no points, it disqualifies the account when it matches' });
      } else if (c.points !== undefined && op === 'bands') {
        out.push({ path: `${cp}.points`, message: 'ignored: a bands criterion earns the points of the band the value falls in' });
      }
    });
  });
  return out;
}
