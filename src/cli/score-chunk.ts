// Scores one chunk of whole CSV rows into CSV bytes: the work of a worker thread, also done on the main thread.
import type { CompiledProfile } from '../engine';
import { CsvParser } from './csv-reader';
import { CsvText } from './csv-writer';
import { RowScorer } from './row-scorer';
import type { ChunkResult, ScoreChunk, WorkerSetup } from './score-worker-protocol';

/** Text collected before it is written out as UTF-8: small enough to stay a short string, large enough that writes are few. */
const PIECE_CHARS = 16 * 1024;

/**
 * Rows collected as UTF-8 bytes: the text is written into a growing buffer every PIECE_CHARS characters. Encoding
 * the chunk's text whole at the end took twice as long (one string of a quarter million pieces to flatten, and two
 * bytes per character once any row holds a character past U+00FF, as the reason's quotes “” do).
 */
export class CsvBytes extends CsvText {
  // One buffer for every chunk a thread scores: a new one per chunk made the collector run far more often
  // (memory outside the heap counts towards its schedule).
  private static shared = Buffer.allocUnsafe(1 << 20);
  private bytes = CsvBytes.shared;
  private length = 0;

  protected override collected(): undefined {
    if (this.buffer.length >= PIECE_CHARS) this.writeOut();
    return undefined;
  }

  private writeOut(): void {
    const text = this.buffer;
    this.buffer = '';
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + text.length * 3));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
      CsvBytes.shared = bigger;
    }
    this.length += this.bytes.write(text, this.length);
  }

  /** Everything written, as bytes of an ArrayBuffer of their own (to hand over to another thread). */
  takeBytes(): Uint8Array {
    this.writeOut();
    const out = new Uint8Array(this.length);
    out.set(this.bytes.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

// Strict like the one-thread reader (InputDecoder): bytes that are not UTF-8 fail the chunk rather than become U+FFFD.
// ignoreBOM keeps a U+FEFF that starts a chunk: it is part of a cell there, not the file's byte order mark.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The chunk's rows with their ICP cells as CSV bytes, with its tallies; a failure (an open quote) as data. */
export function scoreChunk(profile: CompiledProfile, width: number, setup: Pick<WorkerSetup, 'lineEnding' | 'delimiter' | 'lenient'>, chunk: ScoreChunk): ChunkResult {
  const { lineEnding, delimiter } = setup;
  try {
    // Cut at row ends by lastRowEnd, so every chunk holds whole rows (and whole UTF-8 characters).
    // The header's width, so a quote that swallowed lines is caught here as on one thread (QuoteSpanError).
    const parser = new CsvParser({ atFileStart: false, delimiter, width, lenient: setup.lenient ?? false });
    let text: string;
    try {
      text = decoder.decode(chunk.bytes);
    } catch {
      // Where the bad byte is in the whole file is for the main thread to find.
      return { id: chunk.id, ok: false, name: 'NotUtf8Error', message: 'not UTF-8 text' };
    }
    const rows = parser.push(text);
    const raw = parser.lastRaw;
    if (chunk.last) {
      rows.push(...parser.end());
      raw.push(...parser.lastRaw);
    }
    const out = new CsvBytes({ lineEnding, delimiter });
    const scorer = new RowScorer(profile, width, out, 0);
    scorer.scoreBatchNow({ rows, raw });
    return {
      id: chunk.id,
      ok: true,
      bytes: out.takeBytes(),
      rows: rows.length,
      scored: scorer.tally.scored,
      blank: scorer.tally.blank,
      tiers: scorer.tally.entries(),
      longRows: scorer.longRows,
      quoteSpans: parser.quoteSpans.count,
      firstLongRow: scorer.firstLongRow,
    };
  } catch (err) {
    // The main thread re-reads the file to report a CSV error with its line in the whole file.
    const e = err as Error;
    return { id: chunk.id, ok: false, name: e.name, message: e.message };
  }
}
