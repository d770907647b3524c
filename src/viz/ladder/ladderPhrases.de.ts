// The ladder's words in German (see ladderPhrases.ts for the English source and what each is for).

import type { Translation } from '../../engine/language.ts';
import type { LADDER_EN } from './ladderPhrases.ts';

export const LADDER_DE: Translation<typeof LADDER_EN> = {
  'arrow.duplicate': ' (Duplikat)',
  'loss.onLink': '{reason} (Leitung {link})',
  'loss.atNode': '{reason} bei {node}',
  'refused.backlogFull': 'Backlog voll',
  'refused.synQueueFull': 'SYN-Warteschlange voll',
  'refused.acceptQueueFull': 'Accept-Warteschlange voll',
  'drop.queueFull': 'Warteschlange voll',
  'drop.loss': 'auf der Leitung verloren',
  'drop.linkDown': 'Leitung ausgefallen',
  'drop.ttl': 'TTL abgelaufen',
  'drop.noRoute': 'keine Route',
  'drop.notForMe': 'nicht an diesen Knoten adressiert',
  'drop.noProtocol': 'kein Transportprotokoll dafür',
  'drop.notConnected': 'Schnittstelle nicht verbunden',
  'drop.filtered': 'Firewall',
  'firewall.rule': 'Firewall: {chain} Regel {n}',
  'firewall.policy': 'Firewall: {chain} Policy',
  'drop.nodeDown': 'Knoten abgestürzt',
  'drop.interfaceDown': 'Schnittstelle ausgefallen',
  'drop.badChecksum': 'IP-Header-Prüfsumme falsch',
  'drop.tcpChecksum': 'TCP-Prüfsumme falsch',
  'drop.udpChecksum': 'UDP-Prüfsumme falsch',
  'drop.icmpChecksum': 'ICMP-Prüfsumme falsch',
  'drop.fragmentationNeeded': 'zu groß, DF gesetzt',
  'drop.badFragment': 'kaputtes Fragment',
  'error.listener':
    'Ein lauschender Socket hat keine einzelne Gegenstelle: Wähle eine seiner Verbindungen.',
  'error.noOwner': 'Kein Knoten des Szenarios hat die Adresse {end}.',
  'run.dataSegments': { one: '{count} Datensegment', other: '{count} Datensegmente' },
  'run.segments': { one: '{count} Segment', other: '{count} Segmente' },
  'run.bytes': { one: '{count} Byte', other: '{count} Bytes' },
  'run.acks': { one: '{count} ACK', other: '{count} ACKs' },
  'run.data': '{segments} ({bytes})',
  'run.withAcks': '{data}, {acks}',
  'spoken.lost': ', verloren: {reason}',
  'spoken.flight': ', noch unterwegs',
  'spoken.refused': ', bei Ankunft verworfen: {reason}',
  'spoken.again': ', erneut gesendet ({why})',
  'spoken.arrow': '{lead}Paket {pkt}: {title}{again}{fate}',
  'spoken.runFlight': ', einige noch unterwegs',
  'spoken.runAcks': ', ACKs von {from} an {to}',
  'spoken.run':
    '{label}: Daten von {from} an {to}{back}{still}. Drücke Enter, um sie in ihre Segmente aufzuklappen.',
  'focus.arrow': '{text}{reason} (Paket {pkt}: {title})',
  'focus.lostReason': ' — {reason}',
  selected: 'Ausgewählt: {text} (Paket {pkt}: {title})',
  dense: {
    one: '{count} Pfeil oder Balken als ein Bild gezeichnet, zu dicht, um sie auseinanderzuhalten',
    other:
      '{count} Pfeile und Balken als ein Bild gezeichnet, zu dicht, um sie auseinanderzuhalten',
  },
} as const;
