// Writes a profile as the IF/SUMPRODUCT-style formula a spreadsheet user would hand-write, for the HyperFormula baseline.

import type { Condition, Criterion, Profile } from '../src/engine/model';
import { normalizeText } from '../src/engine/read/text';

const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function condition(when: Condition, x: string, todaySerial: number): string {
  switch (when.op) {
    case 'equals':
      if (typeof when.value === 'number') return `AND(ISNUMBER(${x}),${x}=${when.value})`;
      if (typeof when.value === 'boolean') return `${x}=${when.value ? 'TRUE()' : 'FALSE()'}`;
      return `LOWER(TRIM(${x}))=${str(normalizeText(when.value))}`;
    case 'in':
      return `OR(${when.values.map((v) => `LOWER(TRIM(${x}))=${str(normalizeText(String(v)))}`).join(',')})`;
    case 'contains':
      return `OR(${when.values.map((v) => `ISNUMBER(SEARCH(${str(normalizeText(String(v)))},${x}))`).join(',')})`;
    case 'between': {
      const parts = [`ISNUMBER(${x})`];
      if (when.min !== undefined) parts.push(`${x}>=${when.min}`);
      if (when.max !== undefined) parts.push(`${x}<=${when.max}`);
      return `AND(${parts.join(',')})`;
    }
    case 'gte':
      return `AND(ISNUMBER(${x}),${x}>=${when.value})`;
    case 'lte':
      return `AND(ISNUMBER(${x}),${x}<=${when.value})`;
    case 'isTrue':
      return `${x}=TRUE()`;
    case 'notBlank':
      return `${x}<>""`;
    case 'withinDays':
      return `AND(ISNUMBER(${x}),${todaySerial}-${x}>=0,${todaySerial}-${x}<=${when.days})`;
    case 'matches': {
      // HyperFormula has no REGEXMATCH: the one pattern shape the template uses, `@(a|b)\.`, becomes SEARCHes.
      const m = /^@\(([^)]+)\)\\\.$/.exec(when.pattern);
      if (m === null) throw new Error(`The formula baseline cannot express the pattern ${when.pattern}`);
      return `OR(${m[1]!.split('|').map((d) => `ISNUMBER(SEARCH(${str(`@${d}.`)},${x}))`).join(',')})`;
    }
    case 'bands':
      throw new Error('bands are written by points()');
  }
}

function points(c: Criterion, x: string, todaySerial: number): string {
  if (c.when.op === 'bands') {
    let expr = '0';
    for (const b of [...c.when.bands].reverse()) {
      const parts = [`ISNUMBER(${x})`];
      if (b.min !== undefined) parts.push(`${x}>=${b.min}`);
      if (b.max !== undefined) parts.push(`${x}<=${b.max}`);
      expr = `IF(AND(${parts.join(',')}),${b.points},${expr})`;
    }
    return `IF(${x}<>"",${expr},0)`;
  }
  return `IF(AND(${x}<>"",${condition(c.when, x, todaySerial)}),${c.points ?? 0},0)`;
}

function maxPoints(c: Criterion): number {
  if (c.when.op === 'bands') return Math.max(0, ...c.when.bands.map((b) => b.points));
  return Math.max(0, c.points ?? 0);
}

/** The score formula for one row; `cellOf(column)` gives the row's cell reference for a header. */
export function scoreFormula(profile: Profile, cellOf: (column: string) => string, todaySerial: number): string {
  const knockouts: string[] = [];
  const weighted: string[] = [];
  let totalWeight = 0;
  for (const cat of profile.categories) {
    const scoring = profile.criteria.filter((c) => c.category === cat.id && (c.role ?? 'score') !== 'exclude');
    if (scoring.length === 0) continue;
    const possible = scoring.reduce((s, c) => s + maxPoints(c), 0);
    const sum = scoring.map((c) => points(c, cellOf(c.column), todaySerial)).join('+');
    weighted.push(`${cat.weight}*MAX(0,MIN(1,(${sum})/${possible}))`);
    totalWeight += cat.weight;
  }
  for (const c of profile.criteria) {
    const x = cellOf(c.column);
    if (c.role === 'must') knockouts.push(`AND(${x}<>"",NOT(${condition(c.when, x, todaySerial)}))`);
    if (c.role === 'exclude') knockouts.push(`AND(${x}<>"",${condition(c.when, x, todaySerial)})`);
  }
  const score = `ROUND(100*(${weighted.join('+')})/${totalWeight},1)`;
  return `=IF(OR(${knockouts.join(',')}),0,${score})`;
}
