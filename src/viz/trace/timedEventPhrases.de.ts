// A scenario's timed events in German (see timedEventPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { TIMED_EVENT_EN } from './timedEventPhrases.ts';

export const TIMED_EVENT_DE: Translation<typeof TIMED_EVENT_EN> = {
  linkDown: 'Leitung {link} fällt aus',
  linkUp: 'Leitung {link} ist wieder da',
  linkChange: 'Leitung {link} ändert sich auf {settings}',
  nodeCrash: '{node} stürzt ab',
  nodeRestart: '{node} startet neu',
  interfaceDown: 'Schnittstelle {interface} von {node} fällt aus',
  interfaceUp: 'Schnittstelle {interface} von {node} ist wieder da',
  ping: '{node} pingt {target}',
  pings: '{node} pingt {target} ({count} Echo-Anfragen, eine pro Sekunde)',
  fetch: '{node} ruft {path} von {server} ab',
  fetchPort: '{node} ruft {path} von {server} ab (Port {port})',
  transfer: '{node} sendet {bytes} Bytes an {target}',
  synFlood:
    '{node} überflutet TCP-Port {port} von {target} mit SYNs ({rate} pro Sekunde, {duration} lang)',
  synFloodSpoofed:
    '{node} überflutet TCP-Port {port} von {target} mit SYNs ({rate} pro Sekunde, {duration} lang, von gefälschten Adressen in {prefix})',
  portScan: '{node} scannt die TCP-Ports {ports} von {target} (SYN-Scan)',
} as const;
