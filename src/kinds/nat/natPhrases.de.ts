// NAT's words in German (see natPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { NAT_EN } from './natPhrases.ts';

export const NAT_DE: Translation<typeof NAT_EN> = {
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
