// What a model check reports, shared by model-check.ts (zod, on the server and the CLI) and model-check-lite.ts (the sidebar):
// the readable message of each shape issue, the semantic checks, document order and de-duplication.
import type * as z from 'zod/mini';
import { DEFAULT_DISQUALIFIED_LABEL, OPERATOR_NAMES, profileKey, type Model } from './model';
import { checkPattern, PatternError } from './pattern-syntax';

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

export const ROOT_PATH = '(root)';
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

export function quote(s: string): string {
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

/** An issue of the model's shape, as zod reports it (model-check-lite.ts reports the same fields). */
export type ShapeIssue = z.core.$ZodIssue;

function shapeIssueMessage(issue: ShapeIssue, input: unknown): string {
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

/**
 * The result of checking `input`, given the issues its shape check found (none when `data`, the checked document, is
 * given): adds the semantic checks, then sorts into document order and drops repeats.
 */
export function finishCheck(input: unknown, shapeIssues: readonly ShapeIssue[], data?: Model): ModelCheckResult {
  const raw: RawIssue[] = shapeIssues.map((issue) => ({ segments: toSegments(issue.path), message: shapeIssueMessage(issue, input) }));
  const checker = new Checker();
  checker.model(input);
  const all = [...raw, ...checker.issues];
  if (data !== undefined && all.length === 0) return { ok: true, model: data };
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
