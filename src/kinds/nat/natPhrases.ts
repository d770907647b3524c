// NAT's words for people in each language: what its checks and warnings say about a node's `nat`
// setting, its summary card, and its sentences in the event log (a mapping made, a packet
// translated, a mapping gone, a packet with no mapping). natPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { NAT_DE } from './natPhrases.de.ts';

export const NAT_EN = {
  'expected.ports': 'a port (1 to 65535) or a range of ports such as "6000-6010"',
  'expected.target':
    'an address such as "192.168.1.10", or an address and port such as "192.168.1.10:80"',
  'check.masquerade.unknownInterface':
    'masquerade rule {n} of {node} names the interface "{name}", which {node} does not have (its interfaces: {interfaces})',
  'check.masquerade.noAddress':
    'masquerade rule {n} of {node} leaves by "{name}", which has no address to put on the packets',
  'check.masquerade.portOrder':
    'masquerade rule {n} of {node}: the ports {ports} run backwards; write the lower port first',
  'check.masquerade.toPortsDiffer':
    'masquerade rule {n} of {node} gives "{name}" other ports than masquerade rule {first}: an interface has one range of public ports',
  'check.forward.unknownInterface':
    'port forward {n} of {node} names the interface "{name}", which {node} does not have (its interfaces: {interfaces})',
  'check.forward.noAddress':
    'port forward {n} of {node} listens on "{name}", which has no address for the outside to reach',
  'check.forward.portOrder':
    'port forward {n} of {node}: the ports {ports} run backwards; write the lower port first',
  'check.forward.overlap':
    'port forward {n} of {node} takes {protocol} port {ports} on "{name}", which port forward {first} already takes',
  'warn.forwardOffSubnet':
    'port forward {n} of {node} sends to {address}, which is on none of {node}’s subnets ({subnets}): it travels on by a route, if one leads there',
  'warn.notRouter':
    '{node} has a nat setting but forwards no packets (its role is {role}): only a router passes translated packets on',
  'card.kind': 'NAT on {interfaces}',
  'card.mappings': 'Mappings made',
  'card.outbound': 'Translated out',
  'card.inbound': 'Translated in',
  'card.unmatched': 'Inbound, no mapping',
  'card.dropped': 'Dropped, no free port',
  'nat.snat':
    '{node} maps {inside} to {outside} for {protocol} to {remote}: a new entry in its NAT table.',
  'nat.dnat':
    '{node} forwards {protocol} from {remote} to {outside} on to {inside}: a new entry in its NAT table.',
  'nat.out': '{node} translates {from} → {to} (source of packet #{pkt}).',
  'nat.in': '{node} translates {from} → {to} (destination of packet #{pkt}).',
  'nat.expire.timeout':
    '{node}’s NAT entry {inside} ↔ {outside} ({protocol}) expires: no packet for too long.',
  'nat.expire.closed':
    '{node}’s NAT entry {inside} ↔ {outside} ({protocol}) is removed: the connection closed.',
  'nat.expire.reset':
    '{node}’s NAT entry {inside} ↔ {outside} ({protocol}) is removed: the connection was reset.',
  'nat.unmatched':
    '{node} finds no NAT mapping for packet #{pkt} to {to}: it is for {node} itself and goes no further inside.',
  'nat.drop': '{node} drops packet #{pkt}: no public port is free for a new mapping.',
} as const;

export const natPhrases = new Phrasebook(NAT_EN, { de: NAT_DE });
