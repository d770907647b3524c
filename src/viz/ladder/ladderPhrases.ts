// The ladder's words in every language the page speaks: what an arrow and a run of segments say,
// why a packet was lost or refused, the sentences a screen reader hears for each, and the notes
// when a ladder cannot be drawn. English is the source; the German is in ladderPhrases.de.ts.
// Protocol words (SYN, ACK, seq=, len=) stay as they are in every language.

import { Phrasebook } from '../../engine/language.ts';
import { LADDER_DE } from './ladderPhrases.de.ts';

export const LADDER_EN = {
  'arrow.duplicate': ' (duplicate)',
  'loss.onLink': '{reason} (link {link})',
  'loss.atNode': '{reason} at {node}',
  'refused.backlogFull': 'backlog full',
  'refused.synQueueFull': 'SYN queue full',
  'refused.acceptQueueFull': 'accept queue full',
  'drop.queueFull': 'queue full',
  'drop.loss': 'lost on the wire',
  'drop.linkDown': 'link down',
  'drop.ttl': 'TTL ran out',
  'drop.noRoute': 'no route',
  'drop.notForMe': 'not addressed to this node',
  'drop.noProtocol': 'no transport for its protocol',
  'drop.notConnected': 'interface not connected',
  'drop.filtered': 'firewall',
  'firewall.rule': 'firewall: {chain} rule {n}',
  'firewall.policy': 'firewall: {chain} policy',
  'drop.nodeDown': 'node crashed',
  'drop.interfaceDown': 'interface down',
  'drop.badChecksum': 'bad IP header checksum',
  'drop.otherHost': 'frame for another MAC',
  'drop.arpFailed': 'no ARP answer',
  'drop.arpQueueFull': 'ARP queue full',
  'drop.tcpChecksum': 'bad TCP checksum',
  'drop.udpChecksum': 'bad UDP checksum',
  'drop.icmpChecksum': 'bad ICMP checksum',
  'drop.fragmentationNeeded': 'too big, DF set',
  'drop.badFragment': 'bad fragment',
  'error.listener': 'A listening socket has no single peer: pick one of its connections.',
  'error.noOwner': 'No node of the scenario owns {end}.',
  'run.dataSegments': { one: '{count} data segment', other: '{count} data segments' },
  'run.segments': { one: '{count} segment', other: '{count} segments' },
  'run.bytes': { one: '{count} byte', other: '{count} bytes' },
  'run.acks': { one: '{count} ACK', other: '{count} ACKs' },
  'run.data': '{segments} ({bytes})',
  'run.withAcks': '{data}, {acks}',
  'spoken.lost': ', lost: {reason}',
  'spoken.flight': ', still on its way',
  'spoken.refused': ', dropped on arrival: {reason}',
  'spoken.again': ', sent again ({why})',
  'spoken.arrow': '{lead}Packet {pkt}: {title}{again}{fate}',
  'spoken.runFlight': ', some still on their way',
  'spoken.runAcks': ', ACKs {from} to {to}',
  'spoken.run':
    '{label}: data {from} to {to}{back}{still}. Press Enter to open it into its segments.',
  'focus.arrow': '{text}{reason} (packet {pkt}: {title})',
  'focus.lostReason': ' — {reason}',
  selected: 'Selected: {text} (packet {pkt}: {title})',
  dense: {
    one: '{count} arrow or bar drawn as one picture, too close together to tell apart',
    other: '{count} arrows and bars drawn as one picture, too close together to tell apart',
  },
} as const;

export const ladderPhrases = new Phrasebook(LADDER_EN, { de: LADDER_DE });
