// Worker thread of `icp score --threads`: scores chunks of whole CSV rows and returns them as CSV bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../engine';
import { CsvParser } from './csv-reader';
import { CsvText } from './csv-writer';
import { RowScorer } from './commands/score-rows';
import type { ChunkResult, ScoreChunk, WorkerSetup } from './score-worker-protocol';

const setup = workerData as WorkerSetup;
// The main thread compiled the same model against the same headers already, so this cannot fail.
const profile = compileModel(setup.model, setup.headers, setup.today === undefined ? {} : { today: new Date(setup.today) }).profile(
  setup.profile,
);
const encoder = new TextEncoder();

function scoreChunk(chunk: ScoreChunk): ChunkResult {
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
  const text = new CsvText({ lineEnding: setup.lineEnding });
  const scorer = new RowScorer(profile, setup.headers.length, text, 0);
  scorer.scoreBatchNow({ rows, raw });
  const bytes = encoder.encode(text.take());
  return {
    id: chunk.id,
    ok: true,
    bytes,
    rows: rows.length,
    scored: scorer.tally.scored,
    blank: scorer.tally.blank,
    tiers: scorer.tally.entries(),
    longRows: scorer.longRows,
    firstLongRow: scorer.firstLongRow,
  };
}

parentPort!.on('message', (chunk: ScoreChunk) => {
  let result: ChunkResult;
  try {
    result = scoreChunk(chunk);
  } catch (err) {
    // The main thread re-reads the file to report a CSV error with its line in the whole file.
    const e = err as Error;
    result = { id: chunk.id, ok: false, name: e.name, message: e.message };
  }
  parentPort!.postMessage(result, result.ok ? [result.bytes.buffer as ArrayBuffer] : []);
});
