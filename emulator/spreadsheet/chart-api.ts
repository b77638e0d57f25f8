// Embedded charts: Sheet.newChart() builder (type, ranges, position, options) and the recorded EmbeddedChart.
import type { ChartSpec, SheetData } from './sheet-data';
import { copyChartSpec } from './spec-copy';
import type { Ctx } from './context';
import { instrument, Wrapper } from './counting';
import { enumName } from './enums';
import { type Range, rangeWrapper } from './wrappers';

export function newChartSpec(id: number): ChartSpec {
  return {
    id,
    type: 'COLUMN',
    ranges: [],
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: new Map(),
    hiddenDimensionStrategy: 'IGNORE_ROWS',
    mergeStrategy: 'MERGE_COLUMNS',
    numHeaders: -1,
    transposeRowsAndColumns: false,
  };
}

export class ChartOptions extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _options: Map<string, unknown>,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'ChartOptions';
  }
  get(option: string): unknown {
    return this._options.get(option) ?? null;
  }
  getOrDefault(option: string): unknown {
    return this._options.get(option) ?? null;
  }
}

export class ContainerInfo extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _pos: ChartSpec['position'],
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'ContainerInfo';
  }
  getAnchorRow(): number {
    return this._pos.row;
  }
  getAnchorColumn(): number {
    return this._pos.col;
  }
  getOffsetX(): number {
    return this._pos.offsetX;
  }
  getOffsetY(): number {
    return this._pos.offsetY;
  }
}

export class EmbeddedChart extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _spec: ChartSpec,
    readonly _sheet: SheetData,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'EmbeddedChart';
  }
  getChartId(): number {
    return this._spec.id;
  }
  getRanges(): Range[] {
    return this._spec.ranges.map((r) => rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this._ctx, this._spec.options);
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this._ctx, this._spec.position);
  }
  getHiddenDimensionStrategy(): string {
    return this._spec.hiddenDimensionStrategy;
  }
  getMergeStrategy(): string {
    return this._spec.mergeStrategy;
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._spec.transposeRowsAndColumns;
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheet, copyChartSpec(this._spec));
  }
}

/** One builder class serves newChart() and the asColumnChart()/asPieChart()... variants. */
export class EmbeddedChartBuilder extends Wrapper {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetData,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }
  override toString(): string {
    return 'EmbeddedChartBuilder';
  }
  addRange(range: Range): EmbeddedChartBuilder {
    this._spec.ranges.push({ sheet: range._sheet, r0: range._r0, c0: range._c0, r1: range._r1, c1: range._c1 });
    return this;
  }
  removeRange(range: Range): EmbeddedChartBuilder {
    this._spec.ranges = this._spec.ranges.filter((r) => !(r.sheet === range._sheet && r.r0 === range._r0 && r.c0 === range._c0 && r.r1 === range._r1 && r.c1 === range._c1));
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this._spec.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this._spec.ranges.map((r) => rangeWrapper(this._ctx, r.sheet, r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  }
  setChartType(type: unknown): EmbeddedChartBuilder {
    this._spec.type = enumName(type);
    return this;
  }
  getChartType(): string {
    return this._spec.type;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this._spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this._spec.options.set(option, value);
    return this;
  }
  setHiddenDimensionStrategy(strategy: unknown): EmbeddedChartBuilder {
    this._spec.hiddenDimensionStrategy = enumName(strategy);
    return this;
  }
  setMergeStrategy(mergeStrategy: unknown): EmbeddedChartBuilder {
    this._spec.mergeStrategy = enumName(mergeStrategy);
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this._spec.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this._spec.transposeRowsAndColumns = transpose;
    return this;
  }
  setTitle(chartTitle: string): EmbeddedChartBuilder {
    return this.setOption('title', chartTitle);
  }
  setStacked(): EmbeddedChartBuilder {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilder {
    return this.setOption('legend.position', enumName(position).toLowerCase());
  }
  setColors(cssValues: string[]): EmbeddedChartBuilder {
    return this.setOption('colors', [...cssValues]);
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }
  asBarChart(): EmbeddedChartBuilder {
    return this.setChartType('BAR');
  }
  asPieChart(): EmbeddedChartBuilder {
    return this.setChartType('PIE');
  }
  asLineChart(): EmbeddedChartBuilder {
    return this.setChartType('LINE');
  }
  asAreaChart(): EmbeddedChartBuilder {
    return this.setChartType('AREA');
  }
  asScatterChart(): EmbeddedChartBuilder {
    return this.setChartType('SCATTER');
  }
  asTableChart(): EmbeddedChartBuilder {
    return this.setChartType('TABLE');
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this._ctx, copyChartSpec(this._spec), this._sheet);
  }
}

instrument(ChartOptions, 'ChartOptions');
instrument(ContainerInfo, 'ContainerInfo');
instrument(EmbeddedChart, 'EmbeddedChart');
instrument(EmbeddedChartBuilder, 'EmbeddedChartBuilder');
