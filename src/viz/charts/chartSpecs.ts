// The charts the panel offers, in the picker's order: title, axis label, unit, and what to say
// when a run has nothing to plot on one (in English here; `chartWords` gives them in a language).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { chartPhrases } from './chartPhrases.ts';

export type ChartKind = 'latency' | 'requests' | 'throughput' | 'cwnd' | 'rto' | 'queue';

/** The charts in the picker's order, with the words around them. */
export const CHARTS: readonly {
  kind: ChartKind;
  title: string;
  yLabel: string;
  unit: string;
  si: boolean;
  empty: string;
}[] = [
  {
    kind: 'latency',
    title: 'Request latency',
    yLabel: 'Round trip (ms)',
    unit: 'ms',
    si: false,
    empty: 'No timed reply yet: this chart needs a pinger app that gets replies.',
  },
  {
    kind: 'requests',
    title: 'Server and HTTP request latency',
    yLabel: 'Latency (ms)',
    unit: 'ms',
    si: false,
    empty: 'No request answered yet: this chart needs a server app or an HTTP client.',
  },
  {
    kind: 'throughput',
    title: 'Throughput per link direction',
    yLabel: 'Throughput (bit/s)',
    unit: 'bit/s',
    si: true,
    empty: 'No packet has arrived over a link yet.',
  },
  {
    kind: 'cwnd',
    title: 'TCP congestion window and ssthresh',
    yLabel: 'Window (bytes)',
    unit: 'bytes',
    si: true,
    empty: 'No TCP connection has sent data yet.',
  },
  {
    kind: 'rto',
    title: 'TCP retransmission timeout and smoothed RTT',
    yLabel: 'Time (ms)',
    unit: 'ms',
    si: false,
    empty: 'No TCP connection has timed a round trip yet.',
  },
  {
    kind: 'queue',
    title: 'Queue length per interface',
    yLabel: 'Waiting (packets)',
    unit: 'packets',
    si: false,
    empty: 'No packet has waited in a queue yet.',
  },
];

/** The words around a chart in `language`: title, axis label, unit and empty note. */
export function chartWords(
  kind: ChartKind,
  language: Language = ENGLISH,
): { title: string; yLabel: string; unit: string; empty: string } {
  const say = chartPhrases.in(language).say;
  const spec = CHARTS.find((c) => c.kind === kind) ?? (CHARTS[0] as (typeof CHARTS)[number]);
  const unit =
    spec.unit === 'bytes'
      ? say('unit.bytes')
      : spec.unit === 'packets'
        ? say('unit.packets')
        : spec.unit;
  return {
    title: say(`${spec.kind}.title`),
    yLabel: say(`${spec.kind}.yLabel`),
    unit,
    empty: say(`${spec.kind}.empty`),
  };
}
