// The UDP header (RFC 768) on the wire: ports, length and checksum. A computed checksum of zero
// is sent as 0xffff, because zero on the wire means "no checksum".

import { assertUint, readU16, writeU16 } from './bytes.ts';
import { UDP_HEADER_LENGTH } from './packet.ts';
import type { UdpHeader } from './packet.ts';

/** Byte offset of the checksum field inside a UDP header. */
export const UDP_CHECKSUM_OFFSET = 6;

/** Writes the header at `offset` with `length` (header plus data) and a zero checksum. */
export function writeUdpHeader(
  udp: UdpHeader,
  length: number,
  out: Uint8Array,
  offset: number,
): number {
  assertUint('UDP source port', udp.srcPort, 16);
  assertUint('UDP destination port', udp.dstPort, 16);
  assertUint('UDP length', length, 16);
  writeU16(out, offset, udp.srcPort);
  writeU16(out, offset + 2, udp.dstPort);
  writeU16(out, offset + 4, length);
  writeU16(out, offset + UDP_CHECKSUM_OFFSET, 0);
  return UDP_HEADER_LENGTH;
}

/** A parsed UDP header with its length and checksum fields as sent. */
export type UdpHeaderResult =
  { ok: true; udp: UdpHeader; length: number; checksum: number } | { ok: false; error: string };

/** Reads the UDP header of the datagram in bytes [offset, end); its length must equal end - offset. */
export function readUdpHeader(bytes: Uint8Array, offset: number, end: number): UdpHeaderResult {
  if (end - offset < UDP_HEADER_LENGTH) {
    return { ok: false, error: `a UDP header needs 8 bytes, only ${end - offset} present` };
  }
  const length = readU16(bytes, offset + 4);
  if (length !== end - offset) {
    return {
      ok: false,
      error: `UDP length ${length} does not match the ${end - offset} bytes the IP header carries`,
    };
  }
  return {
    ok: true,
    length,
    checksum: readU16(bytes, offset + UDP_CHECKSUM_OFFSET),
    udp: { kind: 'udp', srcPort: readU16(bytes, offset), dstPort: readU16(bytes, offset + 2) },
  };
}
