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
 * The delimiter of a CSV from its header row (`text` starts at the file's start): whichever of comma, semicolon and
 * tab the row has most of outside quotes, the first of them in that order on a tie, a comma when it has none (one
 * column). Most rather than any: a semicolon export from a decimal-comma locale quotes only cells holding a
 * semicolon, so a header such as `Umsatz (Mio, EUR)` holds a bare comma. Undefined while the header row has not
 * ended in `text` and more may come (`atEnd` false).
 */
export function detectDelimiter(text: string, atEnd: boolean): Delimiter | undefined {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let fieldStart = true;
  const n = text.length;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && fieldStart) {
      // Skip the quoted cell, doubled quotes included; its end may not have arrived yet.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0 || (q + 1 === n && !atEnd)) return atEnd ? pick(commas, semicolons, tabs) : undefined;
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
    if (c === LF || c === CR) return pick(commas, semicolons, tabs);
    if (c === COMMA) commas++;
    else if (c === SEMICOLON) semicolons++;
    else if (c === TAB) tabs++;
    // Any candidate starts a field: which of them is the delimiter is not known yet.
    fieldStart = c === COMMA || c === SEMICOLON || c === TAB;
  }
  return atEnd ? pick(commas, semicolons, tabs) : undefined;
}

function pick(commas: number, semicolons: number, tabs: number): Delimiter {
  if (commas >= semicolons && commas >= tabs) return ',';
  return semicolons >= tabs ? ';' : '\t';
}
