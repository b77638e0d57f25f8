// The per-row work of `icp score`: one input row in, the same row plus ICP Score, ICP Tier and ICP Why out.
import type { CompiledProfile } from '../../engine';
import type { CsvWriter } from '../csv-writer';
import { TierTally } from '../tier-tally';

/** The headers `icp score` appends, in order. */
export const ICP_COLUMNS: readonly string[] = ['ICP Score', 'ICP Tier', 'ICP Why'];

export class RowScorer {
  readonly tally: TierTally;
  /** Rows with more cells than the header row, and the first of them (spreadsheet numbering, header = 1). */
  longRows = 0;
  firstLongRow = 0;
  private rowNumber = 1;

  constructor(
    private readonly profile: CompiledProfile,
    /** Cells in the header row: short rows are padded to it so the ICP columns line up under their headers. */
    private readonly width: number,
    private readonly writer: CsvWriter,
  ) {
    this.tally = new TierTally(profile.tierLabels);
  }

  get profileName(): string {
    return this.profile.name;
  }

  /** Scores and writes `rows[from..]`; awaits only when the output asked to slow down. */
  async scoreBatch(rows: string[][], from = 0): Promise<void> {
    for (let i = from; i < rows.length; i++) {
      const wait = this.writer.writeRow(this.scoreRow(rows[i] as string[]));
      if (wait !== undefined) await wait;
    }
  }

  /** The output row for one input row; reuses the parser's array, which nothing else holds. */
  scoreRow(row: string[]): string[] {
    this.rowNumber++;
    const width = this.width;
    while (row.length < width) row.push('');
    // Empty cells past the header row (a trailing comma) hold nothing; dropping them keeps the row rectangular.
    while (row.length > width && row[row.length - 1] === '') row.pop();
    const result = this.profile.evaluateWithWhy(row);
    let score = '';
    let tier = '';
    let why = '';
    if (result.blank) this.tally.blank++;
    else {
      this.tally.add(result.tier);
      score = String(result.score);
      tier = result.tier;
      why = result.text;
    }
    if (row.length === width) {
      row.push(score, tier, why);
      return row;
    }
    // Extra cells go after the ICP columns: nothing is dropped and the ICP columns stay under their headers.
    if (this.longRows++ === 0) this.firstLongRow = this.rowNumber;
    const out = row.slice(0, width);
    out.push(score, tier, why);
    for (let j = width; j < row.length; j++) out.push(row[j] as string);
    return out;
  }
}
