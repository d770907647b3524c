// The firewall's words for people in each language: its summary card, its sentences in the event
// log (verdicts, connection tracking) and its tables in the node inspector. Its role's name is in
// firewallRolePhrases.ts, what its checks say in firewallCheckPhrases.ts (firewallPhrases.de.ts
// translates).

import { Phrasebook } from '../../engine/language.ts';
import { FIREWALL_DE } from './firewallPhrases.de.ts';

export const FIREWALL_EN = {
  'verdict.ACCEPT': '{node} lets packet #{pkt} through: {chain} {by}{state}.',
  'verdict.DROP': '{node} drops packet #{pkt}: {chain} {by}{state}.',
  'verdict.REJECT': '{node} rejects packet #{pkt} and answers the sender: {chain} {by}{state}.',
  'verdict.STOPPED': '{node} drops packet #{pkt}: its firewall is down.',
  'by.rule': 'rule {n} ({rule})',
  'by.policy': 'policy {policy}',
  'state.suffix': ', a {state} packet',
  log: '{node} logs packet #{pkt}: "{prefix}" ({chain} rule {n}).',
  'conntrack.new': '{node} tracks a new connection {flow}.',
  'conntrack.reply': '{node} sees the reply of connection {flow}: it is ESTABLISHED.',
  'conntrack.fin': '{node} sees connection {flow} begin to close.',
  'conntrack.close': '{node} forgets connection {flow}: it closed.',
  'conntrack.expire': '{node} forgets connection {flow}: it was idle too long.',
  'card.kind': 'firewall',
  'card.accepted': 'Accepted',
  'card.dropped': 'Dropped',
  'card.rejected': 'Rejected',
  'card.connections': 'Connections tracked',
  'table.rule': 'Rule',
  'table.packets': 'Packets',
  'table.bytes': 'Bytes',
  'table.policy': 'policy {policy}',
  'table.caption': '{chain} chain of {node} at {time}: packets each rule has decided',
  'table.noConnections': 'No connection is tracked.',
  'table.connection': 'Connection',
  'table.state': 'State',
  'state.unreplied': 'waiting for a reply',
  'state.established': 'ESTABLISHED',
  'state.closing': 'closing',
} as const;

export const firewallPhrases = new Phrasebook(FIREWALL_EN, { de: FIREWALL_DE });
