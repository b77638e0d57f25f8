// Filter criteria (SpreadsheetApp.newFilterCriteria()): visible/hidden values, used by pivot table filters.
import type { Ctx } from './context';
import { instrument, Wrapper } from './counting';

export interface FilterCriteriaSpec {
  visibleValues: string[] | null;
  hiddenValues: string[];
  criteria: string | null;
  values: unknown[];
}

export class FilterCriteria extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: FilterCriteriaSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'FilterCriteria';
  }
  getVisibleValues(): string[] {
    return [...(this._spec.visibleValues ?? [])];
  }
  getHiddenValues(): string[] {
    return [...this._spec.hiddenValues];
  }
  getCriteriaType(): string | null {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  copy(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder(this._ctx, copyCriteria(this._spec));
  }
}

export function copyCriteria(spec: FilterCriteriaSpec): FilterCriteriaSpec {
  return { ...spec, visibleValues: spec.visibleValues ? [...spec.visibleValues] : null, hiddenValues: [...spec.hiddenValues], values: [...spec.values] };
}

export class FilterCriteriaBuilder extends Wrapper {
  readonly _spec: FilterCriteriaSpec;
  constructor(ctx: Ctx, spec?: FilterCriteriaSpec) {
    super(ctx);
    this._spec = spec ?? { visibleValues: null, hiddenValues: [], criteria: null, values: [] };
  }
  override toString(): string {
    return 'FilterCriteriaBuilder';
  }
  setVisibleValues(values: string[]): FilterCriteriaBuilder {
    this._spec.visibleValues = values.map(String);
    return this;
  }
  setHiddenValues(values: string[]): FilterCriteriaBuilder {
    this._spec.hiddenValues = values.map(String);
    return this;
  }
  whenTextEqualTo(text: string): FilterCriteriaBuilder {
    this._spec.criteria = 'TEXT_EQUAL_TO';
    this._spec.values = [text];
    return this;
  }
  whenFormulaSatisfied(formula: string): FilterCriteriaBuilder {
    this._spec.criteria = 'CUSTOM_FORMULA';
    this._spec.values = [formula];
    return this;
  }
  build(): FilterCriteria {
    return new FilterCriteria(this._ctx, copyCriteria(this._spec));
  }
}

instrument(FilterCriteria, 'FilterCriteria');
instrument(FilterCriteriaBuilder, 'FilterCriteriaBuilder');
