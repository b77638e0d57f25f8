// Scores a block of rows with the engine into the output columns' values; pure (no Apps Script), so it is the hot loop.

import type { CompiledProfile } from '../../engine/compile';
import { sortedTiers } from '../../engine/tiers';
import type { OutputBlock, OutputKind } from './output-columns';
import { asCellText } from './safe-text';

export type OutputValue = string | number;

/** Tier label -> rank: 1 for the best tier, then down, the disqualified label last. */
export function tierOrder(profile: CompiledProfile): Map<string, number> {
  const labels = [...sortedTiers(profile.profile.tiers).map((t) => t.label), profile.disqualifiedLabel];
  const order = new Map<string, number>();
  // A label used twice keeps its first (better) rank.
  labels.forEach((label, i) => {
    if (!order.has(label)) order.set(label, i + 1);
  });
  return order;
}

export interface ScoredBlock {
  /** One 2-D array per output block, in the order of the blocks given. */
  writes: OutputValue[][][];
  /** Non-blank rows per tier label. */
  counts: Map<string, number>;
  engineMs: number;
}

/**
 * `rows` are whole sheet rows; the cells at `ownColumns` (0-based) are our previous output and are blanked first
 * so they never count as data (a row holding only an old score is a blank row now).
 */
export function scoreRows(
  profile: CompiledProfile,
  rows: unknown[][],
  ownColumns: readonly number[],
  blocks: readonly OutputBlock[],
  order: ReadonlyMap<string, number>,
): ScoredBlock {
  const started = Date.now();
  const writes: OutputValue[][][] = blocks.map(() => new Array<OutputValue[]>(rows.length));
  const counts = new Map<string, number>();
  const values: Record<OutputKind, OutputValue> = { score: '', tier: '', why: '', order: '' };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (const c of ownColumns) row[c] = '';
    const result = profile.evaluateWithWhy(row);
    if (result.blank) {
      values.score = '';
      values.tier = '';
      values.why = '';
      values.order = '';
    } else {
      values.score = result.score;
      values.tier = asCellText(result.tier);
      values.why = asCellText(result.text);
      values.order = order.get(result.tier) ?? '';
      counts.set(result.tier, (counts.get(result.tier) ?? 0) + 1);
    }
    for (let b = 0; b < blocks.length; b++) writes[b]![r] = blocks[b]!.kinds.map((k) => values[k]);
  }
  return { writes, counts, engineMs: Date.now() - started };
}
