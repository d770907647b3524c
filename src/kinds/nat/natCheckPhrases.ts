// NAT's words for its checks in each language: what the checks and warnings of a node's `nat`
// setting say (natSchemas.ts, natStaticFeature.ts). A phrasebook apart from natPhrases.ts (card,
// event log): the checks are in the embed's element from the start, the rest loads with the
// kind's views. natCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { NAT_CHECK_DE } from './natCheckPhrases.de.ts';

export const NAT_CHECK_EN = {
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
} as const;

export const natCheckPhrases = new Phrasebook(NAT_CHECK_EN, { de: NAT_CHECK_DE });
