// Spots regular expressions that can take exponential time on some cells: a repeated group that itself repeats.

/** Why such a pattern is worth changing, for the editor and for model warnings. */
export const SLOW_PATTERN_WARNING =
  'a repeated group holds something that repeats too (as in (a+)+): on some cells such a pattern runs for minutes, and Sheets stops a formula after 30 s; repeat once instead (a+)';

/**
 * True when `pattern` has a group quantified with `+`, `*` or `{n,}` whose contents are themselves quantified that way,
 * as in `(a+)+`, `(\w*,)*` or `(?:x|y+){2,}`: on text that almost matches, a backtracking engine (JavaScript's) tries
 * every way of splitting it between the two repetitions, and one cell of 30 characters can take minutes. Sheets stops
 * a custom function after 30 s. A heuristic (the "star height" test of tools such as safe-regex): it can miss a slow
 * alternation (`(a|a)*`), and a flagged pattern may be fine on the data it meets; it is a warning, never an error.
 */
export function hasNestedRepetition(pattern: string): boolean {
  // Per open group: does anything inside it repeat?
  const groups: boolean[] = [];
  let repeatedInside = false;
  let i = 0;
  const n = pattern.length;
  /** Whether a quantifier of varying count (`+`, `*`, `{n,}`, `{n,m}` with m > n) starts at j; `{3}` is a fixed length. */
  const repeatsAt = (j: number): boolean => {
    const c = pattern[j];
    if (c === '+' || c === '*') return true;
    if (c !== '{') return false;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(j));
    if (m === null) return false;
    if (m[2] === undefined) return false;
    return m[3] === '' || Number(m[3]) > Number(m[1]);
  };
  while (i < n) {
    const c = pattern[i];
    if (c === '\\') {
      i += 2;
      if (repeatsAt(i)) repeatedInside = true;
      continue;
    }
    if (c === '[') {
      // A class: quantifier characters inside it are literal; `]` right after `[` or `[^` is part of it.
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < n && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      if (repeatsAt(i)) repeatedInside = true;
      continue;
    }
    if (c === '(') {
      groups.push(repeatedInside);
      repeatedInside = false;
      i++;
      continue;
    }
    if (c === ')') {
      const inner = repeatedInside;
      repeatedInside = groups.pop() ?? false;
      i++;
      if (repeatsAt(i)) {
        if (inner) return true;
        repeatedInside = true;
      } else if (inner) {
        repeatedInside = true;
      }
      continue;
    }
    i++;
    if (repeatsAt(i)) repeatedInside = true;
  }
  return false;
}
