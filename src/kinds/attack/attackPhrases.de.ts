// The attacks' words in German (see attackPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { ATTACK_EN } from './attackPhrases.ts';

export const ATTACK_DE: Translation<typeof ATTACK_EN> = {
  'flood.kind': 'SYN-Flut von {node}',
  'flood.sent': 'Gesendete SYNs',
  'flood.sentValue': '{sent} von {count} ({rate} pro Sekunde)',
  'flood.from': 'Gesendet von',
  'flood.spoofed': 'gefälschten Adressen in {prefix}',
  'flood.own': 'der eigenen Adresse',
  'flood.dropped': 'Vom Ziel verworfene SYNs',
  'flood.cookies': 'Vom Ziel gesendete SYN-Cookies',
  'flood.cookieConnections': 'Aus Cookies aufgebaute Verbindungen',
  'scan.kind': 'SYN-Portscan von {node}',
  'scan.ports': 'Ports',
  'scan.open': 'Offen',
  'scan.closed': 'Geschlossen',
  'scan.filtered': 'Gefiltert',
  'scan.openPorts': 'Offene Ports',
  'scan.none': 'keine',
  'scan.pending': 'noch nicht entschieden',
  'say.floodStart':
    '{who} beginnt eine SYN-Flut gegen {target}: {count} SYNs, {rate} pro Sekunde, von {from}; jedes bittet das Ziel, eine halboffene Verbindung zu halten.',
  'say.floodFromSpoofed': 'gefälschten Adressen in {prefix} (ihre SYN-ACKs gehen ins Leere)',
  'say.floodFromOwn': 'der eigenen Adresse (ihr TCP beantwortet jedes SYN-ACK mit RST)',
  'say.floodEnd': 'Die SYN-Flut von {who} gegen {target} ist vorbei: {sent} SYNs gesendet.',
  'say.scanStart':
    '{who} beginnt einen SYN-Scan von {target}, TCP-Ports {ports}: ein SYN an jeden; ein SYN-ACK heißt offen, ein RST geschlossen, Stille gefiltert.',
  'say.port.open':
    'Der Scan von {who} findet TCP-Port {port} von {target} offen: Ein SYN-ACK kam (sein TCP beantwortet es mit RST, es entsteht keine Verbindung).',
  'say.port.closed':
    'Der Scan von {who} findet TCP-Port {port} von {target} geschlossen: Ein RST kam.',
  'say.port.filtered':
    'Der Scan von {who} findet TCP-Port {port} von {target} gefiltert: keine Antwort auf {probes}.',
  'say.probes': { one: '{count} SYN', other: '{count} SYNs' },
  'say.scanEnd':
    'Der Scan von {who} gegen {target} ist fertig: {open} offen, {closed} geschlossen, {filtered} gefiltert{list}.',
  'say.openList': ' (offen: {ports})',
};
