// The charts: which ones exist and which apply to a run, the series each plots from the trace up
// to t, the axes' extents (the window shown or the whole run), and thinning long series.
export {
  chartData,
  CHARTS,
  chartSummary,
  chartWords,
  focusOf,
  type ChartData,
  type ChartKind,
} from './chartData.ts';
export { applicableCharts, chartToShow } from './applicableCharts.ts';
export { chartDomain, type ChartDomain } from './chartDomain.ts';
export { decimate } from './decimate.ts';
export { chartPhrases, CHART_EN } from './chartPhrases.ts';
export { pointsUntil, traceSeries, type Points } from './series.ts';
