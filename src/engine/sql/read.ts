// The engine's reading of a cell (read/*.ts) as SQL over a text column: blank, trimmed, number, yes/no and day.

import { num, type Dialect } from './dialect';
import * as P from './patterns';
import { reLiteral } from './patterns';
import type { Col, Stages } from './stages';

/** SQL snippets of one dialect. */
export class Sql {
  constructor(readonly d: Dialect) {}

  str(text: string): string {
    return this.d.str(text);
  }

  /** The pattern found anywhere in x (RE2). */
  re(x: string, pattern: string): string {
    return `${this.d.word('REGEXP_CONTAINS')}(${x}, ${this.d.str(pattern)})`;
  }

  /**
   * Capture group 1 of the pattern. The third argument is the start position in BigQuery and the group in DuckDB:
   * 1 is right for both. Only used where the pattern matches (DuckDB gives '' and BigQuery NULL otherwise).
   */
  extract(x: string, pattern: string): string {
    return `REGEXP_EXTRACT(${x}, ${this.d.str(pattern)}, 1)`;
  }

  /** Text already checked to be a decimal number, as a FLOAT64 / DOUBLE. */
  toNumber(x: string): string {
    return `${this.d.word('SAFE_CAST')}(${x} AS ${this.d.word('FLOAT64')})`;
  }

  /**
   * x is one of the texts. A pattern rather than `x IN (...)`: DuckDB turns long IN lists into a join per list,
   * which costs more than the whole rest of a row's reading.
   */
  inList(x: string, values: readonly string[]): string {
    return this.re(x, `^(?:${values.map(reLiteral).join('|')})$`);
  }
}

/** One table column's readings, each made once (as a helper column) when a criterion needs it. */
export class ColumnReadings {
  private readonly cache = new Map<string, Col>();

  constructor(private readonly st: Stages, private readonly q: Sql, private readonly column: Col) {}

  private once(key: string, make: () => Col): Col {
    let col = this.cache.get(key);
    if (col === undefined) {
      col = make();
      this.cache.set(key, col);
    }
    return col;
  }

  /** The cell as text: typed columns (numbers, dates, booleans) read as the text SQL writes for them. */
  raw(): Col {
    return this.once('raw', () => this.st.add([this.column], `CAST(${this.column.ref} AS STRING)`));
  }

  /** trim() of the text (JavaScript's white space, not only spaces). */
  trimmed(): Col {
    return this.once('trimmed', () => {
      const raw = this.raw();
      return this.st.add([raw], trimExpr(this.q, raw.ref));
    });
  }

  /** The trimmed text in lower case: what the text operators compare (their patterns allow any run of spaces). */
  lower(): Col {
    // JavaScript lower-cases the dotted capital I to i + U+0307 (full case mapping); SQL engines may map it to a
    // plain i: spelt out first, so both compare the same text.
    return this.once('lower', () => this.st.add([this.trimmed()], `LOWER(REPLACE(${this.trimmed().ref}, ${this.q.str('\u0130')}, ${this.q.str('i\u0307')}))`));
  }

  /** isBlank: NULL, '', a placeholder (N/A, -, unknown, Select...) or a formula error (#REF!, Loading...). */
  blank(): Col {
    return this.once('blank', () => {
      const raw = this.raw();
      const trimmed = this.trimmed();
      return this.st.add([raw, trimmed], blankExpr(this.q, raw.ref, trimmed.ref));
    });
  }

  /** readBoolean: TRUE, FALSE or NULL when the text is no yes/no word. */
  bool(): Col {
    return this.once('bool', () => {
      const l = this.lower();
      const q = this.q;
      return this.st.add([l], `CASE WHEN ${q.inList(l.ref, P.TRUE_WORDS)} THEN TRUE WHEN ${q.inList(l.ref, P.FALSE_WORDS)} THEN FALSE END`);
    });
  }

  /** Length in UTF-16 code units, as JavaScript counts (the readers give up on texts longer than a limit). */
  private jsLength(): Col {
    return this.once('length', () => {
      const raw = this.raw();
      return this.st.add([raw], `LENGTH(${raw.ref}) + ARRAY_LENGTH(REGEXP_EXTRACT_ALL(${raw.ref}, ${this.q.str('[\\x{10000}-\\x{10FFFF}]')}))`);
    });
  }

  /**
   * The trimmed text in lower case with its white space mapped for the number and date patterns (patterns.ts):
   * line terminators to \n, the rest to \t, except that for numbers the no-break, thin and narrow no-break spaces
   * are plain spaces (thousands separators) and the minus sign U+2212 is `-`, as the engine reads them.
   */
  private mapped(forNumbers: boolean): Col {
    return this.once(forNumbers ? 'mapped-number' : 'mapped-date', () => {
      const l = this.lower();
      const q = this.q;
      let expr = l.ref;
      // Only texts with a character outside printable ASCII can hold such white space: the others skip the REPLACEs.
      const plain = q.re(l.ref, '^[ -~]*$');
      for (const c of P.LINE_TERMINATORS) if (c !== '\n') expr = `REPLACE(${expr}, ${q.str(c)}, ${q.str('\n')})`;
      for (const c of P.OTHER_WHITE_SPACE) {
        if (c === '\t') continue;
        expr = `REPLACE(${expr}, ${q.str(c)}, ${q.str(forNumbers && P.NUMBER_SPACES.includes(c) ? ' ' : '\t')})`;
      }
      if (forNumbers) expr = `REPLACE(${expr}, ${q.str('\u2212')}, '-')`;
      return this.st.add([l], `CASE WHEN ${plain} THEN ${l.ref} ELSE ${expr} END`);
    });
  }

  /** readNumber: the number a person reads, or NULL. */
  number(): Col {
    return this.once('number', () => {
      const value = numberOfMapped(this.st, this.q, this.mapped(true));
      const length = this.jsLength();
      // `1e999` overflows to Infinity: unreadable, as in the engine.
      return this.st.add([value, length], `CASE WHEN ${length.ref} <= 80 AND ABS(${value.ref}) <= ${num(Number.MAX_VALUE)} THEN ${value.ref} END`);
    });
  }

  /** readDay: days since 1970-01-01, or NULL. */
  day(): Col {
    return this.once('day', () => {
      const l = this.mapped(false);
      const length = this.jsLength();
      const q = this.q;
      const x = l.ref;
      const shapes = [P.ISO_DATE, P.US_DATE, P.MONTH_FIRST, P.DAY_FIRST];
      // Which shape the text has, the first that matches as the engine tries them (0 for none or too long).
      const shape = this.st.add(
        [l, length],
        `CASE WHEN ${length.ref} > 40 THEN 0 ${shapes.map((p, i) => `WHEN ${q.re(x, p)} THEN ${i + 1}`).join(' ')} ELSE 0 END`,
      );
      const g = (pattern: string, group: number): string => q.toNumber(q.extract(x, P.onlyGroup(pattern, group)));
      const month = (name: string): string =>
        `CASE SUBSTR(${name}, 1, 3) ${P.MONTHS.map((m, i) => `WHEN ${q.str(m)} THEN ${i + 1}`).join(' ')} END`;
      const s = shape.ref;
      const year = this.st.add(
        [shape],
        `CASE ${s} WHEN 1 THEN ${g(P.ISO_DATE, 1)} WHEN 2 THEN ${g(P.US_DATE, 3)} WHEN 3 THEN ${g(P.MONTH_FIRST, 3)} WHEN 4 THEN ${g(P.DAY_FIRST, 3)} END`,
      );
      const m = this.st.add(
        [shape],
        `CASE ${s} WHEN 1 THEN ${g(P.ISO_DATE, 2)} WHEN 2 THEN ${g(P.US_DATE, 1)} WHEN 3 THEN ${month(q.extract(x, P.onlyGroup(P.MONTH_FIRST, 1)))} WHEN 4 THEN ${month(q.extract(x, P.onlyGroup(P.DAY_FIRST, 2)))} END`,
      );
      const dd = this.st.add(
        [shape],
        `CASE ${s} WHEN 1 THEN ${g(P.ISO_DATE, 3)} WHEN 2 THEN ${g(P.US_DATE, 2)} WHEN 3 THEN ${g(P.MONTH_FIRST, 2)} WHEN 4 THEN ${g(P.DAY_FIRST, 1)} END`,
      );
      // US years below 100 are two-digit years: 00-29 are 2000-2029, 30-99 are 1930-1999 (engine: twoDigitYear);
      // other years below 100 are 1900-1999 (Date.UTC's reading, which the engine keeps for them).
      const yr = year.ref;
      const y = this.st.add(
        [year, shape],
        `CASE WHEN ${s} = 2 AND ${yr} < 30 THEN ${yr} + 2000 WHEN ${yr} < 100 THEN ${yr} + 1900 ELSE ${yr} END`,
      );
      return this.st.add([y, m, dd], civilDay(y.ref, m.ref, dd.ref));
    });
  }
}

/** JavaScript's trim(): TRIM with every white space character JavaScript removes. */
export function trimExpr(q: Sql, x: string): string {
  // TRIM with this set of characters is the costliest step of a row in DuckDB (it decodes and compares every
  // character): a text of printable ASCII that neither starts nor ends with a space has nothing to trim.
  return `CASE WHEN ${q.re(x, P.NOTHING_TO_TRIM)} THEN ${x} ELSE TRIM(${x}, ${q.str(P.WHITE_SPACE.join(''))}) END`;
}

/** isBlank of a text (`trimmed` is trimExpr of it): NULL, '', a placeholder or a formula error. */
export function blankExpr(q: Sql, raw: string, trimmed: string): string {
  // Most texts have a digit, an @ or a letter or symbol no placeholder has: they skip the Unicode pattern. Each test
  // is a CASE so the costlier ones run only for the texts the cheaper ones leave.
  const placeholder = `ARRAY_TO_STRING(REGEXP_EXTRACT_ALL(LOWER(${raw}), ${q.str(P.NOT_IGNORED)}), '')`;
  return (
    `(CASE WHEN ${raw} IS NULL OR ${trimmed} = '' THEN TRUE` +
    ` WHEN LEFT(${trimmed}, 1) = '#' AND ${q.inList(`UPPER(${trimmed})`, P.FORMULA_ERRORS)} THEN TRUE` +
    ` WHEN LENGTH(${trimmed}) = 10 AND LOWER(${trimmed}) = ${q.str('loading...')} THEN TRUE` +
    ` WHEN ${q.re(raw, P.NEVER_PLACEHOLDER)} THEN FALSE ELSE ${q.inList(placeholder, ['', ...P.PLACEHOLDERS])} END)`
  );
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, NULL when it does not exist (2/30): Howard Hinnant's
 * days_from_civil, the engine's civilDay, in FLOAT64 arithmetic (exact on these small integers).
 */
function civilDay(y: string, m: string, d: string): string {
  const divides = (k: number): string => `FLOOR(${y} / ${k}) * ${k} = ${y}`;
  const leap = `(${divides(4)} AND (NOT ${divides(100)} OR ${divides(400)}))`;
  const daysIn = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = `FLOOR(${yy} / 400)`;
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(FLOOR((153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2) / 5) + ${d} - 1)`;
  const doe = `(${yoe} * 365 + FLOOR(${yoe} / 4) - FLOOR(${yoe} / 100) + ${doy})`;
  return `CASE WHEN ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${daysIn} THEN ${era} * 146097 + ${doe} - 719468 END`;
}

interface Amount {
  value: Col;
  /** 1 when no suffix, else the suffix's multiplier. */
  multiplier: Col;
  /** TRUE when the amount has a suffix (`10` of `$10-50M` takes the high end's). */
  multiplied: Col;
}

/** readAmount of a text column: value NULL when it is no amount. */
function amountOf(st: Stages, q: Sql, t: Col): Amount {
  const x = t.ref;
  const last = q.re(x, P.AMOUNT_CURRENCY_LAST);
  const letters = q.re(x, P.AMOUNT_LETTERS);
  const part = (lastGroup: number, lettersGroup: number): string =>
    `CASE WHEN ${last} THEN ${q.extract(x, P.onlyGroup(P.AMOUNT_CURRENCY_LAST, lastGroup))} WHEN ${letters} THEN ${q.extract(x, P.onlyGroup(P.AMOUNT_LETTERS, lettersGroup))} END`;
  const sign = st.add([t], part(1, 1));
  const digits = st.add([t], part(2, 2));
  const suffix = st.add([t], `CASE WHEN ${last} THEN '' WHEN ${letters} THEN COALESCE(${q.extract(x, P.onlyGroup(P.AMOUNT_LETTERS, 3))}, '') END`);
  const multiplier = st.add(
    [suffix],
    `CASE ${suffix.ref} WHEN '' THEN ${num(1)} ${Object.entries(P.SUFFIX_VALUES).map(([s, v]) => `WHEN ${q.str(s)} THEN ${num(v)}`).join(' ')} END`,
  );
  const base = q.toNumber(`REPLACE(REPLACE(${digits.ref}, ',', ''), ' ', '')`);
  const value = st.add([sign, digits, multiplier], `(CASE WHEN ${sign.ref} = '-' THEN -${base} ELSE ${base} END) * ${multiplier.ref}`);
  const multiplied = st.add([suffix], `${suffix.ref} <> ''`);
  return { value, multiplier, multiplied };
}

/** Deepest `%` nesting read (`5%%` is 0.05%); deeper texts read as no number. */
const MAX_PERCENT_DEPTH = 2;

/**
 * readNumberText of a trimmed, lower-cased text with its white space mapped. The engine reads `N%` by reading N
 * again and dividing by 100; here the `%` layers are peeled first (up to MAX_PERCENT_DEPTH), and the rules after the
 * percent rule (below, at least, one amount, a range) run once, on the innermost text, so each amount is read once.
 */
function numberOfMapped(st: Stages, q: Sql, mapped: Col): Col {
  // Per layer: the text, its text without a trailing unit, and the value of the rules before the percent rule.
  const layers: { text: Col; unitless: Col; early: Col; percent: Col }[] = [];
  let text = mapped;
  for (let depth = 0; depth <= MAX_PERCENT_DEPTH; depth++) {
    const l = text.ref;
    const unitless = st.add([text], `CASE WHEN ${q.re(l, P.BEFORE_UNIT)} THEN ${q.extract(l, P.BEFORE_UNIT)} ELSE ${l} END`);
    const u = unitless.ref;
    const short = (group: number): string => q.extract(l, P.onlyGroup(P.SHORT_AMOUNT, group));
    const shortMultiplier = `CASE ${short(2)} ${Object.entries(P.SHORT_SUFFIX_VALUES).map(([s, v]) => `WHEN ${q.str(s)} THEN ${num(v)}`).join(' ')} END`;
    const early = st.add(
      [text, unitless],
      `CASE WHEN ${q.re(l, P.PLAIN)} THEN ${q.toNumber(l)} WHEN ${q.re(l, P.SHORT_AMOUNT)} THEN ${q.toNumber(short(1))} * ${shortMultiplier}` +
        ` WHEN ${q.re(u, P.SCIENTIFIC)} THEN ${q.toNumber(u)} END`,
    );
    const percent = st.add([early, unitless], `${early.ref} IS NULL AND ${q.re(u, P.PERCENT)}`);
    layers.push({ text, unitless, early, percent });
    if (depth === MAX_PERCENT_DEPTH) break;
    // `10%-20%`: the first end's `%` goes (the last one counts for both); then the text before the `%` is read again.
    const inside = `${q.extract(u, P.PERCENT)}`;
    const split = (group: number): string => q.extract(inside, P.onlyGroup(P.PERCENT_BEFORE_SEPARATOR, group));
    text = st.add(
      [percent, unitless],
      `CASE WHEN ${percent.ref} THEN CASE WHEN ${q.re(inside, P.PERCENT_BEFORE_SEPARATOR)} THEN CONCAT(${split(1)}, ${split(2)}) ELSE ${inside} END END`,
    );
  }
  // The innermost text: the first layer whose text is not a percentage (NULL when even the last one is).
    const allPercents = layers.map((l) => l.percent);
  // Only texts that none of the early rules read go on (most amounts in exports are `1,200` or `$34.4M`): the
  // later, costlier patterns see NULL for the others.
  const inner = st.add(
    [...allPercents, ...layers.map((l) => l.unitless), ...layers.map((l) => l.early)],
    `CASE ${layers.map((layer) => `WHEN NOT ${layer.percent.ref} THEN CASE WHEN ${layer.early.ref} IS NULL THEN ${layer.unitless.ref} END`).join(' ')} END`,
  );
  const x = inner.ref;
  // The text one amount is read from: after `under`, `over`..., before `+`, `or more`..., else the whole text.
  const amountText = st.add(
    [inner],
    `CASE WHEN ${q.re(x, P.BELOW)} THEN ${q.extract(x, P.BELOW)} WHEN ${q.re(x, P.AT_LEAST_BEFORE)} THEN ${q.extract(x, P.AT_LEAST_BEFORE)}` +
      ` WHEN ${q.re(x, P.AT_LEAST_AFTER)} THEN ${q.extract(x, P.AT_LEAST_AFTER)} ELSE ${x} END`,
  );
  const half = st.add([inner], q.re(x, P.BELOW));
  const ranged = st.add([inner], `NOT ${q.re(x, P.BELOW)} AND NOT ${q.re(x, P.AT_LEAST_BEFORE)} AND NOT ${q.re(x, P.AT_LEAST_AFTER)} AND ${q.re(x, P.RANGE)}`);
  const low = st.add([ranged, inner], `CASE WHEN ${ranged.ref} THEN ${q.extract(x, P.onlyGroup(P.RANGE, 1))} END`);
  const high = st.add([ranged, inner], `CASE WHEN ${ranged.ref} THEN ${q.extract(x, P.onlyGroup(P.RANGE, 2))} END`);
  const one = amountOf(st, q, amountText);
  const lowAmount = amountOf(st, q, low);
  const highAmount = amountOf(st, q, high);
  // `$10-50M` means 10M to 50M: the low end takes the high end's suffix when it has none.
  const lowValue = `CASE WHEN NOT ${lowAmount.multiplied.ref} AND ${highAmount.multiplied.ref} THEN ${lowAmount.value.ref} * ${highAmount.multiplier.ref} ELSE ${lowAmount.value.ref} END`;
  const late = st.add(
    [one.value, half, ranged, lowAmount.value, lowAmount.multiplied, highAmount.value, highAmount.multiplied, highAmount.multiplier],
    `CASE WHEN ${half.ref} THEN ${one.value.ref} / ${num(2)} WHEN ${one.value.ref} IS NOT NULL THEN ${one.value.ref}` +
      ` WHEN ${ranged.ref} THEN (${lowValue} + ${highAmount.value.ref}) / ${num(2)} END`,
  );
  // Each percent layer divides by 100 on the way out, as the engine's recursion does.
  let value = `CASE WHEN ${layers[MAX_PERCENT_DEPTH]!.percent.ref} THEN NULL ELSE COALESCE(${layers[MAX_PERCENT_DEPTH]!.early.ref}, ${late.ref}) END`;
  for (let depth = MAX_PERCENT_DEPTH - 1; depth >= 0; depth--) {
    const layer = layers[depth]!;
    value = `CASE WHEN ${layer.percent.ref} THEN (${value}) / ${num(100)} ELSE COALESCE(${layer.early.ref}, ${late.ref}) END`;
  }
  return st.add([late, ...layers.flatMap((l) => [l.early, l.percent])], value);
}
