// DNS's words in German (see dnsPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { DNS_EN } from './dnsPhrases.ts';

export const DNS_DE: Translation<typeof DNS_EN> = {
  'server.kind': 'DNS-Server',
  'server.queries': 'Anfragen',
  'server.answers': 'Antworten',
  'resolver.kind': 'DNS-Resolver, fragt {server}',
  'resolver.lookups': 'Namensauflösungen',
  'resolver.fromCache': 'Aus dem Cache',
  'resolver.queriesSent': 'Gesendete Anfragen',
  'resolver.failures': 'Fehlschläge',
  'dns.serve': '{node} beantwortet die Anfrage nach {name} von {client}: {rcode}.',
  'dns.ignore':
    '{node} ignoriert ein {bytes}-Byte-Datagramm von {client}: Es ist keine Anfrage, die sich beantworten lässt.',
  'dns.lookup': '{node} schlägt die Adresse von {name} nach.',
  'dns.query': '{node} fragt {server} nach der Adresse von {name} (Anfrage-ID {id}).',
  'dns.queryAgain':
    '{node} fragt {server} erneut nach der Adresse von {name} (Wiederholung {attempt}) (Anfrage-ID {id}).',
  'dns.cached':
    '{node} findet {name} = {address} in seinem Cache (noch {ttl} s seiner TTL übrig): Keine Anfrage nötig.',
  'dns.learned': '{node} erfährt {name} = {address} und darf es {ttl} s lang im Cache halten.',
  'dns.failed': '{node} findet die Adresse von {name} nicht: {error}.',
  'dns.expire':
    'Die Adresse von {name} im Cache von {node} läuft ab: Das nächste Nachschlagen fragt wieder den Server.',
  'error.NXDOMAIN': 'Der Name existiert nicht (NXDOMAIN)',
  'error.SERVFAIL': 'Der Server hat versagt (SERVFAIL)',
  'error.NODATA': 'Der Name hat keinen Adresseintrag',
  'error.ETIMEDOUT': 'Es kam keine Antwort (Zeitüberschreitung)',
  'dns.mxQuery':
    '{node} fragt {server} nach den Mail-Exchangern (MX) von {name} (Anfrage-ID {id}).',
  'dns.mxQueryAgain':
    '{node} fragt {server} erneut nach den Mail-Exchangern (MX) von {name} (Wiederholung {attempt}) (Anfrage-ID {id}).',
  'dns.mxLearned':
    '{node} erfährt die Mail-Exchanger von {name}: {exchangers} (Präferenz, dann Server) und darf sie {ttl} s zwischenspeichern.',
  'dns.mxCached': '{node} findet die Mail-Exchanger von {name} in seinem Cache: {exchangers}.',
  'dns.mxFailed': '{node} findet keinen Mail-Exchanger für {name}: {error}.',
  'error.noMx': 'die Domain hat keinen MX-Eintrag',
  'error.none': 'keine Antwort',
};
