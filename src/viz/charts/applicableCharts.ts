// Which charts apply to a run: a chart is offered only when the trace holds a series for it, so
// a run with no TCP has no congestion-window chart and a run with no pinger no round-trip chart.

import type { TraceRecords } from '../../engine/trace.ts';
import { requestLatencySeries } from '../servers/index.ts';
import { CHARTS, type ChartKind } from './chartSpecs.ts';
import { traceSeries } from './series.ts';

/** Whether the records hold at least one series for the chart `kind`. */
function hasSeries(records: TraceRecords, kind: ChartKind): boolean {
  const s = traceSeries(records);
  switch (kind) {
    case 'latency':
      return s.latency.size > 0;
    case 'requests':
      return requestLatencySeries(records).length > 0;
    case 'throughput':
      return s.throughput.size > 0;
    case 'cwnd':
      return s.cwnd.size > 0;
    case 'rto':
      return s.rto.size > 0;
    case 'queue':
      return s.queue.size > 0;
  }
}

/**
 * The charts that have something to plot over the whole trace recorded so far, in the picker's
 * order (`CHARTS`). Read from the whole run, not the moment shown, so the list does not change
 * while time runs; while a run still streams in, a chart joins the list with its first point.
 */
export function applicableCharts(records: TraceRecords): ChartKind[] {
  return CHARTS.map((c) => c.kind).filter((kind) => hasSeries(records, kind));
}

/** The order a chart is opened in when nothing was picked: the most telling one first. */
const PREFERRED: readonly ChartKind[] = [
  'latency',
  'requests',
  'cwnd',
  'throughput',
  'rto',
  'queue',
];

/** The chart to show: `picked` when it applies, else the first applicable one by preference. */
export function chartToShow(
  applicable: readonly ChartKind[],
  picked: ChartKind | null,
): ChartKind | null {
  if (picked !== null && applicable.includes(picked)) return picked;
  return PREFERRED.find((kind) => applicable.includes(kind)) ?? null;
}
