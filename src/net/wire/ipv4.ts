// The IPv4 header (RFC 791) on the wire: writing it with its computed length, protocol and
// checksum, and reading it back with those values and whether the checksum verifies.

import { assertUint, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { internetChecksum } from './checksum.ts';
import { IPV4_HEADER_LENGTH, ipHeaderLength } from './packet.ts';
import type { Ipv4Header } from './packet.ts';

const MAX_HEADER_LENGTH = 60;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const FLAG_RESERVED = 0x8000;

/**
 * Writes the header at `offset` with the given protocol and total length, computing IHL and the
 * header checksum; returns the header length. Throws a RangeError for a field out of range.
 */
export function writeIpv4Header(
  ip: Ipv4Header,
  protocol: number,
  totalLength: number,
  out: Uint8Array,
  offset = 0,
): number {
  const headerLength = ipHeaderLength(ip);
  if (ip.version !== 4) throw new RangeError(`IP version must be 4, got ${String(ip.version)}`);
  if (headerLength > MAX_HEADER_LENGTH || headerLength % 4 !== 0) {
    throw new RangeError(
      `IP options must be a multiple of 4 bytes, at most 40; got ${headerLength - 20}`,
    );
  }
  assertUint('IP DSCP', ip.dscp, 6);
  assertUint('IP ECN', ip.ecn, 2);
  assertUint('IP total length', totalLength, 16);
  assertUint('IP identification', ip.identification, 16);
  assertUint('IP fragment offset', ip.fragmentOffset, 13);
  assertUint('IP TTL', ip.ttl, 8);
  assertUint('IP protocol', protocol, 8);
  assertUint('IP source address', ip.src, 32);
  assertUint('IP destination address', ip.dst, 32);
  out[offset] = 0x40 | (headerLength >> 2);
  out[offset + 1] = (ip.dscp << 2) | ip.ecn;
  writeU16(out, offset + 2, totalLength);
  writeU16(out, offset + 4, ip.identification);
  const flags = (ip.dontFragment ? FLAG_DF : 0) | (ip.moreFragments ? FLAG_MF : 0);
  writeU16(out, offset + 6, flags | ip.fragmentOffset);
  out[offset + 8] = ip.ttl;
  out[offset + 9] = protocol;
  writeU16(out, offset + 10, 0);
  writeU32(out, offset + 12, ip.src);
  writeU32(out, offset + 16, ip.dst);
  if (ip.options) out.set(ip.options, offset + IPV4_HEADER_LENGTH);
  writeU16(out, offset + 10, internetChecksum(out, offset, offset + headerLength));
  return headerLength;
}

/** What `readIpv4Header` found: the header, its derived fields as sent, or why it is malformed. */
export type Ipv4HeaderResult =
  | {
      ok: true;
      ip: Ipv4Header;
      headerLength: number;
      totalLength: number;
      protocol: number;
      checksum: number;
      checksumValid: boolean;
      /** The reserved ("evil") flag bit, which must be zero (RFC 791). */
      reservedFlag: boolean;
    }
  | { ok: false; error: string };

/**
 * Reads the header at `offset`. It checks the version and that the whole header lies before
 * `end`, not that `totalLength` bytes follow: an ICMP error quotes only the start of a datagram.
 */
export function readIpv4Header(
  bytes: Uint8Array,
  offset = 0,
  end = bytes.length,
): Ipv4HeaderResult {
  if (end - offset < IPV4_HEADER_LENGTH) {
    return { ok: false, error: `an IPv4 header needs 20 bytes, only ${end - offset} present` };
  }
  const first = bytes[offset] as number;
  if (first >> 4 !== 4) return { ok: false, error: `IP version is ${first >> 4}, not 4` };
  const headerLength = (first & 0x0f) * 4;
  if (headerLength < IPV4_HEADER_LENGTH) {
    return { ok: false, error: `IPv4 header length ${headerLength} is less than 20 bytes` };
  }
  if (offset + headerLength > end) {
    return {
      ok: false,
      error: `IPv4 header length ${headerLength} runs past the ${end - offset} bytes present`,
    };
  }
  const totalLength = readU16(bytes, offset + 2);
  if (totalLength < headerLength) {
    return {
      ok: false,
      error: `IPv4 total length ${totalLength} is less than its header length ${headerLength}`,
    };
  }
  const fragment = readU16(bytes, offset + 6);
  const ip: Ipv4Header = {
    version: 4,
    dscp: (bytes[offset + 1] as number) >> 2,
    ecn: (bytes[offset + 1] as number) & 0x03,
    identification: readU16(bytes, offset + 4),
    dontFragment: (fragment & FLAG_DF) !== 0,
    moreFragments: (fragment & FLAG_MF) !== 0,
    fragmentOffset: fragment & 0x1fff,
    ttl: bytes[offset + 8] as number,
    src: readU32(bytes, offset + 12),
    dst: readU32(bytes, offset + 16),
  };
  if (headerLength > IPV4_HEADER_LENGTH) {
    ip.options = bytes.slice(offset + IPV4_HEADER_LENGTH, offset + headerLength);
  }
  return {
    ok: true,
    ip,
    headerLength,
    totalLength,
    protocol: bytes[offset + 9] as number,
    checksum: readU16(bytes, offset + 10),
    checksumValid: internetChecksum(bytes, offset, offset + headerLength) === 0,
    reservedFlag: (fragment & FLAG_RESERVED) !== 0,
  };
}
