// The limits of a model, checked first by checkModel: every door (icp check and score, the sidebar's import and save, the stored-model reader) refuses the same models with the same words.

import { grouped } from './number-text';
import { MAX_PATTERN_LENGTH, MAX_PATTERN_STATES } from './pattern-syntax';

/**
 * Why limits: a model is shared as a file, so it can be of any size or shape. Past these, checking or scoring it could
 * overflow the stack (JSON.stringify of a 100,000-deep array; a spread of 130,000 criteria) or take minutes, and a
 * spreadsheet could not store it anyway. Each is far above what a real model needs (docs/limits.md lists them).
 */
// One constant each (minified to a letter in the sidebar's bundle, which has a 120 KB budget), gathered in MODEL_LIMITS.
/** Characters of the model's compact JSON (as exported and stored): what the hidden model sheet holds. */
const JSON_CHARS = 8_000_000;
/** Characters of a model file or pasted text before it is parsed (indentation may triple a model's JSON). */
const TEXT_CHARS = 64_000_000;
/** Levels of nested objects and arrays (a model uses 8: root, profiles, a profile, criteria, a criterion, when, bands, a band). */
const DEPTH = 32;
const PROFILES = 50;
const CATEGORIES = 100;
const CRITERIA = 1_000;
const TIERS = 50;
/** Values of an `in` or `contains` criterion. */
const VALUES = 10_000;
const BANDS = 100;

export const MODEL_LIMITS = {
  jsonChars: JSON_CHARS,
  textChars: TEXT_CHARS,
  depth: DEPTH,
  profiles: PROFILES,
  categoriesPerProfile: CATEGORIES,
  criteriaPerProfile: CRITERIA,
  tiersPerProfile: TIERS,
  valuesPerCriterion: VALUES,
  bandsPerCriterion: BANDS,
  patternChars: MAX_PATTERN_LENGTH,
  patternStates: MAX_PATTERN_STATES,
} as const;

export interface LimitIssue {
  segments: (string | number)[];
  message: string;
}

/** A place in the document: its key and the place of its parent, so a path is built only for the value too deep. */
interface Place {
  key: string | number;
  up: Place | null;
}

/**
 * The path of the first value nested deeper than DEPTH, or undefined. Iterative: a recursive walk is the
 * very stack overflow it guards against.
 */
function tooDeep(input: unknown): (string | number)[] | undefined {
  const todo: [unknown, number, Place | null][] = [[input, 1, null]];
  for (let item = todo.pop(); item !== undefined; item = todo.pop()) {
    const [value, depth, place] = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth > DEPTH) {
      const path: (string | number)[] = [];
      for (let p = place; p !== null; p = p.up) path.unshift(p.key);
      return path;
    }
    for (const key of Object.keys(value).reverse()) {
      todo.push([(value as Record<string, unknown>)[key], depth + 1, { key: Array.isArray(value) ? Number(key) : key, up: place }]);
    }
  }
  return undefined;
}

/** The counted limits: each list's length against its limit, at the list's path. */
function countIssues(model: Record<string, unknown>): LimitIssue[] {
  const out: LimitIssue[] = [];
  const count = (owner: Record<string, unknown>, field: string, path: (string | number)[], limit: number, of: string): void => {
    const list = owner[field];
    if (Array.isArray(list) && list.length > limit) {
      out.push({ segments: [...path, field], message: `${grouped(list.length)} ${field}; ${of} may have at most ${grouped(limit)}` });
    }
  };
  count(model, 'profiles', [], PROFILES, 'a model');
  recordsOf(model.profiles).forEach(([profile, i]) => {
    const at = ['profiles', i];
    count(profile, 'categories', at, CATEGORIES, 'a profile');
    count(profile, 'criteria', at, CRITERIA, 'a profile');
    count(profile, 'tiers', at, TIERS, 'a profile');
    // Criteria past the limit are not looked into: the profile is refused already, and 130,000 of them would be slow.
    recordsOf(profile.criteria, CRITERIA).forEach(([c, j]) => {
      const when = recordsOf([c.when])[0]?.[0];
      if (when === undefined) return;
      count(when, 'values', [...at, 'criteria', j, 'when'], VALUES, 'a criterion');
      count(when, 'bands', [...at, 'criteria', j, 'when'], BANDS, 'a criterion');
    });
  });
  return out;
}

/** The objects of a list (at most `limit` of them) with their indexes. */
function recordsOf(list: unknown, limit = Infinity): [Record<string, unknown>, number][] {
  const out: [Record<string, unknown>, number][] = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length && i < limit; i++) {
    const v: unknown = list[i];
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) out.push([v as Record<string, unknown>, i]);
  }
  return out;
}

/**
 * The limits a model document breaks, checked before anything else reads it (so no check can overflow or crawl):
 * nesting depth, then the size of its compact JSON, then each list's length. Empty when it keeps them all.
 */
export function limitIssues(input: unknown): LimitIssue[] {
  const deep = tooDeep(input);
  if (deep !== undefined) {
    return [{ segments: deep, message: `nested more than ${DEPTH} levels deep; a model needs 8` }];
  }
  let chars: number;
  try {
    chars = JSON.stringify(input)?.length ?? 0;
  } catch {
    return [{ segments: [], message: 'not a JSON document' }];
  }
  if (chars > JSON_CHARS) {
    return [{
      segments: [],
      message: `the model's JSON is ${grouped(chars)} characters; a model may have at most ${grouped(JSON_CHARS)} (what a spreadsheet can store): shorten its longest value lists or descriptions`,
    }];
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return countIssues(input as Record<string, unknown>);
}

/** A model text's length against TEXT_CHARS, checked before it is parsed. */
export function textLimitIssue(text: string): string | undefined {
  if (text.length <= TEXT_CHARS) return undefined;
  return `the text is ${grouped(text.length)} characters; a model file may have at most ${grouped(TEXT_CHARS)} (its JSON at most ${grouped(JSON_CHARS)})`;
}
