// The charts' words in every language the page speaks: each chart's title, axis label and empty
// note, the units written as words, the series' names and the sentence that sums a chart up for
// screen readers. English is the source; the German is in chartPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { CHART_DE } from './chartPhrases.de.ts';

export const CHART_EN = {
  'latency.title': 'Request latency',
  'latency.yLabel': 'Round trip (ms)',
  'latency.empty': 'No timed reply yet: this chart needs a pinger app that gets replies.',
  'requests.title': 'Server and HTTP request latency',
  'requests.yLabel': 'Latency (ms)',
  'requests.empty': 'No request answered yet: this chart needs a server app or an HTTP client.',
  'throughput.title': 'Throughput per link direction',
  'throughput.yLabel': 'Throughput (bit/s)',
  'throughput.empty': 'No packet has arrived over a link yet.',
  'cwnd.title': 'TCP congestion window and ssthresh',
  'cwnd.yLabel': 'Window (bytes)',
  'cwnd.empty': 'No TCP connection has sent data yet.',
  'rto.title': 'TCP retransmission timeout and smoothed RTT',
  'rto.yLabel': 'Time (ms)',
  'rto.empty': 'No TCP connection has timed a round trip yet.',
  'queue.title': 'Queue length per interface',
  'queue.yLabel': 'Waiting (packets)',
  'queue.empty': 'No packet has waited in a queue yet.',
  'unit.bytes': 'bytes',
  'unit.packets': 'packets',
  'series.server': '{node} {app} (server: request to reply)',
  'series.client': '{node} (client: request to response)',
  'series.link': 'link {link}',
  'series.queue': '{node} {iface} (link {link})',
  'summary.empty': '{title}: {empty}',
  'summary.noPoints': '{label}: no points yet',
  'summary.points': {
    one: '{label}: {count} point, now {value} {unit}',
    other: '{label}: {count} points, now {value} {unit}',
  },
  'summary.more': ', and {count} more series',
  'summary.all': '{title} from 0 s to {time}. {parts}{more}.',
} as const;

export const chartPhrases = new Phrasebook(CHART_EN, { de: CHART_DE });
