// Scores one chunk of whole CSV rows into CSV bytes: the work of a worker thread, also done on the main thread.
import type { CompiledProfile } from '../engine';
import { CsvParser } from './csv-reader';
import { CsvText } from './csv-writer';
import { RowScorer } from './commands/score-rows';
import type { ChunkResult, ScoreChunk } from './score-worker-protocol';

const encoder = new TextEncoder();

/** The chunk's rows with their ICP cells as CSV bytes, with its tallies; a failure (an open quote) as data. */
export function scoreChunk(profile: CompiledProfile, width: number, lineEnding: string, chunk: ScoreChunk): ChunkResult {
  try {
    // Cut at row ends by lastRowEnd, so every chunk holds whole rows (and whole UTF-8 characters).
    const parser = new CsvParser(false);
    // Node's UTF-8 decoder, as the single-threaded path's StringDecoder uses: the same text for the same bytes,
    // invalid ones included, and a U+FEFF starting a chunk is kept (it is part of a cell, not the file's BOM).
    const rows = parser.push(Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString('utf8'));
    const raw = parser.lastRaw;
    if (chunk.last) {
      rows.push(...parser.end());
      raw.push(...parser.lastRaw);
    }
    const text = new CsvText({ lineEnding });
    const scorer = new RowScorer(profile, width, text, 0);
    scorer.scoreBatchNow({ rows, raw });
    return {
      id: chunk.id,
      ok: true,
      bytes: encoder.encode(text.take()),
      rows: rows.length,
      scored: scorer.tally.scored,
      blank: scorer.tally.blank,
      tiers: scorer.tally.entries(),
      longRows: scorer.longRows,
      firstLongRow: scorer.firstLongRow,
    };
  } catch (err) {
    // The main thread re-reads the file to report a CSV error with its line in the whole file.
    const e = err as Error;
    return { id: chunk.id, ok: false, name: e.name, message: e.message };
  }
}
