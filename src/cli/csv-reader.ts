// Streaming RFC 4180 CSV parser: text chunks in, rows of fields out, without ever holding the whole file.
import { constants as bufferConstants } from 'node:buffer';
import type { Readable } from 'node:stream';
import { CR, detectDelimiter, LF, QUOTE, type Delimiter } from './csv-chars';
import { InputDecoder, InvalidBytes } from './input-decoder';

/** The longest string V8 can make (about 512 MB): no row's text, and so no field, can be longer. */
export const MAX_ROW_LENGTH = bufferConstants.MAX_STRING_LENGTH;

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

/**
 * A quoted field that runs over line breaks and leaves its row with a different number of cells than the header row:
 * nearly always a quote that is never closed (`B,"SaaS,200`), which swallows the lines after it into one row.
 */
export class QuoteSpanError extends CsvError {
  constructor(
    message: string,
    line: number,
    /** The line the row ends on. */
    readonly endLine: number,
  ) {
    super(message, line);
  }
}

/** Where the first of the rows that QuoteSpanError describes starts and ends, when they are read leniently. */
export interface QuoteSpans {
  /** How many such rows (the header row included). */
  count: number;
  /** Lines of the first one's opening quote and of its end; 0 when none. */
  startLine: number;
  endLine: number;
}

/** Input that is neither UTF-8 nor UTF-16 with a byte order mark (cp1252, say); `line` is where the first bad byte is. */
export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is not UTF-8 text`);
    this.name = 'NotUtf8Error';
  }
}

/** Header text held at most to tell the delimiter: a real header row is far shorter, an open quote is not. */
export const HEADER_SCAN_LIMIT = 1 << 20;

/** Options of CsvParser. */
export interface CsvParserOptions {
  /**
   * The text starts a file, so a leading byte order mark is dropped; false when parsing a later part of a file
   * (a worker thread's chunk), where U+FEFF would be part of a cell. Default true.
   */
  atFileStart?: boolean;
  /** The cell delimiter, or 'auto' to tell it from the header row (see detectDelimiter). Default ','. */
  delimiter?: Delimiter | 'auto';
  /** The longest row, in UTF-16 units, before the parser gives up; V8's string limit unless a test lowers it. */
  maxRowLength?: number;
  /**
   * Cells in the header row, for a parser that starts after it (a worker thread's chunk); a parser at the file's
   * start takes it from the first row. Rows are checked against it for quotes that swallow lines (QuoteSpanError).
   */
  width?: number;
  /** Reads a row that a quoted field spanning lines leaves with the wrong number of cells as it is, counting it in `quoteSpans`, rather than failing. */
  lenient?: boolean;
}

/** A length in messages: "512 MB" for the real limit, characters for the small ones of tests. */
function sizeText(chars: number): string {
  return chars >= 1 << 20 ? `${Math.floor(chars / (1 << 20))} MB` : `${chars} characters`;
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
  /** The cell delimiter: given, or once the header row was read, detected. */
  delimiter: Delimiter;
  /** The text started with a byte order mark (dropped from the first header), so a writer can start its output with one too. */
  byteOrderMark = false;
  /** Rows read as they are (lenient) although a quoted field spanning lines left them with the wrong number of cells. */
  readonly quoteSpans: QuoteSpans = { count: 0, startLine: 0, endLine: 0 };

  /** Cells in the header row: undefined until it was read (or given). */
  private width: number | undefined;
  private readonly lenient: boolean;
  /** The first row is the header row: the parser starts the file and was given no width. */
  private readonly readsHeader: boolean;
  /** Line of the opening quote of the current row's first quoted field that ran over a line break; 0 when none. */
  private spanLine = 0;
  /** In the current row, text followed the closing quote of a field that ran over line breaks (`"SaaS,200 ... D,"Fintech`). */
  private spanTextAfter = false;

  private delimiterCode: number;
  /** The delimiter is still to be told from the header row, whose text is `held` until it ends. */
  private detecting: boolean;
  private held = '';
  private readonly maxRowLength: number;

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
  private lineNo = 1;
  /** Line where the current row began, for the row-too-long error. */
  private rowLine = 1;
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

  constructor(options: CsvParserOptions = {}) {
    this.started = options.atFileStart === false;
    const d = options.delimiter ?? ',';
    this.detecting = d === 'auto';
    this.delimiter = d === 'auto' ? ',' : d;
    this.delimiterCode = this.delimiter.charCodeAt(0);
    this.maxRowLength = options.maxRowLength ?? MAX_ROW_LENGTH;
    this.width = options.width;
    this.readsHeader = options.atFileStart !== false && options.width === undefined;
    this.lenient = options.lenient ?? false;
  }

  /** The 1-based physical line the parser has reached, for error messages. */
  get line(): number {
    return this.lineNo;
  }

  /**
   * True while the only line break seen is a CR that ended the last chunk: `lineEnding` says '\n' then, but the
   * next chunk may start with the LF that makes it '\r\n'.
   */
  get lineEndingUndecided(): boolean {
    return this.skipLf && !this.sawLineEnding;
  }

  /** Parses one chunk of text and returns the rows it completed (possibly none). */
  push(chunk: string): string[][] {
    let text = chunk;
    if (this.detecting) {
      if (this.held.length + text.length > this.maxRowLength) {
        // A header row this long has no end in sight: decide now and let the length check below report it.
        this.setDelimiter(detectDelimiter(this.held, true) ?? ',');
        const held = this.held;
        this.held = '';
        this.push(held);
        return this.push(text);
      }
      // The delimiter comes from the header row: hold the text until that row has ended.
      this.held += text;
      // Scanned again from the start per chunk, so a header row that does not end (an open quote) is cut short.
      const found = detectDelimiter(this.held, this.held.length > HEADER_SCAN_LIMIT);
      this.lastRaw = [];
      if (found === undefined) return [];
      this.setDelimiter(found);
      text = this.held;
      this.held = '';
    }
    const out = this.parse(text);
    // A row goes on into the next chunk: keep its text so far, so its source text is known however the file is cut.
    if (this.rowStarted) {
      // Checked before V8 fails with "Invalid string length": a row this long is nearly always a quote never closed.
      if (this.rowPrefix.length + this.chunk.length - this.rowStart > this.maxRowLength) throw this.tooLong();
      this.rowPrefix += this.chunk.slice(this.rowStart);
      this.rowStart = 0;
    }
    return out;
  }

  private setDelimiter(d: Delimiter): void {
    this.detecting = false;
    this.delimiter = d;
    this.delimiterCode = d.charCodeAt(0);
  }

  private tooLong(): CsvError {
    const size = sizeText(this.maxRowLength);
    if (this.state === State.Quoted || this.state === State.QuoteAtChunkEnd) {
      return new CsvError(`line ${this.quoteLine}: a field longer than ${size} starts there; probably an unterminated quote`, this.quoteLine);
    }
    return new CsvError(`line ${this.rowLine}: a row longer than ${size} starts there`, this.rowLine);
  }

  private parse(chunk: string): string[][] {
    const out: string[][] = [];
    this.lastRaw = [];
    let s = chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      // Excel and Sheets exports often start with a UTF-8 byte order mark; it is not part of the first header.
      if (s.charCodeAt(0) === 0xfeff) {
        s = s.slice(1);
        this.byteOrderMark = true;
      }
    }
    const n = s.length;
    const DELIM = this.delimiterCode;
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
            this.rowLine = this.lineNo;
          }
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.lineNo;
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
            if (c === DELIM || c === LF || c === CR) break;
            if (c === QUOTE) this.irregular = true;
            i++;
          }
          if (i === n) {
            this.partial += s.slice(start, n);
            return out;
          }
          this.pushField(this.partial.length > 0 ? this.partial + s.slice(start, i) : s.slice(start, i));
          if (c === DELIM) {
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
            this.countQuotedLines(s, i, n);
            this.partial += s.slice(start, n);
            return out;
          }
          this.countQuotedLines(s, i, q);
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
          if (c === DELIM) {
            this.pushField(this.partial);
            i++;
            this.state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.pushField(this.partial);
            i = this.endRow(s, i, out);
          } else {
            // `"abc"def`: not RFC 4180, but keeping the text beats failing the whole file. After a field that ran over
            // line breaks, though, it is the mark of a quote never closed: its field ended at the next field's opening quote.
            if (this.lineNo > this.quoteLine) this.spanTextAfter = true;
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
    if (this.detecting) {
      // A file of one row, or none: the header row ends here.
      this.setDelimiter(detectDelimiter(this.held, true) ?? ',');
      const text = this.held;
      this.held = '';
      if (text.length > 0) {
        const rows = this.push(text);
        const raw = this.lastRaw;
        rows.push(...this.endInput());
        this.lastRaw = raw.concat(this.lastRaw);
        return rows;
      }
    }
    return this.endInput();
  }

  private endInput(): string[][] {
    this.lastRaw = [];
    if (this.skipLf && !this.sawLineEnding) this.noteLineEnding('\r');
    this.skipLf = false;
    if (this.state === State.Quoted) {
      const to = this.lineNo > this.quoteLine ? `; the field runs to the end of the file, line ${this.lineNo}` : '';
      throw new CsvError(`line ${this.quoteLine}: unterminated quoted field (the quote opened there is never closed${to})`, this.quoteLine);
    }
    if (!this.rowStarted) return [];
    this.pushField(this.partial);
    const row = this.row;
    this.checkRow(row, this.lineNo);
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
    this.checkRow(this.row, this.lineNo);
    out.push(this.row);
    this.lastRaw.push(this.rawOfRow(i));
    this.row = [];
    this.rowStarted = false;
    this.state = State.FieldStart;
    this.lineNo++;
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

  /**
   * A row that a quoted field ran over line breaks in must have as many cells as the header row (trailing empty cells
   * past it aside, as a trailing comma makes), and no text may follow that field's closing quote: if not, a quote was
   * probably never closed and swallowed the lines after it, up to the next field's opening quote. The header row has no
   * width to be compared with: only text after the closing quote counts there (a header cell may hold a line break, and
   * a quote in it never closed at all is an unterminated quote at the end of the file). Reported as an error, or
   * counted when lenient.
   */
  private checkRow(row: string[], endLine: number): void {
    if (this.spanLine === 0) {
      if (this.width === undefined && this.readsHeader) this.width = row.length;
      return;
    }
    const swallowed = `probably a quote that is never closed`;
    const textAfter = this.spanTextAfter;
    this.spanTextAfter = false;
    if (this.width === undefined) {
      // A parser that neither starts the file nor was given the header's width has nothing to check against.
      if (!this.readsHeader) {
        this.spanLine = 0;
        return;
      }
      this.width = row.length;
      if (textAfter) {
        this.spanFound(
          `line ${this.spanLine}: a quoted field of the header row starts there and runs over line breaks to line ${endLine}, where text follows the quote that closes it; ${swallowed}`,
          endLine,
        );
      }
    } else {
      let cells = row.length;
      while (cells > this.width && row[cells - 1] === '') cells--;
      if (textAfter || cells !== this.width) {
        const why =
          cells !== this.width
            ? `leaving that row with ${cells} ${cells === 1 ? 'cell' : 'cells'} where the header row has ${this.width}`
            : 'where text follows the quote that closes it';
        this.spanFound(`line ${this.spanLine}: a quoted field starts there and runs over line breaks to line ${endLine}, ${why}; ${swallowed}`, endLine);
      }
    }
    this.spanLine = 0;
  }

  private spanFound(message: string, endLine: number): void {
    if (!this.lenient) throw new QuoteSpanError(message, this.spanLine, endLine);
    if (this.quoteSpans.count++ === 0) {
      this.quoteSpans.startLine = this.spanLine;
      this.quoteSpans.endLine = endLine;
    }
  }

  /** countLines inside a quoted field, noting where the row's first field holding a line break opened. */
  private countQuotedLines(s: string, from: number, to: number): void {
    const before = this.lineNo;
    this.countLines(s, from, to);
    if (this.lineNo !== before && this.spanLine === 0) this.spanLine = this.quoteLine;
  }

  // Only needed for error messages, so it scans for LF with indexOf rather than per character.
  private countLines(s: string, from: number, to: number): void {
    let j = s.indexOf('\n', from);
    while (j !== -1 && j < to) {
      this.lineNo++;
      j = s.indexOf('\n', j + 1);
    }
  }
}

/** Options of `readCsvBatches` and `readCsv`. */
export interface ReadCsvOptions {
  /** Receives the parser and the decoder once created, e.g. to read `lineEnding` or `encoding` after the first rows. */
  onParser?: (parser: CsvParser, decoder: InputDecoder) => void;
  /** See CsvParserOptions; for tests, which cannot write a file of 512 MB. */
  maxRowLength?: number;
  /** See CsvParserOptions (`--lenient`): rows a quote spanning lines leaves malformed are read as they are and counted. */
  lenient?: boolean;
}

/** The rows one chunk completed, with each row's source text where it can be copied through (`CsvParser.lastRaw`). */
export interface CsvBatch {
  rows: string[][];
  raw: (string | undefined)[];
}

/** The text of `bytes` pushed into `parser`; bytes that are not UTF-8 become a NotUtf8Error naming their line. */
export function pushBytes(parser: CsvParser, decoder: InputDecoder, bytes: Uint8Array | undefined): string[][] {
  let text: string;
  try {
    text = bytes === undefined ? decoder.end() : decoder.write(bytes);
  } catch (err) {
    if (!(err instanceof InvalidBytes)) throw err;
    // The parser counts lines; give it the text before the bad byte (its rows are dropped) and ask where it got to.
    try {
      parser.push(err.before);
    } catch {
      // The line reached so far is still the best answer.
    }
    throw new NotUtf8Error(parser.line);
  }
  return text.length > 0 ? parser.push(text) : [];
}

/**
 * Rows of a CSV stream, a batch per chunk read: one await per chunk instead of one per row keeps the
 * per-row overhead of a million-row file low. Bytes are decoded as strict UTF-8, or UTF-16 after its byte order
 * mark (InputDecoder); the delimiter is told from the header row.
 */
export async function* readCsvBatches(input: Readable, options: ReadCsvOptions = {}): AsyncGenerator<CsvBatch> {
  const parser = new CsvParser({
    delimiter: 'auto',
    lenient: options.lenient ?? false,
    ...(options.maxRowLength === undefined ? {} : { maxRowLength: options.maxRowLength }),
  });
  const decoder = new InputDecoder();
  options.onParser?.(parser, decoder);
  // Rows are held back while a CR ending the last chunk leaves the line ending undecided: whoever reads
  // `lineEnding` after the first batch must get the file's, whatever the chunk size or a pause on a pipe.
  let held: CsvBatch | undefined;
  const hold = (rows: string[][], raw: (string | undefined)[]): void => {
    if (rows.length === 0) return;
    if (held === undefined) held = { rows, raw };
    else {
      held.rows.push(...rows);
      held.raw.push(...raw);
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    // A stream given an encoding by its owner yields text already.
    const rows = typeof chunk === 'string' ? parser.push(chunk) : pushBytes(parser, decoder, chunk);
    hold(rows, parser.lastRaw);
    if (held !== undefined && !parser.lineEndingUndecided) {
      yield held;
      held = undefined;
    }
  }
  hold(pushBytes(parser, decoder, undefined), parser.lastRaw);
  hold(parser.end(), parser.lastRaw);
  if (held !== undefined) yield held;
}

/** Rows of a CSV stream one at a time; convenient where speed does not matter (see `readCsvBatches`). */
export async function* readCsv(input: Readable, options: ReadCsvOptions = {}): AsyncGenerator<string[]> {
  for await (const batch of readCsvBatches(input, options)) {
    yield* batch.rows;
  }
}
