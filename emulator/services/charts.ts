// Emulated Charts: only the enums scripts pass to chart builders; drawing charts is not emulated.

/** https://developers.google.com/apps-script/reference/charts/chart-type */
export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const);

/** https://developers.google.com/apps-script/reference/charts/legend-position */
export const Position = Object.freeze({ TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const);

export interface ChartsApi {
  readonly ChartType: typeof ChartType;
  readonly Position: typeof Position;
}

export function createCharts(): ChartsApi {
  return { ChartType, Position };
}
