// Compiles a profile against a header row once (columns resolved, operators prepared) to score many rows fast.

import type { Criterion, Profile, Role } from './model';
import { HeaderMap } from './headers';
import { compileCondition, type CompileContext, type ReadingKind } from './operators';
import { isBlank } from './read/blank';
import { CellReading, ColumnReader, KIND_CODE } from './read/cells';
import { dayOfDate } from './read/date';
import type { CriterionOutcome, CriterionStatus, Explanation, RowResult } from './results';
import { disqualifiedLabel, roundScore, sortedTiers, tierFor, tierLabels } from './tiers';
import type { Tier } from './model';
import {
  explanationText, type ExplainView, MATCHED, MISSED, UNKNOWN, UNREADABLE, KNOCKOUT,
  KO_NONE, KO_MUST_MISSED, KO_MUST_UNREADABLE, KO_EXCLUDED,
} from './explain';

const SCORE = 0;
const MUST = 1;
const EXCLUDE = 2;

const STATUS_NAMES: readonly CriterionStatus[] = ['matched', 'missed', 'unknown', 'unreadable', 'knockout'];
const KNOCKOUT_NAMES: readonly (CriterionOutcome['knockout'] | undefined)[] = [undefined, 'must-missed', 'must-unreadable', 'excluded'];
const ROLE_CODE: Record<Role, number> = { score: SCORE, must: MUST, exclude: EXCLUDE };

interface CompiledCriterion {
  source: Criterion;
  role: number;
  /** Slot of the criterion's column among the used columns, or -1 when the sheet lacks the column. */
  slot: number;
  category: number;
  kind: ReadingKind;
  kindCode: number;
  test: (reading: never) => number;
  bandPoints: readonly number[] | undefined;
  points: number;
  maxPoints: number;
}

export interface CompileOptions {
  /** "Today" for `withinDays`; defaults to the current date. */
  today?: Date;
}

function maxPointsOf(c: Criterion): number {
  if ((c.role ?? 'score') === 'exclude') return 0;
  if (c.when.op === 'bands') return Math.max(0, ...c.when.bands.map((b) => b.points));
  return Math.max(0, c.points ?? 0);
}

export class CompiledProfile {
  readonly name: string;
  readonly missingColumns: string[];
  readonly tierLabels: string[];
  readonly disqualifiedLabel: string;
  private readonly tiers: Tier[];
  private readonly criteria: CompiledCriterion[];
  private readonly columnIndexes: number[];
  private readonly readers: ColumnReader[];
  private readonly cells: CellReading[];
  private readonly weights: Float64Array;
  private readonly possible: Float64Array;
  private readonly earned: Float64Array;
  private readonly participating: Uint8Array;
  /** The criteria reading each used column, by column slot. */
  private readonly criteriaBySlot: CompiledCriterion[][];
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
    this.participating = new Uint8Array(nCat);

    const slotOfColumn = new Map<number, number>();
    const kindsOfSlot: Set<ReadingKind>[] = [];
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
          kindsOfSlot.push(new Set());
        }
        kindsOfSlot[slot]!.add(compiled.kind);
      }
      const role = ROLE_CODE[source.role ?? 'score'];
      const category = categoryIndex.get(source.category) ?? -1;
      const maxPoints = maxPointsOf(source);
      if (category >= 0 && role !== EXCLUDE) {
        this.possible[category]! += maxPoints;
        this.participating[category] = 1;
      }
      return {
        source,
        role,
        slot,
        category,
        kind: compiled.kind,
        kindCode: KIND_CODE[compiled.kind],
        test: compiled.test,
        bandPoints: compiled.bandPoints,
        points: source.points ?? 0,
        maxPoints,
      };
    });
    this.missingColumns = [...missing];
    this.readers = kindsOfSlot.map((kinds) => new ColumnReader(kinds));
    this.cells = this.readers.map(() => new CellReading());
    this.criteriaBySlot = this.readers.map((_, slot) => this.criteria.filter((c) => c.slot === slot));
    const n = this.criteria.length;
    const cells = this.cells;
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
      value: (i) => {
        const slot = slots[i]!;
        return slot < 0 ? '' : cells[slot]!.shown;
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
    const n = rows.length;
    const nCat = this.weights.length;
    const earnedAll = new Float64Array(n * nCat);
    const disqualified = new Uint8Array(n);
    const present = new Uint8Array(n);
    for (let s = 0; s < this.readers.length; s++) {
      const reader = this.readers[s]!;
      const col = this.columnIndexes[s]!;
      const onColumn = this.criteriaBySlot[s]!;
      for (let r = 0; r < n; r++) {
        const cell = reader.read(rows[r]![col]);
        if (cell.blank) continue;
        present[r] = 1;
        for (let k = 0; k < onColumn.length; k++) {
          const c = onColumn[k]!;
          const reading = cell.v[c.kindCode];
          const hit = reading === undefined ? -2 : c.test(reading as never);
          if (hit >= 0) {
            if (c.role === EXCLUDE) disqualified[r] = 1;
            else if (c.category >= 0) earnedAll[r * nCat + c.category]! += c.bandPoints === undefined ? c.points : c.bandPoints[hit]!;
          } else if (c.role === MUST) {
            disqualified[r] = 1;
          }
        }
      }
    }
    const out: RowResult[] = new Array(n);
    for (let r = 0; r < n; r++) {
      if (present[r] === 0 && isBlankRow(rows[r]!)) out[r] = { blank: true, score: 0, tier: '', disqualified: false };
      else if (disqualified[r] === 1) out[r] = { blank: false, score: 0, tier: this.disqualifiedLabel, disqualified: true };
      else {
        this.earned.set(earnedAll.subarray(r * nCat, r * nCat + nCat));
        const score = this.weightedScore();
        out[r] = { blank: false, score, tier: tierFor(this.tiers, score), disqualified: false };
      }
    }
    return out;
  }

  /** The tier of a score given on its own (it cannot know about knock-outs). */
  tierOfScore(score: number): string {
    return tierFor(this.tiers, score);
  }

  /** Scores one row, leaving each criterion's outcome in this.view (read before the next row). */
  private run(row: readonly unknown[]): RowResult {
    const { cells, readers, columnIndexes, earned, view } = this;
    let anyPresent = false;
    for (let s = 0; s < readers.length; s++) {
      const cell = readers[s]!.read(row[columnIndexes[s]!]);
      cells[s] = cell;
      if (!cell.blank) anyPresent = true;
    }
    if (!anyPresent && isBlankRow(row)) return { blank: true, score: 0, tier: '', disqualified: false };

    earned.fill(0);
    let disqualified = false;
    const criteria = this.criteria;
    for (let i = 0; i < criteria.length; i++) {
      const c = criteria[i]!;
      const cell = c.slot < 0 ? undefined : cells[c.slot]!;
      let status: number;
      let got = 0;
      let knockout = KO_NONE;
      if (cell === undefined || cell.blank) {
        status = UNKNOWN; // a blank never matches and never knocks out
      } else {
        const reading = cell.v[c.kindCode];
        const hit = reading === undefined ? -2 : c.test(reading as never);
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
      view.status[i] = status;
      view.points[i] = got;
      view.knockout[i] = knockout;
    }
    if (disqualified) return { blank: false, score: 0, tier: this.disqualifiedLabel, disqualified: true };
    const score = this.weightedScore();
    return { blank: false, score, tier: tierFor(this.tiers, score), disqualified: false };
  }

  private weightedScore(): number {
    const { weights, possible, earned, participating } = this;
    let sum = 0;
    let totalWeight = 0;
    for (let c = 0; c < weights.length; c++) {
      if (participating[c] === 0) continue;
      const p = possible[c]!;
      const e = earned[c]!;
      // A category of penalties only can earn nothing: it is full unless a penalty applies.
      let fit = p > 0 ? e / p : e < 0 ? 0 : 1;
      fit = fit < 0 ? 0 : fit > 1 ? 1 : fit;
      sum += weights[c]! * fit;
      totalWeight += weights[c]!;
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
  return { today: today ?? 0 };
}
