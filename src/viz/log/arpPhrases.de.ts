// The event log's ARP sentences in German (see arpPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { ARP_EN } from './arpPhrases.ts';

export const ARP_DE: Translation<typeof ARP_EN> = {
  request:
    '{node} kennt die MAC-Adresse von {target} nicht und fragt alle Stationen an {iface}: Wer hat {ip}? (ARP-Anfrage #{pkt})',
  announce:
    '{node} teilt allen Stationen an {iface} mit, dass {ip} bei {mac} ist (Gratuitous ARP #{pkt}, Ankündigung {count} von 2): Es hat diese Adresse gerade übernommen.',
  retry:
    '{node} hat keine Antwort bekommen und fragt erneut, wer {ip} hat (Anfrage {probe} von 3).',
  reply: '{node} antwortet {to}: {ip} hat die MAC-Adresse {mac} (ARP-Antwort #{pkt}).',
  learn: '{node} merkt sich für die nächsten 30 s, dass {ip} die MAC-Adresse {mac} hat.',
  expire:
    'Der ARP-Eintrag von {node} für {ip} läuft ab: Das nächste Paket dorthin fragt erneut nach der MAC-Adresse.',
  forget: '{node} entfernt seinen ungenutzten ARP-Eintrag für {ip}.',
  fail: {
    one: '{node} bekommt nach 3 Anfragen keine Antwort für {ip}: Das wartende Paket wird verworfen.',
    other:
      '{node} bekommt nach 3 Anfragen keine Antwort für {ip}: Die {count} wartenden Pakete werden verworfen.',
  },
  failNone: '{node} bekommt nach 3 Anfragen keine Antwort für {ip} und gibt auf.',
};
