// The recorded definition of an embedded chart (type, data ranges, position, options).
import type { SheetRect } from './records';

export interface ChartSpec {
  id: number;
  type: string;
  ranges: SheetRect[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Map<string, unknown>;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
}

export function copyChartSpec(spec: ChartSpec): ChartSpec {
  return { ...spec, ranges: spec.ranges.map((r) => ({ ...r })), position: { ...spec.position }, options: new Map(spec.options) };
}
