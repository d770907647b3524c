// The summary cards' shared words in German (see summaryPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { SUMMARY_EN } from './summaryPhrases.ts';

export const SUMMARY_DE: Translation<typeof SUMMARY_EN> = {
  'tally.none': 'keine',
  'tally.other': 'andere',
  'tally.item': '{count} × {what}',
  'server.kind': 'Server ({model}) an Port {port}',
  'server.connections': 'Verbindungen',
  'server.refused': 'Abgewiesen',
  'server.replied': 'Beantwortet',
  'server.repliedValue': '{replies} von {requests}',
  'server.statuses': 'Statuscodes',
  'server.latency': 'Latenz Mittel / p95',
  'server.mostWaiting': 'Max. gleichzeitig wartend',
  'server.limited': 'Über dem Ratenlimit',
  'retry.retries': 'Wiederholungen',
  'retry.recovered': 'Nach Wiederholung beantwortet',
  'retry.gaveUp': 'Aufgegeben',
  'cpu.kind': { one: 'CPU, {count} Kern, {policy}', other: 'CPU, {count} Kerne, {policy}' },
  'cpu.jobsDone': 'Erledigte Jobs',
  'cpu.utilization': 'Auslastung',
  'cpu.utilizationValue': '{percent} %',
  'cpu.meanWaiting': 'Mittlere Wartezeit',
  'cpu.meanResponse': 'Mittlere Antwortzeit',
  'cpu.longestRunQueue': 'Längste Bereit-Warteschlange',
  'cpu.contextSwitches': 'Kontextwechsel',
  'failures.kind': 'Abstürze',
  'failures.crashes': 'Abgestürzt',
  'failures.restarts': 'Neu gestartet',
  'failures.down': 'Ausfallzeit',
  'failures.dropped': 'Verworfene Pakete während des Ausfalls',
};
