// Translates a `matches` pattern (a JavaScript regular expression) into RE2, or refuses it with the reason.

import { DOT, WS, WS_CHARS } from './patterns';

/** A model the SQL cannot express exactly; the message names the criterion and what to change. */
export class SqlModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlModelError';
  }
}

const SIMPLE_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f']);

/**
 * The RE2 pattern that matches exactly the texts the JavaScript pattern matches (with the engine's flags: always
 * case-insensitive), or a SqlModelError saying which construct has no RE2 equivalent. Translated: `\s`, `\S` and `.`
 * (JavaScript's sets are wider than RE2's), `\v`, `\0`, `\xHH`, `\uHHHH`, `\/`, `(?<name>`. Refused: lookaround,
 * back-references, the m flag with ^ or $ (line ends differ), `\p` without the u flag, `[^]`, `[]`, repeats over 1000.
 */
export function toRe2(pattern: string, flags: string): string {
  const dotAll = flags.includes('s');
  const unicode = flags.includes('u') || flags.includes('v');
  const multiline = flags.includes('m');
  for (const f of flags) if (!'gimsuyd'.includes(f)) throw new SqlModelError(`the flag "${f}" has no SQL equivalent`);
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const next = pattern[i + 1];
    if (ch === '\\') {
      if (next === undefined) throw new SqlModelError('the pattern ends with a lone backslash');
      i++;
      if (next === 's') out += inClass ? WS_CHARS : WS;
      else if (next === 'S') {
        if (inClass) throw new SqlModelError('"\\S" inside [...] has no RE2 equivalent; write the class another way');
        out += `[^${WS_CHARS}]`;
      } else if (next === 'v') out += '\\x0B';
      else if (next === '0' && !/[0-9]/.test(pattern[i + 1] ?? '')) out += '\\x00';
      else if (/[1-9]/.test(next) || next === 'k') throw new SqlModelError('back-references (\\1, \\k<name>) have no RE2 equivalent');
      else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(i + 1, i + 3))) {
        out += `\\x{${pattern.slice(i + 1, i + 3)}}`;
        i += 2;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 1, i + 5))) {
        const code = parseInt(pattern.slice(i + 1, i + 5), 16);
        if (code >= 0xd800 && code <= 0xdfff) throw new SqlModelError('surrogate escapes (\\uD83D...) have no RE2 equivalent; write the character itself');
        out += `\\x{${pattern.slice(i + 1, i + 5)}}`;
        i += 4;
      } else if (next === 'u' && unicode && pattern[i + 1] === '{') {
        const end = pattern.indexOf('}', i);
        out += `\\x{${pattern.slice(i + 2, end)}}`;
        i = end;
      } else if ((next === 'p' || next === 'P') && unicode) {
        const end = pattern.indexOf('}', i);
        out += `\\${next}${pattern.slice(i + 1, end + 1)}`;
        i = end;
      } else if (SIMPLE_ESCAPES.has(next)) {
        if (inClass && (next === 'b' || next === 'B')) throw new SqlModelError('"\\b" inside [...] has no RE2 equivalent');
        out += `\\${next}`;
      } else if (/[\^$\\.*+?()[\]{}|/-]/.test(next)) out += next === '/' ? '/' : `\\${next}`;
      else throw new SqlModelError(`the escape "\\${next}" has no RE2 equivalent`);
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      if (ch === '[') out += '\\[';
      else out += ch;
      continue;
    }
    if (ch === '[') {
      if (pattern.startsWith('[^]', i) || pattern.startsWith('[]', i)) throw new SqlModelError('"[]" and "[^]" have no RE2 equivalent');
      inClass = true;
      out += ch;
      if (next === '^') {
        out += '^';
        i++;
      }
      // A `]` first in a class is a literal in RE2 but closes an empty class in JavaScript (refused above).
      continue;
    }
    if (ch === '.') out += dotAll ? '(?s:.)' : DOT;
    else if (ch === '(' && next === '?') {
      const head = pattern.slice(i, i + 4);
      if (head.startsWith('(?=') || head.startsWith('(?!') || head.startsWith('(?<=') || head.startsWith('(?<!')) {
        throw new SqlModelError('lookahead and lookbehind ((?=, (?!, (?<=, (?<!) have no RE2 equivalent');
      }
      if (head.startsWith('(?<')) {
        out += '(?P<';
        i += 2;
      } else if (head.startsWith('(?:')) {
        out += '(?:';
        i += 2;
      } else throw new SqlModelError(`the group "${head}" has no RE2 equivalent`);
    } else if ((ch === '^' || ch === '$') && multiline) {
      throw new SqlModelError('"^" and "$" with the m flag see other line ends in RE2; drop the m flag');
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m !== null && (Number(m[1]) > 1000 || Number(m[3] ?? 0) > 1000)) throw new SqlModelError('repeats over 1000 ({n,m}) have no RE2 equivalent');
      out += m === null ? '\\{' : m[0];
      if (m !== null) i += m[0].length - 1;
    } else if (ch === '}') out += '\\}';
    else out += ch;
  }
  if (inClass) throw new SqlModelError('a "[" is never closed');
  // Text operators are case-insensitive (the engine always adds the i flag).
  return `(?i)${dotAll ? '' : ''}${out}`;
}
