// The per-row work of `icp score`: one input row in, the same row plus ICP Score, ICP Tier and ICP Why out.
import { scoreText, type CompiledProfile } from '../engine';
import type { Delimiter } from './csv-chars';
import type { CsvBatch } from './csv-reader';
import { csvField, inertText, type RowOutput } from './csv-writer';
import { TierTally } from './tier-tally';

/** ICP Why cells kept per scorer at most (see RowScorer.whyCells). */
const WHY_CELLS = 4096;

/** The headers `icp score` appends, in order. */
export const ICP_COLUMNS: readonly string[] = ['ICP Score', 'ICP Tier', 'ICP Why'];

export class RowScorer {
  readonly tally: TierTally;
  /** Rows with more cells than the header row, and the first of them (spreadsheet numbering, header = 1). */
  longRows = 0;
  firstLongRow = 0;
  private rowNumber: number;
  private readonly tierCells = new Map<string, string>();
  /**
   * ICP Why cells by their text. Most rows share their text with many others (the engine hands out one string per
   * combination of outcomes): the cell is made inert and quoted once, and the lookup of a text seen before is by a
   * hash its string keeps. Bounded: texts naming a cell's value rarely repeat.
   */
  private readonly whyCells = new Map<string, string>();
  private readonly delimiter: Delimiter;

  constructor(
    private readonly profile: CompiledProfile,
    /** Cells in the header row: short rows are padded to it so the ICP columns line up under their headers. */
    private readonly width: number,
    private readonly writer: RowOutput,
    /** Number of the row before the first one scored (1, the header row, unless scoring a later part of a file). */
    rowNumberBefore = 1,
    tally?: TierTally,
  ) {
    this.rowNumber = rowNumberBefore;
    this.delimiter = writer.delimiter;
    this.tally = tally ?? new TierTally(profile.tierLabels);
  }

  /** Scores and writes the batch's rows from `from` on; awaits only when the output asked to slow down. */
  async scoreBatch(batch: CsvBatch, from = 0): Promise<void> {
    const { rows, raw } = batch;
    for (let i = from; i < rows.length; i++) {
      const wait = this.scoreRow(rows[i] as string[], raw[i]);
      if (wait !== undefined) await wait;
    }
  }

  /** Scores and writes the whole batch at once, for an output that never asks to wait (CsvText). */
  scoreBatchNow(batch: CsvBatch): void {
    const { rows, raw } = batch;
    for (let i = 0; i < rows.length; i++) this.scoreRow(rows[i] as string[], raw[i]);
  }

  /**
   * Writes one input row plus its ICP cells. A row with no more cells than the header row is copied through
   * as its source text when the parser kept it (`raw`): the input columns stay byte for byte as they were,
   * and the row costs no re-quoting. Reuses the parser's array, which nothing else holds.
   */
  private scoreRow(row: string[], raw: string | undefined): Promise<void> | undefined {
    this.rowNumber++;
    const width = this.width;
    const cells = row.length;
    // Empty cells past the header row (a trailing comma) hold nothing; dropping them keeps the row rectangular.
    while (row.length > width && row[row.length - 1] === '') row.pop();
    const result = this.profile.evaluateWithWhy(row);
    if (result.blank) this.tally.blank++;
    else this.tally.add(result.tier);
    if (cells <= width && raw !== undefined) {
      // The common case, written as one string: no array of cells, no quoting check for the score.
      const d = this.delimiter;
      const icp = result.blank ? d + d : `${scoreText(result.score)}${d}${this.tierCell(result.tier)}${d}${this.whyCell(result.text)}`;
      return this.writer.writeLine(`${raw}${this.padding(width - cells)}${d}${icp}`);
    }
    const icp = result.blank ? ['', '', ''] : [scoreText(result.score), inertText(result.tier), inertText(result.text)];
    if (row.length <= width) {
      while (row.length < width) row.push('');
      row.push(...icp);
      return this.writer.writeRow(row);
    }
    // Extra cells go after the ICP columns: nothing is dropped and the ICP columns stay under their headers.
    if (this.longRows++ === 0) this.firstLongRow = this.rowNumber;
    const out = row.slice(0, width);
    out.push(...icp);
    for (let j = width; j < row.length; j++) out.push(row[j] as string);
    return this.writer.writeRow(out);
  }

  /** A tier label as a CSV cell, made inert and quoted once per label rather than on every row. */
  private tierCell(label: string): string {
    let cell = this.tierCells.get(label);
    if (cell === undefined) {
      cell = csvField(inertText(label), this.delimiter);
      this.tierCells.set(label, cell);
    }
    return cell;
  }

  private whyCell(text: string): string {
    let cell = this.whyCells.get(text);
    if (cell === undefined) {
      cell = csvField(inertText(text), this.delimiter);
      if (this.whyCells.size < WHY_CELLS) this.whyCells.set(text, cell);
    }
    return cell;
  }

  /** The delimiters that pad a short row's text out to the header row's width. */
  private padding(missing: number): string {
    return missing === 0 ? '' : this.delimiter.repeat(missing);
  }
}
