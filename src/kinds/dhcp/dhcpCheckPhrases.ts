// DHCP's words for its checks in each language: what the document checks (dhcpStaticFeature.ts,
// dhcpServerKind.ts) say is wrong with a server's pool, router or lease time, and the warning of
// an interface with no server to ask. A phrasebook apart from dhcpPhrases.ts (card, event log,
// inspector): the checks are in the embed's element from the start, the rest loads with the
// kind's views. dhcpCheckPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { DHCP_CHECK_DE } from './dhcpCheckPhrases.de.ts';

export const DHCP_CHECK_EN = {
  'check.poolOutside':
    'node {node}: the DHCP pool {range} must run upwards inside one of its subnets ({subnets}), without the network and broadcast addresses',
  'check.poolHoldsStatic':
    'node {node}: the DHCP pool {range} holds {address}, the static address of {owner} on the same segment',
  'check.routerOffSubnet':
    'node {node}: the DHCP router {router} is not on the served subnet {subnet}',
  'check.leaseSeconds': 'node {node}: a DHCP lease is a whole number of seconds, got {lease}',
  'warn.noServer':
    'node {node}: interface {iface} gets its address by DHCP, but no DHCP server is on its segment: it will never have an address',
} as const;

export const dhcpCheckPhrases = new Phrasebook(DHCP_CHECK_EN, { de: DHCP_CHECK_DE });
