// Reverse index from cells to the emulator-evaluated formulas that take them as arguments (row buckets + wide list).
import type { FormulaCell, SheetData } from './sheet-data';

interface Entry {
  fc: FormulaCell;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface SheetIndex {
  buckets: Map<number, Entry[]>;
  wide: Entry[];
}

const BUCKET_SHIFT = 6;
const BUCKET_ROWS = 1 << BUCKET_SHIFT;

export class DependencyIndex {
  private bySheet = new Map<SheetData, SheetIndex>();
  private live = 0;
  private dead = 0;

  add(fc: FormulaCell): void {
    for (const rect of fc.argRects) {
      let idx = this.bySheet.get(rect.sheet);
      if (!idx) {
        idx = { buckets: new Map(), wide: [] };
        this.bySheet.set(rect.sheet, idx);
      }
      const entry: Entry = { fc, r0: rect.r0, c0: rect.c0, r1: rect.r1, c1: rect.c1 };
      if (Number.isFinite(rect.r1) && rect.r1 - rect.r0 < BUCKET_ROWS * 4) {
        for (let b = rect.r0 >> BUCKET_SHIFT; b <= rect.r1 >> BUCKET_SHIFT; b++) {
          let list = idx.buckets.get(b);
          if (!list) {
            list = [];
            idx.buckets.set(b, list);
          }
          list.push(entry);
        }
      } else {
        idx.wide.push(entry);
      }
    }
    this.live++;
  }

  /** Call when a formula is removed; entries are dropped lazily. */
  removed(): void {
    this.live--;
    this.dead++;
  }

  needsCompaction(): boolean {
    return this.dead > 1000 && this.dead > this.live;
  }

  rebuild(formulas: Iterable<FormulaCell>): void {
    this.bySheet.clear();
    this.live = 0;
    this.dead = 0;
    for (const fc of formulas) if (!fc.removed && fc.kind === 'native') this.add(fc);
  }

  /** Adds to `out` the live formulas whose arguments intersect the rectangle. */
  query(sheet: SheetData, r0: number, c0: number, r1: number, c1: number, out: Set<FormulaCell>): void {
    const idx = this.bySheet.get(sheet);
    if (!idx) return;
    const visit = (e: Entry): void => {
      if (!e.fc.removed && e.r0 <= r1 && e.r1 >= r0 && e.c0 <= c1 && e.c1 >= c0) out.add(e.fc);
    };
    for (const e of idx.wide) visit(e);
    const b0 = r0 >> BUCKET_SHIFT;
    const b1 = Number.isFinite(r1) ? r1 >> BUCKET_SHIFT : Infinity;
    if (b1 - b0 > idx.buckets.size) {
      for (const list of idx.buckets.values()) for (const e of list) visit(e);
    } else {
      for (let b = b0; b <= b1; b++) {
        const list = idx.buckets.get(b);
        if (list) for (const e of list) visit(e);
      }
    }
  }
}
