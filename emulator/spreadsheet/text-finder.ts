// TextFinder: find and replace over a range, a sheet or the whole spreadsheet, on displayed values or formula text.
// https://developers.google.com/apps-script/reference/spreadsheet/text-finder — replaceAllWith "returns the number of
// occurrences replaced, which may be different from the number of matched cells". With useRegularExpression(true) the
// replacement may use $1..$9 capture groups as in Sheets' Find and replace dialog (JavaScript replacement syntax here).
import { assertWritable, Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { type Range, rangeWrapper } from './wrappers';
import type { SheetRect, SheetData } from './sheet-data';
import { checkCellText } from './grid-args';
import { EMPTY, parseInput, ParsedInput } from './values';

interface Hit {
  sheet: SheetData;
  r: number;
  c: number;
}

/** Rectangles to search, computed when searching (a sheet's used area can change between calls). */
export type FinderScope = SheetRect[] | (() => SheetRect[]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export class TextFinder extends Wrapper {
  private _matchCase = false;
  private _entireCell = false;
  private _formulaText = false;
  private _regex = false;
  private _ignoreDiacritics = false;
  private _current: Hit | null = null;
  private _start: Hit | null = null;

  constructor(
    ctx: Ctx,
    readonly _findText: string,
    readonly _scope: FinderScope,
  ) {
    super(ctx);
  }

  override toString(): string {
    return 'TextFinder';
  }

  matchCase(matchCase: boolean): TextFinder {
    this._matchCase = matchCase;
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this._entireCell = matchEntireCell;
    return this;
  }
  /** true: formula cells are searched by their formula text; otherwise by their displayed value. */
  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this._formulaText = matchFormulaText;
    return this;
  }
  useRegularExpression(useRegEx: boolean): TextFinder {
    this._regex = useRegEx;
    return this;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    this._ignoreDiacritics = ignoreDiacritics;
    return this;
  }
  startFrom(startRange: Range): TextFinder {
    this._start = { sheet: startRange._sheet, r: startRange._r0, c: startRange._c0 };
    return this;
  }

  findAll(): Range[] {
    return this._hits().map((h) => this._range(h));
  }

  findNext(): Range | null {
    const hits = this._hits();
    const from = this._current ?? this._start;
    const next = from ? hits.find((h) => this._compare(h, from) > 0) : hits[0];
    this._current = next ?? null;
    return next ? this._range(next) : null;
  }

  findPrevious(): Range | null {
    const hits = this._hits();
    const from = this._current ?? this._start;
    const prev = from ? [...hits].reverse().find((h) => this._compare(h, from) < 0) : hits[hits.length - 1];
    this._current = prev ?? null;
    return prev ? this._range(prev) : null;
  }

  getCurrentMatch(): Range | null {
    return this._current ? this._range(this._current) : null;
  }

  replaceAllWith(replaceText: string): number {
    assertWritable(this._ctx, 'replaceAllWith');
    return this._replace(this._hits(), String(replaceText));
  }

  replaceWith(replaceText: string): number {
    assertWritable(this._ctx, 'replaceWith');
    return this._current ? this._replace([this._current], String(replaceText)) : 0;
  }

  _pattern(): RegExp {
    let source = this._regex ? this._findText : escapeRegExp(this._findText);
    if (this._ignoreDiacritics) source = stripDiacritics(source);
    if (this._entireCell) source = `^(?:${source})$`;
    return new RegExp(source, this._matchCase ? 'g' : 'gi');
  }

  _text(h: Hit): string {
    const fc = h.sheet.formulas.get(h.r, h.c);
    if (fc && this._formulaText) return fc.text;
    return this._ctx.book.displayOf(h.sheet, h.r, h.c);
  }

  _rects(): SheetRect[] {
    return typeof this._scope === 'function' ? this._scope() : this._scope;
  }

  _hits(): Hit[] {
    if (this._findText === '') return [];
    const re = this._pattern();
    const out: Hit[] = [];
    for (const rect of this._rects()) {
      const sheet = rect.sheet;
      this._ctx.book.beforeRead(sheet);
      const r1 = Math.min(rect.r1, Math.max(sheet.values.length, sheet.lastRow()) - 1);
      for (let r = rect.r0; r <= r1; r++) {
        const c1 = Math.min(rect.c1, Math.max(sheet.values[r]?.length ?? 0, sheet.formulas.rows[r]?.length ?? 0) - 1);
        for (let c = rect.c0; c <= c1; c++) {
          const h = { sheet, r, c };
          let text = this._text(h);
          if (text === '') continue;
          if (this._ignoreDiacritics) text = stripDiacritics(text);
          re.lastIndex = 0;
          if (re.test(text)) out.push(h);
        }
      }
    }
    return out;
  }

  _compare(a: Hit, b: Hit): number {
    const sheets = this._ctx.book.sheetList();
    return sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.r - b.r || a.c - b.c;
  }

  _range(h: Hit): Range {
    return rangeWrapper(this._ctx, h.sheet, h.r, h.c, 1, 1);
  }

  _replace(hits: Hit[], replaceText: string): number {
    const re = this._pattern();
    const book = this._ctx.book;
    const pctx = book.parseContext();
    const writes = new Map<SheetData, { r: number; c: number; input: ParsedInput }[]>();
    let count = 0;
    for (const h of hits) {
      const fc = h.sheet.formulas.get(h.r, h.c);
      if (fc && !this._formulaText) continue; // a computed value cannot be edited
      const text = this._text(h);
      let n = 0;
      const replaced = text.replace(re, (...m: unknown[]) => {
        n++;
        if (!this._regex) return replaceText;
        const offsetAt = m.findIndex((x, i) => i > 0 && typeof x === 'number');
        const groups = m.slice(0, offsetAt) as (string | undefined)[];
        return replaceText.replace(/\$(\$|&|\d{1,2})/g, (tok: string, g: string) => {
          if (g === '$') return '$';
          if (g === '&') return groups[0] ?? '';
          const i = Number(g);
          return i < groups.length ? (groups[i] ?? '') : tok;
        });
      });
      if (n === 0) continue;
      // A replacement that would overflow a cell fails the whole call, as a write of that text would.
      checkCellText([[replaced]]);
      count += n;
      const input: ParsedInput = replaced === '' ? EMPTY : replaced.startsWith('=') && replaced.length > 1 ? { kind: 'formula', text: replaced } : parseInput(replaced, pctx);
      let list = writes.get(h.sheet);
      if (!list) {
        list = [];
        writes.set(h.sheet, list);
      }
      list.push({ r: h.r, c: h.c, input });
    }
    for (const [sheet, entries] of writes) book.recalc.writeList(sheet, entries);
    return count;
  }
}

instrument(TextFinder, 'TextFinder');
