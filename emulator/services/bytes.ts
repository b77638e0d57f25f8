// Byte helpers shared by the emulated services: UTF-8 sizes and Apps Script's signed Byte[] arrays.

/** Size of a string in UTF-8 bytes: Google's quotas ("9 KB / val", "100 KB") count bytes, not characters. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Apps Script represents binary data as Java-style signed bytes (-128..127). */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts a Byte[] (signed or unsigned) from script code. */
export function fromByteArray(bytes: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(bytes, (b) => b & 0xff));
}

/** A string (encoded with the charset, UTF-8 by default) or a Byte[] as a Buffer. */
export function toBuffer(data: string | ArrayLike<number>, charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charsetToEncoding(charset));
  return fromByteArray(data);
}

/** Utilities.Charset names (US_ASCII, UTF_8) to Node encodings. */
export function charsetToEncoding(charset?: string): BufferEncoding {
  if (charset === undefined || charset === 'UTF_8' || charset === 'UTF-8') return 'utf8';
  if (charset === 'US_ASCII' || charset === 'US-ASCII') return 'ascii';
  throw new Error(`Invalid argument: charset ${charset}`);
}
