// The most frequent values of a column, fetched from the server once per column and cached for the session.
import type { ColumnSuggestions } from '../src/gas/api-types';
import { call } from './client';

export class Suggestions {
  private cache = new Map<string, Promise<ColumnSuggestions>>();

  get(column: string): Promise<ColumnSuggestions> {
    let hit = this.cache.get(column);
    if (hit === undefined) {
      hit = call('getColumnSuggestions', column);
      // A failure is reported by the caller; forget it so the next look retries.
      hit.catch(() => this.cache.delete(column));
      this.cache.set(column, hit);
    }
    return hit;
  }

  /** After the sheet changed (a reload): fetch afresh. */
  reset(): void {
    this.cache.clear();
  }
}
