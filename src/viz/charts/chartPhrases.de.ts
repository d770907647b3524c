// The charts' words in German (see chartPhrases.ts for the English source and what each is for).

import type { Translation } from '../../engine/language.ts';
import type { CHART_EN } from './chartPhrases.ts';

export const CHART_DE: Translation<typeof CHART_EN> = {
  'latency.title': 'Latenz der Anfragen',
  'latency.yLabel': 'Umlaufzeit (ms)',
  'latency.empty':
    'Noch keine gemessene Antwort: Dieses Diagramm braucht eine Pinger-App, die Antworten bekommt.',
  'requests.title': 'Latenz von Server- und HTTP-Anfragen',
  'requests.yLabel': 'Latenz (ms)',
  'requests.empty':
    'Noch keine Anfrage beantwortet: Dieses Diagramm braucht eine Server-App oder einen HTTP-Client.',
  'throughput.title': 'Durchsatz je Leitungsrichtung',
  'throughput.yLabel': 'Durchsatz (bit/s)',
  'throughput.empty': 'Noch ist kein Paket über eine Leitung angekommen.',
  'cwnd.title': 'TCP-Staufenster (cwnd) und ssthresh',
  'cwnd.yLabel': 'Fenster (Bytes)',
  'cwnd.empty': 'Noch hat keine TCP-Verbindung Daten gesendet.',
  'rto.title': 'TCP-Sendewiederholungs-Timeout (RTO) und geglättete RTT',
  'rto.yLabel': 'Zeit (ms)',
  'rto.empty': 'Noch hat keine TCP-Verbindung eine Umlaufzeit gemessen.',
  'queue.title': 'Warteschlangenlänge je Schnittstelle',
  'queue.yLabel': 'Wartend (Pakete)',
  'queue.empty': 'Noch hat kein Paket in einer Warteschlange gewartet.',
  'unit.bytes': 'Bytes',
  'unit.packets': 'Pakete',
  'series.server': '{node} {app} (Server: Anfrage bis Antwort)',
  'series.client': '{node} (Client: Anfrage bis Antwort)',
  'series.link': 'Leitung {link}',
  'series.queue': '{node} {iface} (Leitung {link})',
  'summary.empty': '{title}: {empty}',
  'summary.noPoints': '{label}: noch keine Punkte',
  'summary.points': {
    one: '{label}: {count} Punkt, jetzt {value} {unit}',
    other: '{label}: {count} Punkte, jetzt {value} {unit}',
  },
  'summary.more': ' und {count} weitere Reihen',
  'summary.all': '{title} von 0 s bis {time}. {parts}{more}.',
} as const;
