// Warnings on a valid model: fields the format does not know (a misspelt `disqualifedLabel`) and settings that do nothing.

import { FORMAT_FIELDS, formatPath, isRecord, type ModelIssue } from './model-check';

// The format allows new optional fields (PRODUCT.md: "new optional fields may be added"), so an unknown field is never
// an error; but a misspelt optional one is silently ignored, and the user would never learn why their label is not used.
// `$schema` is what JSON editors add to point at a schema: not the model's, and not a mistake.
const ROOT_FIELDS = [...FORMAT_FIELDS.model, '$schema'];
const ALL_CONDITION_FIELDS = [...new Set(Object.values(FORMAT_FIELDS.condition).flat())];

type Json = Record<string, unknown>;
type Path = (string | number)[];

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

function unknownFields(obj: Json, known: readonly string[], at: Path, out: ModelIssue[], suggestFrom = known): void {
  for (const name of Object.keys(obj)) {
    if (known.includes(name)) continue;
    const guess = closest(name, suggestFrom);
    out.push({
      path: formatPath([...at, name]),
      message: guess === undefined ? 'unknown field, ignored' : `unknown field, ignored (did you mean "${guess}"?)`,
    });
  }
}

/** Items after the first with a label already used (case and spaces ignored): a valid model, but a confusing one. */
function sameLabels(items: Json[], labelOf: (item: Json) => unknown, at: Path, why: string, out: ModelIssue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, j) => {
    const label = labelOf(item);
    if (typeof label !== 'string' || label.trim() === '') return;
    const key = label.trim().replace(/\s+/g, ' ').toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, j);
    else out.push({ path: formatPath([...at, j, item.label === undefined ? 'id' : 'label']), message: `the same label as ${at[at.length - 1]}[${earlier}] ("${label.trim()}"): ${why}` });
  });
}

/**
 * Fields of a valid model that the ICP model v1 format does not define, and settings that have no effect: `points` on
 * an exclusion (it only disqualifies) or next to `bands` (each band has its own), and two categories or two criteria of
 * a profile with the same label. (A `matches` pattern cannot run for long: pattern.ts runs every accepted one in
 * bounded time, so nested repetitions need no warning.) Never errors: the
 * model still works.
 */
export function modelWarnings(model: unknown): ModelIssue[] {
  const out: ModelIssue[] = [];
  if (!isRecord(model)) return out;
  unknownFields(model, ROOT_FIELDS, [], out);
  records(model.profiles).forEach((p, i) => {
    const pp: Path = ['profiles', i];
    unknownFields(p, FORMAT_FIELDS.profile, pp, out);
    records(p.categories).forEach((c, j) => unknownFields(c, FORMAT_FIELDS.category, [...pp, 'categories', j], out));
    sameLabels(records(p.categories), (c) => c.label ?? c.id, [...pp, 'categories'], 'the editor and the weights cannot tell them apart', out);
    sameLabels(records(p.criteria), (c) => c.label ?? c.id, [...pp, 'criteria'], 'explanations cannot tell them apart', out);
    records(p.tiers).forEach((t, j) => unknownFields(t, FORMAT_FIELDS.tier, [...pp, 'tiers', j], out));
    records(p.criteria).forEach((c, j) => {
      const cp: Path = [...pp, 'criteria', j];
      unknownFields(c, FORMAT_FIELDS.criterion, cp, out);
      if (!isRecord(c.when)) return;
      const op = typeof c.when.op === 'string' ? c.when.op : '';
      const fields = FORMAT_FIELDS.condition[op] ?? [];
      // A field of another operator (`values` on `equals`) is suggested as this operator's own field, if close.
      unknownFields(c.when, ['op', ...fields], [...cp, 'when'], out, ['op', ...(fields.length > 0 ? fields : ALL_CONDITION_FIELDS)]);
      records(c.when.bands).forEach((b, k) => unknownFields(b, FORMAT_FIELDS.band, [...cp, 'when', 'bands', k], out));
      if (c.points !== undefined && c.role === 'exclude') {
        out.push({ path: formatPath([...cp, 'points']), message: 'ignored: an exclusion earns no points, it disqualifies the account when it matches' });
      } else if (c.points !== undefined && op === 'bands') {
        out.push({ path: formatPath([...cp, 'points']), message: 'ignored: a bands criterion earns the points of the band the value falls in' });
      }
    });
  });
  return out;
}
