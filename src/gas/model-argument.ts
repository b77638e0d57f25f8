// Formula text: gives every ICP_* call that lacks it the ICP_MODEL argument, reading strings, sheet names and nesting properly.

import { MODEL_RANGE_NAME } from './model-store';

const FUNCTION = /^ICP_(?:SCORE|TIER|EXPLAIN|PROFILE)$/i;
const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_.]/;

interface OpenCall {
  /** Bracket depth inside the call's own "(" (1 = its arguments). */
  depth: number;
  /** Whether it is an ICP_* call (other calls are tracked only for their nesting). */
  ours: boolean;
  /** Start of the argument being read. */
  argStart: number;
  args: string[];
}

/**
 * The formula with `,ICP_MODEL` added as the last argument of each ICP_* call that has arguments and passes no
 * ICP_MODEL yet, or null when nothing changes. Text in string literals ("ICP_SCORE(A1)") and quoted sheet names
 * ('ICP_SCORE(x'!A1) is skipped, nested calls (=IF(R2>50, ICP_TIER(R2), "low"), =ICP_TIER(ICP_SCORE(A2:H2))) are
 * each handled, and a name that merely ends in one of ours (MY_ICP_SCORE) is not ours. Apps Script reads and writes
 * formulas in the English notation whatever the locale: `,` separates arguments
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String)).
 */
export function withModelArgument(formula: string): string | null {
  if (!formula.startsWith('=') || !/ICP_/i.test(formula)) return null;
  const inserts: number[] = [];
  const stack: OpenCall[] = [];
  let depth = 0;
  let pendingName: string | null = null;
  let i = 1;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: a doubled quote is one quote inside it.
      i++;
      while (i < formula.length && !(formula[i] === ch && formula[i + 1] !== ch)) i += formula[i] === ch ? 2 : 1;
      i++;
      pendingName = null;
      continue;
    }
    if (IDENT_START.test(ch) && !IDENT.test(formula[i - 1] ?? '')) {
      let j = i;
      while (j < formula.length && IDENT.test(formula[j]!)) j++;
      pendingName = formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '(' || ch === '{') {
      depth++;
      if (ch === '(' && pendingName !== null) stack.push({ depth, ours: FUNCTION.test(pendingName), argStart: i + 1, args: [] });
      pendingName = null;
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if ((ch === ',' || ch === ')') && top !== undefined && top.depth === depth) {
      top.args.push(formula.slice(top.argStart, i).trim());
      top.argStart = i + 1;
    }
    if (ch === ')' || ch === '}') {
      if (ch === ')' && top !== undefined && top.depth === depth) {
        stack.pop();
        const empty = top.args.length === 1 && top.args[0] === '';
        const passes = top.args.some((a) => a.toUpperCase() === MODEL_RANGE_NAME);
        if (top.ours && !empty && !passes) inserts.push(i);
      }
      depth--;
    }
    if (!/\s/.test(ch)) pendingName = null;
    i++;
  }
  if (inserts.length === 0) return null;
  let out = formula;
  for (const at of inserts.sort((a, b) => b - a)) out = `${out.slice(0, at)},${MODEL_RANGE_NAME}${out.slice(at)}`;
  return out;
}
