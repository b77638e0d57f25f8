// Groups scattered cells into rectangular blocks, so the formula engine gets few large writes instead of many small ones.

export interface Block {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** `cells` is a flat list [r, c, r, c, ...] (duplicates allowed). */
export function groupIntoBlocks(cells: number[]): Block[] {
  const n = cells.length / 2;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (cells[2 * a] ?? 0) - (cells[2 * b] ?? 0) || (cells[2 * a + 1] ?? 0) - (cells[2 * b + 1] ?? 0));
  const done: Block[] = [];
  let open = new Map<string, Block>();
  let runs: Array<[number, number]> = [];
  let currentRow = -1;

  const closeRow = (row: number): void => {
    const next = new Map<string, Block>();
    for (const [cs, ce] of runs) {
      const key = `${cs}:${ce}`;
      const blk = open.get(key);
      if (blk && blk.r0 + blk.rows === row) {
        blk.rows++;
        next.set(key, blk);
        open.delete(key);
      } else {
        next.set(key, { r0: row, c0: cs, rows: 1, cols: ce - cs + 1 });
      }
    }
    for (const blk of open.values()) done.push(blk);
    open = next;
    runs = [];
  };

  let lastC = -2;
  for (const i of order) {
    const r = cells[2 * i] ?? 0;
    const c = cells[2 * i + 1] ?? 0;
    if (r !== currentRow) {
      if (currentRow >= 0) closeRow(currentRow);
      currentRow = r;
      lastC = -2;
    }
    if (c === lastC) continue;
    const last = runs[runs.length - 1];
    if (last && c === lastC + 1) last[1] = c;
    else runs.push([c, c]);
    lastC = c;
  }
  if (currentRow >= 0) closeRow(currentRow);
  for (const blk of open.values()) done.push(blk);
  return done;
}
