// Data validation rules: SpreadsheetApp.newDataValidation() builder and the DataValidation objects it builds.
import type { Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { enumName } from './enums';
import type { DataValidationSpec } from './sheet-data';
import type { Range } from './wrappers';

export class DataValidation extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: DataValidationSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'DataValidation';
  }
  getCriteriaType(): string {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx, { ...this._spec, values: [...this._spec.values] });
  }
}

export class DataValidationBuilder extends Wrapper {
  readonly _spec: DataValidationSpec;

  constructor(ctx: Ctx, spec?: DataValidationSpec) {
    super(ctx);
    this._spec = spec ?? { criteria: 'CUSTOM_FORMULA', values: [], allowInvalid: true, helpText: null };
  }
  override toString(): string {
    return 'DataValidationBuilder';
  }
  _set(criteria: string, values: unknown[]): DataValidationBuilder {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilder {
    return this._set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: Range, showDropdown = true): DataValidationBuilder {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    return this._set('CHECKBOX', checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: unknown, args: unknown[]): DataValidationBuilder {
    return this._set(enumName(criteria), [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this._spec.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this._spec.helpText = helpText;
    return this;
  }
  getCriteriaType(): string {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  build(): DataValidation {
    return new DataValidation(this._ctx, { ...this._spec, values: [...this._spec.values] });
  }
}

instrument(DataValidation, 'DataValidation');
instrument(DataValidationBuilder, 'DataValidationBuilder');
