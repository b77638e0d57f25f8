// A sparse 2-D store (0-based row arrays) that shifts with inserted and deleted rows and columns.

export class SparseGrid<T> {
  rows: ((T | undefined)[] | undefined)[] = [];
  count = 0;

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (row && row[c] !== undefined) {
        row[c] = undefined;
        this.count--;
      }
      return;
    }
    if (!row) {
      row = [];
      while (this.rows.length < r) this.rows.push(undefined);
      this.rows[r] = row;
    }
    if (row[c] === undefined) this.count++;
    row[c] = v;
  }

  /** Calls fn for each stored item in row-major order. */
  forEach(fn: (v: T, r: number, c: number) => void): void {
    if (this.count === 0) return;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) fn(v, r, c);
      }
    }
  }

  /** Items inside the inclusive rectangle. */
  forEachIn(r0: number, c0: number, r1: number, c1: number, fn: (v: T, r: number, c: number) => void): void {
    if (this.count === 0) return;
    const last = Math.min(r1, this.rows.length - 1);
    for (let r = r0; r <= last; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const end = Math.min(c1, row.length - 1);
      for (let c = c0; c <= end; c++) {
        const v = row[c];
        if (v !== undefined) fn(v, r, c);
      }
    }
  }

  clearRect(r0: number, c0: number, r1: number, c1: number): void {
    this.forEachIn(r0, c0, r1, c1, (_v, r, c) => this.set(r, c, undefined));
  }

  insertRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<undefined>(n));
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    const removed = this.rows.splice(at, n);
    for (const row of removed) if (row) for (const v of row) if (v !== undefined) this.count--;
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, 0, ...new Array<undefined>(n));
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (!row || at >= row.length) continue;
      for (const v of row.splice(at, n)) if (v !== undefined) this.count--;
    }
  }

  clone(copyItem: (v: T) => T = (v) => v): SparseGrid<T> {
    const out = new SparseGrid<T>();
    out.rows = this.rows.map((row) => (row ? row.map((v) => (v === undefined ? undefined : copyItem(v))) : undefined));
    out.count = this.count;
    return out;
  }
}
