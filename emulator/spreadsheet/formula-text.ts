// Formula text: finding A1 references, shifting them (fill, inserted/deleted rows and columns, renamed sheets), simple calls.
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

interface Endpoint {
  col: number | null;
  colAbs: boolean;
  row: number | null;
  rowAbs: boolean;
}

export interface RefToken {
  start: number;
  end: number;
  /** Sheet name as written (unquoted), or null for the formula's own sheet. */
  sheetName: string | null;
  a: Endpoint;
  b: Endpoint | null;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d+)`;
const COL = String.raw`(\$?)([A-Za-z]{1,3})`;
const ROW = String.raw`(\$?)(\d+)`;
const REF = new RegExp(
  String.raw`(?:${SHEET})?(?:${CELL}(?::(?:${CELL}|${COL}))?|${COL}:${COL}|${ROW}:${ROW})(?![A-Za-z0-9_(.!])`,
  'y',
);

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_.$']/.test(ch);
}

function endpoint(colAbs: string | undefined, col: string | undefined, rowAbs: string | undefined, row: string | undefined): Endpoint {
  return {
    col: col === undefined ? null : lettersToColumn(col),
    colAbs: colAbs === '$',
    row: row === undefined ? null : Number(row),
    rowAbs: rowAbs === '$',
  };
}

/** References in a formula, in order; text inside string literals is skipped. */
export function findRefs(text: string): RefToken[] {
  const out: RefToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (!isIdentChar(text[i - 1]) || ch === "'") {
      REF.lastIndex = i;
      const m = REF.exec(text);
      if (m && !(text[i - 1] === "'" && ch !== "'")) {
        const g = (n: number): string | undefined => m[n];
        const sheetName = g(1) !== undefined ? (g(1) ?? '').replace(/''/g, "'") : (g(2) ?? null);
        let a: Endpoint;
        let b: Endpoint | null = null;
        if (g(6) !== undefined) {
          a = endpoint(g(3), g(4), g(5), g(6));
          if (g(10) !== undefined) b = endpoint(g(7), g(8), g(9), g(10));
          else if (g(12) !== undefined) b = endpoint(g(11), g(12), undefined, undefined);
        } else if (g(14) !== undefined) {
          a = endpoint(g(13), g(14), undefined, undefined);
          b = endpoint(g(15), g(16), undefined, undefined);
        } else {
          a = endpoint(undefined, undefined, g(17), g(18));
          b = endpoint(undefined, undefined, g(19), g(20));
        }
        out.push({ start: i, end: REF.lastIndex, sheetName, a, b });
        i = REF.lastIndex;
        continue;
      }
    }
    i++;
  }
  return out;
}

function formatEndpoint(e: Endpoint): string {
  const col = e.col === null ? '' : `${e.colAbs ? '$' : ''}${columnToLetters(e.col)}`;
  const row = e.row === null ? '' : `${e.rowAbs ? '$' : ''}${e.row}`;
  return col + row;
}

export function formatRef(t: RefToken, sheetNameOverride?: string | null): string {
  const sheet = sheetNameOverride !== undefined ? sheetNameOverride : t.sheetName;
  const prefix = sheet === null ? '' : `${quoteSheetName(sheet)}!`;
  return prefix + formatEndpoint(t.a) + (t.b ? `:${formatEndpoint(t.b)}` : '');
}

function rewrite(text: string, fn: (t: RefToken) => string | null): string {
  const refs = findRefs(text);
  if (refs.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const t of refs) {
    const replaced = fn(t);
    out += text.slice(pos, t.start) + (replaced ?? text.slice(t.start, t.end));
    pos = t.end;
  }
  return out + text.slice(pos);
}

/** Moves relative references by (dRow, dCol), as when one formula is written into several cells. */
export function shiftFormula(text: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return text;
  return rewrite(text, (t) => {
    const move = (e: Endpoint): Endpoint | null => {
      const row = e.row === null || e.rowAbs ? e.row : e.row + dRow;
      const col = e.col === null || e.colAbs ? e.col : e.col + dCol;
      if ((row !== null && row < 1) || (col !== null && col < 1)) return null;
      return { ...e, row, col };
    };
    const a = move(t.a);
    const b = t.b ? move(t.b) : null;
    if (!a || (t.b && !b)) return '#REF!';
    return formatRef({ ...t, a, b });
  });
}

export interface StructuralChange {
  /** Name of the sheet whose rows or columns changed. */
  sheetName: string;
  dim: 'row' | 'col';
  /** 1-based index of the first inserted or deleted row/column. */
  at: number;
  count: number;
  insert: boolean;
}

/** Rewrites references after rows or columns were inserted or deleted, as Sheets does. */
export function adjustFormula(text: string, ownSheetName: string, change: StructuralChange): string {
  const target = change.sheetName.toLowerCase();
  const last = change.at + change.count - 1;
  return rewrite(text, (t) => {
    if ((t.sheetName ?? ownSheetName).toLowerCase() !== target) return null;
    const key = change.dim;
    const get = (e: Endpoint): number | null => (key === 'row' ? e.row : e.col);
    const put = (e: Endpoint, v: number): Endpoint => (key === 'row' ? { ...e, row: v } : { ...e, col: v });
    const a0 = get(t.a);
    const b0 = t.b ? get(t.b) : a0;
    if (a0 === null || b0 === null) return null;
    let a1: number;
    let b1: number;
    if (change.insert) {
      a1 = a0 >= change.at ? a0 + change.count : a0;
      b1 = b0 >= change.at ? b0 + change.count : b0;
    } else {
      a1 = a0 > last ? a0 - change.count : a0 >= change.at ? change.at : a0;
      b1 = b0 > last ? b0 - change.count : b0 >= change.at ? change.at - 1 : b0;
      if (b1 < a1) return '#REF!';
    }
    if (a1 === a0 && b1 === b0) return null;
    return formatRef({ ...t, a: put(t.a, a1), b: t.b ? put(t.b, b1) : null });
  });
}

/** Rewrites references to a renamed sheet. */
export function renameSheetInFormula(text: string, oldName: string, newName: string): string {
  const target = oldName.toLowerCase();
  return rewrite(text, (t) => (t.sheetName !== null && t.sheetName.toLowerCase() === target ? formatRef(t, newName) : null));
}

export type CallArg =
  | { kind: 'ref'; ref: RefToken }
  | { kind: 'literal'; value: number | string | boolean }
  /** A named range (ICP_MODEL): resolved when the formula is classified. */
  | { kind: 'name'; name: string }
  | { kind: 'omitted' };

export interface SimpleCall {
  name: string;
  args: CallArg[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER_LIT = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * Recognizes `=NAME(arg, ...)` where every argument is a reference, a named range, a number, a string, TRUE/FALSE or
 * nothing.
 * Such formulas are evaluated without the formula engine.
 */
export function parseSimpleCall(text: string): SimpleCall | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  if (text[i] !== '=') return null;
  i++;
  ws();
  NAME.lastIndex = i;
  const nm = NAME.exec(text);
  if (!nm) return null;
  i = NAME.lastIndex;
  ws();
  if (text[i] !== '(') return null;
  i++;
  const refs = findRefs(text);
  const args: CallArg[] = [];
  ws();
  if (text[i] === ')') {
    i++;
    ws();
    return i === text.length ? { name: nm[0].toUpperCase(), args } : null;
  }
  for (;;) {
    ws();
    const ch = text[i];
    if (ch === ',' || ch === ')') {
      args.push({ kind: 'omitted' });
    } else if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) return null;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += text[j];
        j++;
      }
      args.push({ kind: 'literal', value: s });
      i = j + 1;
    } else {
      const ref = refs.find((r) => r.start === i);
      if (ref) {
        args.push({ kind: 'ref', ref });
        i = ref.end;
      } else {
        NUMBER_LIT.lastIndex = i;
        const num = NUMBER_LIT.exec(text);
        const word = /^(TRUE|FALSE)\b/i.exec(text.slice(i));
        if (num && !/[A-Za-z0-9_(]/.test(text[NUMBER_LIT.lastIndex] ?? '')) {
          args.push({ kind: 'literal', value: Number(num[0]) });
          i = NUMBER_LIT.lastIndex;
        } else if (word && !/[A-Za-z0-9_(]/.test(text[i + word[0].length] ?? '')) {
          args.push({ kind: 'literal', value: word[0].toUpperCase() === 'TRUE' });
          i += word[0].length;
        } else if (/[A-Za-z_]/.test(ch ?? '')) {
          NAME.lastIndex = i;
          const named = NAME.exec(text);
          if (!named || /[(!:]/.test(text.slice(NAME.lastIndex).trimStart()[0] ?? '')) return null;
          args.push({ kind: 'name', name: named[0] });
          i = NAME.lastIndex;
        } else {
          return null;
        }
      }
    }
    ws();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ')') {
      i++;
      ws();
      return i === text.length ? { name: nm[0].toUpperCase(), args } : null;
    }
    return null;
  }
}

/** The function name when the whole formula is one call `=NAME(...)`, else null. */
export function topLevelCallName(text: string): string | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(text);
  if (!m) return null;
  let depth = 0;
  let i = m[0].length - 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) break;
    }
  }
  return text.slice(i + 1).trim() === '' ? (m[1] ?? '').toUpperCase() : null;
}

/**
 * Formula text as HyperFormula reads the same formula. Sheets writes a quote inside a string literal as two quotes
 * ("Say ""no""") and treats a backslash as an ordinary character; HyperFormula's lexer knows neither (it reads `\"`
 * as an escape and keeps it verbatim), so such a literal is sent as the concatenation Sheets would compute:
 * ("Say "&CHAR(34)&"no"&CHAR(34)&""). Other text is unchanged.
 */
export function toEngineText(text: string): string {
  if (!text.includes('"')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'") {
      // A quoted sheet name: copied as it is.
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch !== '"') {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    let value = '';
    while (j < text.length && !(text[j] === '"' && text[j + 1] !== '"')) {
      if (text[j] === '"') {
        value += '"';
        j += 2;
      } else {
        value += text[j];
        j++;
      }
    }
    i = j + 1;
    if (!/["\\]/.test(value)) {
      out += `"${value}"`;
      continue;
    }
    const parts: string[] = [];
    let run = '';
    for (const c of value) {
      if (c === '"' || c === '\\') {
        parts.push(`"${run}"`, `CHAR(${c.charCodeAt(0)})`);
        run = '';
      } else run += c;
    }
    parts.push(`"${run}"`);
    out += `(${parts.join('&')})`;
  }
  return out;
}

const ENGINE_PART = String.raw`(?:"[^"]*"|CHAR\((?:34|92)\))`;
const ENGINE_LITERAL = new RegExp(String.raw`\(${ENGINE_PART}(?:&${ENGINE_PART})+\)`, 'g');

/** The reverse of toEngineText, for formula text HyperFormula printed back (after it moved references). */
export function fromEngineText(text: string): string {
  return text.replace(ENGINE_LITERAL, (group) => {
    const value = group
      .slice(1, -1)
      .split('&')
      .map((p) => (p.startsWith('"') ? p.slice(1, -1) : String.fromCharCode(Number(p.slice(5, -1)))))
      .join('');
    return `"${value.replace(/"/g, '""')}"`;
  });
}
