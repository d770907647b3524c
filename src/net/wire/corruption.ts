// Damage on the wire (a link's `corrupt` setting, like netem's): a packet keeps the fields its
// sender sent and carries the bits a link flipped (`Packet.corruptBits`); its bytes on the wire
// are encodePacket's with those bits flipped, and a receiver finds the damage as a real stack
// does, by the checksum that covers the bit. Over IPv4 every bit of a TCP, UDP or ICMP packet is
// covered: the IP header checksum covers the header, and the transport checksum the transport
// header, the payload and (TCP, UDP) the addresses. A single flipped bit always changes a 16-bit
// one's complement sum, so it is always caught, with one exception: a UDP checksum field with one
// bit set whose bit is flipped reads 0, "no checksum", and the datagram (otherwise intact) passes.

import { readIpv4Header } from './ipv4.ts';
import type { Packet } from './packet.ts';
import { decodePacket, encodePacket } from './packetCodec.ts';

/**
 * The packet with bit `bit` of its bytes flipped, on top of any flipped before (flipping the same
 * bit twice restores it): a new Packet with the same id, frame addresses, fields and payload.
 */
export function flipBit(packet: Packet, bit: number): Packet {
  const before = packet.corruptBits ?? [];
  const bits = before.includes(bit) ? before.filter((b) => b !== bit) : [...before, bit];
  const { id, eth, ip, transport, payload } = packet;
  const flipped: Packet =
    eth === undefined ? { id, ip, transport, payload } : { id, eth, ip, transport, payload };
  if (bits.length > 0) flipped.corruptBits = bits;
  return flipped;
}

/** The packet's bytes as they are on the wire: encodePacket's, with its corrupt bits flipped. */
export function wireBytes(packet: Packet): Uint8Array {
  const bytes = encodePacket(packet);
  for (const bit of packet.corruptBits ?? []) {
    bytes[bit >>> 3] = (bytes[bit >>> 3] as number) ^ (0x80 >>> (bit & 7));
  }
  return bytes;
}

/**
 * What a receiver's checks find in a packet: its IPv4 header checksum fails (or the header no
 * longer parses), the transport's checksum fails (or its header no longer parses), or nothing,
 * and then `packet` is what the bytes say (the packet itself when it is intact; with damage no
 * checksum caught, the damaged fields: a UDP checksum flipped to 0, or two flips that cancel).
 */
export type DamageCheck =
  { caught: 'ip' } | { caught: 'transport' } | { caught: undefined; packet: Packet };

/** Checks a packet's bytes on the wire as IP, then its transport, would (see DamageCheck). */
export function checkDamage(packet: Packet): DamageCheck {
  if (packet.corruptBits === undefined) return { caught: undefined, packet };
  const bytes = wireBytes(packet);
  const decoded = decodePacket(bytes, packet.id);
  if (!decoded.ok) {
    const header = readIpv4Header(bytes);
    return header.ok && header.checksumValid ? { caught: 'transport' } : { caught: 'ip' };
  }
  if (!decoded.wire.ipChecksumValid) return { caught: 'ip' };
  if (decoded.wire.transportChecksumValid === false) return { caught: 'transport' };
  return { caught: undefined, packet: decoded.packet };
}
