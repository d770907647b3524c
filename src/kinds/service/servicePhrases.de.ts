// A request/response service's words in German (see servicePhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { SERVICE_EN } from './servicePhrases.ts';

export const SERVICE_DE: Translation<typeof SERVICE_EN> = {
  'card.kind': 'Dienst-Client',
  'card.visits': 'Besuche',
  'card.answered': 'Beantwortet',
  'card.answeredValue': '{replies} von {requests}',
  'card.errors': 'Fehler',
  'card.failed': 'Gescheitert',
  'card.latency': 'Latenz Mittel / p95',
  'card.stopped': 'Abgebrochen',
  request: '{node} sendet Abfrage {req}: {query}.',
  answer: '{node} erhält die Antwort auf Abfrage {req}: {bytes} Byte, {time} nach der Anfrage.',
  error: '{node} erhält einen Fehler auf Abfrage {req}, {time} nach der Anfrage.',
  failure: '{node}: Abfrage {req} scheitert ohne Antwort ({error}).',
};
