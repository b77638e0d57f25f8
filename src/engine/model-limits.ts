// The limits of a model, checked first by checkModel: every door (icp check and score, the sidebar's import and save, the stored-model reader) refuses the same models with the same words.

import { grouped } from './number-text';
import { MAX_PATTERN_LENGTH, MAX_PATTERN_STATES } from './pattern';

/**
 * Why limits: a model is shared as a file, so it can be of any size or shape. Past these, checking or scoring it could
 * overflow the stack (JSON.stringify of a 100,000-deep array; a spread of 130,000 criteria) or take minutes, and a
 * spreadsheet could not store it anyway. Each is far above what a real model needs (docs/limits.md lists them).
 */
export const MODEL_LIMITS = {
  /** Characters of the model's compact JSON (as exported and stored): what the hidden model sheet holds. */
  jsonChars: 8_000_000,
  /** Characters of a model file or pasted text before it is parsed (indentation may triple a model's JSON). */
  textChars: 64_000_000,
  /** Levels of nested objects and arrays (a model uses 8: root, profiles, a profile, criteria, a criterion, when, bands, a band). */
  depth: 32,
  profiles: 50,
  categoriesPerProfile: 100,
  criteriaPerProfile: 1_000,
  tiersPerProfile: 50,
  /** Values of an `in` or `contains` criterion. */
  valuesPerCriterion: 10_000,
  bandsPerCriterion: 100,
  patternChars: MAX_PATTERN_LENGTH,
  patternStates: MAX_PATTERN_STATES,
} as const;

export interface LimitIssue {
  segments: (string | number)[];
  message: string;
}

/**
 * The path of the first value nested deeper than MODEL_LIMITS.depth, or undefined. Iterative: a recursive walk is the
 * very stack overflow it guards against.
 */
function tooDeep(input: unknown): (string | number)[] | undefined {
  // Each entry: the value, its depth, and where it sits (the index of its parent entry and its key), so a path is
  // only built for the value that is too deep.
  const values: unknown[] = [input];
  const depths: number[] = [1];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const todo: number[] = [0];
  while (todo.length > 0) {
    const at = todo.pop()!;
    const value = values[at];
    if (value === null || typeof value !== 'object') continue;
    const depth = depths[at]!;
    if (depth > MODEL_LIMITS.depth) {
      const path: (string | number)[] = [];
      for (let k = at; k > 0; k = parents[k]!) path.push(keys[k]!);
      return path.reverse();
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    for (const [key, v] of entries) {
      if (v === null || typeof v !== 'object') continue;
      values.push(v);
      depths.push(depth + 1);
      parents.push(at);
      keys.push(key);
      todo.push(values.length - 1);
    }
  }
  return undefined;
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}

/** The counted limits: each list's length against its limit, at the list's path. */
function countIssues(model: Record<string, unknown>): LimitIssue[] {
  const out: LimitIssue[] = [];
  const count = (list: unknown, path: (string | number)[], limit: number, noun: string, owner: string): void => {
    if (Array.isArray(list) && list.length > limit) {
      out.push({ segments: path, message: `${grouped(list.length)} ${noun}; ${owner} may have at most ${grouped(limit)}` });
    }
  };
  count(model.profiles, ['profiles'], MODEL_LIMITS.profiles, 'profiles', 'a model');
  if (!Array.isArray(model.profiles)) return out;
  model.profiles.forEach((p: unknown, i) => {
    if (typeof p !== 'object' || p === null) return;
    const profile = p as Record<string, unknown>;
    count(profile.categories, ['profiles', i, 'categories'], MODEL_LIMITS.categoriesPerProfile, 'categories', 'a profile');
    count(profile.criteria, ['profiles', i, 'criteria'], MODEL_LIMITS.criteriaPerProfile, 'criteria', 'a profile');
    count(profile.tiers, ['profiles', i, 'tiers'], MODEL_LIMITS.tiersPerProfile, 'tiers', 'a profile');
    // Criteria past the limit are not looked into: the profile is refused already, and 130,000 of them would be slow.
    records(profile.criteria)
      .slice(0, MODEL_LIMITS.criteriaPerProfile)
      .forEach((c, j) => {
        const when = c.when;
        if (typeof when !== 'object' || when === null) return;
        const w = when as Record<string, unknown>;
        count(w.values, ['profiles', i, 'criteria', j, 'when', 'values'], MODEL_LIMITS.valuesPerCriterion, 'values', 'a criterion');
        count(w.bands, ['profiles', i, 'criteria', j, 'when', 'bands'], MODEL_LIMITS.bandsPerCriterion, 'bands', 'a criterion');
      });
  });
  return out;
}

/**
 * The limits a model document breaks, checked before anything else reads it (so no check can overflow or crawl):
 * nesting depth, then the size of its compact JSON, then each list's length. Empty when it keeps them all.
 */
export function limitIssues(input: unknown): LimitIssue[] {
  const deep = tooDeep(input);
  if (deep !== undefined) {
    return [{ segments: deep, message: `nested more than ${MODEL_LIMITS.depth} levels deep; a model needs 8 (profiles, criteria, bands...)` }];
  }
  let chars: number;
  try {
    chars = JSON.stringify(input)?.length ?? 0;
  } catch {
    return [{ segments: [], message: 'not a JSON document (it holds a value JSON cannot write)' }];
  }
  if (chars > MODEL_LIMITS.jsonChars) {
    return [{
      segments: [],
      message: `the model's JSON is ${grouped(chars)} characters; a model may have at most ${grouped(MODEL_LIMITS.jsonChars)} (what a spreadsheet can store): shorten its longest value lists or descriptions`,
    }];
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return countIssues(input as Record<string, unknown>);
}

/** A model text's length against MODEL_LIMITS.textChars, checked before it is parsed. */
export function textLimitIssue(text: string): string | undefined {
  if (text.length <= MODEL_LIMITS.textChars) return undefined;
  return `the text is ${grouped(text.length)} characters; a model file may have at most ${grouped(MODEL_LIMITS.textChars)} (its JSON at most ${grouped(MODEL_LIMITS.jsonChars)})`;
}
