// ICMP error messages a host or router sends about a datagram it could not deliver, each quoting
// the offending IP header and first 8 data bytes (RFC 792), and reading such a quote back.

import { readU16, readU32 } from './bytes.ts';
import { readIpv4Header } from './ipv4.ts';
import { wireBytes } from './corruption.ts';
import {
  ICMP_TIME_EXCEEDED,
  ICMP_UNREACHABLE,
  IP_PROTOCOL,
  ipHeaderLength,
  ipv4Header,
} from './packet.ts';
import type { IcmpHeader, Ipv4Header, Packet } from './packet.ts';

/** How many bytes of the offending datagram's data an ICMP error quotes (RFC 792). */
export const ICMP_QUOTED_DATA = 8;

/** Linux's TOS for ICMP errors, IPTOS_PREC_INTERNETCONTROL (0xc0), as a DSCP (CS6). */
const INTERNETWORK_CONTROL_DSCP = 48;

/**
 * The quote an ICMP error carries: the offending datagram's IP header and first 8 data bytes, as
 * they arrived (a bit a link flipped in them is flipped in the quote).
 */
export function icmpQuote(offending: Packet): Uint8Array {
  const bytes = wireBytes(offending);
  return bytes.slice(0, Math.min(bytes.length, ipHeaderLength(offending.ip) + ICMP_QUOTED_DATA));
}

/** Who sends an ICMP error: the packet id, the sender's address and optional IP header fields. */
export interface IcmpErrorOrigin {
  id: number;
  src: number;
  ttl?: number;
  identification?: number;
}

/**
 * An ICMP Destination Unreachable about `offending`, sent back to its source. `code` is one of
 * ICMP_UNREACHABLE; `nextHopMtu` goes with code 4, fragmentation needed (RFC 1191).
 */
export function destinationUnreachable(
  offending: Packet,
  code: number,
  origin: IcmpErrorOrigin,
  nextHopMtu = 0,
): Packet {
  return icmpError(offending, origin, {
    kind: 'icmp',
    message: 'destinationUnreachable',
    code,
    nextHopMtu,
  });
}

/** The Port Unreachable a host sends when a UDP datagram reaches a port nobody listens on. */
export function portUnreachable(offending: Packet, origin: IcmpErrorOrigin): Packet {
  return destinationUnreachable(offending, ICMP_UNREACHABLE.port, origin);
}

/**
 * The Time Exceeded a router sends when a datagram's TTL runs out in transit (code 0), or a
 * host when a datagram's fragments did not all come in time (code 1, reassembly).
 */
export function timeExceeded(
  offending: Packet,
  origin: IcmpErrorOrigin,
  code: number = ICMP_TIME_EXCEEDED.ttl,
): Packet {
  return icmpError(offending, origin, { kind: 'icmp', message: 'timeExceeded', code });
}

function icmpError(offending: Packet, origin: IcmpErrorOrigin, icmp: IcmpHeader): Packet {
  return {
    id: origin.id,
    ip: ipv4Header({
      src: origin.src,
      dst: offending.ip.src,
      dscp: INTERNETWORK_CONTROL_DSCP,
      dontFragment: false,
      ttl: origin.ttl ?? 64,
      identification: origin.identification ?? 0,
    }),
    transport: icmp,
    payload: icmpQuote(offending),
  };
}

/** What an ICMP error's quote says about the datagram it is about. */
export interface QuotedDatagram {
  ip: Ipv4Header;
  protocol: number;
  /** The total length the original datagram had, though only its start is quoted. */
  totalLength: number;
  /** TCP or UDP ports, when the quote reaches them. */
  srcPort?: number;
  dstPort?: number;
  /** The TCP sequence number, when quoted (a TCP stack uses it to check the error is fresh). */
  seq?: number;
}

/** The quoted datagram, or why the quote cannot be read. */
export type QuoteResult = { ok: true; quoted: QuotedDatagram } | { ok: false; error: string };

/** Reads the quote in an ICMP error's payload, so the error can be matched to a socket. */
export function readQuote(payload: Uint8Array): QuoteResult {
  const header = readIpv4Header(payload);
  if (!header.ok)
    return { ok: false, error: `the ICMP quote is not an IPv4 header: ${header.error}` };
  const quoted: QuotedDatagram = {
    ip: header.ip,
    protocol: header.protocol,
    totalLength: header.totalLength,
  };
  const data = header.headerLength;
  const transportHeader =
    header.protocol === IP_PROTOCOL.tcp || header.protocol === IP_PROTOCOL.udp;
  if (transportHeader && header.ip.fragmentOffset === 0 && payload.length >= data + 4) {
    quoted.srcPort = readU16(payload, data);
    quoted.dstPort = readU16(payload, data + 2);
    if (header.protocol === IP_PROTOCOL.tcp && payload.length >= data + 8) {
      quoted.seq = readU32(payload, data + 4);
    }
  }
  return { ok: true, quoted };
}
