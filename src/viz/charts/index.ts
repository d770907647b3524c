// The charts: which ones exist, the series each plots from the trace up to t, and thinning long
// series before they are drawn.
export {
  chartData,
  CHARTS,
  chartSummary,
  focusOf,
  type ChartData,
  type ChartKind,
} from './chartData.ts';
export { decimate } from './decimate.ts';
export { pointsUntil, traceSeries, type Points } from './series.ts';
