// `matches` patterns' syntax: the subset RE2 shares with JavaScript, parsed, and its size counted (what checkModel refuses; pattern.ts runs it).

import { grouped } from './number-text';

/** The longest pattern a model may hold (characters). */
export const MAX_PATTERN_LENGTH = 1000;
/** The most NFA states a pattern may expand to (counted repetitions are copied: `a{100}` is 100 states). */
export const MAX_PATTERN_STATES = 1000;
export type Node =
  | { t: 'char'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' };

export class PatternError extends Error {}

/** Parses a pattern that `new RegExp(pattern, flags)` accepts; throws PatternError for what the subset refuses. */
export function parsePattern(pattern: string, flags: string): Node {
  const unicode = flags.includes('u');
  let i = 0;
  const n = pattern.length;

  const refuseBackreference = (): never => {
    throw new PatternError(
      'backreferences (\\1, \\k<name>) are not supported: write the text out, (ab)\\1 as (ab){2}',
    );
  };

  const escape = (): Node => {
    // pattern[i] is the backslash.
    const c = pattern[i + 1] ?? '';
    if (c === 'b' || c === 'B') {
      i += 2;
      return { t: 'assert', kind: c };
    }
    if (/[1-9]/.test(c)) refuseBackreference();
    if (c === 'k' && (unicode || /\(\?<[^=!]/.test(pattern))) refuseBackreference();
    let end = i + 2;
    if ((c === 'p' || c === 'P') && unicode && pattern[end] === '{') end = pattern.indexOf('}', end) + 1;
    else if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(i + 2, i + 4))) end = i + 4;
    else if (c === 'u' && unicode && pattern[end] === '{') end = pattern.indexOf('}', end) + 1;
    else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) end = i + 6;
    else if (c === 'c') end = i + 3;
    else if (unicode && isHighSurrogate(pattern.charCodeAt(i + 1))) end = i + 3;
    const src = pattern.slice(i, end);
    i = end;
    return { t: 'char', src };
  };

  const charClass = (): Node => {
    const start = i;
    i++;
    // `]` right after `[` closes an empty class in JavaScript (`[]` matches nothing, `[^]` anything).
    if (pattern[i] === '^') i++;
    while (i < n && pattern[i] !== ']') {
      if (pattern[i] === '\\') {
        const c = pattern[i + 1] ?? '';
        if (/[1-9]/.test(c) && unicode) refuseBackreference();
        i += 2;
      } else {
        i++;
      }
    }
    i++;
    return { t: 'char', src: pattern.slice(start, i) };
  };

  const quantifier = (): { min: number; max: number } | undefined => {
    const c = pattern[i];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q !== undefined) i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i, i + 40));
      if (m === null) return undefined; // a literal `{` (without the u flag)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, max };
      i += m[0].length;
    }
    if (q !== undefined && pattern[i] === '?') i++; // lazy: the same answer for a yes/no match
    return q;
  };

  const alternation = (): Node => {
    const branches: Node[] = [sequence()];
    while (pattern[i] === '|') {
      i++;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < n && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom: Node;
      let group = false;
      const c = pattern[i]!;
      if (c === '\\') atom = escape();
      else if (c === '[') atom = charClass();
      else if (c === '^' || c === '$') {
        i++;
        atom = { t: 'assert', kind: c };
      } else if (c === '(') {
        if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) || pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
          throw new PatternError(
            'lookarounds ((?=, (?!, (?<=, (?<!) are not supported: match the text itself, x(?=y) as xy, or use two criteria',
          );
        }
        if (pattern.startsWith('(?:', i)) i += 3;
        else if (pattern.startsWith('(?<', i)) i = pattern.indexOf('>', i) + 1;
        else if (pattern.startsWith('(?', i)) throw new PatternError('only plain, (?:...) and (?<name>...) groups are supported');
        else i++;
        atom = alternation();
        group = true;
        i++; // the `)`
      } else {
        const width = unicode && isHighSurrogate(c.charCodeAt(0)) && isLowSurrogate(pattern.charCodeAt(i + 1)) ? 2 : 1;
        atom = { t: 'char', src: pattern.slice(i, i + width) };
        i += width;
      }
      // An anchor or \b cannot be repeated (a syntax error), a group holding one can: `(?:^)*`.
      const q = atom.t === 'assert' && !group ? undefined : quantifier();
      items.push(q === undefined ? atom : { t: 'rep', body: atom, ...q });
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };

  // Whole: the pattern compiled as a RegExp already, so no `)` is left unmatched.
  return alternation();
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The NFA states a pattern's tree expands to (pattern.ts builds exactly these, plus its match state). */
export function stateCount(node: Node): number {
  switch (node.t) {
    case 'char':
    case 'assert':
      return 1;
    case 'seq':
      return node.items.length === 0 ? 1 : node.items.reduce((sum, item) => sum + stateCount(item), 0);
    case 'alt':
      return node.branches.reduce((sum, b) => sum + stateCount(b), 0) + node.branches.length - 1;
    case 'rep': {
      const body = stateCount(node.body);
      const copies = node.min * body + (node.max === Infinity ? 1 + body : (node.max - node.min) * (1 + body));
      return copies === 0 ? 1 : copies;
    }
  }
}

/**
 * Parses and sizes a pattern `new RegExp(pattern, flags)` accepts; throws PatternError for one outside the subset:
 * too long, a backreference or lookaround, or more than MAX_PATTERN_STATES states.
 */
export function checkPattern(pattern: string, flags: string): Node {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(`the pattern is ${grouped(pattern.length)} characters long; at most ${grouped(MAX_PATTERN_LENGTH)} are allowed`);
  }
  const root = parsePattern(pattern, flags);
  if (stateCount(root) > MAX_PATTERN_STATES) {
    throw new PatternError(
      `the pattern expands to more than ${grouped(MAX_PATTERN_STATES)} steps ((x{10}){200} is 2,000): use smaller counts, + or *`,
    );
  }
  return root;
}
