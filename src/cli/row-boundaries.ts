// Finds where CSV rows end in raw bytes, with the parser's quoting rules, so a file can be cut into whole rows.

import { COMMA, CR, LF, QUOTE } from './csv-chars';

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

/**
 * The offset just after the last line break in `bytes` that ends a row, or 0 when no row ends in them.
 * `bytes` must start at the start of a row; `delimiter` is the cell delimiter's code. Same answer as a byte-by-byte walk (see rowEnd), but it jumps from
 * quote to quote with indexOf, so a megabyte costs a few thousand native searches rather than a million steps
 * of a JavaScript loop: the main thread of `icp score --threads` calls it on every chunk of the file.
 */
export function lastRowEnd(bytes: Uint8Array, delimiter: number = COMMA): number {
  const n = bytes.length;
  // The stretches outside quoted fields, as [from, to) pairs: only there does a line break end a row.
  const stretches: number[] = [];
  let pos = 0;
  let open = false;
  while (pos <= n) {
    const q = bytes.indexOf(QUOTE, pos);
    stretches.push(pos, q < 0 ? n : q);
    if (q < 0) break;
    // A quote opens a quoted field only at the start of a field; elsewhere it is a literal character.
    const before = q === 0 ? LF : bytes[q - 1];
    if (before !== delimiter && before !== LF && before !== CR) {
      pos = q + 1;
      continue;
    }
    // Find the closing quote, stepping over doubled ones; the field may still be open at the end.
    let j = q + 1;
    open = true;
    for (;;) {
      const close = bytes.indexOf(QUOTE, j);
      // A quote as the last byte is undecided: it closes the field, or starts a doubled pair in the next chunk.
      if (close < 0 || close + 1 === n) break;
      if (bytes[close + 1] === QUOTE) {
        j = close + 2;
        continue;
      }
      open = false;
      pos = close + 1;
      break;
    }
    if (open) break;
  }
  // The last line break in those stretches, searched from the end (it is usually a few bytes back).
  for (let k = stretches.length - 2; k >= 0; k -= 2) {
    const from = stretches[k]!;
    for (let p = stretches[k + 1]! - 1; p >= from; p--) {
      const c = bytes[p];
      if (c === LF) return p + 1;
      // Going backwards, a CR found before any LF is not followed by one; as the last byte it is undecided.
      if (c === CR && p + 1 < n) return p + 1;
    }
  }
  return 0;
}

/** The offset just after the line break that ends the first row in `bytes`, or 0 when it does not end in them. */
export function firstRowEnd(bytes: Uint8Array, delimiter: number = COMMA): number {
  return rowEnd(bytes, true, delimiter);
}

/**
 * The offset just after the first or last line break in `bytes` that ends a row, or 0 when no row ends in
 * them, by a walk over every byte. `bytes` must start at the start of a row. Mirrors CsvParser exactly (a quote opens a quoted field only at
 * the start of a field, `""` inside one is a literal quote, text after a closing quote continues the field,
 * CR, LF and CRLF end rows), so every cut it finds is a cut between two of the rows CsvParser would return.
 * A CR or a quote as the very last byte is left undecided (the next byte might be its LF or its pair), so the
 * cut falls before its row. Works on UTF-8 bytes: every byte it looks for is ASCII, and no byte of a
 * multi-byte character is below 0x80.
 */
export function rowEnd(bytes: Uint8Array, first: boolean, delimiter: number = COMMA): number {
  const n = bytes.length;
  let state = FIELD_START;
  let cut = 0;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (state === QUOTED) {
      const q = bytes.indexOf(QUOTE, i);
      if (q < 0 || q + 1 === n) return cut;
      if (bytes[q + 1] === QUOTE) {
        i = q + 2;
      } else {
        state = AFTER_QUOTE;
        i = q + 1;
      }
      continue;
    }
    if (state === FIELD_START && c === QUOTE) {
      state = QUOTED;
      i++;
      continue;
    }
    // FIELD_START with another byte, UNQUOTED and AFTER_QUOTE all treat a delimiter or a line break alike.
    if (c === delimiter) {
      state = FIELD_START;
      i++;
    } else if (c === LF) {
      state = FIELD_START;
      cut = ++i;
      if (first) return cut;
    } else if (c === CR) {
      if (i + 1 === n) return cut;
      state = FIELD_START;
      i += bytes[i + 1] === LF ? 2 : 1;
      cut = i;
      if (first) return cut;
    } else {
      state = UNQUOTED;
      i++;
    }
  }
  return cut;
}
