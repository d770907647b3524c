// The ICMP header (RFC 792) on the wire: type, code, checksum and the 4-byte rest of header (echo
// identifier and sequence, the RFC 1191 next-hop MTU of "fragmentation needed", or zeros).

import { assertUint, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { ICMP_HEADER_LENGTH, ICMP_TYPE, icmpTypeCode } from './packet.ts';
import type { IcmpHeader } from './packet.ts';

/** Byte offset of the checksum field inside an ICMP header. */
export const ICMP_CHECKSUM_OFFSET = 2;

/** The 32-bit rest-of-header word for a header. */
function restOfHeader(icmp: IcmpHeader): number {
  switch (icmp.message) {
    case 'echoRequest':
    case 'echoReply':
      assertUint('ICMP echo identifier', icmp.identifier, 16);
      assertUint('ICMP echo sequence number', icmp.sequence, 16);
      return icmp.identifier * 0x10000 + icmp.sequence;
    case 'destinationUnreachable':
      assertUint('ICMP next-hop MTU', icmp.nextHopMtu, 16);
      return icmp.nextHopMtu;
    case 'timeExceeded':
      return 0;
    case 'other':
      assertUint('ICMP rest of header', icmp.restOfHeader, 32);
      return icmp.restOfHeader;
  }
}

/** Writes the 8-byte header at `offset` with a zero checksum; returns its length. */
export function writeIcmpHeader(icmp: IcmpHeader, out: Uint8Array, offset: number): number {
  const { type, code } = icmpTypeCode(icmp);
  assertUint('ICMP type', type, 8);
  assertUint('ICMP code', code, 8);
  out[offset] = type;
  out[offset + 1] = code;
  writeU16(out, offset + ICMP_CHECKSUM_OFFSET, 0);
  writeU32(out, offset + 4, restOfHeader(icmp));
  return ICMP_HEADER_LENGTH;
}

/** A parsed ICMP header with its checksum as sent. */
export type IcmpHeaderResult =
  { ok: true; icmp: IcmpHeader; checksum: number } | { ok: false; error: string };

/**
 * Reads the ICMP header of the message in bytes [offset, end). A message whose unused bits are
 * not zero (or an echo with a non-zero code) is kept as `other`, so it re-encodes byte for byte.
 */
export function readIcmpHeader(bytes: Uint8Array, offset: number, end: number): IcmpHeaderResult {
  if (end - offset < ICMP_HEADER_LENGTH) {
    return { ok: false, error: `an ICMP header needs 8 bytes, only ${end - offset} present` };
  }
  const type = bytes[offset] as number;
  const code = bytes[offset + 1] as number;
  const rest = readU32(bytes, offset + 4);
  const checksum = readU16(bytes, offset + ICMP_CHECKSUM_OFFSET);
  const icmp = (header: IcmpHeader): IcmpHeaderResult => ({ ok: true, icmp: header, checksum });
  if ((type === ICMP_TYPE.echoRequest || type === ICMP_TYPE.echoReply) && code === 0) {
    const message = type === ICMP_TYPE.echoRequest ? 'echoRequest' : 'echoReply';
    return icmp({ kind: 'icmp', message, identifier: rest >>> 16, sequence: rest & 0xffff });
  }
  if (type === ICMP_TYPE.destinationUnreachable && rest >>> 16 === 0) {
    const nextHopMtu = rest & 0xffff;
    return icmp({ kind: 'icmp', message: 'destinationUnreachable', code, nextHopMtu });
  }
  if (type === ICMP_TYPE.timeExceeded && rest === 0) {
    return icmp({ kind: 'icmp', message: 'timeExceeded', code });
  }
  return icmp({ kind: 'icmp', message: 'other', type, code, restOfHeader: rest });
}
