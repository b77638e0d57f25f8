// Checks an ICP model v1 document (zod schema + semantic checks) and reports every problem with its JSON path ("check"; "validate" is back-testing against outcomes).
// zod/mini: the same checks without the classic API's bundled locales (about 400 KB less in the Apps Script bundle).
import * as z from 'zod/mini';
import { ROLES } from './model';
import { limitIssues, textLimitIssue } from './model-limits';
import { finishCheck, formatPath, quote, ROOT_PATH, type ModelCheckResult } from './model-issues';

export { formatIssue, formatPath, isRecord, type ModelIssue, type ModelCheckResult } from './model-issues';

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
  return parsed.success ? finishCheck(input, [], parsed.data) : finishCheck(input, parsed.error.issues);
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
