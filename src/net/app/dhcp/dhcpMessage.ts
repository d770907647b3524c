// DHCP messages (RFC 2131 section 2, the BOOTP format of RFC 951) as plain data and as the exact
// bytes of a UDP payload: the 236-byte fixed part, the magic cookie 99.130.83.99, the options
// (dhcpOptions.ts), and zero padding up to BOOTP's 300-byte minimum (RFC 1542 section 2.1).
// Only Ethernet clients are modelled: htype 1, hlen 6, chaddr a MAC address.

import { assertUint, readU16, readU32, writeU16, writeU32 } from '../../wire/bytes.ts';
import type { Ipv4Address } from '../../wire/ipv4Address.ts';
import { readMac, writeMac, type MacAddress } from '../../wire/mac.ts';
import { decodeDhcpOptions, encodeDhcpOptions, type DhcpOptions } from './dhcpOptions.ts';

export { DHCP_CLIENT_PORT, DHCP_SERVER_PORT } from '../dhcpPorts.ts';

/** op: BOOTREQUEST from a client, BOOTREPLY from a server (RFC 951). */
export const BOOTP_OP = { request: 1, reply: 2 } as const;
/** htype 1 (Ethernet, as ARP's hardware types) and hlen 6. */
export const BOOTP_HTYPE_ETHERNET = 1;

/** The fixed fields before the cookie: op through file (RFC 2131 figure 1). */
export const DHCP_FIXED_LENGTH = 236;
/** 99.130.83.99, the first four option bytes, marking RFC 1497 vendor extensions. */
export const DHCP_MAGIC_COOKIE = 0x63825363;
/** A BOOTP message is at least 300 bytes: 236 plus a 64-byte vendor area (RFC 951, RFC 1542). */
export const BOOTP_MIN_LENGTH = 300;
/**
 * The longest message a client must accept unless it says otherwise (option 57): 576 bytes of
 * IP datagram, so 548 of DHCP message with a 312-byte options field (RFC 2131 section 2).
 */
export const DHCP_DEFAULT_MAX_LENGTH = 548;

/** Byte offsets of the fixed fields (RFC 2131 figure 1). */
export const DHCP_OFFSET = {
  op: 0,
  htype: 1,
  hlen: 2,
  hops: 3,
  xid: 4,
  secs: 8,
  flags: 10,
  ciaddr: 12,
  yiaddr: 16,
  siaddr: 20,
  giaddr: 24,
  chaddr: 28,
  sname: 44,
  file: 108,
  cookie: 236,
  options: 240,
} as const;

/** The broadcast bit: the leftmost bit of flags (RFC 2131 figure 2). */
export const DHCP_FLAG_BROADCAST = 0x8000;

/** A DHCP message; each field is RFC 2131 table 1's. */
export interface DhcpMessage {
  op: 'request' | 'reply';
  /** Relay agents passed; 0 from a client. */
  hops: number;
  /** Transaction id the client chose, copied into the server's replies. */
  xid: number;
  /** Seconds since the client began acquiring or renewing. */
  secs: number;
  /** The client cannot take unicast before it has an address: the server must broadcast. */
  broadcast: boolean;
  /** The client's address when it has one (BOUND, RENEWING, REBINDING), else 0. */
  ciaddr: Ipv4Address;
  /** "Your" address: the one a server offers or assigns. */
  yiaddr: Ipv4Address;
  /** The next server in bootstrap (TFTP); 0 here. */
  siaddr: Ipv4Address;
  /** The relay agent's address; 0 when client and server share a segment. */
  giaddr: Ipv4Address;
  /** The client's MAC. */
  chaddr: MacAddress;
  /** Server host name, up to 63 ASCII characters; usually empty. */
  sname: string;
  /** Boot file name, up to 127 ASCII characters; usually empty. */
  file: string;
  options: DhcpOptions;
}

export type DhcpDecodeResult = { ok: true; message: DhcpMessage } | { ok: false; error: string };

function writeText(
  out: Uint8Array,
  offset: number,
  size: number,
  text: string,
  name: string,
): void {
  if (!/^[\x20-\x7e]*$/.test(text) || text.length >= size) {
    throw new RangeError(`${name} must be printable ASCII of at most ${size - 1} characters`);
  }
  for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
}

function readText(bytes: Uint8Array, offset: number, size: number): string {
  const field = bytes.subarray(offset, offset + size);
  const nul = field.indexOf(0);
  return String.fromCharCode(...field.subarray(0, nul < 0 ? size : nul));
}

/**
 * Encodes the message as a UDP payload, padded with zeros after End to 300 bytes. Throws a
 * RangeError when a field does not fit.
 */
export function encodeDhcpMessage(message: DhcpMessage): Uint8Array {
  const options = encodeDhcpOptions(message.options);
  const length = Math.max(DHCP_OFFSET.options + options.length, BOOTP_MIN_LENGTH);
  const out = new Uint8Array(length);
  assertUint('DHCP hops', message.hops, 8);
  assertUint('DHCP xid', message.xid, 32);
  assertUint('DHCP secs', message.secs, 16);
  for (const name of ['ciaddr', 'yiaddr', 'siaddr', 'giaddr'] as const) {
    assertUint(`DHCP ${name}`, message[name], 32);
    writeU32(out, DHCP_OFFSET[name], message[name]);
  }
  out[DHCP_OFFSET.op] = BOOTP_OP[message.op];
  out[DHCP_OFFSET.htype] = BOOTP_HTYPE_ETHERNET;
  out[DHCP_OFFSET.hlen] = 6;
  out[DHCP_OFFSET.hops] = message.hops;
  writeU32(out, DHCP_OFFSET.xid, message.xid);
  writeU16(out, DHCP_OFFSET.secs, message.secs);
  writeU16(out, DHCP_OFFSET.flags, message.broadcast ? DHCP_FLAG_BROADCAST : 0);
  writeMac(out, DHCP_OFFSET.chaddr, message.chaddr); // and 10 bytes of zero padding
  writeText(out, DHCP_OFFSET.sname, 64, message.sname, 'sname');
  writeText(out, DHCP_OFFSET.file, 128, message.file, 'file');
  writeU32(out, DHCP_OFFSET.cookie, DHCP_MAGIC_COOKIE);
  out.set(options, DHCP_OFFSET.options);
  return out;
}

/**
 * Decodes a UDP payload as a DHCP message. Refused, with the reason: fewer than 240 bytes, an
 * unknown op, hardware other than Ethernet, a wrong cookie, or options that do not parse.
 * Padding after End and the reserved flag bits are ignored, as RFC 2131 tells receivers to.
 */
export function decodeDhcpMessage(bytes: Uint8Array): DhcpDecodeResult {
  const fail = (error: string): DhcpDecodeResult => ({ ok: false, error });
  if (bytes.length < DHCP_OFFSET.options) {
    return fail(`a DHCP message needs at least 240 bytes, only ${bytes.length} present`);
  }
  const op = bytes[DHCP_OFFSET.op];
  if (op !== BOOTP_OP.request && op !== BOOTP_OP.reply) {
    return fail(`op ${op} is neither BOOTREQUEST (1) nor BOOTREPLY (2)`);
  }
  if (bytes[DHCP_OFFSET.htype] !== BOOTP_HTYPE_ETHERNET || bytes[DHCP_OFFSET.hlen] !== 6) {
    return fail(
      `hardware type ${bytes[DHCP_OFFSET.htype]} length ${bytes[DHCP_OFFSET.hlen]} is not Ethernet (1, 6)`,
    );
  }
  const cookie = readU32(bytes, DHCP_OFFSET.cookie);
  if (cookie !== DHCP_MAGIC_COOKIE) {
    return fail(`magic cookie 0x${cookie.toString(16)} is not 0x63825363 (99.130.83.99)`);
  }
  const options = decodeDhcpOptions(bytes, DHCP_OFFSET.options, bytes.length);
  if (!options.ok) return options;
  return {
    ok: true,
    message: {
      op: op === BOOTP_OP.request ? 'request' : 'reply',
      hops: bytes[DHCP_OFFSET.hops] as number,
      xid: readU32(bytes, DHCP_OFFSET.xid),
      secs: readU16(bytes, DHCP_OFFSET.secs),
      broadcast: (readU16(bytes, DHCP_OFFSET.flags) & DHCP_FLAG_BROADCAST) !== 0,
      ciaddr: readU32(bytes, DHCP_OFFSET.ciaddr),
      yiaddr: readU32(bytes, DHCP_OFFSET.yiaddr),
      siaddr: readU32(bytes, DHCP_OFFSET.siaddr),
      giaddr: readU32(bytes, DHCP_OFFSET.giaddr),
      chaddr: readMac(bytes, DHCP_OFFSET.chaddr),
      sname: readText(bytes, DHCP_OFFSET.sname, 64),
      file: readText(bytes, DHCP_OFFSET.file, 128),
      options: options.options,
    },
  };
}
