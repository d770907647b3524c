// DHCP's words in German (dhcpPhrases.ts has the English and says what each is for).

import type { Translation } from '../../engine/language.ts';
import type { DHCP_EN } from './dhcpPhrases.ts';

export const DHCP_DE: Translation<typeof DHCP_EN> = {
  'server.kind': 'DHCP-Server, Pool {range}',
  'server.offers': 'Angebote',
  'server.acks': 'Vergebene oder verlängerte Leases',
  'server.naks': 'Abgelehnt (NAK)',
  'server.noOffers': 'DISCOVERs ohne Angebot',
  'dhcp.discover':
    '{node} hat auf {iface} keine Adresse und sendet ein DHCPDISCOVER als Broadcast von 0.0.0.0 an 255.255.255.255 (xid {xid}): Gibt es einen DHCP-Server?',
  'dhcp.discoverAgain':
    '{node} hat kein Angebot gehört und sendet sein DHCPDISCOVER noch einmal (Versuch {attempt}, xid {xid}).',
  'dhcp.offer': '{node} bietet {client} die Adresse {address} an (DHCPOFFER, xid {xid}).',
  'dhcp.noOffer':
    '{node} hat keine freie Adresse für {client}: Sein Pool ist voll, also schweigt er (kein DHCPOFFER).',
  'dhcp.requestSelecting':
    '{node} bittet {server} um {address} (DHCPREQUEST, als Broadcast, damit jeder Server seine Wahl hört).',
  'dhcp.requestRenewing':
    '{node} bittet {server}, die Lease für {address} zu verlängern (DHCPREQUEST, Unicast: T1 ist erreicht).',
  'dhcp.requestRebinding':
    '{node} hat nichts von seinem Server gehört und bittet jeden Server, {address} zu verlängern (DHCPREQUEST, Broadcast: T2 ist erreicht).',
  'dhcp.ack': '{node} vergibt {address} an {client} für {lease} (DHCPACK).',
  'dhcp.nak': '{node} verweigert {client} die Adresse {address} (DHCPNAK): {reason}.',
  'dhcp.bound':
    '{node} konfiguriert {iface} mit {address} (Gateway {router}) für {lease}; bei T1, {t1}, verlängert es.',
  'dhcp.restartNak': '{node} wurde abgewiesen (DHCPNAK) und beginnt wieder bei INIT.',
  'dhcp.restartNoAnswer':
    '{node} bekam keine Antwort auf seine DHCPREQUESTs und beginnt wieder bei INIT.',
  'dhcp.expire':
    'Die Lease von {node} für {address} ist abgelaufen: {iface} hat keine Adresse mehr.',
  'dhcp.leaseExpire':
    'Die Lease von {node} für {address} an {client} ist abgelaufen: Die Adresse ist wieder frei.',
  'dhcp.state': 'Der DHCP-Client von {node} auf {iface} ist jetzt in {state}.',
  'dhcp.none': 'keins',
  'leases.title': 'DHCP-Leases',
  'leases.caption': 'Leases von {node} bei {time}',
  'leases.address': 'Adresse',
  'leases.mac': 'MAC des Clients',
  'leases.state': 'Zustand',
  'leases.expiresIn': 'Läuft ab in',
  'leases.bound': 'vergeben',
  'leases.offered': 'angeboten',
  'leases.empty': 'Noch keine Leases.',
  'client.title': 'DHCP-Client auf {iface}',
  'client.caption': 'Die Lease von {node} auf {iface} bei {time}',
  'client.state': 'Zustand',
  'client.address': 'Adresse',
  'client.server': 'Server',
  'client.router': 'Gateway',
  'client.t1': 'Verlängert (T1)',
  'client.t2': 'Neu binden (T2)',
  'client.expires': 'Läuft ab',
  'client.noLease': 'Zu dieser Zeit keine Lease.',
  'client.chart': 'DHCP-Client von {node} auf {iface}',
};
