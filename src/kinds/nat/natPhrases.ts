// NAT's words for people in each language: its summary card and its sentences in the event log (a
// mapping made, a packet translated, a mapping gone, a packet with no mapping). What its checks
// and warnings say is in natCheckPhrases.ts. natPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { NAT_DE } from './natPhrases.de.ts';

export const NAT_EN = {
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
