// Scores one chunk of whole CSV rows into CSV bytes: the work of a worker thread, also done on the main thread.
import type { CompiledProfile } from '../engine';
import { CsvParser } from './csv-reader';
import { csvRow, CsvText, Utf8Rows } from './csv-writer';
import { RowScorer } from './row-scorer';
import type { ChunkResult, ScoreChunk, WorkerSetup } from './score-worker-protocol';

// One buffer for every chunk a thread scores (one at a time): a new one per chunk made the collector run far more often.
const shared = new Utf8Rows(1 << 20);

/** A chunk's rows as UTF-8 bytes (see Utf8Rows), to hand over to the main thread. */
export class CsvBytes extends CsvText {
  private readonly rows = shared;

  override writeRow(fields: readonly string[]): undefined {
    this.rows.append(csvRow(fields, this.delimiter) + this.eol);
    return undefined;
  }

  override writeLine(csvText: string): undefined {
    this.rows.append(csvText + this.eol);
    return undefined;
  }

  /** Everything written, as bytes of an ArrayBuffer of their own (to transfer to another thread). */
  takeBytes(): Uint8Array {
    return this.rows.copyOut();
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
