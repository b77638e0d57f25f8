// Conditional format rules: the newConditionalFormatRule() builder, built rules and their boolean conditions (recorded).
import type { Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { type Range, rangeWrapper } from './wrappers';
import type { ConditionalRuleSpec } from './sheet-data';
import { copyRuleSpec } from './spec-copy';
import { normalizeColor } from './styles';

function emptySpec(): ConditionalRuleSpec {
  return {
    ranges: [],
    criteria: null,
    values: [],
    format: { background: null, fontColor: null, bold: null, italic: null, underline: null, strikethrough: null },
  };
}

export class BooleanCondition extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: ConditionalRuleSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'BooleanCondition';
  }
  getCriteriaType(): string | null {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getBackground(): string | null {
    return this._spec.format.background;
  }
  getFontColor(): string | null {
    return this._spec.format.fontColor;
  }
  getBold(): boolean | null {
    return this._spec.format.bold;
  }
  getItalic(): boolean | null {
    return this._spec.format.italic;
  }
  getUnderline(): boolean | null {
    return this._spec.format.underline;
  }
  getStrikethrough(): boolean | null {
    return this._spec.format.strikethrough;
  }
}

export class ConditionalFormatRule extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: ConditionalRuleSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'ConditionalFormatRule';
  }
  getRanges(): Range[] {
    return this._spec.ranges.map((r) => rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._spec.criteria === null ? null : new BooleanCondition(this._ctx, this._spec);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, copyRuleSpec(this._spec));
  }
}

export class ConditionalFormatRuleBuilder extends Wrapper {
  readonly _spec: ConditionalRuleSpec;

  constructor(ctx: Ctx, spec?: ConditionalRuleSpec) {
    super(ctx);
    this._spec = spec ?? emptySpec();
  }
  override toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
  _when(criteria: string, values: unknown[]): ConditionalFormatRuleBuilder {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): ConditionalFormatRuleBuilder {
    return this._when('TEXT_ENDS_WITH', [text]);
  }
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberNotEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this._spec.format.background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this._spec.format.fontColor = normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    this._spec.format.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    this._spec.format.italic = italic;
    return this;
  }
  setUnderline(underline: boolean | null): ConditionalFormatRuleBuilder {
    this._spec.format.underline = underline;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): ConditionalFormatRuleBuilder {
    this._spec.format.strikethrough = strikethrough;
    return this;
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    this._spec.ranges = ranges.map((r) => ({ sheet: r._sheet, r0: r._r0, c0: r._c0, r1: r._r1, c1: r._c1 }));
    return this;
  }
  getRanges(): Range[] {
    return this._spec.ranges.map((r) => rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._spec.criteria === null ? null : new BooleanCondition(this._ctx, this._spec);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, copyRuleSpec(this._spec));
  }
  /** The rule as built; it takes effect when passed to Sheet.setConditionalFormatRules. */
  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this._ctx, copyRuleSpec(this._spec));
  }
}

instrument(BooleanCondition, 'BooleanCondition');
instrument(ConditionalFormatRule, 'ConditionalFormatRule');
instrument(ConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');
