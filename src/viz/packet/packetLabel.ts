// Short labels for packets, as the event log, the packet animation and an inspector show them:
// "UDP 49466 → 7 len=56", "TCP 49152 → 80 SYN-ACK seq=100 ack=1 len=0", "ICMP port unreachable".

import { readQuote } from '../../net/wire/icmpErrors.ts';
import { isFragment } from '../../net/wire/ipFragments.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import {
  ICMP_UNREACHABLE,
  IP_PROTOCOL,
  type IcmpHeader,
  type Packet,
  type TcpFlags,
  type TcpHeader,
} from '../../net/wire/packet.ts';

/** Names of the Destination Unreachable codes a learner meets (RFC 792, RFC 1812). */
const UNREACHABLE: Record<number, string> = {
  [ICMP_UNREACHABLE.network]: 'network unreachable',
  [ICMP_UNREACHABLE.host]: 'host unreachable',
  [ICMP_UNREACHABLE.protocol]: 'protocol unreachable',
  [ICMP_UNREACHABLE.port]: 'port unreachable',
  [ICMP_UNREACHABLE.fragmentationNeeded]: 'fragmentation needed',
  [ICMP_UNREACHABLE.sourceRouteFailed]: 'source route failed',
  [ICMP_UNREACHABLE.adminProhibited]: 'administratively prohibited',
};

const PROTOCOL_NAMES: Record<number, string> = {
  [IP_PROTOCOL.icmp]: 'ICMP',
  [IP_PROTOCOL.tcp]: 'TCP',
  [IP_PROTOCOL.udp]: 'UDP',
};

/**
 * TCP control bits as people say them: `SYN`, `SYN-ACK`, `ACK`, `FIN-ACK`, `RST`, `RST-ACK`;
 * PSH, URG, ECE and CWR follow after a space (`ACK PSH`); no bits at all is `no flags`.
 */
export function tcpFlagsLabel(flags: TcpFlags): string {
  const main = [flags.syn && 'SYN', flags.fin && 'FIN', flags.rst && 'RST'].filter(Boolean);
  let label = main.join('+');
  if (flags.ack) label = label ? `${label}-ACK` : 'ACK';
  const extra = [flags.psh && 'PSH', flags.urg && 'URG', flags.ece && 'ECE', flags.cwr && 'CWR'];
  const parts = [label, ...extra].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'no flags';
}

/** The name of an ICMP message: `echo request`, `port unreachable`, `time exceeded`, `type 5 code 1`. */
export function icmpMessageName(header: IcmpHeader): string {
  switch (header.message) {
    case 'echoRequest':
      return 'echo request';
    case 'echoReply':
      return 'echo reply';
    case 'destinationUnreachable':
      return UNREACHABLE[header.code] ?? `destination unreachable (code ${header.code})`;
    case 'timeExceeded':
      return header.code === 0 ? 'time exceeded' : 'time exceeded in reassembly';
    case 'other':
      return `type ${header.type} code ${header.code}`;
  }
}

/** Whether a packet is an ICMP error (destination unreachable or time exceeded). */
export function isIcmpError(packet: Packet): boolean {
  const t = packet.transport;
  return (
    t.kind === 'icmp' && (t.message === 'destinationUnreachable' || t.message === 'timeExceeded')
  );
}

/**
 * What a packet is, in two or three words, for a sentence: `UDP`, `TCP SYN`, `TCP ACK`,
 * `ICMP echo request`, `ICMP port unreachable`, `IP protocol 89`.
 */
export function packetKind(packet: Packet): string {
  const t = packet.transport;
  switch (t.kind) {
    case 'udp':
      return 'UDP';
    case 'tcp':
      return `TCP ${tcpFlagsLabel(t.flags)}`;
    case 'icmp':
      return `ICMP ${icmpMessageName(t)}`;
    case 'raw': {
      const name = PROTOCOL_NAMES[t.protocol] ?? `IP protocol ${t.protocol}`;
      return isFragment(packet.ip) ? `${name} fragment` : name;
    }
  }
}

/**
 * What a TCP segment is, in a sentence: `TCP SYN`, `TCP SYN-ACK`, `TCP ACK`, `TCP FIN-ACK`,
 * `TCP RST-ACK` for segments without data; `TCP data` (or `TCP data+FIN`) when it carries bytes.
 * Undefined for other packets.
 */
export function tcpSegmentKind(packet: Packet): string | undefined {
  const t = packet.transport;
  if (t.kind !== 'tcp') return undefined;
  if (packet.payload.length === 0) return `TCP ${tcpFlagsLabel(t.flags)}`;
  return t.flags.fin ? 'TCP data+FIN' : 'TCP data';
}

/**
 * A TCP segment's numbers as the label writes them: `seq=100 ack=1 len=0` (ack only with the
 * ACK bit), or undefined for other packets.
 */
export function tcpSegmentNumbers(packet: Packet): string | undefined {
  const t = packet.transport;
  return t.kind === 'tcp' ? tcpNumbers(t, packet.payload.length) : undefined;
}

function tcpNumbers(t: TcpHeader, length: number): string {
  return `seq=${t.seq}${t.flags.ack ? ` ack=${t.ack}` : ''} len=${length}`;
}

/** Options of packetLabel. */
export interface PacketLabelOptions {
  /** Write source and destination addresses with the ports: `10.0.0.1:49466 → 10.0.0.2:7`. */
  addresses?: boolean;
}

/**
 * A one-line label for a packet: the protocol and ports, then for TCP the flags with the
 * sequence number, the acknowledgment number (when ACK is set) and the payload length; for UDP the
 * payload length; for ICMP the message, the echo identifier and sequence, or what an error quotes.
 */
export function packetLabel(packet: Packet, options: PacketLabelOptions = {}): string {
  const t = packet.transport;
  const src = formatIpv4(packet.ip.src);
  const dst = formatIpv4(packet.ip.dst);
  const ends = (srcPort: number, dstPort: number): string =>
    options.addresses ? `${src}:${srcPort} → ${dst}:${dstPort}` : `${srcPort} → ${dstPort}`;
  const hosts = options.addresses ? ` ${src} → ${dst}` : '';
  const length = packet.payload.length;
  switch (t.kind) {
    case 'udp':
      return `UDP ${ends(t.srcPort, t.dstPort)} len=${length}`;
    case 'tcp':
      return `TCP ${ends(t.srcPort, t.dstPort)} ${tcpFlagsLabel(t.flags)} ${tcpNumbers(t, length)}`;
    case 'icmp': {
      const name = icmpMessageName(t);
      if (t.message === 'echoRequest' || t.message === 'echoReply') {
        return `ICMP${hosts} ${name} id=${t.identifier} seq=${t.sequence}`;
      }
      const about = isIcmpError(packet) ? quoteLabel(packet.payload) : '';
      const mtu =
        t.message === 'destinationUnreachable' && t.code === ICMP_UNREACHABLE.fragmentationNeeded
          ? ` mtu=${t.nextHopMtu}`
          : '';
      return `ICMP${hosts} ${name}${mtu}${about}`;
    }
    case 'raw':
      return isFragment(packet.ip)
        ? `${packetKind(packet)}${hosts} ${fragmentNumbers(packet)}`
        : `${packetKind(packet)}${hosts} len=${length}`;
  }
}

/**
 * A fragment's place in its datagram, as the label writes it: `id=0x04d2 off=552 len=552 MF`
 * (the Identification, the offset in bytes, the data length, More Fragments when set).
 */
export function fragmentNumbers(packet: Packet): string {
  const { identification, fragmentOffset, moreFragments } = packet.ip;
  const id = identification.toString(16).padStart(4, '0');
  const more = moreFragments ? ' MF' : '';
  return `id=0x${id} off=${fragmentOffset * 8} len=${packet.payload.length}${more}`;
}

/** What an ICMP error is about, from its quote: ` (UDP 49466 → 9)`, or '' when unreadable. */
function quoteLabel(payload: Uint8Array): string {
  const quote = readQuote(payload);
  if (!quote.ok) return '';
  const { protocol, srcPort, dstPort, ip } = quote.quoted;
  const name = PROTOCOL_NAMES[protocol] ?? `protocol ${protocol}`;
  if (srcPort !== undefined && dstPort !== undefined) {
    return ` (${name} ${srcPort} → ${dstPort})`;
  }
  return ` (${name} to ${formatIpv4(ip.dst)})`;
}

/** What an ICMP error quotes of the datagram it is about, or undefined for other packets. */
export function quotedDatagram(
  packet: Packet,
): { protocol: string; dst: string; srcPort?: number; dstPort?: number } | undefined {
  if (!isIcmpError(packet)) return undefined;
  const quote = readQuote(packet.payload);
  if (!quote.ok) return undefined;
  const q = quote.quoted;
  return {
    protocol: PROTOCOL_NAMES[q.protocol] ?? `protocol ${q.protocol}`,
    dst: formatIpv4(q.ip.dst),
    ...(q.srcPort === undefined ? {} : { srcPort: q.srcPort }),
    ...(q.dstPort === undefined ? {} : { dstPort: q.dstPort }),
  };
}

/** The destination a sentence names: `10.0.0.2:7` for TCP and UDP, else the address. */
export function packetDestination(packet: Packet): string {
  const t = packet.transport;
  const dst = formatIpv4(packet.ip.dst);
  return t.kind === 'udp' || t.kind === 'tcp' ? `${dst}:${t.dstPort}` : dst;
}

/** A sequence number relative to an ISN, modulo 2^32. */
export function relativeSeq(value: number, isn: number): number {
  return (value - isn + 0x1_0000_0000) % 0x1_0000_0000;
}
