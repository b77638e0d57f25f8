// Checks an ICP model v1 document (zod schema + semantic checks) and reports every problem with its JSON path ("check"; "validate" is back-testing against outcomes).
// zod/mini: the same checks without the classic API's bundled locales (about 400 KB less in the Apps Script bundle).
import * as z from 'zod/mini';
import { DEFAULT_DISQUALIFIED_LABEL, OPERATOR_NAMES, profileKey, ROLES, type Model } from './model';
import { checkPattern, PatternError } from './pattern-syntax';
import { limitIssues, textLimitIssue } from './model-limits';

/** One problem found in a model document. */
export interface ModelIssue {
  /** JSON path like `profiles[0].criteria[2].when.min`; `(root)` for the document itself. */
  path: string;
  /** Short human reason, e.g. `expected a number, got text "abc"`. */
  message: string;
}

export type ModelCheckResult = { ok: true; model: Model } | { ok: false; issues: ModelIssue[] };

/** `profiles[0].criteria[2].when.min: expected a number`. */
export function formatIssue(i: ModelIssue): string {
  return `${i.path}: ${i.message}`;
}

type Segment = string | number;

interface RawIssue {
  segments: Segment[];
  message: string;
}

const ROOT_PATH = '(root)';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders path segments as `profiles[0].criteria[2].when.min`. */
export function formatPath(segments: readonly Segment[]): string {
  if (segments.length === 0) return ROOT_PATH;
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schema: shapes, types and local constraints. Objects are loose (unknown fields are kept).
// ---------------------------------------------------------------------------------------------

const text = z.string();
const nonEmptyText = z.string().check(z.refine((s) => s.trim() !== '', { message: 'must not be empty' }));
const num = z.number();
// Points and weights are small numbers in practice; past a million, sums of them can overflow to Infinity and the
// score becomes NaN, so the bound is generous and still safe.
const MAX_POINTS = 1_000_000;
const points = z.number().check(z.gte(-MAX_POINTS), z.lte(MAX_POINTS));
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const scalarList = z.array(scalar).check(z.minLength(1));

const bandSchema = z.looseObject({
  min: z.optional(num),
  max: z.optional(num),
  points,
  label: z.optional(text),
});

const conditionSchema = z.discriminatedUnion('op', [
  z.looseObject({ op: z.literal('equals'), value: scalar }),
  z.looseObject({ op: z.literal('in'), values: scalarList }),
  z.looseObject({ op: z.literal('contains'), values: scalarList }),
  z.looseObject({ op: z.literal('between'), min: z.optional(num), max: z.optional(num) }),
  z.looseObject({ op: z.literal('gte'), value: num }),
  z.looseObject({ op: z.literal('lte'), value: num }),
  z.looseObject({ op: z.literal('bands'), bands: z.array(bandSchema).check(z.minLength(1)) }),
  z.looseObject({ op: z.literal('isTrue') }),
  z.looseObject({ op: z.literal('notBlank') }),
  z.looseObject({ op: z.literal('withinDays'), days: z.number().check(z.gte(0)) }),
  z.looseObject({ op: z.literal('matches'), pattern: text, flags: z.optional(text) }),
]);

const criterionSchema = z.looseObject({
  id: nonEmptyText,
  label: z.optional(text),
  category: nonEmptyText,
  column: nonEmptyText,
  when: conditionSchema,
  points: z.optional(points),
  role: z.optional(z.enum(ROLES as readonly ['score', 'must', 'exclude'])),
  description: z.optional(text),
});

const categorySchema = z.looseObject({
  id: nonEmptyText,
  label: z.optional(text),
  weight: z.number().check(z.gte(0), z.lte(MAX_POINTS)),
});

const tierSchema = z.looseObject({
  label: nonEmptyText,
  min: z.number().check(z.gte(0), z.lte(100)),
  color: z.optional(text),
});

const profileSchema = z.looseObject({
  name: nonEmptyText,
  description: z.optional(text),
  categories: z.array(categorySchema),
  criteria: z.array(criterionSchema),
  tiers: z.array(tierSchema).check(z.minLength(1)),
  disqualifiedLabel: z.optional(nonEmptyText),
});

const modelSchema = z.looseObject({
  schemaVersion: z.literal(1),
  profiles: z.array(profileSchema).check(z.minLength(1)),
  defaultProfile: z.optional(text),
});

/**
 * The fields the format defines on each kind of object, read off the schemas above: the warnings about any other field
 * (model-warnings.ts) can never disagree with what checking reads.
 */
export const FORMAT_FIELDS = {
  model: Object.keys(modelSchema.shape),
  profile: Object.keys(profileSchema.shape),
  category: Object.keys(categorySchema.shape),
  criterion: Object.keys(criterionSchema.shape),
  tier: Object.keys(tierSchema.shape),
  band: Object.keys(bandSchema.shape),
  /** Per operator, its fields besides `op`. */
  condition: Object.fromEntries(
    conditionSchema._zod.def.options.map((o) => [String(o.shape.op._zod.def.values[0]), Object.keys(o.shape).filter((k) => k !== 'op')]),
  ) as Record<string, string[]>,
};

// ---------------------------------------------------------------------------------------------
// Readable messages for zod issues.
// ---------------------------------------------------------------------------------------------

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isRecord(cur) && typeof s === 'string') cur = Object.prototype.hasOwnProperty.call(cur, s) ? cur[s] : undefined;
    else return undefined;
  }
  return cur;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
}

/** How a value reads in a message: `text "abc"`, `12`, `true`, `null`, `a list`, `an object`. */
function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return v.trim() === '' ? 'empty text' : `text ${quote(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return 'true/false';
    case 'array': return 'a list';
    case 'object': return 'an object';
    default: return `a ${expected}`;
  }
}

function joinAlternatives(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** "expected X, got Y", or "missing; expected X" when the field is absent. */
function expectedGot(expected: string, value: unknown): string {
  if (value === undefined) return `missing; expected ${expected}`;
  if (expected === 'a number' && typeof value === 'number') return `expected a finite number, got ${String(value)}`;
  return `expected ${expected}, got ${describeValue(value)}`;
}

const LIST_NOUNS: Record<string, string> = { profiles: 'profile', tiers: 'tier', values: 'value', bands: 'band' };

function suggestOperator(op: string): string {
  const lower = op.toLowerCase();
  const hit = OPERATOR_NAMES.find((name) => {
    const n = name.toLowerCase();
    return n === lower || (lower.length >= 3 && (n.startsWith(lower) || lower.startsWith(n)));
  });
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}

function zodIssueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  const last = issue.path[issue.path.length - 1];
  const key = typeof last === 'string' ? last : '';
  switch (issue.code) {
    case 'invalid_type':
      return expectedGot(expectedName(issue.expected), value);
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const valid = OPERATOR_NAMES.join(', ');
        if (value === undefined) return `missing; expected one of ${valid}`;
        if (typeof value === 'string') return `unknown operator ${quote(value)}${suggestOperator(value)}; expected one of ${valid}`;
        return `unknown operator ${describeValue(value)}; expected one of ${valid}`;
      }
      const names: string[] = [];
      for (const branch of issue.errors) {
        const first = branch[0];
        if (first !== undefined && first.code === 'invalid_type' && first.path.length === 0) {
          const name = expectedName(first.expected);
          if (!names.includes(name)) names.push(name);
        }
      }
      return names.length > 0 ? expectedGot(joinAlternatives(names), value) : `invalid value ${describeValue(value)}`;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
      if (key === 'schemaVersion') {
        return value === undefined ? 'missing; expected 1' : `unsupported schemaVersion ${describeValue(value)}; expected 1`;
      }
      if (value === undefined) return `missing; expected one of ${options.join(', ')}`;
      const shown = typeof value === 'string' ? quote(value) : describeValue(value);
      return `unknown ${key === '' ? 'value' : key} ${shown}; expected one of ${options.join(', ')}`;
    }
    case 'too_small':
      if (issue.origin === 'array') {
        const noun = LIST_NOUNS[key];
        return noun === undefined ? 'must not be empty' : `must not be empty; at least one ${noun} is required`;
      }
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}, got ${describeValue(value)}`;
      return 'too short';
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}, got ${describeValue(value)}`;
      return 'too long';
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

// ---------------------------------------------------------------------------------------------
// Semantic checks: run over the raw input, defensively, so they add to (never repeat) zod's issues.
// ---------------------------------------------------------------------------------------------

const VALID_FLAGS = 'imsu';
const COLOR = /^#[0-9a-fA-F]{6}$/;

function nonBlankString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

class Checker {
  readonly issues: RawIssue[] = [];

  add(segments: Segment[], message: string): void {
    this.issues.push({ segments, message });
  }

  model(input: unknown): void {
    if (!isRecord(input) || !Array.isArray(input.profiles)) return;
    const profiles: unknown[] = input.profiles;
    const seen = new Map<string, number>();
    profiles.forEach((p, i) => {
      if (!isRecord(p)) return;
      if (nonBlankString(p.name)) {
        // The key CompiledModel.profile() finds a profile by: two names that differ in spaces alone are one name.
        const k = profileKey(p.name);
        const first = seen.get(k);
        if (first === undefined) seen.set(k, i);
        else this.add(['profiles', i, 'name'], `duplicate profile name ${quote(p.name)} (also ${formatPath(['profiles', first])})`);
      }
      this.profile(p, ['profiles', i]);
    });
    const def = input.defaultProfile;
    if (typeof def === 'string') {
      const names = profiles.flatMap((p) => (isRecord(p) && typeof p.name === 'string' ? [p.name] : []));
      if (!names.includes(def)) {
        const near = names.find((n) => n.trim().toLowerCase() === def.trim().toLowerCase());
        const hint = near === undefined ? `; profiles are ${names.map(quote).join(', ')}` : ` (did you mean ${quote(near)}?)`;
        this.add(['defaultProfile'], `${quote(def)} does not name a profile${names.length > 0 ? hint : ''}`);
      }
    }
  }

  profile(p: Record<string, unknown>, at: Segment[]): void {
    const categoryIds = Array.isArray(p.categories) ? this.categories(p.categories, [...at, 'categories']) : undefined;
    if (Array.isArray(p.criteria)) {
      const seen = new Map<string, number>();
      p.criteria.forEach((c: unknown, k: number) => {
        if (!isRecord(c)) return;
        const cAt = [...at, 'criteria', k];
        if (nonBlankString(c.id)) {
          const first = seen.get(c.id);
          if (first === undefined) seen.set(c.id, k);
          else this.add([...cAt, 'id'], `duplicate criterion id ${quote(c.id)} (also ${formatPath([...at, 'criteria', first])})`);
        }
        this.criterion(c, cAt, categoryIds);
      });
      if (Array.isArray(p.categories)) this.scoringWeights(p.categories, p.criteria, [...at, 'categories']);
    }
    const disqualified = nonBlankString(p.disqualifiedLabel) ? p.disqualifiedLabel : DEFAULT_DISQUALIFIED_LABEL;
    if (Array.isArray(p.tiers)) this.tiers(p.tiers, [...at, 'tiers'], disqualified);
  }

  /** Checks the categories and returns their ids (for criterion references). */
  categories(categories: unknown[], at: Segment[]): string[] {
    const ids: string[] = [];
    const seen = new Map<string, number>();
    categories.forEach((c, j) => {
      if (!isRecord(c) || typeof c.id !== 'string') return;
      ids.push(c.id);
      if (c.id.trim() === '') return;
      const first = seen.get(c.id);
      if (first === undefined) seen.set(c.id, j);
      else this.add([...at, j, 'id'], `duplicate category id ${quote(c.id)} (also ${formatPath([...at, first])})`);
    });
    const allZero = categories.length > 0 && categories.every((c) => isRecord(c) && c.weight === 0);
    if (allZero) this.add(at, 'all category weights are 0; at least one must be positive');
    return ids;
  }

  /**
   * A score counts only the categories that have criteria earning points; when all of those weigh 0 (the only
   * category with criteria set to 0 %), every account scores 0 whatever it holds. Checked only when all weights are
   * not 0, which is reported on its own.
   */
  scoringWeights(categories: unknown[], criteria: unknown[], at: Segment[]): void {
    const used = new Set<unknown>();
    for (const c of criteria) if (isRecord(c) && c.role !== 'exclude') used.add(c.category);
    const scoring = categories.filter((c): c is Record<string, unknown> => isRecord(c) && used.has(c.id));
    if (scoring.length === 0 || !scoring.every((c) => c.weight === 0)) return;
    if (!categories.some((c) => isRecord(c) && typeof c.weight === 'number' && c.weight > 0)) return;
    const names = scoring.map((c) => quote(String(c.id))).join(', ');
    this.add(at, `every category with criteria that earn points (${names}) has weight 0, so every account would score 0; give ${scoring.length === 1 ? 'it' : 'one of them'} a positive weight`);
  }

  criterion(c: Record<string, unknown>, at: Segment[], categoryIds: string[] | undefined): void {
    if (categoryIds !== undefined && nonBlankString(c.category) && !categoryIds.includes(c.category)) {
      const category = c.category;
      const near = categoryIds.find((id) => id.toLowerCase() === category.toLowerCase());
      const hint = near !== undefined
        ? ` (did you mean ${quote(near)}?)`
        : categoryIds.length > 0 ? `; expected one of ${categoryIds.join(', ')}` : '';
      this.add([...at, 'category'], `category ${quote(category)} does not exist in this profile's categories${hint}`);
    }
    const role = c.role === undefined ? 'score' : c.role;
    const when = c.when;
    const op = isRecord(when) ? when.op : undefined;
    const knownOp = typeof op === 'string' && (OPERATOR_NAMES as readonly string[]).includes(op);
    if ((role === 'score' || role === 'must') && knownOp && op !== 'bands' && c.points === undefined) {
      this.add([...at, 'points'], `missing; a ${role} criterion needs points (only the bands operator takes its points from the bands)`);
    }
    if (isRecord(when) && knownOp) this.condition(when, [...at, 'when']);
  }

  condition(when: Record<string, unknown>, at: Segment[]): void {
    switch (when.op) {
      case 'between':
        this.range(when, at, 'between needs min, max or both');
        break;
      case 'bands':
        if (Array.isArray(when.bands)) {
          when.bands.forEach((b: unknown, j: number) => {
            if (isRecord(b)) this.range(b, [...at, 'bands', j], 'a band needs min, max or both');
          });
        }
        break;
      case 'matches':
        this.regex(when, at);
        break;
      case 'equals':
        // A blank never matches (PRODUCT.md), so empty text would be a criterion that can never earn or knock out.
        if (typeof when.value === 'string' && when.value.trim() === '') {
          this.add([...at, 'value'], 'must not be empty: a blank cell never matches; use notBlank to test that a value is present');
        }
        break;
      case 'in':
      case 'contains':
        if (Array.isArray(when.values) && when.values.length > 0 && when.values.every((v) => typeof v === 'string' && v.trim() === '')) {
          this.add([...at, 'values'], 'has only empty values, which never match; add a value');
        }
        break;
      default:
        break;
    }
  }

  range(r: Record<string, unknown>, at: Segment[], missingMessage: string): void {
    if (r.min === undefined && r.max === undefined) this.add(at, missingMessage);
    else if (typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) {
      this.add([...at, 'min'], `min ${r.min} is greater than max ${r.max}`);
    }
  }

  regex(when: Record<string, unknown>, at: Segment[]): void {
    let flags = '';
    if (typeof when.flags === 'string') {
      const bad = [...when.flags].filter((f) => !VALID_FLAGS.includes(f));
      const repeated = [...when.flags].filter((f, i, all) => all.indexOf(f) !== i);
      if (bad.length > 0) {
        const list = [...new Set(bad)].map((f) => quote(f)).join(', ');
        this.add([...at, 'flags'], `unsupported flag${bad.length > 1 ? 's' : ''} ${list}; flags may only use i, m, s, u`);
      } else if (repeated.length > 0) {
        this.add([...at, 'flags'], `flag ${quote(repeated[0] ?? '')} is repeated`);
      } else {
        flags = when.flags;
      }
    }
    if (typeof when.pattern !== 'string') return;
    try {
      new RegExp(when.pattern, flags);
      // The subset every door runs in bounded time (pattern.ts), flags as the operator adds them.
      checkPattern(when.pattern, [...new Set(`${flags}i`)].join(''));
    } catch (e) {
      if (e instanceof PatternError) {
        this.add([...at, 'pattern'], `not supported: ${e.message}`);
        return;
      }
      const reason = (e instanceof Error ? e.message : String(e)).replace(/^invalid regular expression:\s*/i, '');
      this.add([...at, 'pattern'], `invalid regular expression: ${reason}`);
    }
  }

  tiers(tiers: unknown[], at: Segment[], disqualifiedLabel: string): void {
    const seen = new Map<string, number>();
    tiers.forEach((t, j) => {
      if (!isRecord(t)) return;
      if (nonBlankString(t.label)) {
        const k = t.label.trim().toLowerCase();
        if (k === disqualifiedLabel.trim().toLowerCase()) {
          this.add([...at, j, 'label'], `${quote(t.label)} is the disqualified label too; a knock-out would look like this tier`);
        }
        const first = seen.get(k);
        if (first === undefined) seen.set(k, j);
        else this.add([...at, j, 'label'], `duplicate tier label ${quote(t.label)} (also ${formatPath([...at, first])})`);
      }
      if (typeof t.color === 'string' && !COLOR.test(t.color)) {
        this.add([...at, j, 'color'], `expected a colour like "#1a73e8", got ${describeValue(t.color)}`);
      }
    });
    const mins = tiers.map((t) => (isRecord(t) ? t.min : undefined));
    // Two tiers with one minimum: tierFor gives the score to one of them, and the other is never given.
    const firstWithMin = new Map<number, number>();
    mins.forEach((m, j) => {
      if (typeof m !== 'number') return;
      const first = firstWithMin.get(m);
      if (first === undefined) firstWithMin.set(m, j);
      else this.add([...at, j, 'min'], `same min as ${formatPath([...at, first])} (${m}); each tier needs its own minimum, or one of them is never given`);
    });
    const allNumeric = mins.every((m): m is number => typeof m === 'number' && Number.isFinite(m));
    if (tiers.length > 0 && allNumeric && !mins.some((m) => (m as number) <= 0)) {
      this.add(at, 'no tier covers a score of 0; add a tier with min 0');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Issue ordering: document order (array indexes numerically, keys in the format's field order).
// ---------------------------------------------------------------------------------------------

const KEY_ORDER = [
  'schemaVersion', 'defaultProfile', 'profiles', 'name', 'description', 'categories', 'criteria', 'tiers',
  'disqualifiedLabel', 'id', 'label', 'category', 'column', 'role', 'when', 'points', 'weight', 'op', 'value',
  'values', 'min', 'max', 'bands', 'days', 'pattern', 'flags', 'color',
];

function keyRank(k: string): number {
  const i = KEY_ORDER.indexOf(k);
  return i === -1 ? KEY_ORDER.length : i;
}

function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'string' && typeof y === 'string') {
      const d = keyRank(x) - keyRank(y);
      return d !== 0 ? d : x < y ? -1 : 1;
    }
    return typeof x === 'number' ? -1 : 1;
  }
  return a.length - b.length;
}

function toSegments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

// ---------------------------------------------------------------------------------------------
// Public API.
// ---------------------------------------------------------------------------------------------

/** Checks a model document (already parsed from JSON); on success returns it typed, unchanged, with no defaults filled in. */
export function checkModel(input: unknown): ModelCheckResult {
  // Limits first: past them the checks below could overflow the stack or crawl (model-limits.ts).
  const beyond = limitIssues(input);
  if (beyond.length > 0) return { ok: false, issues: beyond.map((b) => ({ path: formatPath(b.segments), message: b.message })) };
  return checkModelWithinLimits(input);
}

/**
 * checkModel without the limits, for a document known to be within them: the editor's draft, checked as the user types
 * (its import and save go through the server's checkModel, limits included). Keeps the sidebar's bundle in its 120 KB.
 */
export function checkModelWithinLimits(input: unknown): ModelCheckResult {
  const parsed = modelSchema.safeParse(input);
  const raw: RawIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ segments: toSegments(issue.path), message: zodIssueMessage(issue, input) }));
  const checker = new Checker();
  checker.model(input);
  const all = [...raw, ...checker.issues];
  if (parsed.success && all.length === 0) return { ok: true, model: parsed.data };
  all.sort((a, b) => compareSegments(a.segments, b.segments));
  const issues: ModelIssue[] = [];
  const seen = new Set<string>();
  for (const r of all) {
    const issue = { path: formatPath(r.segments), message: r.message };
    const k = formatIssue(issue);
    if (seen.has(k)) continue;
    seen.add(k);
    issues.push(issue);
  }
  return { ok: false, issues };
}

/** Parses model JSON text and checks it; a syntax error is reported at `(root)` with its line and column. */
export function parseModelJson(text: string): ModelCheckResult {
  const tooLong = textLimitIssue(text);
  if (tooLong !== undefined) return { ok: false, issues: [{ path: ROOT_PATH, message: tooLong }] };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return { ok: false, issues: [{ path: ROOT_PATH, message: describeJsonError(source, e) }] };
  }
  return checkModel(data);
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors: locate the first error ourselves (engines word and position them differently).
// ---------------------------------------------------------------------------------------------

interface SyntaxProblem {
  offset: number;
  reason: string;
}

class JsonSyntaxError extends Error {
  constructor(readonly offset: number, reason: string) {
    super(reason);
  }
}

function describeJsonError(source: string, e: unknown): string {
  if (source.trim() === '') return 'invalid JSON: the text is empty';
  const problem = findJsonSyntaxError(source);
  if (problem === undefined) {
    const reason = e instanceof Error ? e.message : String(e);
    return `invalid JSON: ${reason}`;
  }
  const { line, column } = lineColumn(source, problem.offset);
  return `invalid JSON at line ${line}, column ${column}: ${problem.reason}`;
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A strict RFC 8259 scanner that reports where (and why) the first syntax error is, or undefined if none. */
function findJsonSyntaxError(source: string): SyntaxProblem | undefined {
  let pos = 0;

  const fail = (reason: string, at = pos): never => {
    throw new JsonSyntaxError(at, reason);
  };
  const describeHere = (): string => (pos >= source.length ? 'the end of the text' : quote(source[pos] ?? ''));
  const unexpected = (): string => (pos >= source.length ? 'unexpected end of text' : `unexpected ${quote(source[pos] ?? '')}`);
  const ws = (): void => {
    while (pos < source.length && ' \t\n\r'.includes(source[pos] ?? '')) pos++;
  };
  const word = (w: string): void => {
    if (source.startsWith(w, pos)) pos += w.length;
    else fail(`unexpected ${quote(source.slice(pos, pos + w.length))}; expected ${w} (or a value in double quotes)`);
  };
  const string = (): void => {
    pos++; // opening quote
    for (;;) {
      if (pos >= source.length) fail('unterminated string');
      const ch = source[pos] ?? '';
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch.charCodeAt(0) < 0x20) fail('line break or control character inside a string (use \\n)');
      if (ch === '\\') {
        const esc = source[pos + 1] ?? '';
        if ('"\\/bfnrt'.includes(esc) && esc !== '') pos += 2;
        else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(pos + 2, pos + 6))) pos += 6;
        else fail(`invalid escape ${quote(`\\${esc}`)} in string`);
      } else {
        pos++;
      }
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(pos));
    if (m === null) fail(`${unexpected()}; expected a value`);
    else pos += m[0].length;
    if (pos < source.length && /[0-9.eE+-]/.test(source[pos] ?? '')) fail('invalid number');
  };
  const value = (): void => {
    ws();
    const ch = source[pos];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') word('true');
    else if (ch === 'f') word('false');
    else if (ch === 'n') word('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(`${unexpected()}; expected a value`);
  };
  const object = (): void => {
    pos++;
    ws();
    if (source[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      ws();
      if (source[pos] !== '"') {
        const trailing = source[pos] === '}' ? ' (trailing commas are not allowed)' : '';
        fail(`expected a property name in double quotes, got ${describeHere()}${trailing}`);
      }
      string();
      ws();
      if (source[pos] !== ':') fail(`expected ":" after the property name, got ${describeHere()}`);
      pos++;
      value();
      ws();
      if (source[pos] === ',') {
        pos++;
        continue;
      }
      if (source[pos] === '}') {
        pos++;
        return;
      }
      fail(`expected "," or "}" after a property value, got ${describeHere()}`);
    }
  };
  const array = (): void => {
    pos++;
    ws();
    if (source[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      ws();
      if (source[pos] === ']') fail('unexpected "]" (trailing commas are not allowed)');
      value();
      ws();
      if (source[pos] === ',') {
        pos++;
        continue;
      }
      if (source[pos] === ']') {
        pos++;
        return;
      }
      fail(`expected "," or "]" after a list item, got ${describeHere()}`);
    }
  };

  try {
    value();
    ws();
    if (pos < source.length) fail(`${unexpected()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    // Anything else (e.g. a stack overflow on absurd nesting) falls back to the engine's own message.
    return e instanceof JsonSyntaxError ? { offset: e.offset, reason: e.message } : undefined;
  }
}
