// The web's words in German (see webPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { WEB_EN } from './webPhrases.ts';

export const WEB_DE: Translation<typeof WEB_EN> = {
  'newApp.server': 'Webserver (HTTP, Port 80)',
  'newApp.client': 'Web-Client (lädt eine Seite)',
  'card.kind': 'Web-Client',
  'card.visits': 'Besuche',
  'card.answered': 'Beantwortet',
  'card.answeredValue': '{responses} von {requests}',
  'card.statuses': 'Statuscodes',
  'card.failed': 'Gescheitert',
  'card.latency': 'Latenz Mittel / p95',
  'card.pageLoads': 'Seitenaufrufe, Mittel',
  'card.pageLoadsValue': '{count}, {time}',
  'card.stopped': 'Abgebrochen',
  status: 'Status {code}',
  request: 'Anfrage {req}',
  'http.request': '{node} sendet die HTTP-Anfrage {what}.',
  'http.response': '{node} erhält {status} für {what}: {bytes} Bytes, {time} nach der Anfrage.',
  'http.failure': '{node}: Die HTTP-Anfrage nach {target} scheitert ({error}).',
  'http.page': {
    one: '{node} hat die ganze Seite {path}: {count} Objekt in {time}.',
    other: '{node} hat die ganze Seite {path}: {count} Objekte in {time}.',
  },
  'http.pageFailed': '{node} gibt die Seite {path} auf: Ein Objekt ist gescheitert ({error}).',
  'tls.clientStart': '{node} beginnt einen TLS-Handshake mit {peer} (ClientHello).',
  'tls.clientStartFor': '{node} beginnt einen TLS-Handshake mit {peer} (ClientHello für „{name}“).',
  'tls.serverStart':
    '{node} beantwortet das ClientHello von {peer}: ServerHello, dann sein Zertifikat, verschlüsselt.',
  'tls.done':
    '{node} schließt den TLS-Handshake mit {peer} ab: Von jetzt an sind die Daten verschlüsselt.',
  'tls.failed': '{node}: Der TLS-Handshake mit {peer} scheitert ({detail}).',
  'tls.certificate':
    '{node} prüft das Zertifikat von {peer} (für „{subject}“, ausgestellt von {issuer}): {verdict}.',
  'tls.keys':
    '{node} protokolliert seine Sitzungsschlüssel für die Verbindung mit {remote}; der Paket-Inspektor kann sie so entschlüsseln, wie {node} sie sieht.',
  'verdict.ok': 'gültig – der Handshake geht weiter',
  'verdict.expired': 'abgelaufen – der Browser lehnt die Verbindung ab',
  'verdict.notYetValid': 'noch nicht gültig – der Browser lehnt die Verbindung ab',
  'verdict.wrongName': 'für einen anderen Namen ausgestellt – der Browser lehnt die Verbindung ab',
  'verdict.untrustedIssuer':
    'von einer Stelle signiert, der er nicht vertraut – der Browser lehnt die Verbindung ab',
};
