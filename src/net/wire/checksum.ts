// The Internet checksum of RFC 1071: the 16-bit one's complement of the one's complement sum of
// 16-bit words. IPv4 and ICMP checksum their own bytes; TCP and UDP add a pseudo-header first.

import { readU16 } from './bytes.ts';

/**
 * Adds the bytes in [start, end) to `sum` as big-endian 16-bit words, padding an odd last byte
 * with a zero byte (RFC 1071 section 4.1). Carries are not folded: pass the result to `foldSum`.
 */
export function sumWords(bytes: Uint8Array, start = 0, end = bytes.length, sum = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) sum += readU16(bytes, i);
  if (i < end) sum += (bytes[i] as number) << 8;
  return sum;
}

/** Folds the carries of a running sum into 16 bits (end-around carry). */
export function foldSum(sum: number): number {
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return sum;
}

/**
 * The Internet checksum of bytes [start, end), optionally continuing from a partial `sum` such as
 * a pseudo-header's. Computed over a header whose checksum field holds the right value, it is 0.
 */
export function internetChecksum(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  sum = 0,
): number {
  return ~foldSum(sumWords(bytes, start, end, sum)) & 0xffff;
}

/**
 * The unfolded sum of the IPv4 pseudo-header that TCP (RFC 9293 section 3.1) and UDP (RFC 768)
 * prefix to their checksum: source and destination address, zero, protocol, segment length.
 */
export function pseudoHeaderSum(
  src: number,
  dst: number,
  protocol: number,
  length: number,
): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}

/** The TCP or UDP checksum of the segment in bytes [start, end), pseudo-header included. */
export function transportChecksum(
  bytes: Uint8Array,
  start: number,
  end: number,
  src: number,
  dst: number,
  protocol: number,
): number {
  return internetChecksum(bytes, start, end, pseudoHeaderSum(src, dst, protocol, end - start));
}
