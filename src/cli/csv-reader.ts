// Streaming RFC 4180 CSV parser: text chunks in, rows of fields out, without ever holding the whole file.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import * as chars from './csv-chars';

// Read once into module constants: run as CommonJS (tsx), each use of an imported binding is a getter call.
const { COMMA, QUOTE, CR, LF } = chars;

/** A CSV the parser cannot read; `line` is the 1-based physical line the problem starts on. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

// Where the parser stands when a chunk ends; fields and rows may span any number of chunks.
const enum State {
  /** At the start of a field (also the start of a row). */
  FieldStart,
  /** Inside a field that did not start with a quote. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** A quote inside a quoted field was the last character of a chunk: closing or the first of a doubled pair. */
  QuoteAtChunkEnd,
  /** After the closing quote of a quoted field, expecting a comma or a line break. */
  AfterQuote,
}

/**
 * Incremental CSV parser. Feed decoded text with `push`, which returns the rows completed by that chunk, and
 * call `end` once at the end of input. Fields are slices of the chunk rather than per-character concatenation;
 * only a field cut by a chunk boundary is glued together, once per boundary.
 * Lenient where RFC 4180 is strict and the intent is obvious: ragged rows are returned as they are, a quote
 * inside an unquoted field is kept literally, text after a closing quote is appended to the field, and a lone
 * CR counts as a line break.
 */
export class CsvParser {
  /** The first line break seen outside quotes, so a writer can answer in the same style; '\n' until one is seen. */
  lineEnding: '\n' | '\r\n' | '\r' = '\n';

  private state = State.FieldStart;
  private row: string[] = [];
  /** The part of the current field that came from earlier chunks (or before a doubled quote). */
  private partial = '';
  /** True once the current row has any content, so end of input knows whether a last row is pending. */
  private rowStarted = false;
  /** A CR ended the previous chunk: a LF at the start of the next one belongs to it. */
  private skipLf = false;
  private sawLineEnding = false;
  private started = false;
  /** 1-based physical line the parser is on; counts line breaks inside quoted fields too. */
  private line = 1;
  /** Line where the open quoted field began, for the unterminated-quote error. */
  private quoteLine = 1;
  /** The chunk being parsed, and where in it the current row began. */
  private chunk = '';
  private rowStart = 0;
  /** The current row's text from earlier chunks, when it began in one. */
  private rowPrefix = '';
  /** The current row is not plain RFC 4180 (a quote in an unquoted field, text after a closing quote). */
  private irregular = false;
  /**
   * The source text of each row the last `push` or `end` returned, without its line break, so a writer can
   * copy the row through byte for byte; undefined for a row that is not plain RFC 4180 (written re-quoted).
   */
  lastRaw: (string | undefined)[] = [];

  /**
   * @param atFileStart the text starts a file, so a leading byte order mark is dropped; false when parsing a
   *   later part of a file (a worker thread's chunk), where U+FEFF would be part of a cell
   */
  constructor(atFileStart = true) {
    this.started = !atFileStart;
  }

  /** Parses one chunk of text and returns the rows it completed (possibly none). */
  push(chunk: string): string[][] {
    const out = this.parse(chunk);
    // A row goes on into the next chunk: keep its text so far, so its source text is known however the file is cut.
    if (this.rowStarted) {
      this.rowPrefix += this.chunk.slice(this.rowStart);
      this.rowStart = 0;
    }
    return out;
  }

  private parse(chunk: string): string[][] {
    const out: string[][] = [];
    this.lastRaw = [];
    let s = chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      // Excel and Sheets exports often start with a UTF-8 byte order mark; it is not part of the first header.
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) {
        i = 1;
        if (!this.sawLineEnding) this.noteLineEnding('\r\n');
      } else if (!this.sawLineEnding) {
        this.noteLineEnding('\r');
      }
    }
    this.chunk = s;
    let start = i;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          if (!this.rowStarted) {
            this.rowStarted = true;
            this.rowStart = i;
          }
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
            start = i;
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
        case State.Unquoted: {
          let c = 0;
          while (i < n) {
            c = s.charCodeAt(i);
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE) this.irregular = true;
            i++;
          }
          if (i === n) {
            this.partial += s.slice(start, n);
            return out;
          }
          this.pushField(this.partial.length > 0 ? this.partial + s.slice(start, i) : s.slice(start, i));
          if (c === COMMA) {
            i++;
            this.state = State.FieldStart;
          } else {
            i = this.endRow(s, i, out);
          }
          break;
        }
        case State.Quoted: {
          const q = s.indexOf('"', i);
          if (q === -1) {
            this.countLines(s, i, n);
            this.partial += s.slice(start, n);
            return out;
          }
          this.countLines(s, i, q);
          this.partial += s.slice(start, q);
          if (q + 1 === n) {
            this.state = State.QuoteAtChunkEnd;
            return out;
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            // A doubled quote is one literal quote; keep it and go on inside the field.
            this.partial += '"';
            i = q + 2;
            start = i;
          } else {
            this.state = State.AfterQuote;
            i = q + 1;
          }
          break;
        }
        case State.QuoteAtChunkEnd: {
          if (s.charCodeAt(i) === QUOTE) {
            this.partial += '"';
            this.state = State.Quoted;
            i++;
            start = i;
          } else {
            this.state = State.AfterQuote;
          }
          break;
        }
        case State.AfterQuote: {
          const c = s.charCodeAt(i);
          if (c === COMMA) {
            this.pushField(this.partial);
            i++;
            this.state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.pushField(this.partial);
            i = this.endRow(s, i, out);
          } else {
            // `"abc"def`: not RFC 4180, but keeping the text beats failing the whole file.
            this.irregular = true;
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
      }
    }
    return out;
  }

  /** Signals the end of input and returns the last row if the input did not end with a line break. */
  end(): string[][] {
    this.lastRaw = [];
    if (this.skipLf && !this.sawLineEnding) this.noteLineEnding('\r');
    this.skipLf = false;
    if (this.state === State.Quoted) {
      throw new CsvError(`line ${this.quoteLine}: unterminated quoted field (the quote opened there is never closed)`, this.quoteLine);
    }
    if (!this.rowStarted) return [];
    this.pushField(this.partial);
    const row = this.row;
    // push() moved the unfinished row's text into rowPrefix: nothing of the chunk is left to add.
    this.lastRaw.push(this.rawOfRow(this.rowStart));
    this.row = [];
    this.rowStarted = false;
    this.state = State.FieldStart;
    return [row];
  }

  private pushField(value: string): void {
    this.row.push(value);
    this.partial = '';
  }

  /** Ends the row at the line break at `i` (CR, LF or CRLF) and returns the index after it. */
  private endRow(s: string, i: number, out: string[][]): number {
    out.push(this.row);
    this.lastRaw.push(this.rawOfRow(i));
    this.row = [];
    this.rowStarted = false;
    this.state = State.FieldStart;
    this.line++;
    if (s.charCodeAt(i) === LF) {
      if (!this.sawLineEnding) this.noteLineEnding('\n');
      return i + 1;
    }
    // A CR: part of CRLF when a LF follows, possibly in the next chunk.
    if (i + 1 === s.length) {
      this.skipLf = true;
      return i + 1;
    }
    if (s.charCodeAt(i + 1) === LF) {
      if (!this.sawLineEnding) this.noteLineEnding('\r\n');
      return i + 2;
    }
    if (!this.sawLineEnding) this.noteLineEnding('\r');
    return i + 1;
  }

  /** The current row's text up to `end` in the current chunk, when it can be copied through unchanged. */
  private rawOfRow(end: number): string | undefined {
    const raw = this.irregular ? undefined : this.rowPrefix + this.chunk.slice(this.rowStart, end);
    this.rowPrefix = '';
    this.irregular = false;
    return raw;
  }

  private noteLineEnding(eol: '\n' | '\r\n' | '\r'): void {
    this.lineEnding = eol;
    this.sawLineEnding = true;
  }

  // Only needed for error messages, so it scans for LF with indexOf rather than per character.
  private countLines(s: string, from: number, to: number): void {
    let j = s.indexOf('\n', from);
    while (j !== -1 && j < to) {
      this.line++;
      j = s.indexOf('\n', j + 1);
    }
  }
}

/** Options of `readCsvBatches` and `readCsv`. */
export interface ReadCsvOptions {
  /** Receives the parser once created, e.g. to read `lineEnding` after the first rows. */
  onParser?: (parser: CsvParser) => void;
}

/** The rows one chunk completed, with each row's source text where it can be copied through (`CsvParser.lastRaw`). */
export interface CsvBatch {
  rows: string[][];
  raw: (string | undefined)[];
}

/**
 * Rows of a CSV stream, a batch per chunk read: one await per chunk instead of one per row keeps the
 * per-row overhead of a million-row file low. Bytes are decoded as UTF-8, split characters included.
 */
export async function* readCsvBatches(input: Readable, options: ReadCsvOptions = {}): AsyncGenerator<CsvBatch> {
  const parser = new CsvParser();
  options.onParser?.(parser);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text.length === 0) continue;
    const rows = parser.push(text);
    if (rows.length > 0) yield { rows, raw: parser.lastRaw };
  }
  const rest = decoder.end();
  const tail = rest.length > 0 ? parser.push(rest) : [];
  const tailRaw = rest.length > 0 ? parser.lastRaw : [];
  const last = parser.end();
  if (tail.length > 0 || last.length > 0) yield { rows: tail.concat(last), raw: tailRaw.concat(parser.lastRaw) };
}

/** Rows of a CSV stream one at a time; convenient where speed does not matter (see `readCsvBatches`). */
export async function* readCsv(input: Readable, options: ReadCsvOptions = {}): AsyncGenerator<string[]> {
  for await (const batch of readCsvBatches(input, options)) {
    yield* batch.rows;
  }
}
