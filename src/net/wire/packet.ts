// The in-memory packet the simulator moves around: an IPv4 header, one transport header (TCP,
// UDP, ICMP, or raw) and the payload bytes. Lengths and checksums are not stored: they follow from
// the fields, so `wireSize` computes the size on the wire and `encodePacket` the exact bytes.

import { tcpOptionsLength } from './tcpOptions.ts';
import type { TcpOption } from './tcpOptions.ts';
import type { Ipv4Address } from './ipv4Address.ts';
import type { EthernetAddresses } from './ethernet.ts';

/**
 * An IPv4 header (RFC 791) without its derived fields: the header length (IHL), total length,
 * protocol (from the transport) and header checksum are computed when encoding.
 */
export interface Ipv4Header {
  version: 4;
  /** Differentiated Services code point, 6 bits (RFC 2474). */
  dscp: number;
  /** Explicit Congestion Notification, 2 bits (RFC 3168). */
  ecn: number;
  identification: number;
  dontFragment: boolean;
  moreFragments: boolean;
  /** Offset of this fragment in 8-byte units, 13 bits. */
  fragmentOffset: number;
  ttl: number;
  src: Ipv4Address;
  dst: Ipv4Address;
  /** Raw IP options, a multiple of 4 bytes and at most 40; absent when there are none. */
  options?: Uint8Array;
}

/** The TCP control bits (RFC 9293 section 3.1, RFC 3168 for ECE and CWR). */
export interface TcpFlags {
  cwr: boolean;
  ece: boolean;
  urg: boolean;
  ack: boolean;
  psh: boolean;
  rst: boolean;
  syn: boolean;
  fin: boolean;
}

/** A TCP header without its derived fields (data offset and checksum). */
export interface TcpHeader {
  kind: 'tcp';
  srcPort: number;
  dstPort: number;
  /** Sequence number, unsigned 32-bit. */
  seq: number;
  /** Acknowledgment number, unsigned 32-bit; meaningful when `flags.ack` is set. */
  ack: number;
  flags: TcpFlags;
  window: number;
  urgentPointer: number;
  options: readonly TcpOption[];
}

/** A UDP header without its derived fields (length and checksum). */
export interface UdpHeader {
  kind: 'udp';
  srcPort: number;
  dstPort: number;
}

/**
 * An ICMP header (RFC 792) without its checksum. For the error messages the payload is the quote:
 * the offending datagram's IP header and first 8 data bytes (see icmpErrors.ts). Anything that is
 * not one of the named messages, or carries non-zero unused bits, decodes as `other`.
 */
export type IcmpHeader =
  | { kind: 'icmp'; message: 'echoRequest' | 'echoReply'; identifier: number; sequence: number }
  | { kind: 'icmp'; message: 'destinationUnreachable'; code: number; nextHopMtu: number }
  | { kind: 'icmp'; message: 'timeExceeded'; code: number }
  | { kind: 'icmp'; message: 'other'; type: number; code: number; restOfHeader: number };

/** No transport header: the payload is the whole IP data (a non-first fragment, an unknown protocol). */
export interface RawTransport {
  kind: 'raw';
  protocol: number;
}

/** The part of a packet after the IP header and before the payload. */
export type Transport = TcpHeader | UdpHeader | IcmpHeader | RawTransport;

/**
 * A packet: a unique id (for the trace and the animation), its headers and payload bytes, and on
 * a link the Ethernet addresses of the frame it travels in (frame.ts).
 */
export interface Packet {
  id: number;
  /**
   * The frame's addresses on this hop: the sending interface's MAC and the next hop's (or the
   * broadcast). Set by the node that puts the packet on a link, a new object each hop; absent
   * on a packet not yet framed (as a transport hands it to IP) and on one delivered locally.
   */
  eth?: EthernetAddresses;
  ip: Ipv4Header;
  transport: Transport;
  /** Bytes after the transport header: application data, echo data, or an ICMP error's quote. */
  payload: Uint8Array;
  /**
   * Bits a link flipped on the way (its `corrupt` setting), as indexes into `encodePacket`'s bytes
   * (bit 0: the first byte's most significant bit): the fields above are what the sender sent, and
   * the bytes on the wire are those with these bits flipped (corruption.ts). Absent when intact.
   */
  corruptBits?: readonly number[];
}

/** IP protocol numbers (IANA). */
export const IP_PROTOCOL = { icmp: 1, tcp: 6, udp: 17 } as const;

/** ICMP type numbers (RFC 792). */
export const ICMP_TYPE = {
  echoReply: 0,
  destinationUnreachable: 3,
  echoRequest: 8,
  timeExceeded: 11,
} as const;

/** Destination Unreachable codes (RFC 792, RFC 1122, RFC 1812). */
export const ICMP_UNREACHABLE = {
  network: 0,
  host: 1,
  protocol: 2,
  port: 3,
  fragmentationNeeded: 4,
  sourceRouteFailed: 5,
  adminProhibited: 13,
} as const;

/** Time Exceeded codes (RFC 792). */
export const ICMP_TIME_EXCEEDED = { ttl: 0, fragmentReassembly: 1 } as const;

export const IPV4_HEADER_LENGTH = 20;
export const TCP_HEADER_LENGTH = 20;
export const UDP_HEADER_LENGTH = 8;
export const ICMP_HEADER_LENGTH = 8;

/** The IP protocol number a transport header implies. */
export function ipProtocolOf(transport: Transport): number {
  return transport.kind === 'raw' ? transport.protocol : IP_PROTOCOL[transport.kind];
}

/** The ICMP type and code on the wire for a header. */
export function icmpTypeCode(header: IcmpHeader): { type: number; code: number } {
  switch (header.message) {
    case 'echoRequest':
      return { type: ICMP_TYPE.echoRequest, code: 0 };
    case 'echoReply':
      return { type: ICMP_TYPE.echoReply, code: 0 };
    case 'destinationUnreachable':
      return { type: ICMP_TYPE.destinationUnreachable, code: header.code };
    case 'timeExceeded':
      return { type: ICMP_TYPE.timeExceeded, code: header.code };
    case 'other':
      return { type: header.type, code: header.code };
  }
}

/** IPv4 header length in bytes (the IHL field times 4). */
export function ipHeaderLength(ip: Ipv4Header): number {
  return IPV4_HEADER_LENGTH + (ip.options ? ip.options.length : 0);
}

/** Transport header length in bytes: TCP 20 plus padded options, UDP and ICMP 8, raw 0. */
export function transportHeaderLength(transport: Transport): number {
  switch (transport.kind) {
    case 'tcp':
      return TCP_HEADER_LENGTH + tcpOptionsLength(transport.options);
    case 'udp':
      return UDP_HEADER_LENGTH;
    case 'icmp':
      return ICMP_HEADER_LENGTH;
    case 'raw':
      return 0;
  }
}

/**
 * The packet's size on the wire in bytes: the IPv4 total length, computed without encoding.
 * Transmission delay is `wireSize(packet) * 8 / bandwidth` (plus any link-layer framing).
 */
export function wireSize(packet: Packet): number {
  return (
    ipHeaderLength(packet.ip) + transportHeaderLength(packet.transport) + packet.payload.length
  );
}

/** TCP flags with every bit clear. */
export const NO_FLAGS: Readonly<TcpFlags> = Object.freeze({
  cwr: false,
  ece: false,
  urg: false,
  ack: false,
  psh: false,
  rst: false,
  syn: false,
  fin: false,
});

/** TCP flags with the given bits set: `tcpFlags({ syn: true, ack: true })`. */
export function tcpFlags(set: Partial<TcpFlags>): TcpFlags {
  return { ...NO_FLAGS, ...set };
}

/**
 * An IPv4 header with a typical host's defaults (TTL 64, Don't Fragment set as Linux does for
 * TCP, DSCP/ECN 0, identification 0); any field can be overridden.
 */
export function ipv4Header(
  fields: Pick<Ipv4Header, 'src' | 'dst'> & Partial<Ipv4Header>,
): Ipv4Header {
  return { ...defaultIpv4Header(64, fields.src, fields.dst), ...fields };
}

/** `ipv4Header({ ttl, src, dst })` without spreads (same fields, same order): one per packet. */
export function defaultIpv4Header(ttl: number, src: Ipv4Address, dst: Ipv4Address): Ipv4Header {
  return {
    version: 4,
    dscp: 0,
    ecn: 0,
    identification: 0,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl,
    src,
    dst,
  };
}

/** Hands out packet ids 1, 2, 3, ...; keep one per simulation run so ids are deterministic. */
export class PacketIds {
  private last = 0;

  /** The next unused id. */
  next(): number {
    return ++this.last;
  }
}
