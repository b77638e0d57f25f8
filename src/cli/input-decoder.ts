// Turns a CSV's bytes into text: strict UTF-8, or UTF-16 (little or big endian) when the file starts with its byte order mark;
// other byte order marks (UTF-32, UTF-7...) are refused by name.

/** The encodings a CSV is read in; anything that is not UTF-16 with a byte order mark must be UTF-8. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Byte order marks of encodings we do not read, longest first (UTF-32 LE's starts like UTF-16 LE's). Refused by name
 * rather than read as UTF-16 or UTF-8: a UTF-32 file read as UTF-16 scores into garbage without a word.
 */
const UNREAD_MARKS: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'UTF-32 LE', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { name: 'UTF-32 BE', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { name: 'UTF-EBCDIC', bytes: [0xdd, 0x73, 0x66, 0x73] },
  { name: 'GB 18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { name: 'UTF-7', bytes: [0x2b, 0x2f, 0x76, 0x38] },
  { name: 'UTF-7', bytes: [0x2b, 0x2f, 0x76, 0x39] },
  { name: 'UTF-7', bytes: [0x2b, 0x2f, 0x76, 0x2b] },
  { name: 'UTF-7', bytes: [0x2b, 0x2f, 0x76, 0x2f] },
  { name: 'UTF-1', bytes: [0xf7, 0x64, 0x4c] },
  { name: 'SCSU', bytes: [0x0e, 0xfe, 0xff] },
  { name: 'BOCU-1', bytes: [0xfb, 0xee, 0x28] },
];

/** The bytes a decoder must see before it can tell the encoding: the longest byte order mark it knows. */
const MARK_BYTES = 4;

/** A file that starts with the byte order mark of an encoding we do not read; `encoding` names it. */
export class UnreadEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`${encoding} text (it starts with that encoding's byte order mark) is not read; save the file as UTF-8 ("CSV UTF-8") or UTF-16`);
    this.name = 'UnreadEncodingError';
  }
}

/** The name of the unread encoding whose byte order mark starts `head`, if any (see UNREAD_MARKS). */
export function unreadEncodingOf(head: Uint8Array): string | undefined {
  return UNREAD_MARKS.find((m) => m.bytes.length <= head.length && m.bytes.every((b, i) => head[i] === b))?.name;
}

/** Bytes that are not UTF-8; `before` is the text up to the first bad byte, so the reader can tell its line. */
export class InvalidBytes extends Error {
  constructor(readonly before: string) {
    super('the bytes are not UTF-8 text');
    this.name = 'InvalidBytes';
  }
}

/**
 * A streaming decoder that picks its encoding from the first two bytes. UTF-8 is decoded with a fatal decoder:
 * a cp1252 file (Excel's "CSV (Comma delimited)") must be refused, not have its accents turned into U+FFFD in
 * the columns we copy through. UTF-16 (Excel's "Unicode Text", Google Ads exports) is read leniently: a lone
 * surrogate is rarer than a bad byte and does not change what the rest of the file means.
 */
export class InputDecoder {
  /** Known once two bytes (or the whole input) arrived. */
  encoding: InputEncoding | undefined;
  private decoder: TextDecoder | undefined;
  /** First bytes, fewer than MARK_BYTES, held until the next show which byte order mark (if any) they start. */
  private held: Uint8Array | undefined;

  /** The text of the next bytes; characters split between chunks come out whole with the later chunk. */
  write(bytes: Uint8Array): string {
    if (this.decoder === undefined) {
      const head = this.held === undefined ? bytes : concat(this.held, bytes);
      if (head.length < MARK_BYTES) {
        this.held = head;
        return '';
      }
      this.held = undefined;
      this.start(head);
      return this.decode(head, true);
    }
    return this.decode(bytes, true);
  }

  /** The text of any bytes still held; throws InvalidBytes when the input ended inside a character. */
  end(): string {
    if (this.decoder === undefined) this.start(this.held ?? new Uint8Array(0));
    const held = this.held ?? new Uint8Array(0);
    this.held = undefined;
    return this.decode(held, false);
  }

  private start(head: Uint8Array): void {
    const unread = unreadEncodingOf(head);
    if (unread !== undefined) throw new UnreadEncodingError(unread);
    this.encoding = encodingOf(head);
    // A UTF-16 byte order mark is dropped here (it is what `encoding` says); a UTF-8 one is kept for the CSV parser,
    // which drops it and notes it, so the output can have one too (Excel reads a UTF-8 CSV without one as cp1252).
    const utf8 = this.encoding === 'utf-8';
    this.decoder = new TextDecoder(this.encoding, { fatal: utf8, ignoreBOM: utf8 });
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new InvalidBytes(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, firstInvalidUtf8(bytes))));
    }
  }
}

/** The encoding a file's first two bytes announce: UTF-16 after its byte order mark, else UTF-8 (see unreadEncodingOf first). */
export function encodingOf(head: Uint8Array): InputEncoding {
  const b0 = head[0];
  const b1 = head[1];
  return b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Where the first byte that cannot be UTF-8 is in `bytes`, for the line of the error message only (so a plain loop).
 * Continuation bytes at the start finish a character begun in the previous chunk and are skipped; a character
 * cut by the end of `bytes` counts as invalid there (only `end` and a worker's whole chunk decode without stream).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n && i < 3 && (bytes[i]! & 0xc0) === 0x80) i++;
  while (i < n) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      if (i + k >= n || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += size;
  }
  return n;
}
