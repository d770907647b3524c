// DHCP options (RFC 2132) as plain data and as the code-length-value bytes after the magic
// cookie: the message type (53) every DHCP message carries, addresses, lease times, the
// parameter request list, and any other option kept raw. Writing ends with End (255); reading
// skips Pad (0), joins repeated options as RFC 3396 says, and stops at End.

import { readU32, writeU32 } from '../../wire/bytes.ts';
import type { Ipv4Address } from '../../wire/ipv4Address.ts';

/** Option codes (RFC 2132, sections given per option). */
export const DHCP_OPTION = {
  pad: 0, // 3.1
  subnetMask: 1, // 3.3
  router: 3, // 3.5
  dnsServer: 6, // 3.8
  hostName: 12, // 3.14
  requestedIp: 50, // 9.1
  leaseTime: 51, // 9.2
  overload: 52, // 9.3
  messageType: 53, // 9.6
  serverId: 54, // 9.7
  parameterRequestList: 55, // 9.8
  message: 56, // 9.9
  renewalTime: 58, // 9.11, T1
  rebindingTime: 59, // 9.12, T2
  end: 255, // 3.2
} as const;

/** Values of option 53 (RFC 2132 section 9.6). */
export const DHCP_MESSAGE_TYPE = {
  DISCOVER: 1,
  OFFER: 2,
  REQUEST: 3,
  DECLINE: 4,
  ACK: 5,
  NAK: 6,
  RELEASE: 7,
  INFORM: 8,
} as const;
export type DhcpMessageType = keyof typeof DHCP_MESSAGE_TYPE;

/** The options of one message. Absent fields are not sent; times are whole seconds. */
export interface DhcpOptions {
  /** 53: what the message is. Required: without it a message is plain BOOTP. */
  messageType: DhcpMessageType;
  /** 1 */
  subnetMask?: Ipv4Address;
  /** 3: default routers, most preferred first. */
  routers?: Ipv4Address[];
  /** 6 */
  dnsServers?: Ipv4Address[];
  /** 12: the client's name, ASCII. */
  hostName?: string;
  /** 50: the address a client asks for (REQUEST in SELECTING or INIT-REBOOT, or DISCOVER). */
  requestedIp?: Ipv4Address;
  /** 51: lease duration; 0xffffffff means infinite. */
  leaseSeconds?: number;
  /** 54: the server's address, identifying it among several. */
  serverId?: Ipv4Address;
  /** 55: option codes the client wants, in its order of preference. */
  parameterRequestList?: number[];
  /** 56: a reason, in a NAK or DECLINE; ASCII. */
  message?: string;
  /** 58: T1, when the client starts renewing with its server. */
  renewalSeconds?: number;
  /** 59: T2, when it starts rebinding with any server. */
  rebindingSeconds?: number;
  /** Options not modelled above, in the order found, their data as sent. */
  other?: { code: number; data: Uint8Array }[];
}

export type DhcpOptionsResult = { ok: true; options: DhcpOptions } | { ok: false; error: string };

const ADDRESS_LISTS = [
  [DHCP_OPTION.router, 'routers'],
  [DHCP_OPTION.dnsServer, 'dnsServers'],
] as const;
const ADDRESSES = [
  [DHCP_OPTION.subnetMask, 'subnetMask'],
  [DHCP_OPTION.requestedIp, 'requestedIp'],
  [DHCP_OPTION.serverId, 'serverId'],
] as const;
const SECONDS = [
  [DHCP_OPTION.leaseTime, 'leaseSeconds'],
  [DHCP_OPTION.renewalTime, 'renewalSeconds'],
  [DHCP_OPTION.rebindingTime, 'rebindingSeconds'],
] as const;
const TEXTS = [
  [DHCP_OPTION.hostName, 'hostName'],
  [DHCP_OPTION.message, 'message'],
] as const;

/** The option's code, length and data as bytes; throws a RangeError for data over 255 bytes. */
function option(code: number, data: Uint8Array): number[] {
  if (data.length > 255) {
    throw new RangeError(`DHCP option ${code} holds at most 255 bytes, got ${data.length}`);
  }
  return [code, data.length, ...data];
}

function u32(value: number, name: string): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`${name} must be an integer from 0 to 4294967295, got ${value}`);
  }
  const out = new Uint8Array(4);
  writeU32(out, 0, value);
  return out;
}

function ascii(text: string, name: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError(`${name} must be printable ASCII`);
  return new TextEncoder().encode(text);
}

/**
 * The options as bytes: 53 first, then the others by code, the raw ones after them, and End.
 * Throws a RangeError for a value that does not fit its option.
 */
export function encodeDhcpOptions(options: DhcpOptions): Uint8Array {
  const entries = new Map<number, Uint8Array>();
  entries.set(DHCP_OPTION.messageType, Uint8Array.of(DHCP_MESSAGE_TYPE[options.messageType]));
  for (const [code, key] of ADDRESSES) {
    const value = options[key];
    if (value !== undefined) entries.set(code, u32(value, key));
  }
  for (const [code, key] of ADDRESS_LISTS) {
    const list = options[key];
    if (list === undefined) continue;
    if (list.length === 0) throw new RangeError(`${key} needs at least one address`);
    entries.set(code, Uint8Array.from(list.flatMap((a) => [...u32(a, key)])));
  }
  for (const [code, key] of SECONDS) {
    const value = options[key];
    if (value !== undefined) entries.set(code, u32(value, key));
  }
  for (const [code, key] of TEXTS) {
    const value = options[key];
    if (value !== undefined) entries.set(code, ascii(value, key));
  }
  if (options.parameterRequestList !== undefined) {
    const list = options.parameterRequestList;
    if (list.some((c) => !Number.isInteger(c) || c < 1 || c > 254)) {
      throw new RangeError('parameterRequestList holds option codes from 1 to 254');
    }
    entries.set(DHCP_OPTION.parameterRequestList, Uint8Array.from(list));
  }
  const bytes: number[] = [];
  for (const code of [...entries.keys()].sort((a, b) => (a === 53 ? -1 : b === 53 ? 1 : a - b))) {
    bytes.push(...option(code, entries.get(code) as Uint8Array));
  }
  for (const { code, data } of options.other ?? []) {
    if (!Number.isInteger(code) || code < 1 || code > 254 || entries.has(code)) {
      throw new RangeError(`option ${code} cannot be sent raw`);
    }
    bytes.push(...option(code, data));
  }
  bytes.push(DHCP_OPTION.end);
  return Uint8Array.from(bytes);
}

/**
 * Reads options from bytes [start, end) up to End. Repeated options are joined before they are
 * read (RFC 3396). Refused: a truncated option, no End, a length that does not suit the option,
 * no message type or an unknown one, and option overload (52), which this model never sends.
 */
export function decodeDhcpOptions(
  bytes: Uint8Array,
  start: number,
  end: number,
): DhcpOptionsResult {
  const fail = (error: string): DhcpOptionsResult => ({ ok: false, error });
  const found = new Map<number, number[]>();
  let at = start;
  let ended = false;
  while (at < end) {
    const code = bytes[at] as number;
    if (code === DHCP_OPTION.pad) {
      at++;
      continue;
    }
    if (code === DHCP_OPTION.end) {
      ended = true;
      break;
    }
    if (at + 2 > end || at + 2 + (bytes[at + 1] as number) > end) {
      return fail(`option ${code} at byte ${at} runs past the end of the message`);
    }
    const length = bytes[at + 1] as number;
    const data = found.get(code) ?? [];
    data.push(...bytes.subarray(at + 2, at + 2 + length));
    found.set(code, data);
    at += 2 + length;
  }
  if (!ended) return fail('the options have no End option (255)');
  if (found.has(DHCP_OPTION.overload)) return fail('option overload (52) is not supported');
  const type = found.get(DHCP_OPTION.messageType);
  if (type === undefined) return fail('no DHCP message type (option 53): a BOOTP message');
  const messageType = (Object.keys(DHCP_MESSAGE_TYPE) as DhcpMessageType[]).find(
    (name) => DHCP_MESSAGE_TYPE[name] === type[0],
  );
  if (type.length !== 1 || messageType === undefined) {
    return fail(
      `option 53 holds ${type.length === 1 ? `unknown type ${type[0]}` : `${type.length} bytes, not 1`}`,
    );
  }
  found.delete(DHCP_OPTION.messageType);
  const options: DhcpOptions = { messageType };
  for (const [code, key] of [...ADDRESSES, ...SECONDS]) {
    const data = found.get(code);
    if (data === undefined) continue;
    if (data.length !== 4) return fail(`option ${code} holds ${data.length} bytes, not 4`);
    options[key] = readU32(Uint8Array.from(data), 0);
    found.delete(code);
  }
  for (const [code, key] of ADDRESS_LISTS) {
    const data = found.get(code);
    if (data === undefined) continue;
    if (data.length === 0 || data.length % 4 !== 0) {
      return fail(`option ${code} holds ${data.length} bytes, not a non-empty multiple of 4`);
    }
    const list = Uint8Array.from(data);
    options[key] = Array.from({ length: data.length / 4 }, (_, i) => readU32(list, 4 * i));
    found.delete(code);
  }
  for (const [code, key] of TEXTS) {
    const data = found.get(code);
    if (data === undefined) continue;
    options[key] = String.fromCharCode(...data);
    found.delete(code);
  }
  const list = found.get(DHCP_OPTION.parameterRequestList);
  if (list !== undefined) {
    options.parameterRequestList = list;
    found.delete(DHCP_OPTION.parameterRequestList);
  }
  if (found.size > 0) {
    options.other = [...found].map(([code, data]) => ({ code, data: Uint8Array.from(data) }));
  }
  return { ok: true, options };
}
