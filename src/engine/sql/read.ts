// The engine's reading of a cell (read/*.ts) as SQL over a text column: blank, trimmed, number, yes/no and day.

import { num } from './dialect';
import * as P from './patterns';
import { jsLowerExpr, lowerCasePattern, upperCasePattern } from './casing';
import { numberOfMapped } from './number';
import type { Sql } from './snippets';
import type { Col, Stages } from './stages';

/** How a column's text numbers are read. */
export interface ReadingOptions {
  /**
   * Numbers written as text have a decimal comma (`1.234,5`, `1 234,5`): the spreadsheet's locale is one of those
   * (read/locale.ts isDecimalCommaLocale). Typed numbers (a FLOAT64, a NUMERIC) are read as their CAST writes them.
   */
  decimalComma?: boolean;
  /** The column is a helper of the statement that always holds text (list items), never a table's typed column. */
  alwaysText?: boolean;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** One table column's readings, each made once (as a helper column) when a criterion needs it. */
export class ColumnReadings {
  private readonly cache = new Map<string, Col>();

  constructor(private readonly st: Stages, private readonly q: Sql, private readonly column: Col, private readonly options: ReadingOptions = {}) {}

  /** Readings of another column of text (`in`'s list items, in a subquery's stages), with this column's locale. */
  textReadings(st: Stages, column: Col): ColumnReadings {
    return new ColumnReadings(st, this.q, column, { ...this.options, alwaysText: true });
  }

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

  /** The trimmed text in lower case, as JavaScript lower-cases it: what the text operators compare (their patterns allow any run of spaces). */
  lower(): Col {
    return this.once('lower', () => this.st.add([this.trimmed()], jsLowerExpr(this.q, (x, p) => this.q.re(x, p), this.trimmed().ref)));
  }

  /**
   * The same, but for the capital sigma's final form: what number, date and yes/no readings start from (no text
   * with a Greek letter reads as one, whichever sigma it has), without the cost of the sigma's rule.
   */
  private lowerForReading(): Col {
    return this.cache.get('lower') ?? this.once('lower-reading', () => this.st.add([this.trimmed()], jsLowerExpr(this.q, (x, p) => this.q.re(x, p), this.trimmed().ref, false)));
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
      const l = this.lowerForReading();
      const q = this.q;
      return this.st.add([l], `CASE WHEN ${q.inList(l.ref, P.TRUE_WORDS)} THEN TRUE WHEN ${q.inList(l.ref, P.FALSE_WORDS)} THEN FALSE END`);
    });
  }

  /** Length in UTF-16 code units, as JavaScript counts (the readers give up on texts longer than a limit). */
  jsLength(): Col {
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
      const l = this.lowerForReading();
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

  /**
   * The mapped text as read/locale.ts pointDecimalText rewrites a decimal-comma locale's text: a comma before a digit
   * is the decimal point, a point before a digit a thousands comma (`1.234,5` to `1,234.5`); other points stay
   * (`1,2 mio.`). Swapping on the trimmed, lower-cased, mapped text is swapping on the cell's: none of those steps
   * makes or removes a digit, a point or a comma. Without REGEXP_REPLACE (DuckDB's replaces the first match only):
   * each separator-and-digit pair is replaced, commas through a carriage return, which no mapped text holds (the
   * mapping turned it into a line feed). Only texts with a separator before a digit are rewritten, and only texts:
   * a typed number's CAST (`2500000.0`) is written the US way, and a number cell is a number whatever the locale
   * (its JSON is no string).
   */
  private pointDecimal(mapped: Col): Col {
    const q = this.q;
    const x = mapped.ref;
    let swapped = x;
    for (const d of DIGITS) swapped = `REPLACE(${swapped}, ${q.str(`,${d}`)}, ${q.str(`\r${d}`)})`;
    for (const d of DIGITS) swapped = `REPLACE(${swapped}, ${q.str(`.${d}`)}, ${q.str(`,${d}`)})`;
    swapped = `REPLACE(${swapped}, ${q.str('\r')}, '.')`;
    const typed = this.options.alwaysText === true ? '' : ` WHEN NOT ${q.re(`${q.d.word('TO_JSON_STRING')}(${this.column.ref})`, '^"')} THEN ${x}`;
    return this.st.add([mapped, this.column], `CASE WHEN NOT ${q.re(x, '[.,][0-9]')} THEN ${x}${typed} ELSE ${swapped} END`);
  }

  /** readNumber: the number a person reads, or NULL. */
  number(): Col {
    return this.once('number', () => {
      const mapped = this.mapped(true);
      const value = numberOfMapped(this.st, this.q, this.options.decimalComma === true ? this.pointDecimal(mapped) : mapped);
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
  // is a CASE so the costlier ones run only for the texts the cheaper ones leave. Case is tested as JavaScript's
  // toUpperCase / toLowerCase map it (`#ﬁeld!` is `#FIELD!`; `İ` is `i̇`, never a placeholder's plain `i`).
  const placeholder = `ARRAY_TO_STRING(REGEXP_EXTRACT_ALL(LOWER(REPLACE(${raw}, ${q.str('\u0130')}, ${q.str('i\u0307')})), ${q.str(P.NOT_IGNORED)}), '')`;
  return (
    `(CASE WHEN ${raw} IS NULL OR ${trimmed} = '' THEN TRUE` +
    ` WHEN LEFT(${trimmed}, 1) = '#' AND ${q.re(trimmed, `^(?:${P.FORMULA_ERRORS.map(upperCasePattern).join('|')})$`)} THEN TRUE` +
    ` WHEN LENGTH(${trimmed}) = 10 AND ${q.re(trimmed, `^${lowerCasePattern('loading...')}$`)} THEN TRUE` +
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
