// The messages between `icp score` and its worker threads (all structured-cloneable).
import type { Model } from '../engine';
import type { Delimiter } from './csv-chars';

/** What a worker needs to score rows exactly as the main thread would. */
export interface WorkerSetup {
  model: Model;
  /** The profile's name, resolved by the main thread. */
  profile: string;
  headers: string[];
  /** "Today" as epoch milliseconds, fixed by the main thread so every thread counts days from the same day. */
  today: number;
  /** --locale: the locale text numbers are read in; undefined for the US reading. */
  locale?: string;
  lineEnding: string;
  /** The file's cell delimiter, told from its header row by the main thread. */
  delimiter: Delimiter;
  /** --lenient: rows a quote spanning lines leaves malformed are scored as they are and counted, not refused. */
  lenient?: boolean;
}

/** Whole CSV rows as UTF-8 bytes; `last` when they end the file (the last row may lack its line break). */
export interface ScoreChunk {
  id: number;
  bytes: Uint8Array;
  last: boolean;
}

export type ChunkResult =
  | {
      id: number;
      ok: true;
      /** The rows with their ICP cells, as CSV bytes. */
      bytes: Uint8Array;
      rows: number;
      scored: number;
      blank: number;
      tiers: [string, number][];
      longRows: number;
      /** Rows read as they are under --lenient although a quote spanning lines left them malformed. */
      quoteSpans: number;
      /** Row number of the first long row counted from the chunk's first row as 1; 0 when none. */
      firstLongRow: number;
    }
  | { id: number; ok: false; name: string; message: string };

/** What a worker posts once, when it has compiled the model and can take chunks. */
export const WORKER_READY = 'ready';

/** A worker's messages: ready once, then one result per chunk. */
export type WorkerMessage = typeof WORKER_READY | ChunkResult;
