// CSV output: RFC 4180 field quoting and a buffered row writer that waits for `drain` instead of growing memory.
import type { Writable } from 'node:stream';
import { CR, LF, QUOTE, SPACE, TAB, type Delimiter } from './csv-chars';

const LONG_FIELD = 32;
const QUOTED_CHAR: Readonly<Record<Delimiter, RegExp>> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/ };

/**
 * True when a field must be quoted: it holds the delimiter (a comma unless told), a quote, CR or LF, or starts or
 * ends with white space.
 */
export function needsQuotes(field: string, delimiter: Delimiter = ','): boolean {
  const n = field.length;
  if (n === 0) return false;
  // Leading and trailing spaces are quoted because many readers (Excel among them) trim unquoted fields.
  const first = field.charCodeAt(0);
  const last = field.charCodeAt(n - 1);
  if (first === SPACE || first === TAB || last === SPACE || last === TAB) return true;
  // A regular expression scans long fields (the Why text, some 300 characters) twice as fast as a loop, and a plain
  // loop beats it on the short fields typical of account lists.
  if (n > LONG_FIELD) return QUOTED_CHAR[delimiter].test(field);
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < n; i++) {
    const c = field.charCodeAt(i);
    if (c === d || c === QUOTE || c === LF || c === CR) return true;
  }
  return false;
}

/**
 * Text a spreadsheet opening the CSV shows as text rather than running as a formula: a field starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP, "CSV Injection"). For the columns `icp score`
 * adds, whose tier labels and reasons come from the model: the input columns stay exactly as they were.
 */
export function inertText(text: string): string {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/** One field as CSV text, quoted (with inner quotes doubled) only when needed. */
export function csvField(field: string, delimiter: Delimiter = ','): string {
  if (!needsQuotes(field, delimiter)) return field;
  // Most quoted fields (the Why text) hold commas but no quotes: skip the regular expression for them.
  return field.indexOf('"') < 0 ? `"${field}"` : `"${field.replace(/"/g, '""')}"`;
}

/** One row as CSV text, without the line ending. */
export function csvRow(fields: readonly string[], delimiter: Delimiter = ','): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(fields[i] as string, delimiter);
  }
  return line;
}

export interface CsvWriterOptions {
  /** Line ending written after each row; '\n' unless told (the CLI echoes the input's). */
  lineEnding?: string;
  /** Cell delimiter; ',' unless told (the CLI echoes the input's). */
  delimiter?: Delimiter;
  /** Bytes (roughly: UTF-16 units) collected before a write to the stream. */
  chunkSize?: number;
}

/** Where scored rows go: a stream (CsvWriter) or a string in memory (CsvText, used by worker threads). */
export interface RowOutput {
  /** The cell delimiter rows are written with. */
  readonly delimiter: Delimiter;
  /** Appends a row; returns a promise to await when the output needs to drain, otherwise undefined. */
  writeRow(fields: readonly string[]): Promise<void> | undefined;
  /** Appends a row given as CSV text already (an input row copied through and its ICP cells). */
  writeLine(csvText: string): Promise<void> | undefined;
}

/** Rows collected as CSV text in memory; `take` hands the text over and starts again. */
export class CsvText implements RowOutput {
  protected buffer = '';
  protected readonly eol: string;
  readonly delimiter: Delimiter;

  constructor(options: CsvWriterOptions = {}) {
    this.eol = options.lineEnding ?? '\n';
    this.delimiter = options.delimiter ?? ',';
  }

  writeRow(fields: readonly string[]): Promise<void> | undefined {
    this.buffer += csvRow(fields, this.delimiter) + this.eol;
    return this.collected();
  }

  writeLine(csvText: string): Promise<void> | undefined {
    this.buffer += csvText + this.eol;
    return this.collected();
  }

  take(): string {
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  /** Called after each row; a subclass may pass the text on. */
  protected collected(): Promise<void> | undefined {
    return undefined;
  }
}

/**
 * Rows as UTF-8 bytes, each row encoded into a growing buffer as it comes. Faster than collecting a large string and
 * encoding it whole (measured on 1M scored rows: 0.3 s instead of 0.7-1.1 s): that string is thousands of pieces to
 * flatten first, and two bytes per character as soon as one row holds a character past U+00FF (the reason's “”).
 */
export class Utf8Rows {
  private bytes: Buffer;
  length = 0;

  constructor(private readonly capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.bytes.length) this.grow(text.length * 3);
    this.length += this.bytes.write(text, this.length);
  }

  /** The bytes so far, handed over: the next rows go into a new buffer. */
  take(): Buffer {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return out;
  }

  /** The bytes so far as a copy in an ArrayBuffer of its own (to transfer to another thread); the buffer is kept for the next rows. */
  copyOut(): Uint8Array {
    const out = new Uint8Array(this.length);
    out.set(this.bytes.subarray(0, this.length));
    this.length = 0;
    return out;
  }

  private grow(need: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + need));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}

/**
 * Collects rows as UTF-8 bytes and writes them in chunks, so a million rows make a few thousand writes.
 * `writeRow` returns a promise only when the stream asked to wait (`write` returned false); callers await it
 * then and only then, which bounds memory without paying an await per row. Stream errors are captured and
 * surface as a rejected wait, or from `end`.
 */
export class CsvWriter extends CsvText {
  private readonly chunkSize: number;
  private readonly rows: Utf8Rows;
  private failure: Error | undefined;
  private readonly onError = (err: Error): void => {
    this.failure ??= err;
  };

  constructor(
    private readonly stream: Writable,
    options: CsvWriterOptions = {},
  ) {
    super(options);
    this.chunkSize = options.chunkSize ?? 64 * 1024;
    this.rows = new Utf8Rows(this.chunkSize + 4096);
    stream.on('error', this.onError);
  }

  override writeRow(fields: readonly string[]): Promise<void> | undefined {
    return this.writeLine(csvRow(fields, this.delimiter));
  }

  override writeLine(csvText: string): Promise<void> | undefined {
    this.rows.append(csvText + this.eol);
    return this.rows.length >= this.chunkSize ? this.flush() : undefined;
  }

  /** The first error the stream reported, if any (e.g. EPIPE when a reader closed the pipe). */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Writes bytes that are CSV rows already (scored by a worker thread) after what is buffered. */
  writeBytes(bytes: Uint8Array): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    const pending = this.flush();
    if (pending !== undefined) return pending.then(() => this.writeBytes(bytes));
    if (this.stream.write(bytes)) return undefined;
    return this.waitForDrain();
  }

  /** Writes what is buffered; resolves once the stream can take more. */
  flush(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.rows.length === 0) return undefined;
    if (this.stream.write(this.rows.take())) return undefined;
    return this.waitForDrain();
  }

  /**
   * Flushes and, when `close` is true (files), ends the stream and waits until the data is on disk, so the
   * caller may rename the file. Standard output is never ended: other code may still write to it.
   */
  async end(close: boolean): Promise<void> {
    await this.flush();
    if (close) {
      // `close` rather than `finish`: the file descriptor is released too, which renaming needs on Windows.
      await new Promise<void>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.stream.once('error', reject);
        this.stream.once('close', () => {
          this.stream.off('error', reject);
          resolve();
        });
        this.stream.end();
      });
    }
    // The error listener stays: a late EPIPE on standard output must not become an uncaught 'error' event.
    if (this.failure) throw this.failure;
  }

  private waitForDrain(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error): void => {
        this.stream.off('drain', onDrain);
        this.stream.off('error', onFail);
        this.stream.off('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = (): void => done();
      const onFail = (err: Error): void => done(err);
      // A stream closed while we wait would never emit `drain`; without this the command would hang.
      const onClose = (): void => done(this.failure ?? new Error('output closed before all rows were written'));
      this.stream.on('drain', onDrain);
      this.stream.on('error', onFail);
      this.stream.on('close', onClose);
    });
  }
}
