// The one-line, plain-language reason for a row's score: matched, missed, unknown, unreadable, knock-outs.

import type { Role } from './model';
import { cutIndex } from './read/text';
import type { RowResult } from './results';

// Outcome codes of one criterion on one row (compile.ts writes them, this file reads them).
export const MATCHED = 0;
export const MISSED = 1;
export const UNKNOWN = 2;
export const UNREADABLE = 3;
export const KNOCKOUT = 4;
export const KO_NONE = 0;
export const KO_MUST_MISSED = 1;
export const KO_MUST_UNREADABLE = 2;
export const KO_EXCLUDED = 3;

/** A profile's criteria and one row's outcomes, as parallel arrays indexed by criterion. */
export interface ExplainView {
  n: number;
  label: readonly string[];
  column: readonly string[];
  role: readonly Role[];
  maxPoints: ArrayLike<number>;
  /** 1 when the sheet has the criterion's column. */
  columnFound: ArrayLike<number>;
  status: ArrayLike<number>;
  points: ArrayLike<number>;
  knockout: ArrayLike<number>;
  /** The criterion's cell as shown (trimmed text), '' when blank. */
  value(i: number): string;
  /** Per criterion, its `label +points` phrases made so far (see phraseCaches). */
  phrases: readonly Map<number, string>[];
}

const MAX_VALUE_CHARS = 40;
// Each list is cut after this many names so the line stays short in a cell; the data form has them all.
const MAX_LISTED = 4;

/** Builds `a, b, c, d and 2 more` name by name, without an array per list per row. */
class ListText {
  private text = '';
  private count = 0;

  reset(): void {
    this.text = '';
    this.count = 0;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  add(name: string): void {
    if (this.count < MAX_LISTED) this.text = this.count === 0 ? name : `${this.text}, ${name}`;
    this.count++;
  }

  toString(): string {
    return this.count <= MAX_LISTED ? this.text : `${this.text} and ${this.count - MAX_LISTED} more`;
  }
}

// Reused by every call: explanationText runs to completion before the next one starts.
const penalties = new ListText();
const missed = new ListText();
const unknown = new ListText();
const unreadable = new ListText();
const matchedText = new ListText();
const matched: number[] = [];

// Scores have one decimal from 0 to 100: their texts are made once (a number with decimals is slow to print).
const SCORE_TEXTS = Array.from({ length: 1001 }, (_, k) => String(k / 10));

/** A score as text (`72.5`), the same as String(score), without printing the number each time. */
export function scoreText(score: number): string {
  const k = Math.round(score * 10);
  return k >= 0 && k <= 1000 && k / 10 === score ? SCORE_TEXTS[k]! : String(score);
}

// The explanation is one line: the lines of a cell (an Alt+Enter list) are shown ` / `-separated, tabs as spaces.
const LINE_BREAKS = /\s*[\n\r\u2028\u2029]+\s*/g;
const OTHER_SPACE = /[^\S ]/g;

function quoted(value: string): string {
  let v = value.replace(LINE_BREAKS, ' / ').replace(OTHER_SPACE, ' ');
  if (v.length > MAX_VALUE_CHARS) v = `${v.slice(0, cutIndex(v, MAX_VALUE_CHARS - 1))}…`;
  return `“${v}”`;
}

function signed(points: number): string {
  // Two decimals, unless that would print a real penalty or bonus as 0 (`−0.001`, not `+0`).
  let shown = Math.abs(Math.round(points * 100) / 100);
  if (shown === 0 && points !== 0) shown = Number(Math.abs(points).toPrecision(2));
  return points < 0 ? `−${shown}` : `+${shown}`;
}

/** `label +30`, made once per criterion and points value (a model has few of them). */
function pointsPhrase(v: ExplainView, i: number, points: number): string {
  const cache = v.phrases[i]!;
  let phrase = cache.get(points);
  if (phrase === undefined) {
    phrase = `${v.label[i]} ${signed(points)}`;
    cache.set(points, phrase);
  }
  return phrase;
}

/** Per criterion, the cache of its `label +points` phrases (ExplainView.phrases). */
export function phraseCaches(n: number): Map<number, string>[] {
  return Array.from({ length: n }, () => new Map<number, string>());
}

function knockoutPhrase(v: ExplainView, i: number): string {
  const label = v.label[i]!;
  const column = v.column[i]!;
  const value = quoted(v.value(i));
  switch (v.knockout[i]) {
    case KO_EXCLUDED:
      return `${label} (${column} ${value})`;
    case KO_MUST_UNREADABLE:
      return `${label} required, ${column} ${value} unreadable`;
    default:
      return `${label} required, ${column} is ${value}`;
  }
}

/**
 * The texts of rows that were neither disqualified nor hold an unreadable value: those depend only on each criterion's
 * outcome and points (the score and tier follow from them), which few combinations cover, so a million rows share a
 * few hundred texts. Kept per view; each text is one flat string, the same object for every row that has it.
 */
interface TextMemo {
  /** Per criterion, a small code for each points value seen. */
  pointCodes: Map<number, number>[];
  texts: Map<string, string>;
}
const memos = new WeakMap<ExplainView, TextMemo>();
/** Texts kept per view at most: rows whose outcomes rarely repeat gain nothing from more. */
const MEMO_TEXTS = 4096;
/** Points codes per criterion that fit the key's 16-bit characters beside the status. */
const MAX_POINT_CODES = 8192;
/** Criteria in a profile whose texts are kept: one key character each. */
const MEMO_MAX_CRITERIA = 1024;
const keyCodes: number[] = [];

/** The memo key of the row in `v`: one character per criterion (outcome and points code); undefined when it cannot have one. */
function memoKey(v: ExplainView, memo: TextMemo): string | undefined {
  // A key is a call's arguments: a model of thousands of criteria (rows rarely alike anyway) goes without.
  if (v.n > MEMO_MAX_CRITERIA) return undefined;
  keyCodes.length = v.n;
  for (let i = 0; i < v.n; i++) {
    const status = v.status[i]!;
    if (status === UNREADABLE) return undefined;
    const codes = memo.pointCodes[i]!;
    const points = v.points[i]!;
    let code = codes.get(points);
    if (code === undefined) {
      if (codes.size >= MAX_POINT_CODES) return undefined;
      code = codes.size;
      codes.set(points, code);
    }
    keyCodes[i] = code * 8 + status;
  }
  return String.fromCharCode(...keyCodes);
}

/** e.g. `72.5 (B). Matched: SaaS +30, 51-1000 employees +25. Missed: Demo requested. Unknown: Recent funding.` */
export function explanationText(result: RowResult, v: ExplainView): string {
  if (result.blank) return '';
  if (result.disqualified) {
    let reasons = '';
    for (let i = 0; i < v.n; i++) if (v.status[i] === KNOCKOUT) reasons = reasons === '' ? knockoutPhrase(v, i) : `${reasons}; ${knockoutPhrase(v, i)}`;
    return `${result.tier}: ${reasons}.`;
  }
  let memo = memos.get(v);
  if (memo === undefined) {
    memo = { pointCodes: Array.from({ length: v.n }, () => new Map<number, number>()), texts: new Map() };
    memos.set(v, memo);
  }
  const key = memoKey(v, memo);
  if (key === undefined) return reasonText(result, v);
  let text = memo.texts.get(key);
  if (text === undefined) {
    text = reasonText(result, v);
    if (memo.texts.size < MEMO_TEXTS) memo.texts.set(key, text);
  }
  return text;
}

/** The explanation of a row that was not disqualified. */
function reasonText(result: RowResult, v: ExplainView): string {
  matched.length = 0;
  penalties.reset();
  missed.reset();
  unknown.reset();
  unreadable.reset();
  for (let i = 0; i < v.n; i++) {
    const status = v.status[i];
    const points = v.points[i]!;
    const scoring = v.role[i] !== 'exclude';
    if (points < 0) penalties.add(pointsPhrase(v, i, points));
    if (status === MATCHED) {
      if (scoring && points > 0) matched.push(i);
      // A band worth nothing (`1-10 employees: 0`) matched: for the reader, the points were missed.
      else if (scoring && points === 0 && v.maxPoints[i]! > 0) missed.add(v.label[i]!);
    } else if (status === MISSED) {
      if (scoring && v.maxPoints[i]! > 0) missed.add(v.label[i]!);
    } else if (status === UNKNOWN) {
      if (scoring) unknown.add(v.columnFound[i] === 1 ? v.label[i]! : `${v.label[i]} (no “${v.column[i]}” column)`);
    } else if (status === UNREADABLE) {
      unreadable.add(`${v.column[i]} ${quoted(v.value(i))}`);
    }
  }
  // Biggest contributions first; an insertion sort is stable, so equals keep model order.
  for (let k = 1; k < matched.length; k++) {
    const x = matched[k]!;
    const px = v.points[x]!;
    let j = k - 1;
    while (j >= 0 && v.points[matched[j]!]! < px) {
      matched[j + 1] = matched[j]!;
      j--;
    }
    matched[j + 1] = x;
  }
  let text = `${scoreText(result.score)} (${result.tier}).`;
  if (matched.length > 0) {
    matchedText.reset();
    for (const i of matched) matchedText.add(pointsPhrase(v, i, v.points[i]!));
    text += ` Matched: ${matchedText}.`;
  }
  if (!penalties.empty) text += ` Penalty: ${penalties}.`;
  if (!missed.empty) text += ` Missed: ${missed}.`;
  if (!unknown.empty) text += ` Unknown: ${unknown}.`;
  if (!unreadable.empty) text += ` Unreadable: ${unreadable}.`;
  return text;
}
