// Damage on the wire as a receiver finds it: every single bit of a TCP, UDP and ICMP packet,
// flipped in turn, is caught by the IPv4 header checksum when it lies in the header and by the
// transport's checksum otherwise; the two ways damage can pass (a UDP checksum flipped to zero,
// two flips that cancel) are read as the bytes say; the bytes on the wire have exactly the bits.
import { describe, expect, it } from 'vitest';
import { readU16 } from './bytes.ts';
import { checkDamage, flipBit, wireBytes } from './corruption.ts';
import { ipHeaderLength, ipv4Header, tcpFlags, wireSize, type Packet } from './packet.ts';
import { encodePacket } from './packetCodec.ts';
import { icmpQuote } from './icmpErrors.ts';
import { UDP_CHECKSUM_OFFSET } from './udp.ts';

const ip = ipv4Header({ src: 0x0a000001, dst: 0x0a000202, identification: 7 });
const payload = Uint8Array.from({ length: 23 }, (_, i) => (i * 37 + 11) & 0xff);

const PACKETS: Packet[] = [
  {
    id: 1,
    ip,
    transport: {
      kind: 'tcp',
      srcPort: 49152,
      dstPort: 80,
      seq: 1000,
      ack: 5000,
      flags: tcpFlags({ ack: true, psh: true }),
      window: 64240,
      urgentPointer: 0,
      options: [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'timestamps', value: 1, echoReply: 2 }],
    },
    payload,
  },
  { id: 2, ip, transport: { kind: 'udp', srcPort: 5353, dstPort: 53 }, payload },
  {
    id: 3,
    ip: { ...ip, options: Uint8Array.of(1, 1, 1, 0) },
    transport: { kind: 'icmp', message: 'echoRequest', identifier: 9, sequence: 4 },
    payload,
  },
];

describe('a flipped bit on the wire', () => {
  it('is in the bytes on the wire, and only that bit', () => {
    const packet = PACKETS[0] as Packet;
    const clean = encodePacket(packet);
    const damaged = wireBytes(flipBit(packet, 8 * 30 + 2));
    const differ = [...clean.keys()].filter((i) => clean[i] !== damaged[i]);
    expect(differ).toEqual([30]);
    expect((clean[30] as number) ^ (damaged[30] as number)).toBe(0x20);
    // Flipping the same bit again restores the packet: no damage left to carry.
    const restored = flipBit(flipBit(packet, 5), 5);
    expect(restored.corruptBits).toBeUndefined();
    expect(wireBytes(restored)).toEqual(clean);
    expect(checkDamage(packet)).toEqual({ caught: undefined, packet });
  });

  it('is in the quote of an ICMP error about the packet, as it arrived', () => {
    const packet = PACKETS[1] as Packet;
    const damaged = flipBit(packet, 8 * 21 + 7); // the UDP source port's low bit
    expect([...icmpQuote(damaged)]).toEqual([...wireBytes(damaged).slice(0, 28)]);
    expect(icmpQuote(damaged)[21]).toBe((icmpQuote(packet)[21] as number) ^ 1);
  });

  it.each(PACKETS.map((p) => [p.transport.kind, p] as const))(
    'in a %s packet is caught by the IP header checksum in the header, by the transport checksum after it',
    (_kind, packet) => {
      const header = ipHeaderLength(packet.ip) * 8;
      const bits = wireSize(packet) * 8;
      const caught: string[] = [];
      for (let bit = 0; bit < bits; bit++) {
        const check = checkDamage(flipBit(packet, bit));
        caught.push(check.caught ?? 'none');
      }
      expect(caught.slice(0, header)).toEqual(new Array(header).fill('ip'));
      expect(caught.slice(header)).toEqual(new Array(bits - header).fill('transport'));
    },
  );

  it('passes as "no checksum" when it turns a UDP checksum with one bit set into zero', () => {
    // Find two payload bytes that make the UDP checksum a power of two (16 of 65535 values).
    let found: { packet: Packet; bit: number } | undefined;
    for (let x = 0; x < 0x10000 && !found; x++) {
      const packet: Packet = {
        ...(PACKETS[1] as Packet),
        payload: Uint8Array.of(x >> 8, x & 0xff),
      };
      const sum = readU16(encodePacket(packet), 20 + UDP_CHECKSUM_OFFSET);
      if ((sum & (sum - 1)) === 0) {
        const bit = (20 + UDP_CHECKSUM_OFFSET) * 8 + (15 - Math.log2(sum));
        found = { packet, bit };
      }
    }
    if (!found) throw new Error('no payload gives a checksum with one bit set');
    const damaged = flipBit(found.packet, found.bit);
    expect(readU16(wireBytes(damaged), 20 + UDP_CHECKSUM_OFFSET)).toBe(0);
    // The receiver takes it, and it is the datagram that was sent: only the checksum changed.
    const check = checkDamage(damaged);
    expect(check.caught).toBeUndefined();
    expect(check.caught === undefined && check.packet).toEqual(found.packet);
  });

  it('is read as the bytes say when a second flip cancels it in the sum', () => {
    // Bit 0 of two payload words, one 0 -> 1 and one 1 -> 0: the one's complement sum is unchanged.
    const packet: Packet = { ...(PACKETS[0] as Packet), payload: Uint8Array.of(0, 0, 0, 1) };
    const at = wireSize(packet) - 4;
    const damaged = flipBit(flipBit(packet, (at + 1) * 8 + 7), (at + 3) * 8 + 7);
    const check = checkDamage(damaged);
    expect(check.caught).toBeUndefined();
    // The damage no checksum can see is delivered: the data as it arrived.
    expect(check.caught === undefined && [...check.packet.payload]).toEqual([0, 1, 0, 0]);
    expect(check.caught === undefined && check.packet.corruptBits).toBeUndefined();
  });
});
