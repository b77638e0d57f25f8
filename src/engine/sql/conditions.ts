// Each operator of the model as SQL: a criterion's hit on a row (NULL blank, -2 unreadable, -1 no match, else band index).

import type { Criterion, Scalar } from '../model';
import { normalizeText } from '../read/text';
import { num } from './dialect';
import * as P from './patterns';
import { inCondition } from './in-list';
import type { ColumnReadings } from './read';
import type { Sql } from './snippets';
import { SqlModelError, toRe2 } from './regex';
import type { Col, Stages } from './stages';

// The engine's tolerance around a model's numbers (operators.ts): readings carry float noise.
const ABSOLUTE_TOLERANCE = 1e-9;
const RELATIVE_TOLERANCE = 1e-12;

function tolerance(b: number): number {
  return Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(b));
}

/** `+30`, `−15`: the engine's points phrase (explain.ts signed()). */
export function signedPoints(points: number): string {
  let shown = Math.abs(Math.round(points * 100) / 100);
  if (shown === 0 && points !== 0) shown = Number(Math.abs(points).toPrecision(2));
  return points < 0 ? `−${shown}` : `+${shown}`;
}

/** The number test of an inclusive range, bounds widened by the tolerance as the engine does. */
function inRange(n: string, min: number | undefined, max: number | undefined): string {
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${n} >= ${num(min - tolerance(min))}`);
  if (max !== undefined) parts.push(`${n} <= ${num(max + tolerance(max))}`);
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

/** -2 when the reading is NULL (unreadable), 0 when `test` holds, else -1. */
function hitOf(reading: Col, test: string): string {
  return `CASE WHEN ${reading.ref} IS NULL THEN -2 WHEN ${test} THEN 0 ELSE -1 END`;
}

function normalisedTexts(values: readonly Scalar[]): string[] {
  return [...new Set(values.map((v) => normalizeText(String(v))))].filter((v) => v !== '');
}

/** The criterion's hit as a helper column. */
export function conditionHit(st: Stages, q: Sql, r: ColumnReadings, c: Criterion, today: string): Col {
  const blank = r.blank();
  const make = (inputs: Col[], hit: string): Col => st.add([blank, ...inputs], `CASE WHEN ${blank.ref} THEN NULL ELSE ${hit} END`);
  const w = c.when;
  switch (w.op) {
    case 'equals': {
      if (typeof w.value === 'number') {
        const n = r.number();
        return make([n], hitOf(n, `ABS(${n.ref} - ${num(w.value)}) <= ${num(tolerance(w.value))}`));
      }
      if (typeof w.value === 'boolean') {
        const b = r.bool();
        return make([b], hitOf(b, `${b.ref} = ${w.value ? 'TRUE' : 'FALSE'}`));
      }
      const want = normalizeText(w.value);
      const l = r.lower();
      return make([l], `CASE WHEN ${q.re(l.ref, `^${P.normalisedLiteral(want)}$`)} THEN 0 ELSE -1 END`);
    }
    case 'in': {
      const { inputs, hit } = inCondition(st, q, r, w.values, tolerance);
      return make(inputs, hit);
    }
    case 'contains': {
      const needles = normalisedTexts(w.values);
      const l = r.lower();
      if (needles.length === 0) return make([l], '-1');
      return make([l], `CASE WHEN ${q.re(l.ref, needles.map((v) => P.normalisedLiteral(v)).join('|'))} THEN 0 ELSE -1 END`);
    }
    case 'between': {
      const n = r.number();
      return make([n], hitOf(n, inRange(n.ref, w.min, w.max)));
    }
    case 'gte': {
      const n = r.number();
      return make([n], hitOf(n, inRange(n.ref, w.value, undefined)));
    }
    case 'lte': {
      const n = r.number();
      return make([n], hitOf(n, inRange(n.ref, undefined, w.value)));
    }
    case 'bands': {
      const n = r.number();
      // The first band the value falls in wins, as in the engine.
      const bands = w.bands.map((b, k) => `WHEN ${inRange(n.ref, b.min, b.max)} THEN ${k}`).join(' ');
      return make([n], `CASE WHEN ${n.ref} IS NULL THEN -2 ${bands} ELSE -1 END`);
    }
    case 'isTrue': {
      const b = r.bool();
      return make([b], hitOf(b, b.ref));
    }
    case 'notBlank':
      return make([], '0');
    case 'withinDays': {
      const day = r.day();
      // "A date no more than N days before today": today counts, future dates do not.
      return make([day], hitOf(day, `${today} - ${day.ref} >= 0 AND ${today} - ${day.ref} <= ${num(w.days)}`));
    }
    case 'matches': {
      let pattern: string;
      try {
        pattern = toRe2(w.pattern, w.flags ?? '');
      } catch (err) {
        if (err instanceof SqlModelError) {
          throw new SqlModelError(`criterion "${c.id}": the pattern /${w.pattern}/ cannot run in SQL as it runs in the engine: ${err.message}`);
        }
        throw err;
      }
      const t = r.trimmed();
      return make([t], `CASE WHEN ${q.re(t.ref, pattern)} THEN 0 ELSE -1 END`);
    }
  }
}
