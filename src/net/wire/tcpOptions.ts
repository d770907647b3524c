// TCP options (RFC 9293 section 3.2, RFC 7323, RFC 2018): the typed list a segment carries, and
// its exact encoding, padded with End-of-Option-List (zero) bytes to a 32-bit boundary.

import { assertUint, readU16, readU32, writeU16, writeU32 } from './bytes.ts';

/** One SACK block: the left edge and the right edge (one past the last byte) of a received range. */
export interface SackBlock {
  left: number;
  right: number;
}

/**
 * A TCP option. End-of-Option-List is not an entry: the encoder pads the list with EOL (zero)
 * bytes to a 32-bit boundary and the decoder stops at the first EOL.
 */
export type TcpOption =
  | { kind: 'nop' }
  | { kind: 'mss'; value: number }
  | { kind: 'windowScale'; shift: number }
  | { kind: 'sackPermitted' }
  | { kind: 'sack'; blocks: readonly SackBlock[] }
  | { kind: 'timestamps'; value: number; echoReply: number }
  | { kind: 'unknown'; type: number; data: Uint8Array };

/** Option kind numbers from the IANA TCP parameters registry. */
export const TCP_OPTION_KIND = {
  eol: 0,
  nop: 1,
  mss: 2,
  windowScale: 3,
  sackPermitted: 4,
  sack: 5,
  timestamps: 8,
} as const;

/** The most option bytes a TCP header holds: data offset 15 words minus the 5 fixed ones. */
export const TCP_MAX_OPTIONS_LENGTH = 40;

/** Encoded length of one option in bytes, kind and length octets included. */
export function tcpOptionLength(option: TcpOption): number {
  switch (option.kind) {
    case 'nop':
      return 1;
    case 'mss':
      return 4;
    case 'windowScale':
      return 3;
    case 'sackPermitted':
      return 2;
    case 'sack':
      return 2 + 8 * option.blocks.length;
    case 'timestamps':
      return 10;
    case 'unknown':
      return 2 + option.data.length;
  }
}

/** Length of the encoded option list after padding to a multiple of 4 bytes. */
export function tcpOptionsLength(options: readonly TcpOption[]): number {
  let length = 0;
  for (let i = 0; i < options.length; i++) length += tcpOptionLength(options[i] as TcpOption);
  return (length + 3) & ~3;
}

/**
 * Writes the options at `offset`, then EOL padding to a 32-bit boundary; returns the bytes
 * written. Throws a RangeError for a field out of range or a list longer than 40 bytes.
 */
export function writeTcpOptions(
  options: readonly TcpOption[],
  out: Uint8Array,
  offset: number,
): number {
  const total = tcpOptionsLength(options);
  if (total > TCP_MAX_OPTIONS_LENGTH) {
    throw new RangeError(`TCP options take ${total} bytes; at most 40 fit in a TCP header`);
  }
  let at = offset;
  for (const option of options) at = writeOption(option, out, at);
  out.fill(TCP_OPTION_KIND.eol, at, offset + total);
  return total;
}

function writeOption(option: TcpOption, out: Uint8Array, at: number): number {
  const length = tcpOptionLength(option);
  if (option.kind === 'nop') {
    out[at] = TCP_OPTION_KIND.nop;
    return at + 1;
  }
  out[at] = option.kind === 'unknown' ? option.type : TCP_OPTION_KIND[option.kind];
  out[at + 1] = length;
  switch (option.kind) {
    case 'mss':
      assertUint('TCP MSS option', option.value, 16);
      writeU16(out, at + 2, option.value);
      break;
    case 'windowScale':
      assertUint('TCP window scale shift', option.shift, 8);
      out[at + 2] = option.shift;
      break;
    case 'sack':
      if (option.blocks.length === 0)
        throw new RangeError('a SACK option needs at least one block');
      option.blocks.forEach((block, i) => {
        assertUint('SACK left edge', block.left, 32);
        assertUint('SACK right edge', block.right, 32);
        writeU32(out, at + 2 + 8 * i, block.left);
        writeU32(out, at + 6 + 8 * i, block.right);
      });
      break;
    case 'timestamps':
      assertUint('TCP TSval', option.value, 32);
      assertUint('TCP TSecr', option.echoReply, 32);
      writeU32(out, at + 2, option.value);
      writeU32(out, at + 6, option.echoReply);
      break;
    case 'unknown':
      assertUint('TCP option kind', option.type, 8);
      if (option.type <= TCP_OPTION_KIND.nop) {
        throw new RangeError(`TCP option kind ${option.type} has no length octet; it is not data`);
      }
      out.set(option.data, at + 2);
      break;
    case 'sackPermitted':
      break;
  }
  return at + length;
}

/** The options in bytes [start, end), or why they are malformed. */
export type TcpOptionsResult = { ok: true; options: TcpOption[] } | { ok: false; error: string };

/**
 * Parses the option area of a TCP header. Known kinds with an unexpected length are kept as
 * `unknown` with their bytes, so any well-formed option list re-encodes to the same bytes.
 */
export function readTcpOptions(bytes: Uint8Array, start: number, end: number): TcpOptionsResult {
  const options: TcpOption[] = [];
  let at = start;
  while (at < end) {
    const type = bytes[at] as number;
    if (type === TCP_OPTION_KIND.eol) break;
    if (type === TCP_OPTION_KIND.nop) {
      options.push({ kind: 'nop' });
      at++;
      continue;
    }
    if (at + 1 >= end) return { ok: false, error: `TCP option kind ${type} has no length octet` };
    const length = bytes[at + 1] as number;
    if (length < 2 || at + length > end) {
      return {
        ok: false,
        error: `TCP option kind ${type} has length ${length}, which does not fit the ${end - at} option bytes left`,
      };
    }
    options.push(readOption(bytes, at, type, length));
    at += length;
  }
  return { ok: true, options };
}

function readOption(bytes: Uint8Array, at: number, type: number, length: number): TcpOption {
  const K = TCP_OPTION_KIND;
  if (type === K.mss && length === 4) return { kind: 'mss', value: readU16(bytes, at + 2) };
  if (type === K.windowScale && length === 3) {
    return { kind: 'windowScale', shift: bytes[at + 2] as number };
  }
  if (type === K.sackPermitted && length === 2) return { kind: 'sackPermitted' };
  if (type === K.sack && (length - 2) % 8 === 0 && length > 2) {
    const blocks: SackBlock[] = [];
    for (let b = at + 2; b < at + length; b += 8) {
      blocks.push({ left: readU32(bytes, b), right: readU32(bytes, b + 4) });
    }
    return { kind: 'sack', blocks };
  }
  if (type === K.timestamps && length === 10) {
    return { kind: 'timestamps', value: readU32(bytes, at + 2), echoReply: readU32(bytes, at + 6) };
  }
  return { kind: 'unknown', type, data: bytes.slice(at + 2, at + length) };
}
