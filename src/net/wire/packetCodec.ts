// Whole packets to bytes and back: the exact IPv4 datagram a real stack would send, checksums
// included, and the parse of such bytes into the same Packet plus the derived fields as sent.

import { transportChecksum, internetChecksum } from './checksum.ts';
import { writeU16 } from './bytes.ts';
import { ICMP_CHECKSUM_OFFSET, readIcmpHeader, writeIcmpHeader } from './icmp.ts';
import { readIpv4Header, writeIpv4Header } from './ipv4.ts';
import { IP_PROTOCOL, ipProtocolOf, wireSize } from './packet.ts';
import type { Packet, Transport } from './packet.ts';
import { TCP_CHECKSUM_OFFSET, readTcpHeader, writeTcpHeader } from './tcp.ts';
import { UDP_CHECKSUM_OFFSET, readUdpHeader, writeUdpHeader } from './udp.ts';

const MAX_DATAGRAM = 0xffff;

/**
 * Encodes a packet as the IPv4 datagram a real stack would send: header lengths, protocol, UDP
 * length and all checksums computed (TCP and UDP over the RFC 9293 / RFC 768 pseudo-header).
 * Throws a RangeError when a field is out of range or the datagram exceeds 65,535 bytes.
 */
export function encodePacket(packet: Packet): Uint8Array {
  const total = wireSize(packet);
  if (total > MAX_DATAGRAM) {
    throw new RangeError(
      `packet ${packet.id} is ${total} bytes; an IPv4 datagram holds at most 65535`,
    );
  }
  const out = new Uint8Array(total);
  const { ip, transport, payload } = packet;
  const start = writeIpv4Header(ip, ipProtocolOf(transport), total, out, 0);
  const headerLength = writeTransportHeader(transport, total - start, out, start);
  out.set(payload, start + headerLength);
  switch (transport.kind) {
    case 'tcp':
      writeU16(
        out,
        start + TCP_CHECKSUM_OFFSET,
        transportChecksum(out, start, total, ip.src, ip.dst, IP_PROTOCOL.tcp),
      );
      break;
    case 'udp': {
      const sum = transportChecksum(out, start, total, ip.src, ip.dst, IP_PROTOCOL.udp);
      writeU16(out, start + UDP_CHECKSUM_OFFSET, sum === 0 ? 0xffff : sum);
      break;
    }
    case 'icmp':
      writeU16(out, start + ICMP_CHECKSUM_OFFSET, internetChecksum(out, start, total));
      break;
    case 'raw':
      break;
  }
  return out;
}

function writeTransportHeader(
  transport: Transport,
  length: number,
  out: Uint8Array,
  offset: number,
): number {
  switch (transport.kind) {
    case 'tcp':
      return writeTcpHeader(transport, out, offset);
    case 'udp':
      return writeUdpHeader(transport, length, out, offset);
    case 'icmp':
      return writeIcmpHeader(transport, out, offset);
    case 'raw':
      return 0;
  }
}

/** The derived fields of a decoded datagram as they were on the wire, and what verified. */
export interface WireFields {
  /** IPv4 header length in bytes (IHL times 4). */
  ipHeaderLength: number;
  /** IPv4 total length; bytes after it (such as Ethernet padding) were ignored. */
  totalLength: number;
  protocol: number;
  ipChecksum: number;
  ipChecksumValid: boolean;
  /** Transport header length in bytes (TCP data offset times 4; 8 for UDP and ICMP; 0 raw). */
  transportHeaderLength: number;
  /** The TCP, UDP or ICMP checksum field; null for raw data. */
  transportChecksum: number | null;
  /** Whether it verifies; null when there is none (raw data, or a UDP checksum of zero). */
  transportChecksumValid: boolean | null;
}

/** A decoded packet and its wire fields, or why the bytes are not a well-formed datagram. */
export type DecodeResult =
  { ok: true; packet: Packet; wire: WireFields } | { ok: false; error: string };

/**
 * Decodes an IPv4 datagram into a Packet with the given id. Fragments (MF set or a non-zero
 * offset) and unknown protocols decode as raw transport. Bad checksums are reported in `wire`,
 * not refused, so a capture of corrupted packets can still be inspected.
 */
export function decodePacket(bytes: Uint8Array, id: number): DecodeResult {
  const header = readIpv4Header(bytes);
  if (!header.ok) return header;
  const { ip, headerLength, totalLength, protocol } = header;
  if (totalLength > bytes.length) {
    return {
      ok: false,
      error: `IPv4 total length ${totalLength} is more than the ${bytes.length} bytes present`,
    };
  }
  const wire: WireFields = {
    ipHeaderLength: headerLength,
    totalLength,
    protocol,
    ipChecksum: header.checksum,
    ipChecksumValid: header.checksumValid,
    transportHeaderLength: 0,
    transportChecksum: null,
    transportChecksumValid: null,
  };
  const start = headerLength;
  const end = totalLength;
  const fragment = ip.moreFragments || ip.fragmentOffset !== 0;
  const done = (transport: Transport, transportLength: number): DecodeResult => {
    wire.transportHeaderLength = transportLength;
    const payload = bytes.slice(start + transportLength, end);
    return { ok: true, packet: { id, ip, transport, payload }, wire };
  };
  if (fragment) return done({ kind: 'raw', protocol }, 0);
  switch (protocol) {
    case IP_PROTOCOL.tcp: {
      const tcp = readTcpHeader(bytes, start, end);
      if (!tcp.ok) return tcp;
      wire.transportChecksum = tcp.checksum;
      wire.transportChecksumValid = verifies(bytes, start, end, ip.src, ip.dst, protocol);
      return done(tcp.tcp, tcp.headerLength);
    }
    case IP_PROTOCOL.udp: {
      const udp = readUdpHeader(bytes, start, end);
      if (!udp.ok) return udp;
      wire.transportChecksum = udp.checksum;
      wire.transportChecksumValid =
        udp.checksum === 0 ? null : verifies(bytes, start, end, ip.src, ip.dst, protocol);
      return done(udp.udp, 8);
    }
    case IP_PROTOCOL.icmp: {
      const icmp = readIcmpHeader(bytes, start, end);
      if (!icmp.ok) return icmp;
      wire.transportChecksum = icmp.checksum;
      wire.transportChecksumValid = internetChecksum(bytes, start, end) === 0;
      return done(icmp.icmp, 8);
    }
    default:
      return done({ kind: 'raw', protocol }, 0);
  }
}

function verifies(
  bytes: Uint8Array,
  start: number,
  end: number,
  src: number,
  dst: number,
  protocol: number,
): boolean {
  return transportChecksum(bytes, start, end, src, dst, protocol) === 0;
}
