// DHCP's words for people in each language: the server's summary card, the sentences of the
// event log (a client's DISCOVER, REQUEST, lease and restarts; a server's OFFER, ACK, NAK and
// silence) and the node inspector's lease tables; a document's checks and warnings are in
// dhcpCheckPhrases.ts. dhcpPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { DHCP_DE } from './dhcpPhrases.de.ts';

export const DHCP_EN = {
  'server.kind': 'DHCP server, pool {range}',
  'server.offers': 'Offers',
  'server.acks': 'Leases given or renewed',
  'server.naks': 'Refused (NAK)',
  'server.noOffers': 'DISCOVERs without an offer',
  'dhcp.discover':
    '{node} has no address on {iface} and broadcasts a DHCPDISCOVER from 0.0.0.0 to 255.255.255.255 (xid {xid}): is there a DHCP server?',
  'dhcp.discoverAgain':
    '{node} has heard no offer and broadcasts its DHCPDISCOVER again (try {attempt}, xid {xid}).',
  'dhcp.offer': '{node} offers {address} to {client} (DHCPOFFER, xid {xid}).',
  'dhcp.noOffer':
    '{node} has no free address for {client}: its pool is full, so it stays silent (no DHCPOFFER).',
  'dhcp.requestSelecting':
    '{node} asks {server} for {address} (DHCPREQUEST, broadcast so that every server hears its choice).',
  'dhcp.requestRenewing':
    '{node} asks {server} to renew its lease of {address} (DHCPREQUEST, unicast: T1 has come).',
  'dhcp.requestRebinding':
    '{node} has heard nothing from its server and asks any server to extend {address} (DHCPREQUEST, broadcast: T2 has come).',
  'dhcp.ack': '{node} leases {address} to {client} for {lease} (DHCPACK).',
  'dhcp.nak': '{node} refuses {address} to {client} (DHCPNAK): {reason}.',
  'dhcp.bound':
    '{node} configures {iface} with {address} (gateway {router}) for {lease}; it will renew at T1, {t1}.',
  'dhcp.restartNak': '{node} was refused (DHCPNAK) and starts over from INIT.',
  'dhcp.restartNoAnswer': '{node} got no answer to its DHCPREQUESTs and starts over from INIT.',
  'dhcp.expire': '{node}’s lease of {address} ran out: {iface} has no address any more.',
  'dhcp.leaseExpire': '{node}’s lease of {address} to {client} ran out: the address is free again.',
  'dhcp.state': '{node}’s DHCP client on {iface} is now in {state}.',
  'dhcp.none': 'none',
  'leases.title': 'DHCP leases',
  'leases.caption': 'Leases of {node} at {time}',
  'leases.address': 'Address',
  'leases.mac': 'Client MAC',
  'leases.state': 'State',
  'leases.expiresIn': 'Expires in',
  'leases.bound': 'leased',
  'leases.offered': 'offered',
  'leases.empty': 'No leases yet.',
  'client.title': 'DHCP client on {iface}',
  'client.caption': 'The lease of {node} on {iface} at {time}',
  'client.state': 'State',
  'client.address': 'Address',
  'client.server': 'Server',
  'client.router': 'Gateway',
  'client.t1': 'Renews (T1)',
  'client.t2': 'Rebinds (T2)',
  'client.expires': 'Expires',
  'client.noLease': 'No lease at this time.',
  'client.chart': 'DHCP client of {node} on {iface}',
} as const;

export const dhcpPhrases = new Phrasebook(DHCP_EN, { de: DHCP_DE });
