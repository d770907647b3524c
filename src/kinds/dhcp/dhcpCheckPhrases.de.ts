// DHCP's words for its checks in German (see dhcpCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { DHCP_CHECK_EN } from './dhcpCheckPhrases.ts';

export const DHCP_CHECK_DE: Translation<typeof DHCP_CHECK_EN> = {
  'check.poolOutside':
    'Knoten {node}: Der DHCP-Pool {range} muss aufsteigend in einem seiner Subnetze liegen ({subnets}), ohne Netz- und Broadcastadresse',
  'check.poolHoldsStatic':
    'Knoten {node}: Der DHCP-Pool {range} enthält {address}, die feste Adresse von {owner} im selben Segment',
  'check.routerOffSubnet':
    'Knoten {node}: Der DHCP-Router {router} liegt nicht im bedienten Subnetz {subnet}',
  'check.leaseSeconds':
    'Knoten {node}: Eine DHCP-Lease dauert ganze Sekunden, angegeben war {lease}',
  'warn.noServer':
    'Knoten {node}: Schnittstelle {iface} bezieht ihre Adresse per DHCP, aber in ihrem Segment gibt es keinen DHCP-Server: Sie bekommt nie eine Adresse',
};
