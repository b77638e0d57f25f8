// `matches` patterns: parsed into the subset RE2 shares with JavaScript, and run without backtracking when native could be slow.

import { grouped } from './number-text';
import { checkPattern, isHighSurrogate, isLowSurrogate, MAX_PATTERN_STATES, PatternError, type Node } from './pattern-syntax';

export { MAX_PATTERN_LENGTH, MAX_PATTERN_STATES, PatternError } from './pattern-syntax';

/** The longest cell text a pattern is guaranteed to answer on within 50 ms (longer cells are still matched, linearly). */
export const GUARANTEED_CELL_LENGTH = 1000;
/**
 * Upper bound of backtracking steps for the native engine per cell of GUARANTEED_CELL_LENGTH characters: patterns whose
 * estimate is below run natively (fastest), others on the NFA.
 */
const NATIVE_BUDGET = 10_000;

/**
 * Why: JavaScript's RegExp backtracks, so a pattern such as `(a+)+$` takes minutes on a 30-character cell, and Sheets
 * stops a formula after 30 s (a shared model could hang every ICP_* cell). Patterns here are either proven cheap for
 * the native engine (no repeated group, at most one repeated character, few alternatives: see nativeCost) or run on a
 * Thompson NFA: every state is visited at most once per character, so a cell of n characters costs at most (n + 1) x
 * states steps, whatever the pattern. No Node API: it runs in Apps Script's V8.
 *
 * Refused (model-check names them): backreferences and lookarounds, which no non-backtracking matcher can run and
 * RE2 (BigQuery, DuckDB) lacks, so `matches` means the same in the SQL export.
 */

/**
 * An upper bound of the native engine's backtracking steps on a cell of GUARANTEED_CELL_LENGTH characters, or Infinity
 * when it has none (a repeated group, two repetitions of varying count): paths through the pattern (each alternative and
 * each count of a bounded repetition is one) x its size, x the cell's length for the one unbounded repetition allowed.
 */
function nativeCost(node: Node): number {
  let unbounded = 0;
  let size = 0;
  const paths = (x: Node): number => {
    size++;
    switch (x.t) {
      case 'char':
      case 'assert':
        return 1;
      case 'seq':
        return x.items.reduce((p, item) => p * paths(item), 1);
      case 'alt':
        return x.branches.reduce((p, b) => p + paths(b), 0);
      case 'rep':
        if (x.body.t !== 'char') return Infinity;
        if (x.max === Infinity) {
          unbounded++;
          return 1;
        }
        return x.max - x.min + 1;
    }
  };
  const p = paths(node);
  if (unbounded > 1) return Infinity;
  return p * size * (unbounded === 1 ? GUARANTEED_CELL_LENGTH : 1);
}

// The NFA: parallel arrays of states. A char state moves on one character its test accepts; a split state to both of
// its successors; an assert state to its successor when the position passes the check.
const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;
const ASSERT_CODES = { '^': 0, $: 1, b: 2, B: 3 } as const;

/** One character test, exactly as the native engine reads the atom (its case folding, classes and flags). */
class CharTest {
  private readonly ascii = new Uint8Array(128);
  private readonly other = new Map<string, boolean>();
  private readonly re: RegExp;

  constructor(src: string, flags: string) {
    this.re = new RegExp(`^(?:${src})$`, flags.replace(/m/g, ''));
    for (let c = 0; c < 128; c++) this.ascii[c] = this.re.test(String.fromCharCode(c)) ? 1 : 0;
  }

  test(ch: string, code: number): boolean {
    if (code < 128) return this.ascii[code] === 1;
    let hit = this.other.get(ch);
    if (hit === undefined) {
      hit = this.re.test(ch);
      if (this.other.size < 4096) this.other.set(ch, hit);
    }
    return hit;
  }
}

class Nfa {
  readonly type: number[] = [];
  readonly next1: number[] = [];
  readonly next2: number[] = [];
  /** CHAR: index in tests; ASSERT: ASSERT_CODES value. */
  readonly arg: number[] = [];
  /** The source of each distinct character atom (CHAR states' arg indexes it); tested only if the NFA runs. */
  readonly atoms: string[] = [];
  private readonly atomIndex = new Map<string, number>();

  add(type: number, arg = 0): number {
    if (type !== MATCH && this.type.length >= MAX_PATTERN_STATES) {
      throw new PatternError(
        `the pattern expands to more than ${grouped(MAX_PATTERN_STATES)} steps (each counted repetition is a copy: (x{10}){200} is 2,000); use smaller counts, + or *`,
      );
    }
    this.type.push(type);
    this.next1.push(-1);
    this.next2.push(-1);
    this.arg.push(arg);
    return this.type.length - 1;
  }

  charTest(src: string): number {
    let k = this.atomIndex.get(src);
    if (k === undefined) {
      k = this.atoms.length;
      this.atoms.push(src);
      this.atomIndex.set(src, k);
    }
    return k;
  }
}

/** A fragment of the NFA: its start state and the states whose missing successor (next1 -1, or next2 -1 of a split) continues it. */
interface Fragment {
  start: number;
  /** Open ends as state * 2 + (0 for next1, 1 for next2). */
  outs: number[];
}

function patch(nfa: Nfa, outs: readonly number[], to: number): void {
  for (const o of outs) {
    if ((o & 1) === 0) nfa.next1[o >> 1] = to;
    else nfa.next2[o >> 1] = to;
  }
}

function build(nfa: Nfa, node: Node): Fragment {
  switch (node.t) {
    case 'char': {
      const s = nfa.add(CHAR, nfa.charTest(node.src));
      return { start: s, outs: [s * 2] };
    }
    case 'assert': {
      const s = nfa.add(ASSERT, ASSERT_CODES[node.kind]);
      return { start: s, outs: [s * 2] };
    }
    case 'seq': {
      if (node.items.length === 0) return empty(nfa);
      let first: Fragment | undefined;
      let outs: number[] = [];
      for (const item of node.items) {
        const f = build(nfa, item);
        if (first === undefined) first = f;
        else patch(nfa, outs, f.start);
        outs = f.outs;
      }
      return { start: first!.start, outs };
    }
    case 'alt': {
      const parts = node.branches.map((b) => build(nfa, b));
      let start = parts[parts.length - 1]!.start;
      for (let k = parts.length - 2; k >= 0; k--) {
        const s = nfa.add(SPLIT);
        nfa.next1[s] = parts[k]!.start;
        nfa.next2[s] = start;
        start = s;
      }
      return { start, outs: parts.flatMap((p) => p.outs) };
    }
    case 'rep': {
      const { body, min, max } = node;
      const pieces: Fragment[] = [];
      for (let k = 0; k < min; k++) pieces.push(build(nfa, body));
      if (max === Infinity) {
        const loop = nfa.add(SPLIT);
        const f = build(nfa, body);
        nfa.next1[loop] = f.start;
        patch(nfa, f.outs, loop);
        pieces.push({ start: loop, outs: [loop * 2 + 1] });
      } else {
        // max - min optional copies, each skippable: x{1,3} is x (x (x)?)?.
        const optional: Fragment[] = [];
        for (let k = min; k < max; k++) {
          const s = nfa.add(SPLIT);
          const f = build(nfa, body);
          nfa.next1[s] = f.start;
          optional.push({ start: s, outs: [...f.outs, s * 2 + 1] });
        }
        for (let k = optional.length - 1; k > 0; k--) {
          const inner = optional[k]!;
          const outer = optional[k - 1]!;
          patch(nfa, outer.outs.filter((o) => o !== outer.start * 2 + 1), inner.start);
          outer.outs = [outer.start * 2 + 1, ...inner.outs];
        }
        if (optional.length > 0) pieces.push(optional[0]!);
      }
      if (pieces.length === 0) return empty(nfa);
      for (let k = 1; k < pieces.length; k++) patch(nfa, pieces[k - 1]!.outs, pieces[k]!.start);
      return { start: pieces[0]!.start, outs: pieces[pieces.length - 1]!.outs };
    }
  }
}

/** A fragment matching the empty text: a split whose both successors are open. */
function empty(nfa: Nfa): Fragment {
  const s = nfa.add(SPLIT);
  return { start: s, outs: [s * 2, s * 2 + 1] };
}

const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** A compiled pattern: `test(text)` as RegExp.test, within (text length + 1) x states steps when not native. */
export interface CompiledPattern {
  test(text: string): boolean;
  /** Whether the native RegExp runs it (its cost is bounded, see nativeCost). */
  readonly native: boolean;
  /** NFA states (0 when native). */
  readonly states: number;
  /** Steps the NFA took on its last text, for tests that bound the work without a timer. */
  lastSteps: number;
}

/** Compiles a pattern of the subset; throws PatternError (refused) or the RegExp's SyntaxError (invalid). */
export function compilePattern(pattern: string, flags: string): CompiledPattern {
  const re = new RegExp(pattern, flags);
  const root = checkPattern(pattern, flags);
  const nfa = new Nfa();
  const f = build(nfa, root);
  patch(nfa, f.outs, nfa.add(MATCH));
  if (nativeCost(root) <= NATIVE_BUDGET) {
    return { test: (text) => re.test(text), native: true, states: 0, lastSteps: 0 };
  }
  return nfaMatcher(nfa, f.start, flags);
}

function nfaMatcher(nfa: Nfa, start: number, flags: string): CompiledPattern {
  const count = nfa.type.length;
  const type = Int8Array.from(nfa.type);
  const next1 = Int32Array.from(nfa.next1);
  const next2 = Int32Array.from(nfa.next2);
  const arg = Int32Array.from(nfa.arg);
  const tests = nfa.atoms.map((src) => new CharTest(src, flags));
  // ascii[s * 128 + c]: whether char state s accepts ASCII character c (the common case, without a call).
  const ascii = new Uint8Array(count * 128);
  for (let s = 0; s < count; s++) {
    if (type[s] === CHAR) for (let c = 0; c < 128; c++) ascii[s * 128 + c] = tests[arg[s]!]!.test(String.fromCharCode(c), c) ? 1 : 0;
  }
  const unicode = flags.includes('u');
  const multiline = flags.includes('m');
  // With u and i, \w and \b also take ſ (U+017F) and the Kelvin sign (U+212A), as the native engine does.
  const foldsWord = unicode && flags.includes('i');
  const isWord = (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (foldsWord && (c === 0x17f || c === 0x212a));
  let current = new Int32Array(count);
  let following = new Int32Array(count);
  // The generation (position) each state was last added in: a state enters a list at most once per position.
  const mark = new Int32Array(count);
  // Each state is visited once per position and pushes at most two successors.
  const stack = new Int32Array(count * 2 + 2);
  const matcher: CompiledPattern = {
    native: false,
    states: count,
    lastSteps: 0,
    test(text: string): boolean {
      const n = text.length;
      let steps = 0;
      mark.fill(-1);
      let size = 0;
      let generation = 0;
      let prev = -1; // the code of the character before the position, -1 at the start
      let top = 0;
      /** Adds the states on the stack, and what they reach without reading, to `list`; true when one is the match. */
      const closure = (list: Int32Array, pos: number, code: number): boolean => {
        while (top > 0) {
          const s = stack[--top]!;
          if (s < 0 || mark[s] === generation) continue;
          mark[s] = generation;
          steps++;
          const t = type[s]!;
          if (t === CHAR) list[size++] = s;
          else if (t === SPLIT) {
            stack[top++] = next2[s]!;
            stack[top++] = next1[s]!;
          } else if (t === ASSERT) {
            const k = arg[s]!;
            let pass: boolean;
            if (k === 0) pass = pos === 0 || (multiline && isLineTerminator(prev));
            else if (k === 1) pass = pos === n || (multiline && isLineTerminator(code));
            else pass = (k === 2) === ((prev >= 0 && isWord(prev)) !== (code >= 0 && isWord(code)));
            if (pass) stack[top++] = next1[s]!;
          } else {
            top = 0;
            return true; // MATCH
          }
        }
        return false;
      };
      let pos = 0;
      let code = n > 0 ? text.charCodeAt(0) : -1;
      for (;;) {
        // A match may start at any position: the start state joins the states carried over.
        stack[top++] = start;
        if (closure(current, pos, code)) break;
        if (pos >= n) {
          matcher.lastSteps = steps;
          return false;
        }
        let width = 1;
        let full = code;
        let ch = '';
        if (code >= 128) {
          if (unicode && isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(pos + 1))) width = 2;
          ch = text.slice(pos, pos + width);
          full = ch.codePointAt(0)!;
        }
        const before = size;
        size = 0;
        generation++;
        for (let k = 0; k < before; k++) {
          const s = current[k]!;
          steps++;
          if (full < 128 ? ascii[s * 128 + full] === 1 : tests[arg[s]!]!.test(ch, full)) stack[top++] = next1[s]!;
        }
        prev = code;
        pos += width;
        code = pos < n ? text.charCodeAt(pos) : -1;
        const swap = current;
        current = following;
        following = swap;
        if (closure(current, pos, code)) break;
      }
      matcher.lastSteps = steps;
      return true;
    },
  };
  return matcher;
}
