// The firewall's words for its checks in each language: what the checks of a `firewall` setting
// say of a rule that cannot work (firewallChecks.ts, firewallSchemas.ts) and the warnings of a
// rule that can never match or a firewall that lets everything through (firewallRole.ts). A
// phrasebook apart from firewallPhrases.ts (card, event log, tables): the checks are in the
// embed's element from the start, the rest loads with the firewall's views.
// firewallCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { FIREWALL_CHECK_DE } from './firewallCheckPhrases.de.ts';

export const FIREWALL_CHECK_EN = {
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
} as const;

export const firewallCheckPhrases = new Phrasebook(FIREWALL_CHECK_EN, { de: FIREWALL_CHECK_DE });
