// NAT's words in German (see natPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { NAT_EN } from './natPhrases.ts';

export const NAT_DE: Translation<typeof NAT_EN> = {
  'expected.ports': 'ein Port (1 bis 65535) oder ein Portbereich wie "6000-6010"',
  'expected.target':
    'eine Adresse wie "192.168.1.10" oder eine Adresse mit Port wie "192.168.1.10:80"',
  'check.masquerade.unknownInterface':
    'Masquerade-Regel {n} von {node} nennt die Schnittstelle "{name}", die {node} nicht hat (seine Schnittstellen: {interfaces})',
  'check.masquerade.noAddress':
    'Masquerade-Regel {n} von {node} geht über "{name}" hinaus, und diese Schnittstelle hat keine Adresse, die auf die Pakete käme',
  'check.masquerade.portOrder':
    'Masquerade-Regel {n} von {node}: Die Ports {ports} laufen rückwärts; schreibe den kleineren Port zuerst',
  'check.masquerade.toPortsDiffer':
    'Masquerade-Regel {n} von {node} gibt "{name}" andere Ports als Masquerade-Regel {first}: Eine Schnittstelle hat einen Bereich öffentlicher Ports',
  'check.forward.unknownInterface':
    'Portweiterleitung {n} von {node} nennt die Schnittstelle "{name}", die {node} nicht hat (seine Schnittstellen: {interfaces})',
  'check.forward.noAddress':
    'Portweiterleitung {n} von {node} lauscht auf "{name}", und diese Schnittstelle hat keine Adresse, die von außen erreichbar wäre',
  'check.forward.portOrder':
    'Portweiterleitung {n} von {node}: Die Ports {ports} laufen rückwärts; schreibe den kleineren Port zuerst',
  'check.forward.overlap':
    'Portweiterleitung {n} von {node} belegt {protocol}-Port {ports} auf "{name}", den schon Portweiterleitung {first} belegt',
  'warn.forwardOffSubnet':
    'Portweiterleitung {n} von {node} schickt an {address}, das in keinem Subnetz von {node} liegt ({subnets}): Das Paket geht über eine Route weiter, falls eine dorthin führt',
  'warn.notRouter':
    '{node} hat eine NAT-Einstellung, leitet aber keine Pakete weiter (seine Rolle ist {role}): Nur ein Router gibt übersetzte Pakete weiter',
  'card.kind': 'NAT auf {interfaces}',
  'card.mappings': 'Angelegte Zuordnungen',
  'card.outbound': 'Nach außen übersetzt',
  'card.inbound': 'Nach innen übersetzt',
  'card.unmatched': 'Von außen, ohne Zuordnung',
  'card.dropped': 'Verworfen, kein Port frei',
  'nat.snat':
    '{node} ordnet {inside} der Adresse {outside} zu, für {protocol} zu {remote}: ein neuer Eintrag in seiner NAT-Tabelle.',
  'nat.dnat':
    '{node} leitet {protocol} von {remote} an {outside} weiter an {inside}: ein neuer Eintrag in seiner NAT-Tabelle.',
  'nat.out': '{node} übersetzt {from} → {to} (Absender von Paket #{pkt}).',
  'nat.in': '{node} übersetzt {from} → {to} (Empfänger von Paket #{pkt}).',
  'nat.expire.timeout':
    'Der NAT-Eintrag {inside} ↔ {outside} ({protocol}) von {node} läuft ab: Zu lange kam kein Paket.',
  'nat.expire.closed':
    'Der NAT-Eintrag {inside} ↔ {outside} ({protocol}) von {node} wird entfernt: Die Verbindung ist geschlossen.',
  'nat.expire.reset':
    'Der NAT-Eintrag {inside} ↔ {outside} ({protocol}) von {node} wird entfernt: Die Verbindung wurde zurückgesetzt.',
  'nat.unmatched':
    '{node} findet keine NAT-Zuordnung für Paket #{pkt} an {to}: Es ist für {node} selbst bestimmt und geht nicht weiter nach innen.',
  'nat.drop':
    '{node} verwirft Paket #{pkt}: Für eine neue Zuordnung ist kein öffentlicher Port frei.',
};
