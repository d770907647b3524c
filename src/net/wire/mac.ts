// MAC addresses (IEEE 802 48-bit identifiers): parsing and formatting in the lower-case colon form
// Linux prints (02:00:0a:00:00:01), the broadcast, group (multicast) and locally administered
// bits, reading and writing them in frames, and deriving an interface's address from its name.
//
// Representation: a plain JS number holding the 48 bits (first octet most significant), branded
// so the type checker keeps it apart from IPv4 addresses and ports. Every 48-bit value is exact in
// a double (below 2^53), so equality is `===`, it is a Map key with no allocation or hashing of
// strings, and it costs nothing per frame; a string would allocate and compare by content, a
// BigInt is slow and not JSON, an object needs a custom key. The price is that JS bit operators
// work on 32 bits, so the first octet is taken by division (`firstOctet`), never by `>>`.

import { readU16, readU32, writeU16, writeU32 } from './bytes.ts';

declare const macBrand: unique symbol;

/** A 48-bit MAC address as an integer in [0, 2^48): 02:00:0a:00:00:01 is 0x02000a000001. */
export type MacAddress = number & { readonly [macBrand]: true };

/** A MAC address, or the reason the text is not one. */
export type MacResult = { ok: true; mac: MacAddress } | { ok: false; error: string };

const TWO_32 = 0x1_0000_0000;
const TWO_40 = 0x100_0000_0000;
const TWO_48 = 0x1_0000_0000_0000;

/** Bytes in a MAC address on the wire. */
export const MAC_LENGTH = 6;

/** The integer as a MAC address; throws a RangeError unless it is an integer in [0, 2^48). */
export function macFromNumber(value: number): MacAddress {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_48) {
    throw new RangeError(`a MAC address is an integer from 0 to 2^48 - 1, got ${value}`);
  }
  return value as MacAddress;
}

/** ff:ff:ff:ff:ff:ff, every station on the segment (IEEE 802-2014 section 8.2.2). */
export const MAC_BROADCAST = macFromNumber(0xffff_ffff_ffff);
/** 00:00:00:00:00:00, used where no address is known (an ARP request's target hardware address). */
export const MAC_ZERO = macFromNumber(0);

/** The first octet transmitted, which carries the I/G and U/L bits. */
export function firstOctet(mac: MacAddress): number {
  return Math.floor(mac / TWO_40);
}

/** Whether this is ff:ff:ff:ff:ff:ff. */
export function isBroadcast(mac: MacAddress): boolean {
  return mac === MAC_BROADCAST;
}

/**
 * Whether the I/G bit (the least significant bit of the first octet, sent first on the wire) is
 * set: a group address (multicast, or the broadcast). A frame's source is never a group address.
 */
export function isMulticast(mac: MacAddress): boolean {
  return (firstOctet(mac) & 0x01) !== 0;
}

/**
 * Whether the U/L bit (the second least significant bit of the first octet) is set: a locally
 * administered address, chosen by software rather than burnt in under a vendor's OUI.
 */
export function isLocallyAdministered(mac: MacAddress): boolean {
  return (firstOctet(mac) & 0x02) !== 0;
}

export { formatMac, macOctets } from './macText.ts';

/**
 * Parses `02:00:0a:00:00:01` (either case; hyphens as Windows writes them are accepted too, but
 * not a mix). Each octet is exactly two hex digits, so `2:0:a:0:0:1` is refused with the reason.
 */
export function parseMac(text: string): MacResult {
  const trimmed = text.trim();
  const fail = (why: string): MacResult => ({
    ok: false,
    error: `"${text}" is not a MAC address: ${why}; expected six pairs of hex digits like 02:00:0a:00:00:01`,
  });
  if (trimmed === '') return fail('it is empty');
  const separator = trimmed.includes(':') ? ':' : '-';
  const parts = trimmed.split(separator);
  if (parts.length !== MAC_LENGTH) return fail(`it has ${parts.length} parts`);
  let value = 0;
  for (const part of parts) {
    if (!/^[0-9a-fA-F]{2}$/.test(part)) return fail(`"${part}" is not two hex digits`);
    value = value * 256 + parseInt(part, 16);
  }
  return { ok: true, mac: value as MacAddress };
}

/** Writes the address as six octets at `offset`. */
export function writeMac(out: Uint8Array, offset: number, mac: MacAddress): void {
  writeU16(out, offset, Math.floor(mac / TWO_32));
  writeU32(out, offset + 2, mac >>> 0);
}

/** Reads six octets at `offset` as an address. */
export function readMac(bytes: Uint8Array, offset: number): MacAddress {
  return (readU16(bytes, offset) * TWO_32 + readU32(bytes, offset + 2)) as MacAddress;
}

// --- Deterministic addresses for simulated interfaces ---

/**
 * The first two octets of every derived address: 0x02 sets the U/L bit (locally administered)
 * and clears the I/G bit (unicast), as Docker's 02:42:... addresses do: an address made by
 * software, which never collides with a vendor's burnt-in (universally administered) one; 0x00
 * after it leaves 32 bits for the name's hash.
 */
export const DERIVED_MAC_PREFIX = 0x0200;

/** FNV-1a, 32-bit, over the UTF-8 bytes of `text`: small, fast and the same on every platform. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** The key a node's interface is derived from: the node id and the interface name, kept apart. */
export function interfaceKey(nodeId: string, interfaceName: string): string {
  return `${nodeId}\u0000${interfaceName}`;
}

/**
 * The address 02:00:hh:hh:hh:hh, hh being FNV-1a of `key` (use `interfaceKey`). It depends only on
 * the name, never on a counter, on the order nodes were added or on the random seed: the same
 * scenario gives the same MACs in every run, in the browser and the CLI, so captures, traces
 * and lessons can name them, and adding a node leaves every other interface's address as it was.
 * Two names may hash alike (about 1 in 4 billion per pair): `assignMacs` settles that.
 */
export function deriveMac(key: string): MacAddress {
  return (DERIVED_MAC_PREFIX * TWO_32 + fnv1a32(key)) as MacAddress;
}

/**
 * Distinct derived addresses for a set of keys. Keys are taken in sorted order; a key whose hash
 * is already taken rehashes `key#1`, `key#2`, ... until it finds a free one. The result depends
 * only on the set of keys, never on the order they are given in.
 */
export function assignMacs(keys: Iterable<string>): Map<string, MacAddress> {
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<MacAddress>();
  const result = new Map<string, MacAddress>();
  for (const key of sorted) {
    let mac = deriveMac(key);
    for (let attempt = 1; taken.has(mac); attempt++) mac = deriveMac(`${key}#${attempt}`);
    taken.add(mac);
    result.set(key, mac);
  }
  return result;
}
