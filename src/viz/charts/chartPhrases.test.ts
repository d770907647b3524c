// The charts' words in German: the translation is whole, and titles, axis labels, series names and
// the screen-reader summary come out in German when asked (English stays the default).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { networkNames } from '../names/index.ts';
import { chartData, chartSummary } from './chartData.ts';
import { CHART_EN } from './chartPhrases.ts';
import { CHART_DE } from './chartPhrases.de.ts';
import { chartWords } from './chartSpecs.ts';

const MS = 1e6;
const records: TraceRecord[] = [
  {
    t: 10 * MS,
    type: 'server.reply',
    node: 'web',
    app: 'web',
    req: 1,
    status: 200,
    latency: 4 * MS,
  },
  {
    t: 12 * MS,
    type: 'http.response',
    node: 'pc',
    app: 'http',
    conn: '49152>10.0.0.2:80',
    req: 1,
    status: 200,
    bytes: 100,
    latency: 7 * MS,
  },
  {
    t: 1500 * MS,
    type: 'queue.length',
    link: 'wan',
    node: 'web',
    iface: 'eth1',
    packets: 3,
    bytes: 4500,
  },
];
const names = networkNames([
  { id: 'web', label: 'Webserver', role: 'server' },
  { id: 'pc', label: 'PC', role: 'client' },
]);
const input = { records: recordList(records), time: 2500 * MS, names };

describe('chart phrases', () => {
  it('the German translation is whole', () => {
    expect(translationProblems(CHART_EN, CHART_DE)).toEqual([]);
  });

  it('gives the words around a chart in German', () => {
    expect(chartWords('cwnd', 'de')).toEqual({
      title: 'TCP-Staufenster (cwnd) und ssthresh',
      yLabel: 'Fenster (Bytes)',
      unit: 'Bytes',
      empty: 'Noch hat keine TCP-Verbindung Daten gesendet.',
    });
    expect(chartWords('queue', 'de').unit).toBe('Pakete');
  });

  it('is English by default', () => {
    expect(chartWords('queue')).toEqual({
      title: 'Queue length per interface',
      yLabel: 'Waiting (packets)',
      unit: 'packets',
      empty: 'No packet has waited in a queue yet.',
    });
    const chart = chartData(input, 'requests');
    expect(chart.title).toBe('Server and HTTP request latency');
    expect(chart.groups.map((g) => g.label)).toEqual([
      'Webserver web (server: request to reply)',
      'PC (client: request to response)',
    ]);
  });

  it('names the series and sums the chart up in German', () => {
    const requests = chartData(input, 'requests', null, undefined, 'de');
    expect(requests.title).toBe('Latenz von Server- und HTTP-Anfragen');
    expect(requests.yLabel).toBe('Latenz (ms)');
    expect(requests.groups.map((g) => g.label)).toEqual([
      'Webserver web (Server: Anfrage bis Antwort)',
      'PC (Client: Anfrage bis Antwort)',
    ]);
    const queue = chartData(input, 'queue', null, undefined, 'de');
    expect(queue.groups.map((g) => g.label)).toEqual(['Webserver eth1 (Leitung wan)']);
    expect(chartSummary(queue, (v) => v.toFixed(1).replace('.', ','), 'de')).toBe(
      'Warteschlangenlänge je Schnittstelle von 0 s bis 1,5 s. ' +
        'Webserver eth1 (Leitung wan): 1 Punkt, jetzt 3,0 Pakete.',
    );
  });

  it('says in German when a chart has nothing yet', () => {
    const latency = chartData(input, 'latency', null, undefined, 'de');
    expect(chartSummary(latency, String, 'de')).toBe(
      'Latenz der Anfragen: Noch keine gemessene Antwort: Dieses Diagramm braucht eine ' +
        'Pinger-App, die Antworten bekommt.',
    );
  });
});
