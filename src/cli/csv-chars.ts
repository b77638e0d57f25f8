// The character codes CSV reading and writing look for, and the cell delimiters the CLI reads and writes.

export const COMMA = 44;
export const SEMICOLON = 59;
export const QUOTE = 34;
export const CR = 13;
export const LF = 10;
export const SPACE = 32;
export const TAB = 9;

/** A cell delimiter: commas, or the semicolons and tabs of Excel's exports in locales where the comma is the decimal mark. */
export type Delimiter = ',' | ';' | '\t';

/** How a delimiter is named in messages. */
export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}

/**
 * The delimiter of a CSV from its header row (`text` starts at the file's start): a comma if the row has one
 * outside quotes, else a semicolon if it has one, else a tab if it has one, else a comma (one column).
 * Undefined while the header row has not ended in `text` and more may come (`atEnd` false).
 */
export function detectDelimiter(text: string, atEnd: boolean): Delimiter | undefined {
  let semicolon = false;
  let tab = false;
  let fieldStart = true;
  const n = text.length;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && fieldStart) {
      // Skip the quoted cell, doubled quotes included; its end may not have arrived yet.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0 || (q + 1 === n && !atEnd)) return atEnd ? pick(semicolon, tab) : undefined;
        if (text.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          continue;
        }
        i = q;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === COMMA) return ',';
    if (c === LF || c === CR) return pick(semicolon, tab);
    if (c === SEMICOLON) semicolon = true;
    else if (c === TAB) tab = true;
    // Any candidate starts a field: which of them is the delimiter is not known yet.
    fieldStart = c === SEMICOLON || c === TAB;
  }
  return atEnd ? pick(semicolon, tab) : undefined;
}

function pick(semicolon: boolean, tab: boolean): Delimiter {
  return semicolon ? ';' : tab ? '\t' : ',';
}
