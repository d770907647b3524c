// The packet inspector's explanations of a DHCP message's fields in German (du-form); the keys and
// the English texts are in fieldHelpDhcp.ts. Field and message names stay as Wireshark shows them.

import type { Translation } from '../../engine/language.ts';
import type { DHCP_FIELD_HELP_EN } from './fieldHelpDhcp.ts';

export const DHCP_FIELD_HELP_DE: Translation<typeof DHCP_FIELD_HELP_EN> = {
  'dhcp.op':
    'Der Nachrichtentyp von BOOTP: 1 Boot Request von einem Client, 2 Boot Reply von einem Server. Welche DHCP-Nachricht es ist, sagt Option 53.',
  'dhcp.htype': 'Die Art der Hardware-Adresse in chaddr: 1 ist Ethernet, wie bei ARP.',
  'dhcp.hlen': 'Länge der Hardware-Adresse in Bytes: 6 für eine MAC-Adresse.',
  'dhcp.hops':
    'Wie viele Relay-Agenten die Nachricht weitergereicht haben. Ein Client sendet 0; liegen Client und Server im selben Segment, bleibt es 0.',
  'dhcp.xid':
    'Transaction ID: eine Zufallszahl, die der Client wählt; der Server kopiert sie in seine Antworten, damit der Client weiß, welche Antworten ihm gelten.',
  'dhcp.secs':
    'Sekunden, seit der Client begonnen hat, seine Adresse zu beziehen oder zu erneuern. Ein Server darf einen Client, der schon lange wartet, zuerst bedienen.',
  'dhcp.flags': 'Sechzehn Flag-Bits; nur das linke wird genutzt.',
  'dhcp.flags.broadcast':
    'Broadcast: Der Client kann vor seiner Adresse keinen Unicast empfangen, also muss der Server an alle antworten (255.255.255.255).',
  'dhcp.flags.reserved': 'Reserviert: muss null sein.',
  'dhcp.ciaddr':
    'Client-IP-Adresse: nur ausgefüllt, wenn der Client schon eine Adresse hat und sie erneuert (BOUND, RENEWING, REBINDING); sonst 0.0.0.0.',
  'dhcp.yiaddr':
    '„Deine“ IP-Adresse: die Adresse, die der Server dem Client anbietet (OFFER) oder zuteilt (ACK). Von einem Client 0.0.0.0.',
  'dhcp.siaddr':
    'Der nächste Server eines Netzwerkstarts (TFTP), für einen Rechner, der sein System über das Netz lädt; hier 0.0.0.0.',
  'dhcp.giaddr':
    'Die Adresse des Relay-Agenten, wenn ein Router die Nachricht aus einem anderen Segment weitergereicht hat; 0.0.0.0, wenn Client und Server im selben Segment liegen.',
  'dhcp.chaddr':
    'Hardware-Adresse des Clients: 16 Bytes, von denen eine Ethernet-MAC 6 füllt. Der Server führt die Lease des Clients unter ihr.',
  'dhcp.chaddr.mac':
    'Die MAC-Adresse des Clients. Der Server antwortet an sie, und seine Lease-Tabelle merkt sich, welche Adresse er wem gegeben hat.',
  'dhcp.chaddr.padding': 'Der Rest des 16-Byte-Felds nach der 6-Byte-MAC: Nullen.',
  'dhcp.sname':
    'Host-Name des Servers: 64 Bytes für einen optionalen Namen, meist leer (Nullen), wie hier.',
  'dhcp.file':
    'Name der Boot-Datei: 128 Bytes für die Datei, die ein Netzwerkstart lädt, meist leer (Nullen), wie hier.',
  'dhcp.cookie':
    'Das Magic Cookie 99.130.83.99 (0x63825363): Was folgt, sind Optionen (RFC 1497). Es unterscheidet DHCP vom Herstellerbereich des älteren BOOTP.',
  'dhcp.options':
    'Die Optionen: jede ein Code-Byte, ein Längen-Byte und ihre Daten, bis End (255). Sie tragen das meiste, was DHCP sagt.',
  'dhcp.option.code': 'Welche Option das ist (ihre Nummer in RFC 2132).',
  'dhcp.option.length': 'Länge der Daten der Option in Bytes, ohne Code und Länge.',
  'dhcp.option.value': 'Die Daten der Option.',
  'dhcp.option.messageType':
    'Welche DHCP-Nachricht das ist: 1 DISCOVER, 2 OFFER, 3 REQUEST, 4 DECLINE, 5 ACK, 6 NAK, 7 RELEASE, 8 INFORM. Jede DHCP-Nachricht trägt sie.',
  'dhcp.option.requestedIp':
    'Die Adresse, die der Client haben möchte: in einem REQUEST die angebotene, in einem DISCOVER eine, die er vorher hatte.',
  'dhcp.option.serverId':
    'Die Adresse des Servers, der diese Nachricht sendet (oder in ihr gewählt wird). Gibt es mehrere Server im Segment, nennt ein REQUEST den, dessen Angebot der Client annimmt.',
  'dhcp.option.leaseTime':
    'Wie lange der Client die Adresse nutzen darf, in Sekunden. Bevor die Zeit abläuft, muss er die Lease erneuern oder die Adresse aufgeben.',
  'dhcp.option.renewalTime':
    'T1, in Sekunden nach Beginn der Lease: wann der Client beginnt, per Unicast bei seinem Server zu erneuern. Die halbe Lease, wenn der Server nichts anderes sagt.',
  'dhcp.option.rebindingTime':
    'T2, in Sekunden nach Beginn der Lease: wann der Client, weil sein Server schweigt, per Broadcast jeden Server fragt. 7/8 der Lease, wenn der Server nichts anderes sagt.',
  'dhcp.option.subnetMask':
    'Die Subnetzmaske des Netzes des Clients: Mit der Adresse sagt sie, welche Hosts an derselben Leitung liegen.',
  'dhcp.option.router':
    'Das Standard-Gateway: der Router, an den der Client Pakete für andere Netze schickt. Der bevorzugte zuerst.',
  'dhcp.option.dnsServer':
    'DNS-Server, die der Client fragen soll, um Namen in Adressen aufzulösen. Der bevorzugte zuerst.',
  'dhcp.option.hostName': 'Der Name des Clients.',
  'dhcp.option.message': 'Ein Grund in Klartext, in einem NAK oder DECLINE.',
  'dhcp.option.parameterRequestList':
    'Die Optionen, die der Client vom Server haben möchte, als Liste von Optionsnummern, in der Reihenfolge seiner Vorliebe.',
  'dhcp.option.clientId':
    'Client Identifier: ein Hardware-Typ und eine Adresse (hier Ethernet und die MAC), unter denen der Server die Lease des Clients führt.',
  'dhcp.option.end': 'End (255): Hier enden die Optionen.',
  'dhcp.option.pad': 'Pad (0): ein Füllbyte ohne Länge und Daten.',
  'dhcp.option.unknown':
    'Eine Option, die dieser Inspektor nicht erklärt; ihre Daten werden als Bytes gezeigt.',
  'dhcp.padding':
    'Nullen nach End, die die Nachricht auf das BOOTP-Minimum von 300 Bytes auffüllen (RFC 1542).',
};
