// The TCP header (RFC 9293 section 3.1) on the wire: ports, sequence and acknowledgment numbers,
// data offset, control bits, window, checksum, urgent pointer and options.

import { assertUint, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { TCP_HEADER_LENGTH } from './packet.ts';
import type { TcpFlags, TcpHeader } from './packet.ts';
import { readTcpOptions, writeTcpOptions } from './tcpOptions.ts';

/** Byte offset of the checksum field inside a TCP header. */
export const TCP_CHECKSUM_OFFSET = 16;

const BITS: readonly [keyof TcpFlags, number][] = [
  ['cwr', 0x80],
  ['ece', 0x40],
  ['urg', 0x20],
  ['ack', 0x10],
  ['psh', 0x08],
  ['rst', 0x04],
  ['syn', 0x02],
  ['fin', 0x01],
];

/** The control-bits octet for a set of flags (CWR is the high bit, FIN the low bit). */
export function tcpFlagsByte(flags: TcpFlags): number {
  let byte = 0;
  for (const [name, bit] of BITS) if (flags[name]) byte |= bit;
  return byte;
}

/** The flags encoded in a control-bits octet. */
export function tcpFlagsFromByte(byte: number): TcpFlags {
  return {
    cwr: (byte & 0x80) !== 0,
    ece: (byte & 0x40) !== 0,
    urg: (byte & 0x20) !== 0,
    ack: (byte & 0x10) !== 0,
    psh: (byte & 0x08) !== 0,
    rst: (byte & 0x04) !== 0,
    syn: (byte & 0x02) !== 0,
    fin: (byte & 0x01) !== 0,
  };
}

/**
 * Writes the header at `offset` with its data offset computed and a zero checksum (the packet
 * encoder fills it in once the payload is in place); returns the header length in bytes.
 */
export function writeTcpHeader(tcp: TcpHeader, out: Uint8Array, offset: number): number {
  assertUint('TCP source port', tcp.srcPort, 16);
  assertUint('TCP destination port', tcp.dstPort, 16);
  assertUint('TCP sequence number', tcp.seq, 32);
  assertUint('TCP acknowledgment number', tcp.ack, 32);
  assertUint('TCP window', tcp.window, 16);
  assertUint('TCP urgent pointer', tcp.urgentPointer, 16);
  const headerLength = TCP_HEADER_LENGTH + writeTcpOptions(tcp.options, out, offset + 20);
  writeU16(out, offset, tcp.srcPort);
  writeU16(out, offset + 2, tcp.dstPort);
  writeU32(out, offset + 4, tcp.seq);
  writeU32(out, offset + 8, tcp.ack);
  out[offset + 12] = (headerLength >> 2) << 4;
  out[offset + 13] = tcpFlagsByte(tcp.flags);
  writeU16(out, offset + 14, tcp.window);
  writeU16(out, offset + TCP_CHECKSUM_OFFSET, 0);
  writeU16(out, offset + 18, tcp.urgentPointer);
  return headerLength;
}

/** A parsed TCP header with its data offset (as a length in bytes) and checksum as sent. */
export type TcpHeaderResult =
  | { ok: true; tcp: TcpHeader; headerLength: number; checksum: number }
  | { ok: false; error: string };

/** Reads the TCP header of the segment in bytes [offset, end). */
export function readTcpHeader(bytes: Uint8Array, offset: number, end: number): TcpHeaderResult {
  if (end - offset < TCP_HEADER_LENGTH) {
    return { ok: false, error: `a TCP header needs 20 bytes, only ${end - offset} present` };
  }
  const headerLength = ((bytes[offset + 12] as number) >> 4) * 4;
  if (headerLength < TCP_HEADER_LENGTH) {
    return { ok: false, error: `TCP data offset ${headerLength / 4} is less than 5` };
  }
  if (offset + headerLength > end) {
    return {
      ok: false,
      error: `TCP header length ${headerLength} runs past the ${end - offset} segment bytes`,
    };
  }
  const options = readTcpOptions(bytes, offset + TCP_HEADER_LENGTH, offset + headerLength);
  if (!options.ok) return options;
  return {
    ok: true,
    headerLength,
    checksum: readU16(bytes, offset + TCP_CHECKSUM_OFFSET),
    tcp: {
      kind: 'tcp',
      srcPort: readU16(bytes, offset),
      dstPort: readU16(bytes, offset + 2),
      seq: readU32(bytes, offset + 4),
      ack: readU32(bytes, offset + 8),
      flags: tcpFlagsFromByte(bytes[offset + 13] as number),
      window: readU16(bytes, offset + 14),
      urgentPointer: readU16(bytes, offset + 18),
      options: options.options,
    },
  };
}
