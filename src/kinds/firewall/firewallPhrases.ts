// The firewall's words for people in each language: its name, what its checks say of a rule
// that cannot work or can never match, and how a rule reads (firewallPhrases.de.ts translates).

import { Phrasebook } from '../../engine/language.ts';
import { FIREWALL_DE } from './firewallPhrases.de.ts';

export const FIREWALL_EN = {
  name: 'firewall',
  'check.rule': 'rule {n} of {chain}: {problem}',
  'check.srcPortNeedsProtocol': 'a source port needs the protocol tcp or udp, not {protocol}',
  'check.dstPortNeedsProtocol': 'a destination port needs the protocol tcp or udp, not {protocol}',
  'check.srcPortRange': 'the source port range {low}-{high} is not 0-65535 with low <= high',
  'check.dstPortRange': 'the destination port range {low}-{high} is not 0-65535 with low <= high',
  'check.srcNotNetwork': 'the source {network} is not a network',
  'check.dstNotNetwork': 'the destination {network} is not a network',
  'check.flagsNeedTcp': 'TCP flags need the protocol tcp, not {protocol}',
  'check.flagsOutsideMask':
    'the flags {flags} must be set but are not examined (add them to the mask)',
  'check.noStates': 'a state match needs at least one state',
  'check.rejectWithAlone': '"rejectWith" goes only with REJECT, not {action}',
  'check.resetNeedsTcp': 'REJECT with tcp-reset needs the protocol tcp, not {protocol}',
  'check.synAndFlags': '"syn" and "tcpFlags" say the same thing twice: keep one',
  'check.logPrefixAlone': '"logPrefix" goes only with LOG, not {action}',
  'port.empty':
    '"{text}" is not a port or port range: it is empty; expected a port like 80 or a range like 1024-65535',
  'port.tooManyParts':
    '"{text}" is not a port or port range: expected one port or two joined by "-", like 1024-65535',
  'port.missingSide':
    '"{text}" is not a port or port range: a range needs a port on each side of "-", like 1024-65535',
  'port.notWhole': '"{text}" is not a port or port range: "{part}" is not a whole number',
  'port.tooHigh':
    '"{text}" is not a port or port range: {part} is more than 65535, the highest port',
  'port.backwards':
    '"{text}" is not a port or port range: the range starts at {low}, after its end {high}; write {high}-{low}',
  'expected.port': 'a port (80) or a port range ("1024-65535")',
  'expected.addressOrNetwork': 'an address ("10.0.0.1") or a network ("10.0.0.0/8")',
  'warn.shadowed':
    'rule {n} of {chain} on {node} can never match: rule {by} before it takes all its packets',
  'warn.noRules':
    'the firewall {node} has no rules and every policy ACCEPT: it lets everything through',
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
