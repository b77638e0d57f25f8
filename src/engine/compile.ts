// Compiles a profile against a header row once (columns resolved, operators prepared) to score many rows fast.

import { maxPointsOf } from './max-points';
import type { Criterion, Profile, Role, Tier } from './model';
import { HeaderMap, type DuplicateHeader } from './headers';
import { compileCondition, type CompileContext } from './operators';
import { isBlank } from './read/blank';
import { KIND_CODE, shownText } from './read/cells';
import { EXCLUDE, KNOCKED_OUT, MUST, SCORE, SlotJudge, type SlotCriterion, type SlotOutcome } from './slot';
import { dayOfDate } from './read/date';
import { isDecimalCommaLocale } from './read/locale';
import { BLANK_ROW, DISQUALIFIED, type BatchResults, type CriterionOutcome, type CriterionStatus, type Explanation, type RowResult } from './results';
import { disqualifiedLabel, roundScore, sortedTiers, tierFor, tierLabels, tierOfRounded } from './tiers';
import {
  explanationText, phraseCaches, MATCHED, MISSED, UNKNOWN, UNREADABLE, KNOCKOUT, KO_NONE, KO_MUST_MISSED, KO_MUST_UNREADABLE,
  KO_EXCLUDED, type ExplainView,
} from './explain';

/**
 * Rows scored column by column at a time: small enough that a block's row arrays stay in the CPU cache from one column
 * to the next (each column's pass over all rows would fetch every row array from memory again), large enough that the
 * per-column loops still run long. On 100k rows, 8,192 and 16,384 measured best; 2,048 and below were slower than no
 * blocks at all.
 */
const BLOCK_ROWS = 8192;

const STATUS_NAMES: readonly CriterionStatus[] = ['matched', 'missed', 'unknown', 'unreadable', 'knockout'];
const KNOCKOUT_NAMES: readonly (CriterionOutcome['knockout'] | undefined)[] = [undefined, 'must-missed', 'must-unreadable', 'excluded'];
const ROLE_CODE: Record<Role, number> = { score: SCORE, must: MUST, exclude: EXCLUDE };

interface CompiledCriterion extends SlotCriterion {
  source: Criterion;
  /** Slot of the criterion's column among the used columns, or -1 when the sheet lacks the column. */
  slot: number;
  /** Index of the criterion among those on its slot (SlotOutcome.hits). */
  inSlot: number;
  maxPoints: number;
}

export interface CompileOptions {
  /** "Today" for `withinDays`; defaults to the current date. */
  today?: Date;
  /**
   * The spreadsheet's locale as Sheets names it (`de_DE`, `en_US`, `pt_BR`; a bare language such as `de` too): numbers
   * written as text are read as it writes them (`1.234,5` in de, `1,234.5` in en). Default: the US reading.
   */
  locale?: string;
}

export class CompiledProfile {
  readonly name: string;
  readonly missingColumns: string[];
  /** The criteria's columns whose header several columns share (the first is read), each once. */
  readonly duplicateColumns: DuplicateHeader[];
  readonly tierLabels: string[];
  readonly disqualifiedLabel: string;
  private readonly tiers: Tier[];
  private readonly criteria: CompiledCriterion[];
  private readonly columnIndexes: number[];
  private readonly judges: SlotJudge[];
  /** The last row's outcome per column slot (read by explanations before the next row). */
  private readonly outcomes: SlotOutcome[];
  /** The last row scored (explanations read its values as shown). */
  private lastRow: readonly unknown[] = [];
  private readonly weights: Float64Array;
  private readonly possible: Float64Array;
  private readonly earned: Float64Array;
  /** The categories some non-exclusion criterion belongs to, in model order: the only ones a score weighs. */
  private readonly participating: Int32Array;
  /** Sum of the participating categories' weights, added in model order as the score's sum is. */
  private readonly totalWeight: number;
  /** The last row's outcome per criterion, in typed arrays: no objects per criterion per row. */
  private readonly view: ExplainView & { status: Uint8Array; points: Float64Array; knockout: Uint8Array };

  constructor(readonly profile: Profile, headers: HeaderMap, context: CompileContext) {
    this.name = profile.name;
    this.tiers = sortedTiers(profile.tiers);
    this.tierLabels = tierLabels(profile);
    this.disqualifiedLabel = disqualifiedLabel(profile);
    const categoryIndex = new Map(profile.categories.map((c, i) => [c.id, i]));
    const nCat = profile.categories.length;
    this.weights = Float64Array.from(profile.categories, (c) => c.weight);
    this.possible = new Float64Array(nCat);
    this.earned = new Float64Array(nCat);
    const participating = new Uint8Array(nCat);

    const slotOfColumn = new Map<number, number>();
    const countOfSlot: number[] = [];
    this.columnIndexes = [];
    const missing = new Set<string>();
    this.criteria = profile.criteria.map((source) => {
      const compiled = compileCondition(source.when, context);
      const col = headers.find(source.column);
      let slot = -1;
      if (col < 0) missing.add(source.column);
      else {
        slot = slotOfColumn.get(col) ?? -1;
        if (slot < 0) {
          slot = this.columnIndexes.length;
          slotOfColumn.set(col, slot);
          this.columnIndexes.push(col);
          countOfSlot.push(0);
        }
      }
      const inSlot = slot < 0 ? -1 : countOfSlot[slot]!++;
      const role = ROLE_CODE[source.role ?? 'score'];
      const category = categoryIndex.get(source.category) ?? -1;
      const maxPoints = maxPointsOf(source);
      if (category >= 0 && role !== EXCLUDE) {
        this.possible[category]! += maxPoints;
        participating[category] = 1;
      }
      return {
        source,
        role,
        slot,
        inSlot,
        category,
        kind: compiled.cheaperKind ?? compiled.kind,
        kindCode: KIND_CODE[compiled.cheaperKind ?? compiled.kind],
        test: compiled.test,
        bandPoints: compiled.bandPoints,
        points: source.points ?? 0,
        maxPoints,
      };
    });
    this.participating = Int32Array.from(profile.categories.keys()).filter((c) => participating[c] === 1);
    let totalWeight = 0;
    for (const c of this.participating) totalWeight += this.weights[c]!;
    this.totalWeight = totalWeight;
    this.missingColumns = [...missing];
    const duplicates = new Map<number, DuplicateHeader>();
    for (const c of profile.criteria) {
      const d = headers.duplicate(c.column);
      if (d !== undefined) duplicates.set(d.columns[0]!, d);
    }
    this.duplicateColumns = [...duplicates.values()];
    this.judges = this.columnIndexes.map((_, slot) => new SlotJudge(this.criteria.filter((c) => c.slot === slot), context.decimalComma));
    this.outcomes = this.judges.map((j) => j.judge(''));
    const n = this.criteria.length;
    const outcomes = this.outcomes;
    const slots = this.criteria.map((c) => c.slot);
    this.view = {
      n,
      label: this.criteria.map((c) => c.source.label ?? c.source.id),
      column: this.criteria.map((c) => c.source.column),
      role: this.criteria.map((c) => c.source.role ?? 'score'),
      maxPoints: Float64Array.from(this.criteria, (c) => c.maxPoints),
      columnFound: Uint8Array.from(slots, (slot) => (slot >= 0 ? 1 : 0)),
      status: new Uint8Array(n),
      points: new Float64Array(n),
      knockout: new Uint8Array(n),
      phrases: phraseCaches(n),
      // Read from the row again: outcomes are shared by every value judged alike, so they cannot hold it.
      value: (i) => {
        const slot = slots[i]!;
        if (slot < 0 || outcomes[slot]!.blank) return '';
        try {
          return shownText(this.lastRow[this.columnIndexes[slot]!]);
        } catch {
          return ''; // a value whose text throws is judged blank: only one that throws on a later call gets here
        }
      },
    };
  }

  /** Score and tier of one row (the fast path: no explanation is built). */
  evaluate(row: readonly unknown[]): RowResult {
    return this.run(row);
  }

  /** Score, tier and why, as data and as one line of text. */
  explain(row: readonly unknown[]): Explanation {
    const result = this.run(row);
    const items: CriterionOutcome[] = [];
    if (!result.blank) {
      const { view } = this;
      for (let i = 0; i < view.n; i++) {
        const s = this.criteria[i]!.source;
        const item: CriterionOutcome = {
          id: s.id,
          label: view.label[i]!,
          column: s.column,
          category: s.category,
          role: view.role[i]!,
          status: STATUS_NAMES[view.status[i]!]!,
          points: view.points[i]!,
          maxPoints: view.maxPoints[i]!,
          value: view.value(i),
          columnFound: view.columnFound[i] === 1,
        };
        const k = KNOCKOUT_NAMES[view.knockout[i]!];
        if (k !== undefined) item.knockout = k;
        items.push(item);
      }
    }
    return { ...result, profile: this.name, items, text: explanationText(result, this.view) };
  }

  /**
   * Each criterion's status on a row, in model order, without building the explanation (back-testing counts these for
   * every closed deal; the text explain() also builds costs more than scoring). A blank row's are all unknown.
   */
  statuses(row: readonly unknown[]): readonly CriterionStatus[] {
    const result = this.run(row);
    const { status, n } = this.view;
    const out: CriterionStatus[] = new Array<CriterionStatus>(n);
    for (let i = 0; i < n; i++) out[i] = result.blank ? 'unknown' : STATUS_NAMES[status[i]!]!;
    return out;
  }

  /** Score, tier and the one-line why, without building the explanation's data (for bulk output). */
  evaluateWithWhy(row: readonly unknown[]): RowResult & { text: string } {
    const result = this.run(row) as RowResult & { text: string };
    result.text = explanationText(result, this.view);
    return result;
  }

  /**
   * Scores many rows column by column: each column's cells are read in one tight loop and tested by the
   * criteria on that column, which keeps every loop's calls monomorphic. Same results as evaluate() per row.
   */
  evaluateMany(rows: readonly (readonly unknown[])[]): RowResult[] {
    const batch = this.scoreMany(rows);
    const out: RowResult[] = new Array<RowResult>(batch.length);
    for (let r = 0; r < batch.length; r++) {
      const kind = batch.kind[r]!;
      out[r] = { blank: kind === BLANK_ROW, score: batch.score[r]!, tier: batch.tier[r]!, disqualified: kind === DISQUALIFIED };
    }
    return out;
  }

  /** evaluateMany's results as arrays (BatchResults): for callers that go through many rows' scores and tiers. */
  scoreMany(rows: readonly (readonly unknown[])[]): BatchResults {
    const n = rows.length;
    const nCat = this.weights.length;
    // Points earned, one array per category: each column's loop adds to it in row order.
    const earnedBy = Array.from({ length: nCat }, () => new Float64Array(n));
    // PRESENT | KNOCKED_OUT per row, OR-ed over its columns.
    const flags = new Uint8Array(n);
    for (let start = 0; start < n; start += BLOCK_ROWS) {
      const end = Math.min(n, start + BLOCK_ROWS);
      for (let s = 0; s < this.judges.length; s++) this.judgeColumn(s, rows, start, end, flags, earnedBy);
    }
    const kind = new Uint8Array(n);
    const score = new Float64Array(n);
    const tier = new Array<string>(n);
    const { earned } = this;
    for (let r = 0; r < n; r++) {
      const f = flags[r]!;
      if (f === 0 && isBlankRow(rows[r]!)) {
        kind[r] = BLANK_ROW;
        tier[r] = '';
      } else if ((f & KNOCKED_OUT) !== 0) {
        kind[r] = DISQUALIFIED;
        tier[r] = this.disqualifiedLabel;
      } else {
        for (let c = 0; c < nCat; c++) earned[c] = earnedBy[c]![r]!;
        const s = this.weightedScore(earned);
        score[r] = s;
        tier[r] = tierOfRounded(this.tiers, s);
      }
    }
    return { length: n, kind, score, tier };
  }

  /** Judges column slot `s` of rows[start, end), OR-ing each row's flags and adding the points it earns per category. */
  private judgeColumn(
    s: number, rows: readonly (readonly unknown[])[], start: number, end: number, flags: Uint8Array, earnedBy: Float64Array[],
  ): void {
    const judge = this.judges[s]!;
    const col = this.columnIndexes[s]!;
    const categories = judge.earnCategories;
    const m = categories.length;
    if (m === 1) {
      // The usual case, a column whose criteria share a category: one add per cell, no inner loop.
      const earned = earnedBy[categories[0]!]!;
      for (let r = start; r < end; r++) {
        const out = judge.judge(rows[r]![col]);
        flags[r]! |= out.flags;
        // Blank outcomes earn 0: adding them costs less than a branch the CPU cannot predict.
        earned[r]! += out.earn0;
      }
    } else {
      for (let r = start; r < end; r++) {
        const out = judge.judge(rows[r]![col]);
        flags[r]! |= out.flags;
        const earns = out.earns;
        for (let k = 0; k < m; k++) earnedBy[categories[k]!]![r]! += earns[k]!;
      }
    }
  }

  /** The tier of a score given on its own (it cannot know about knock-outs). */
  tierOfScore(score: number): string {
    return tierFor(this.tiers, score);
  }

  /** Scores one row, leaving each criterion's outcome in this.view (read before the next row). */
  private run(row: readonly unknown[]): RowResult {
    const { outcomes, judges, columnIndexes, earned, view } = this;
    this.lastRow = row;
    let anyPresent = false;
    for (let s = 0; s < judges.length; s++) {
      const out = judges[s]!.judge(row[columnIndexes[s]!]);
      outcomes[s] = out;
      if (!out.blank) anyPresent = true;
    }
    if (!anyPresent && isBlankRow(row)) return { blank: true, score: 0, tier: '', disqualified: false };

    earned.fill(0);
    let disqualified = false;
    const criteria = this.criteria;
    const { status: statuses, points, knockout: knockouts } = view;
    for (let i = 0; i < criteria.length; i++) {
      const c = criteria[i]!;
      const out = c.slot < 0 ? undefined : outcomes[c.slot]!;
      let status: number;
      let got = 0;
      let knockout = KO_NONE;
      if (out === undefined || out.blank) {
        status = UNKNOWN; // a blank never matches and never knocks out
      } else {
        const hit = out.hits[c.inSlot]!;
        status = hit === -2 ? UNREADABLE : hit >= 0 ? MATCHED : MISSED;
        if (hit >= 0 && c.role !== EXCLUDE) got = c.bandPoints === undefined ? c.points : c.bandPoints[hit]!;
        if (c.role === MUST && hit < 0) knockout = hit === -2 ? KO_MUST_UNREADABLE : KO_MUST_MISSED;
        else if (c.role === EXCLUDE && hit >= 0) knockout = KO_EXCLUDED;
        if (knockout !== KO_NONE) {
          disqualified = true;
          status = KNOCKOUT;
        }
      }
      if (c.category >= 0) earned[c.category]! += got;
      statuses[i] = status;
      points[i] = got;
      knockouts[i] = knockout;
    }
    if (disqualified) return { blank: false, score: 0, tier: this.disqualifiedLabel, disqualified: true };
    const score = this.weightedScore(earned);
    return { blank: false, score, tier: tierOfRounded(this.tiers, score), disqualified: false };
  }

  /** The score of one row's earned points per category. */
  private weightedScore(earned: Float64Array): number {
    const { weights, possible, participating, totalWeight } = this;
    let sum = 0;
    for (let k = 0; k < participating.length; k++) {
      const c = participating[k]!;
      const p = possible[c]!;
      const e = earned[c]!;
      // A category of penalties only can earn nothing: it is full unless a penalty applies.
      let fit = p > 0 ? e / p : e < 0 ? 0 : 1;
      fit = fit < 0 ? 0 : fit > 1 ? 1 : fit;
      sum += weights[c]! * fit;
    }
    if (totalWeight <= 0) return 0;
    return roundScore((100 * sum) / totalWeight);
  }
}

function isBlankRow(row: readonly unknown[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

export function compileContext(options: CompileOptions = {}): CompileContext {
  const today = dayOfDate(options.today ?? new Date());
  return { today: today ?? 0, decimalComma: isDecimalCommaLocale(options.locale) };
}
