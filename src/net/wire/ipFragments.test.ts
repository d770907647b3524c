import { describe, expect, it } from 'vitest';
import { copiedOptions, fragmentDataSize, fragmentPacket, isFragment } from './ipFragments.ts';
import { decodePacket, encodePacket } from './packetCodec.ts';
import { ipv4Header, type Packet } from './packet.ts';

const SRC = 0x0a000001;
const DST = 0x0a000202;

/** A UDP datagram of `total` bytes (IPv4 total length): 20 + 8 + payload. */
function udpDatagram(total: number, fields: Partial<Packet['ip']> = {}): Packet {
  const payload = new Uint8Array(total - 28);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7 + 3) & 0xff;
  return {
    id: 1,
    ip: ipv4Header({ src: SRC, dst: DST, dontFragment: false, identification: 0x1234, ...fields }),
    transport: { kind: 'udp', srcPort: 49152, dstPort: 7 },
    payload,
  };
}

function counter(from: number): () => number {
  let next = from;
  return () => next++;
}

describe('fragmentPacket (RFC 791 section 3.2)', () => {
  it('cuts a 1500-byte datagram for a 576-byte MTU into 552 + 552 + 376 bytes of data', () => {
    // A 576-byte MTU leaves 576 - 20 (header) = 556 bytes for data; fragments but the last carry
    // a multiple of 8, so 556 rounded down: 552 = 69 * 8. The datagram's data is 1500 - 20 = 1480
    // bytes (8 of UDP header, 1472 of payload): 552 + 552 + 376 = 1480. Offsets in 8-byte units:
    // 0, 552 / 8 = 69, 1104 / 8 = 138. Total lengths: 572, 572, 396 (each 20 + its data).
    const datagram = udpDatagram(1500);
    const fragments = fragmentPacket(datagram, 576, counter(10));
    expect(fragmentDataSize(576, 20)).toBe(552);
    expect(fragments.map((f) => f.payload.length)).toEqual([552, 552, 376]);
    expect(fragments.map((f) => f.ip.fragmentOffset)).toEqual([0, 69, 138]);
    expect(fragments.map((f) => f.ip.moreFragments)).toEqual([true, true, false]);
    expect(fragments.map((f) => encodePacket(f).length)).toEqual([572, 572, 396]);
    expect(fragments.map((f) => f.id)).toEqual([10, 11, 12]);
    for (const f of fragments) {
      expect(f.ip.identification).toBe(0x1234);
      expect(f.ip.dontFragment).toBe(false);
      expect(f.ip.ttl).toBe(datagram.ip.ttl);
      expect(f.transport).toEqual({ kind: 'raw', protocol: 17 });
      expect(isFragment(f.ip)).toBe(true);
    }
    // The data, put back together, is the datagram's bytes after its IP header (UDP header,
    // checksum over the whole datagram, then the payload).
    const joined = new Uint8Array(1480);
    fragments.forEach((f) => joined.set(f.payload, f.ip.fragmentOffset * 8));
    expect(joined).toEqual(encodePacket(datagram).subarray(20));
  });

  it('writes each fragment as bytes that decode to the same fragment', () => {
    for (const f of fragmentPacket(udpDatagram(1500), 576, counter(1))) {
      const decoded = decodePacket(encodePacket(f), f.id);
      expect(decoded.ok && decoded.packet).toEqual(f);
      expect(decoded.ok && decoded.wire.ipChecksumValid).toBe(true);
    }
  });

  it('leaves a datagram that fits alone and untouched, up to the MTU exactly', () => {
    const datagram = udpDatagram(576);
    expect(fragmentPacket(datagram, 576, counter(1))).toEqual([datagram]);
    expect(fragmentPacket(datagram, 576, counter(1))[0]).toBe(datagram);
    expect(fragmentPacket(udpDatagram(577), 576, counter(1))).toHaveLength(2);
  });

  it('cuts a fragment again on a narrower link, offsets from its own and MF as it had', () => {
    // The 552-byte first fragment for MTU 296: 296 - 20 = 276 = 34.5 * 8, so 272 bytes a piece:
    // 272 + 272 + 8; offsets 0, 34, 68; every piece keeps MF, since more fragments follow.
    // The last (376 bytes, offset 138, MF clear) gives 272 + 104 at offsets 138 and 172.
    const [first, , last] = fragmentPacket(udpDatagram(1500), 576, counter(1)) as [
      Packet,
      Packet,
      Packet,
    ];
    const again = fragmentPacket(first, 296, counter(100));
    expect(again.map((f) => [f.ip.fragmentOffset, f.payload.length, f.ip.moreFragments])).toEqual([
      [0, 272, true],
      [34, 272, true],
      [68, 8, true],
    ]);
    const tail = fragmentPacket(last, 296, counter(200));
    expect(tail.map((f) => [f.ip.fragmentOffset, f.payload.length, f.ip.moreFragments])).toEqual([
      [138, 272, true],
      [172, 104, false],
    ]);
  });

  it('keeps the header length with options, copying only copied options after the first', () => {
    // Record Route (type 7, not copied) and a copied option (type 0x82, Security), 12 bytes.
    const options = new Uint8Array([0x82, 4, 0xaa, 0xbb, 7, 7, 4, 0, 0, 0, 0, 0]);
    const datagram = udpDatagram(1500, { options });
    const fragments = fragmentPacket(datagram, 576, counter(1));
    // Every fragment's header is 32 bytes: 576 - 32 = 544 = 68 * 8 bytes of data each, of the
    // 1480 after the header (8 of UDP, 1472 of payload): 544 + 544 + 392.
    expect(fragments.map((f) => f.payload.length)).toEqual([544, 544, 392]);
    expect(fragments[0]?.ip.options).toEqual(options);
    expect(fragments[1]?.ip.options).toEqual(
      new Uint8Array([0x82, 4, 0xaa, 0xbb, 1, 1, 1, 1, 1, 1, 1, 0]),
    );
  });

  it('replaces options without the copied flag by NOPs and stops at End of Options', () => {
    expect(copiedOptions(new Uint8Array([1, 0x83, 3, 9, 0, 0x44, 4, 0]))).toEqual(
      new Uint8Array([1, 0x83, 3, 9, 0, 0x44, 4, 0]),
    );
    expect(copiedOptions(new Uint8Array([0x44, 4, 1, 2]))).toEqual(new Uint8Array([1, 1, 1, 1]));
  });

  it('refuses an MTU with no room for 8 bytes of data', () => {
    expect(() => fragmentPacket(udpDatagram(100), 27, counter(1))).toThrow(RangeError);
  });
});
