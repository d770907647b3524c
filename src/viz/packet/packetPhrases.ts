// The packet inspector's words beside the field explanations: the values and notes of the
// dissection (`set`, `56 bytes`, `(correct)`), each layer's one-line summary, the application
// message's and TLS view's few words, and a packet's journey (why it was dropped, why a segment
// was sent again). English here (the source of the keys), German in packetPhrases.de.ts. Field
// names, flags and protocol names stay as Wireshark shows them and are not in here.

import { Phrasebook } from '../../engine/language.ts';
import { PACKET_DE } from './packetPhrases.de.ts';

export const PACKET_EN = {
  // Values and notes of the dissection's fields.
  bytes: { one: '{count} byte', other: '{count} bytes' },
  'bit.set': 'set',
  'bit.notSet': 'not set',
  'checksum.correct': '{value} (correct)',
  'checksum.wrong': '{value} (wrong)',
  'checksum.none': '0x0000 (none)',
  'ip.dscp.bestEffort': '0 (best effort)',
  'ip.ecn.notUsed': '0 (not used)',
  'ip.fragmentOffset.bytes': '{units} (byte {bytes} of the original packet’s data)',
  'ip.flags.reserved': 'reserved',
  'ip.flags.none': 'none',
  'data.requestNumber': 'Request number',
  'data.requestAnswered': 'Request number answered',
  'data.attempt': 'Attempt',
  'data.firstSend': '0 (first send)',
  'data.retry': '{n} (retry {n})',
  'data.zeros': '{bytes} of zeros',
  'payload.none': '(none)',
  'seq.raw': '{n} (raw)',
  'seq.relative': '{n} (relative)',
  'seq.noSyn': 'raw: the SYN that opened the connection is not in the trace',
  'seq.note': 'raw {raw}; counted from the initial sequence number (ISN) {isn}, as Wireshark does',
  'ack.unused': 'not used: the ACK flag is clear',
  'window.note':
    'Calculated window size {size}; window size scaling factor {factor} (the window scale option of the SYNs, RFC 7323)',
  'option.multiply': '{shift} (multiply by {factor})',
  'option.yes': 'yes',
  'udp.length': '{bytes} (8 of header, {data} of data)',
  // Layers: names of the layers that are not a protocol's header, and every layer's summary.
  'layer.echoData': 'Echo data',
  'layer.appData': 'Application data',
  'layer.quote': 'Quoted datagram',
  'summary.eth': 'Ethernet II, {src} → {dst}, {bytes} without the FCS',
  'summary.arp': 'Address Resolution Protocol ({operation})',
  'eth.broadcast': 'broadcast: every station on the segment',
  'layer.fragmentData': 'Fragment data',
  'summary.ip': 'Internet Protocol version 4, {src} → {dst}, TTL {ttl}, {bytes}',
  'summary.ipFragment':
    'Internet Protocol version 4, {src} → {dst}, TTL {ttl}, {bytes}: a fragment of datagram {id}, its data bytes {first}–{last}{more}',
  'summary.fragmentMore': ', more to follow',
  'summary.tcp':
    'Transmission Control Protocol, port {src} → {dst}, {flags}, {numbers}, {bytes} of data',
  'summary.udp': 'User Datagram Protocol, port {src} → {dst}, {bytes} of data',
  'summary.icmp': 'Internet Control Message Protocol, {name}',
  'summary.data': '{name}, {bytes}',
  'summary.dataMessage': '{name}, {bytes}, {message}',
  'summary.quote': 'The start of the packet this error is about, {bytes}',
  // The pinger's and echo server's messages: `request 3`, `reply 3 (retry 1)`.
  'message.request': 'request {seq}',
  'message.reply': 'reply {seq}',
  'message.requestRetry': 'request {seq} (retry {attempt})',
  'message.replyRetry': 'reply {seq} (retry {attempt})',
  // The application message a payload starts (appMessage.ts).
  'app.dnsQuery': 'DNS query',
  'app.dnsReply': 'DNS reply {name}',
  'app.dnsKind.query': 'query',
  'app.dnsKind.response': 'response',
  'app.flagsNone': 'none',
  'app.dataBytes': '{count} bytes',
  // A piece of a message's text on port 25 or 110 (SMTP's DATA, a POP3 message).
  'app.messageText': '{protocol} message text, {count} bytes',
  'app.encrypted': '{name} (encrypted)',
  'app.applicationData': 'application data',
  // TLS opened with a key log (tlsView.ts).
  'tls.badKeyLog': 'The key log cannot be read.',
  'tls.noSyn': 'The connection’s SYN is not in the trace.',
  'tls.noData': 'This segment carries no data.',
  'tls.incomplete': 'The record this segment belongs to is not complete in the trace yet.',
  // Why a packet was dropped (trace reasons), and why a segment was sent again.
  'drop.queueFull': 'queue full',
  'drop.loss': 'lost on the wire',
  'drop.linkDown': 'link down',
  'drop.ttl': 'TTL ran out',
  'drop.noRoute': 'no route',
  'drop.notForMe': 'not addressed to this node',
  'drop.noProtocol': 'no transport for its protocol',
  'drop.notConnected': 'interface not connected',
  'drop.filtered': 'refused by a firewall',
  'drop.filteredRule': 'refused by firewall rule {n} of {chain} ({action})',
  'drop.filteredPolicy': 'refused by the {chain} policy ({action})',
  'drop.nodeDown': 'node crashed',
  'drop.interfaceDown': 'interface down',
  'drop.badChecksum': 'IP header checksum wrong (damaged on the wire)',
  'drop.otherHost': 'its frame is for another MAC address',
  'drop.arpFailed': 'no ARP answer for the next hop',
  'drop.arpQueueFull': 'too many waiting for ARP',
  'drop.tcpChecksum': 'TCP checksum wrong (damaged on the wire)',
  'drop.udpChecksum': 'UDP checksum wrong (damaged on the wire)',
  'drop.icmpChecksum': 'ICMP checksum wrong (damaged on the wire)',
  'drop.backlogFull': 'backlog full',
  'drop.synQueueFull': 'SYN queue full',
  'drop.acceptQueueFull': 'accept queue full',
  'drop.fragmentationNeeded': 'too big for the next link, and Don’t Fragment set',
  'drop.badFragment': 'a fragment that fits no datagram',
  'drop.reassemblyTimeout': 'the rest of its datagram did not come in time (reassembly timeout)',
  'retransmit.timeout': 'timeout',
  'retransmit.fastRetransmit': 'fast retransmit',
  'retransmit.partialAck': 'partial ACK',
  'retransmit.sackRecovery': 'SACK recovery',
  'retransmit.pathMtu': 'smaller, for the path MTU',
} as const;

/** The packet inspector's words in every language it speaks. */
export const packetPhrases = new Phrasebook(PACKET_EN, { de: PACKET_DE });

/** The words of one language. */
export type PacketWords = ReturnType<typeof packetPhrases.in>;
