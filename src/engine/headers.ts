// Finds columns by header text (case-, space- and punctuation-insensitive), never by position.

import { headerKey } from './read/text';

export class HeaderMap {
  private readonly index = new Map<string, number>();

  constructor(readonly headers: readonly unknown[]) {
    headers.forEach((h, i) => {
      const key = headerKey(h);
      // The first of two same-named columns wins, the way a person scanning left to right would read it.
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** Column index of a header name, or -1 when the sheet has no such column. */
  find(name: string): number {
    return this.index.get(headerKey(name)) ?? -1;
  }
}
