// A bulk transfer's words in German (see bulkPhrases.ts). A phase is a whole verb phrase here
// ("sendet jetzt Daten"), so `state` is just the app and its phase.

import type { Translation } from '../../engine/language.ts';
import type { BULK_EN } from './bulkPhrases.ts';

export const BULK_DE: Translation<typeof BULK_EN> = {
  'send.kind': 'TCP-Upload von {node}',
  'send.written': 'Geschrieben',
  'send.writtenValue': '{written} von {bytes} Bytes',
  'send.outcome': 'Ergebnis',
  'outcome.failed': 'gescheitert: {error} nach {written} von {bytes} geschriebenen Bytes',
  'outcome.unfinished': 'nicht fertig: {written} von {bytes} Bytes geschrieben',
  'outcome.done': '{bytes} Bytes in {time} nach dem Verbindungsaufbau ({rate} Nutzdatenrate)',
  'sink.kind': 'TCP-Senke an Port {port}',
  'sink.connections': 'Verbindungen',
  'sink.bytesReceived': 'Empfangene Bytes',
  app: 'Die App {app} von {node}',
  state: '{who} {state}.',
  'sender.waiting': 'wartet jetzt auf ihre Startzeit',
  'sender.connecting': 'baut jetzt eine Verbindung auf',
  'sender.sending': 'sendet jetzt Daten',
  'sender.closing':
    'schließt jetzt: Alle ihre Daten sind an TCP übergeben, das nach dem letzten Byte ein FIN sendet',
  'sender.done': 'ist jetzt fertig: Jedes Byte und das FIN sind bestätigt',
  'sender.failed': 'wurde durch einen Fehler gestoppt',
  'sink.starting': 'startet jetzt',
  'sink.idle': 'ist jetzt im Leerlauf und wartet auf Verbindungen',
  'sink.receiving': 'empfängt jetzt Daten',
  'sink.failed': 'wurde durch einen Fehler gestoppt',
  'send.error': '{who} gibt auf: Ihre Verbindung ist mit {error} gescheitert.',
  'send.write': '{who} übergibt TCP weitere {bytes} Bytes (bisher {written}).',
  'sink.error': '{who} kann nicht starten: {op} ist mit {error} gescheitert.',
  'sink.accept': '{who} nimmt die Verbindung von {peer} an.',
  'sink.read': '{who} liest {bytes} Bytes von {peer}.',
};
