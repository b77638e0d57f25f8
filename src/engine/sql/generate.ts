// `icp sql`: one SELECT implementing a profile of the ICP model v1 in BigQuery's or DuckDB's SQL.

import { HeaderMap } from '../headers';
import { DEFAULT_DISQUALIFIED_LABEL, profileKey, type Criterion, type Model, type Profile } from '../model';
import { sortedTiers } from '../tiers';
import { isDecimalCommaLocale } from '../read/locale';
import { headerKey } from '../read/text';
import { dialectNamed, num, type DialectName } from './dialect';
import { conditionHit, signedPoints } from './conditions';
import { allBlankRowPattern } from './blank-row';
import { ColumnReadings } from './read';
import { Sql } from './snippets';
import { SqlModelError } from './regex';
import { Stages, type Col } from './stages';

export interface SqlOptions {
  dialect: DialectName;
  /** The table: `project.dataset.table`, `schema.table` or `table`, each dot-separated part quoted on its own. */
  table: string;
  /** The table's column names, when known (a CSV's header row): criteria find their columns as the engine does. */
  headers?: readonly string[];
  /** The profile to score with; default: the model's default profile. */
  profile?: string;
  /** "Today" for `withinDays` as YYYY-MM-DD; default: the current date where the query runs. */
  today?: string;
  /**
   * The spreadsheet's locale (`de_DE`, `fr`, `pt-BR`), as the engine's CompileOptions.locale: numbers written as text
   * are read with its decimal sign (`1.234,5` in a decimal-comma locale). Default, and any other locale: the US reading,
   * with a statement the same byte for byte.
   */
  locale?: string;
}

export const SCORE_COLUMN = 'icp_score';
export const TIER_COLUMN = 'icp_tier';
export const WHY_COLUMN = 'icp_why';
const VISIBLE = [SCORE_COLUMN, TIER_COLUMN, WHY_COLUMN];

function pickProfile(model: Model, name: string | undefined): Profile {
  const wanted = name === undefined || name.trim() === '' ? (model.defaultProfile ?? model.profiles[0]?.name ?? '') : name;
  const found = model.profiles.find((p) => profileKey(p.name) === profileKey(wanted));
  if (found === undefined) {
    throw new SqlModelError(`unknown profile "${wanted}"; this model has ${model.profiles.map((p) => `"${p.name}"`).join(', ')}`);
  }
  return found;
}

/** A helper-column prefix no column of the table starts with (so `t.*` and the helpers never share a name). */
function helperPrefix(headers: readonly string[] | undefined): string {
  const taken = (headers ?? []).map((h) => h.toLowerCase());
  let prefix = '_icp_';
  while (taken.some((h) => h.startsWith(prefix))) prefix = `_${prefix}`;
  return prefix;
}

function quotedTable(sql: Sql, table: string): string {
  const parts = table.split('.');
  if (parts.some((p) => p === '')) throw new SqlModelError(`the table name "${table}" has an empty part; write it as project.dataset.table, schema.table or table`);
  return parts.map((p) => sql.d.ident(p)).join('.');
}

function maxPoints(c: Criterion): number {
  if ((c.role ?? 'score') === 'exclude') return 0;
  if (c.when.op === 'bands') return Math.max(0, ...c.when.bands.map((b) => b.points));
  return Math.max(0, c.points ?? 0);
}

/** Day number (days since 1970-01-01) of YYYY-MM-DD, as the engine's --today reads it. */
function dayOfIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const t = m === null ? NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (m === null || new Date(t).getUTCDate() !== Number(m[3])) throw new SqlModelError(`--today must be a date written YYYY-MM-DD, not "${text}"`);
  return t / 86_400_000;
}

/** The SELECT scoring every row of the table with one profile: the table's columns, icp_score, icp_tier, icp_why. */
export function generateSql(model: Model, options: SqlOptions): string {
  const d = dialectNamed(options.dialect);
  const q = new Sql(d);
  const profile = pickProfile(model, options.profile);
  const headers = options.headers;
  if (headers !== undefined) {
    const clash = headers.find((h) => VISIBLE.includes(h.toLowerCase()));
    if (clash !== undefined) throw new SqlModelError(`the table already has a column "${clash}"; the query adds ${VISIBLE.join(', ')}`);
  }
  const st = new Stages(d, helperPrefix(headers));
  const map = headers === undefined ? undefined : new HeaderMap(headers);
  const readingOptions = { decimalComma: isDecimalCommaLocale(options.locale) };

  // One set of readings per table column, found as the engine finds it; undefined when the table lacks it.
  const readings = new Map<string, ColumnReadings>();
  const readingsOf = (column: string): ColumnReadings | undefined => {
    let name: string = column;
    if (map !== undefined) {
      const index = map.find(column);
      if (index < 0) return undefined;
      name = headers![index]!;
    }
    const key = map === undefined ? `=${name}` : headerKey(name);
    let r = readings.get(key);
    if (r === undefined) {
      r = new ColumnReadings(st, q, st.tableColumn(name), readingOptions);
      readings.set(key, r);
    }
    return r;
  };

  const today = options.today === undefined ? currentDay() : num(dayOfIso(options.today));
  // Each criterion's hit: NULL blank (or no such column), -2 unreadable, -1 no match, else the band index (0).
  const hits: (Col | undefined)[] = profile.criteria.map((c) => {
    const r = readingsOf(c.column);
    if (r === undefined) return undefined;
    return conditionHit(st, q, r, c, today);
  });

  const categoryIds = profile.categories.map((c) => c.id);
  const earned = new Map<string, string[]>();
  const possible = new Map<string, number>();
  profile.criteria.forEach((c, i) => {
    if (!categoryIds.includes(c.category) || (c.role ?? 'score') === 'exclude') return;
    possible.set(c.category, (possible.get(c.category) ?? 0) + maxPoints(c));
    const h = hits[i];
    if (h === undefined) return;
    const got =
      c.when.op === 'bands'
        ? `CASE ${h.ref} ${c.when.bands.map((b, k) => `WHEN ${k} THEN ${num(b.points)}`).join(' ')} ELSE ${num(0)} END`
        : `CASE WHEN ${h.ref} >= 0 THEN ${num(c.points ?? 0)} ELSE ${num(0)} END`;
    earned.set(c.category, [...(earned.get(c.category) ?? []), got]);
  });

  const hitCols = hits.filter((h): h is Col => h !== undefined);
  const knockouts = profile.criteria.flatMap((c, i) => {
    const h = hits[i];
    if (h === undefined) return [];
    const role = c.role ?? 'score';
    if (role === 'must') return [`(${h.ref} IS NOT NULL AND ${h.ref} < 0)`];
    if (role === 'exclude') return [`${h.ref} >= 0`];
    return [];
  });
  const knocked = st.add(hitCols, knockouts.length === 0 ? 'FALSE' : `COALESCE(${knockouts.join(' OR ')}, FALSE)`);

  // A row is blank when every cell of the table is (whether or not its columns are known): the criteria's cells are
  // looked at first, and only when they are all blank (rare) the whole row, as JSON, inside the CASE.
  const criteriaBlank = [...readings.values()].map((r) => r.blank());
  const rowJson = st.add([], `${d.word('TO_JSON_STRING')}(t)`);
  const anyPresent = criteriaBlank.length === 0 ? 'FALSE' : criteriaBlank.map((b) => `NOT ${b.ref}`).join(' OR ');
  const blankRow = st.add([...criteriaBlank, rowJson], `CASE WHEN ${anyPresent} THEN FALSE ELSE ${q.re(rowJson.ref, allBlankRowPattern())} END`);

  // Score: each participating category's fit, weighted, in model order (the engine's order of additions).
  let sum = num(0);
  let totalWeight = 0;
  for (const cat of profile.categories) {
    if (!possible.has(cat.id)) continue;
    totalWeight += cat.weight;
    const p = possible.get(cat.id)!;
    const e = (earned.get(cat.id) ?? []).reduce((acc, g) => `(${acc} + ${g})`, num(0));
    const fit =
      p > 0
        ? `CASE WHEN ${e} / ${num(p)} < 0 THEN ${num(0)} WHEN ${e} / ${num(p)} > 1 THEN ${num(1)} ELSE ${e} / ${num(p)} END`
        : `CASE WHEN ${e} < 0 THEN ${num(0)} ELSE ${num(1)} END`;
    sum = `(${sum} + ${num(cat.weight)} * (${fit}))`;
  }
  const rounded = totalWeight <= 0 ? num(0) : `ROUND(((${num(100)} * ${sum}) / ${num(totalWeight)}) * ${num(10)} + ${num(1e-7)}) / ${num(10)}`;
  const score = st.add(
    [...hitCols, knocked, blankRow],
    `CASE WHEN ${blankRow.ref} THEN NULL WHEN ${knocked.ref} THEN ${num(0)} ELSE ${rounded} END`,
    SCORE_COLUMN,
  );

  const tiers = sortedTiers(profile.tiers);
  const dq = profile.disqualifiedLabel ?? DEFAULT_DISQUALIFIED_LABEL;
  const lowest = tiers[tiers.length - 1]?.label ?? '';
  const tierCase = tiers.map((t) => `WHEN ${score.ref} >= ${num(t.min)} THEN ${q.str(t.label)}`).join(' ');
  st.add(
    [score, knocked, blankRow],
    `CASE WHEN ${blankRow.ref} THEN NULL WHEN ${knocked.ref} THEN ${q.str(dq)} ${tierCase} ELSE ${q.str(lowest)} END`,
    TIER_COLUMN,
  );

  const why = whyExpression(q, st, profile, hits, score, knocked, blankRow);
  st.add([score, knocked, blankRow, ...hitCols, ...why.inputs], why.expr, WHY_COLUMN);
  return `${st.render(quotedTable(q, options.table), VISIBLE)}\n`;
}

/** Today's day number where the query runs (its current date, in the engine's arithmetic). */
function currentDay(): string {
  const y = 'EXTRACT(YEAR FROM CURRENT_DATE)';
  const m = 'EXTRACT(MONTH FROM CURRENT_DATE)';
  const d = 'EXTRACT(DAY FROM CURRENT_DATE)';
  // days_from_civil again (see read.ts), for a date that always exists.
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = `FLOOR(${yy} / 400)`;
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(FLOOR((153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2) / 5) + ${d} - 1)`;
  return `(${era} * 146097 + (${yoe} * 365 + FLOOR(${yoe} / 4) - FLOOR(${yoe} / 100) + ${doy}) - 719468)`;
}

/**
 * icp_why: `72.5 (B). Matched: Demo requested +35, SaaS +30. Penalty: Competitor customer −15. Missed: Series A-C.
 * Unknown: Recent funding. Unreadable: Employees.`, or `Disqualified: Public sector (excluded).` Every list in full,
 * matched criteria in model order (the engine sorts them by points and cuts lists after four).
 */
function whyExpression(
  q: Sql, st: Stages, profile: Profile, hits: readonly (Col | undefined)[], score: Col, knocked: Col, blankRow: Col,
): { expr: string; inputs: Col[] } {
  const matched: string[] = [];
  const penalty: string[] = [];
  const missed: string[] = [];
  const unknown: string[] = [];
  const unreadable: string[] = [];
  const knockout: string[] = [];
  profile.criteria.forEach((c, i) => {
    const h = hits[i];
    const label = c.label ?? c.id;
    const role = c.role ?? 'score';
    const max = maxPoints(c);
    if (h === undefined) {
      if (role !== 'exclude') unknown.push(q.str(`${label} (no “${c.column}” column)`));
      return;
    }
    const points = c.when.op === 'bands' ? c.when.bands.map((b) => b.points) : [c.points ?? 0];
    if (role === 'exclude') {
      knockout.push(`CASE WHEN ${h.ref} >= 0 THEN ${q.str(`${label} (excluded)`)} END`);
      return;
    }
    if (role === 'must') {
      knockout.push(`CASE WHEN ${h.ref} = -1 THEN ${q.str(`${label} (must-have missed)`)} WHEN ${h.ref} = -2 THEN ${q.str(`${label} (must-have unreadable)`)} END`);
    }
    const whenHit = (pick: (p: number) => boolean): string =>
      points.map((p, k) => (pick(p) ? `WHEN ${k} THEN ${q.str(`${label} ${signedPoints(p)}`)}` : '')).join(' ');
    const gains = whenHit((p) => p > 0);
    if (gains.trim() !== '') matched.push(`CASE ${h.ref} ${gains} END`);
    const losses = whenHit((p) => p < 0);
    if (losses.trim() !== '') penalty.push(`CASE ${h.ref} ${losses} END`);
    if (max > 0) {
      const zero = points.map((p, k) => (p === 0 ? k : -3)).filter((k) => k >= 0);
      missed.push(`CASE WHEN ${h.ref} = -1${zero.map((k) => ` OR ${h.ref} = ${k}`).join('')} THEN ${q.str(label)} END`);
    }
    unknown.push(`CASE WHEN ${h.ref} IS NULL THEN ${q.str(label)} END`);
    unreadable.push(`CASE WHEN ${h.ref} = -2 THEN ${q.str(`${c.column} unreadable`)} END`);
  });
  const hitCols = hits.filter((h): h is Col => h !== undefined);
  const inputs: Col[] = [];
  const list = (items: readonly string[]): string => (items.length === 0 ? "''" : `ARRAY_TO_STRING([${items.join(', ')}], ', ')`);
  // Each list is built once per row, as a helper column, and then tested and written (building lists is costly).
  const section = (title: string, items: readonly string[]): string => {
    if (items.length === 0) return "''";
    const names = st.add(hitCols, list(items));
    inputs.push(names);
    return `CASE WHEN ${names.ref} = '' THEN '' ELSE CONCAT(' ', ${q.str(title)}, ': ', ${names.ref}, '.') END`;
  };
  // The score as the engine writes it (`72.5`, `0`, `100`): whole part, then the tenth when there is one.
  const int = q.d.word('INT64');
  const whole = `CAST(FLOOR(${score.ref}) AS ${int})`;
  const tenth = `(CAST(ROUND(${score.ref} * ${num(10)}) AS ${int}) - ${whole} * 10)`;
  const scoreText = `CONCAT(CAST(${whole} AS STRING), CASE WHEN ${tenth} = 0 THEN '' ELSE CONCAT('.', CAST(${tenth} AS STRING)) END)`;
  const tierText = `CASE ${tierCaseOf(q, profile, score)} END`;
  const dq = profile.disqualifiedLabel ?? DEFAULT_DISQUALIFIED_LABEL;
  const sections = [
    section('Matched', matched), section('Penalty', penalty), section('Missed', missed), section('Unknown', unknown), section('Unreadable', unreadable),
  ];
  const expr =
    `CASE WHEN ${blankRow.ref} THEN NULL WHEN ${knocked.ref} THEN CONCAT(${q.str(`${dq}: `)}, ${list(knockout)}, '.')` +
    ` ELSE CONCAT(${scoreText}, ' (', ${tierText}, ').', ${sections.join(', ')}) END`;
  return { expr, inputs };
}

function tierCaseOf(q: Sql, profile: Profile, score: Col): string {
  const tiers = sortedTiers(profile.tiers);
  const lowest = tiers[tiers.length - 1]?.label ?? '';
  return `${tiers.map((t) => `WHEN ${score.ref} >= ${num(t.min)} THEN ${q.str(t.label)}`).join(' ')} ELSE ${q.str(lowest)}`;
}
