// ARP packets for IPv4 over Ethernet (RFC 826): requests and replies, the gratuitous forms of
// RFC 5227 (probe and announcement), their 28 bytes on the wire, and the Ethernet header each
// travels under. The cache that learns from them is arpCache.ts.

import { assertUint, readU16, readU32, writeU16, writeU32 } from './bytes.ts';
import { ETHERTYPE, type EthernetHeader } from './ethernet.ts';
import type { Ipv4Address } from './ipv4Address.ts';
import { MAC_BROADCAST, MAC_ZERO, readMac, writeMac, type MacAddress } from './mac.ts';

/** ar$hrd for Ethernet (IANA ARP hardware types; RFC 826 names it ares_hrd$Ethernet). */
export const ARP_HTYPE_ETHERNET = 1;
/** ar$pro for IPv4: its EtherType. */
export const ARP_PTYPE_IPV4 = ETHERTYPE.ipv4;
/** ar$op: 1 request, 2 reply (RFC 826). */
export const ARP_OPCODE = { request: 1, reply: 2 } as const;
import { ARP_LENGTH } from './frameSizes.ts';

export { ARP_LENGTH };

/** An ARP packet for IPv4 over Ethernet; hrd, pro, hln and pln are fixed (1, 0x0800, 6, 4). */
export interface ArpPacket {
  operation: 'request' | 'reply';
  /** sha: the sender's MAC. */
  senderMac: MacAddress;
  /** spa: the sender's IPv4 address; 0.0.0.0 in an RFC 5227 probe. */
  senderIp: Ipv4Address;
  /** tha: the target's MAC; unknown, so zero, in a request. */
  targetMac: MacAddress;
  /** tpa: the address being asked about, or the asker's in a reply. */
  targetIp: Ipv4Address;
}

export type ArpDecodeResult = { ok: true; arp: ArpPacket } | { ok: false; error: string };

/** Encodes the 28-byte packet (an Ethernet frame's payload; the frame pads it to 60). */
export function encodeArp(arp: ArpPacket): Uint8Array {
  assertUint('ARP sender IP', arp.senderIp, 32);
  assertUint('ARP target IP', arp.targetIp, 32);
  const out = new Uint8Array(ARP_LENGTH);
  writeU16(out, 0, ARP_HTYPE_ETHERNET);
  writeU16(out, 2, ARP_PTYPE_IPV4);
  out[4] = 6;
  out[5] = 4;
  writeU16(out, 6, ARP_OPCODE[arp.operation]);
  writeMac(out, 8, arp.senderMac);
  writeU32(out, 14, arp.senderIp);
  writeMac(out, 18, arp.targetMac);
  writeU32(out, 24, arp.targetIp);
  return out;
}

/**
 * Decodes an ARP packet from the start of `bytes` (an Ethernet payload: padding after the 28
 * bytes is ignored). Anything but Ethernet/IPv4 with opcode 1 or 2 is refused with the reason.
 */
export function decodeArp(bytes: Uint8Array): ArpDecodeResult {
  if (bytes.length < ARP_LENGTH) {
    return { ok: false, error: `an ARP packet needs 28 bytes, only ${bytes.length} present` };
  }
  const htype = readU16(bytes, 0);
  const ptype = readU16(bytes, 2);
  if (htype !== ARP_HTYPE_ETHERNET || ptype !== ARP_PTYPE_IPV4) {
    return {
      ok: false,
      error: `hardware type ${htype} and protocol 0x${ptype.toString(16)} are not Ethernet (1) and IPv4 (0x800)`,
    };
  }
  if (bytes[4] !== 6 || bytes[5] !== 4) {
    return {
      ok: false,
      error: `address lengths ${bytes[4]} and ${bytes[5]} are not 6 (MAC) and 4 (IPv4)`,
    };
  }
  const opcode = readU16(bytes, 6);
  if (opcode !== ARP_OPCODE.request && opcode !== ARP_OPCODE.reply) {
    return { ok: false, error: `opcode ${opcode} is neither request (1) nor reply (2)` };
  }
  return {
    ok: true,
    arp: {
      operation: opcode === ARP_OPCODE.request ? 'request' : 'reply',
      senderMac: readMac(bytes, 8),
      senderIp: readU32(bytes, 14),
      targetMac: readMac(bytes, 18),
      targetIp: readU32(bytes, 24),
    },
  };
}

/** "Who has targetIp? Tell senderIp": tha is zero, as Linux sends it (RFC 826 leaves it open). */
export function arpRequest(
  senderMac: MacAddress,
  senderIp: Ipv4Address,
  targetIp: Ipv4Address,
): ArpPacket {
  return { operation: 'request', senderMac, senderIp, targetMac: MAC_ZERO, targetIp };
}

/**
 * The reply to `request` from the station that owns its target address (RFC 826, "swap hardware
 * and protocol fields, putting the local hardware and protocol addresses in the sender fields").
 */
export function arpReply(request: ArpPacket, ownMac: MacAddress): ArpPacket {
  return {
    operation: 'reply',
    senderMac: ownMac,
    senderIp: request.targetIp,
    targetMac: request.senderMac,
    targetIp: request.senderIp,
  };
}

/**
 * An ARP Announcement (RFC 5227 section 2.3), the usual gratuitous ARP: a broadcast request with
 * the sender's own address as both spa and tpa and a zero tha, so every station that holds the
 * address updates its cache (a station boots, or an address moves to a new MAC).
 */
export function arpAnnouncement(mac: MacAddress, ip: Ipv4Address): ArpPacket {
  return { operation: 'request', senderMac: mac, senderIp: ip, targetMac: MAC_ZERO, targetIp: ip };
}

/**
 * An ARP Probe (RFC 5227 section 2.1.1): a request with spa 0.0.0.0 asking for an address the
 * sender wants to use; a reply means someone already has it. It updates no one's cache.
 */
export function arpProbe(mac: MacAddress, ip: Ipv4Address): ArpPacket {
  return { operation: 'request', senderMac: mac, senderIp: 0, targetMac: MAC_ZERO, targetIp: ip };
}

export { isArpProbe, isGratuitous } from './arpForms.ts';

/**
 * The Ethernet header an ARP packet travels under: a request (gratuitous or not) to the
 * broadcast, a reply unicast to the asker (RFC 826), from the sender's MAC.
 */
export function arpEthernetHeader(arp: ArpPacket): EthernetHeader {
  return {
    dst: arp.operation === 'request' ? MAC_BROADCAST : arp.targetMac,
    src: arp.senderMac,
    etherType: ETHERTYPE.arp,
  };
}
