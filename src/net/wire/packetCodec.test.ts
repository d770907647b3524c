import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePacket, encodePacket } from './packetCodec.ts';
import { IP_PROTOCOL, ipv4Header, tcpFlags, wireSize } from './packet.ts';
import type { IcmpHeader, Ipv4Header, Packet, TcpHeader, Transport } from './packet.ts';
import type { TcpOption } from './tcpOptions.ts';
import { tcpOptionsLength } from './tcpOptions.ts';
import {
  hex,
  PUBLISHED_SYN,
  PUBLISHED_UDP,
  PUBLISHED_UDP_PADDED,
} from '../../../tests/support/publishedPackets.ts';

// --- Published packets (tcpdump output quoted in public documents) ---

describe('decoding published packets', () => {
  it('decodes a Linux SYN into the fields tcpdump printed, and fixes its checksum', () => {
    // "IP (tos 0x10, ttl 64, id 27210, offset 0, flags [DF], proto TCP (6), length 60)
    //  192.168.101.50.43921 > 192.168.101.60.ssh: Flags [S], cksum 0x4bee (incorrect -> 0x890d),
    //  seq 572719365, win 14600, options [mss 1460,sackOK,TS val 813903 ecr 0,nop,wscale 7]"
    const decoded = decodePacket(PUBLISHED_SYN, 7);
    if (!decoded.ok) throw new Error(decoded.error);
    const { packet, wire } = decoded;
    expect(packet.id).toBe(7);
    expect(packet.ip).toEqual(
      ipv4Header({
        dscp: 0x10 >> 2,
        identification: 27210,
        ttl: 64,
        src: 0xc0a86532,
        dst: 0xc0a8653c,
      }),
    );
    expect(packet.transport).toEqual({
      kind: 'tcp',
      srcPort: 43921,
      dstPort: 22,
      seq: 572719365,
      ack: 0,
      flags: tcpFlags({ syn: true }),
      window: 14600,
      urgentPointer: 0,
      options: [
        { kind: 'mss', value: 1460 },
        { kind: 'sackPermitted' },
        { kind: 'timestamps', value: 813903, echoReply: 0 },
        { kind: 'nop' },
        { kind: 'windowScale', shift: 7 },
      ],
    });
    expect(packet.payload.length).toBe(0);
    expect(wire).toMatchObject({
      totalLength: 60,
      ipHeaderLength: 20,
      protocol: 6,
      ipChecksum: 0x84a2,
      ipChecksumValid: true,
      transportHeaderLength: 40,
      transportChecksum: 0x4bee,
      transportChecksumValid: false,
    });
    expect(wireSize(packet)).toBe(60);
    // Re-encoding yields the same bytes except the checksum, now the one tcpdump computed.
    const expected = PUBLISHED_SYN.slice();
    expected[36] = 0x89;
    expected[37] = 0x0d;
    expect(encodePacket(packet)).toEqual(expected);
  });

  it('decodes and re-encodes a UDP datagram byte for byte', () => {
    const decoded = decodePacket(PUBLISHED_UDP, 1);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.packet.transport).toEqual({ kind: 'udp', srcPort: 37763, dstPort: 1700 });
    expect(decoded.packet.payload.length).toBe(12);
    expect(decoded.wire.transportChecksumValid).toBe(true);
    expect(encodePacket(decoded.packet)).toEqual(PUBLISHED_UDP);
  });

  it('ignores link-layer padding after the IP total length', () => {
    const decoded = decodePacket(PUBLISHED_UDP_PADDED, 2);
    if (!decoded.ok) throw new Error(decoded.error);
    // "(tos 0x20, ttl 46, id 1404, ..., flags [DF], proto UDP (17), length 32)"
    expect(decoded.packet.ip).toMatchObject({ dscp: 0x20 >> 2, ttl: 46, identification: 1404 });
    expect(decoded.wire.totalLength).toBe(32);
    expect(decoded.packet.payload).toEqual(hex('0169 7301'));
    expect(decoded.wire.transportChecksumValid).toBe(true);
    expect(encodePacket(decoded.packet)).toEqual(PUBLISHED_UDP_PADDED.subarray(0, 32));
  });

  it.each([
    ['a short buffer', hex('4500 0014'), /needs 20 bytes/],
    ['IPv6', hex('6000 0000 0000 1140 ' + '00'.repeat(32)), /version is 6/],
    ['an IHL below 5', hex('4400 0014 0000 0000 4006 0000 0000 0000 0000 0000'), /less than 20/],
    ['a total length past the end', PUBLISHED_UDP.subarray(0, 30), /more than the 30 bytes/],
    ['a UDP length that disagrees with IP', patch(PUBLISHED_UDP, 25, 0x13), /UDP length 19/],
    ['a TCP data offset past the end', patch(PUBLISHED_SYN, 32, 0xf0), /runs past/],
    ['a TCP option overrunning its header', patch(PUBLISHED_SYN, 41, 0x30), /does not fit/],
  ])('refuses %s with a reason', (_name, bytes, why) => {
    const decoded = decodePacket(bytes, 1);
    expect(decoded.ok ? '(decoded)' : decoded.error).toMatch(why);
  });
});

function patch(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
}

// --- Arbitrary packets ---

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

const tcpOption: fc.Arbitrary<TcpOption> = fc.oneof(
  fc.constant({ kind: 'nop' as const }),
  fc.record({ kind: fc.constant('mss' as const), value: u16 }),
  fc.record({ kind: fc.constant('windowScale' as const), shift: u8 }),
  fc.constant({ kind: 'sackPermitted' as const }),
  fc.record({
    kind: fc.constant('sack' as const),
    blocks: fc.array(fc.record({ left: u32, right: u32 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('timestamps' as const), value: u32, echoReply: u32 }),
  fc.record({
    kind: fc.constant('unknown' as const),
    type: u8.filter((t) => ![0, 1, 2, 3, 4, 5, 8].includes(t)),
    data: fc.uint8Array({ maxLength: 12 }),
  }),
);

const tcpHeader: fc.Arbitrary<TcpHeader> = fc.record({
  kind: fc.constant('tcp' as const),
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.record({
    cwr: fc.boolean(),
    ece: fc.boolean(),
    urg: fc.boolean(),
    ack: fc.boolean(),
    psh: fc.boolean(),
    rst: fc.boolean(),
    syn: fc.boolean(),
    fin: fc.boolean(),
  }),
  window: u16,
  urgentPointer: u16,
  options: fc.array(tcpOption, { maxLength: 8 }).filter((o) => tcpOptionsLength(o) <= 40),
});

const icmpHeader: fc.Arbitrary<IcmpHeader> = fc.oneof(
  fc.record({
    kind: fc.constant('icmp' as const),
    message: fc.constantFrom('echoRequest' as const, 'echoReply' as const),
    identifier: u16,
    sequence: u16,
  }),
  fc.record({
    kind: fc.constant('icmp' as const),
    message: fc.constant('destinationUnreachable' as const),
    code: u8,
    nextHopMtu: u16,
  }),
  fc.record({
    kind: fc.constant('icmp' as const),
    message: fc.constant('timeExceeded' as const),
    code: u8,
  }),
  fc
    .record({
      kind: fc.constant('icmp' as const),
      message: fc.constant('other' as const),
      type: u8,
      code: u8,
      restOfHeader: u32,
    })
    .filter((h) => {
      // Anything a named message covers decodes as that message instead.
      if ((h.type === 0 || h.type === 8) && h.code === 0) return false;
      if (h.type === 3 && h.restOfHeader >>> 16 === 0) return false;
      return !(h.type === 11 && h.restOfHeader === 0);
    }),
);

const transport: fc.Arbitrary<Transport> = fc.oneof(
  tcpHeader,
  fc.record({ kind: fc.constant('udp' as const), srcPort: u16, dstPort: u16 }),
  icmpHeader,
  fc.record({ kind: fc.constant('raw' as const), protocol: u8 }),
);

function ipHeader(fragment: boolean): fc.Arbitrary<Ipv4Header> {
  return fc.record(
    {
      version: fc.constant(4 as const),
      dscp: fc.integer({ min: 0, max: 63 }),
      ecn: fc.integer({ min: 0, max: 3 }),
      identification: u16,
      dontFragment: fc.boolean(),
      moreFragments: fragment ? fc.boolean() : fc.constant(false),
      fragmentOffset: fragment ? fc.integer({ min: 0, max: 0x1fff }) : fc.constant(0),
      ttl: u8,
      src: u32,
      dst: u32,
      options: fc
        .integer({ min: 1, max: 10 })
        .chain((words) => fc.uint8Array({ minLength: 4 * words, maxLength: 4 * words })),
    },
    {
      requiredKeys: [
        'version',
        'dscp',
        'ecn',
        'identification',
        'dontFragment',
        'moreFragments',
        'fragmentOffset',
        'ttl',
        'src',
        'dst',
      ],
    },
  );
}

const isFragment = (ip: Ipv4Header): boolean => ip.moreFragments || ip.fragmentOffset !== 0;
const KNOWN = [IP_PROTOCOL.icmp, IP_PROTOCOL.tcp, IP_PROTOCOL.udp] as number[];

/** Packets that decode back to themselves: only raw transport may be a fragment or unknown. */
const packet: fc.Arbitrary<Packet> = fc
  .record({
    id: fc.nat(),
    transport,
    fragment: fc.boolean(),
    payload: fc.uint8Array({ maxLength: 1500 }),
  })
  .chain(({ id, transport, fragment, payload }) =>
    ipHeader(fragment && transport.kind === 'raw').map((ip) => ({ id, ip, transport, payload })),
  )
  .filter(
    (p) => p.transport.kind !== 'raw' || isFragment(p.ip) || !KNOWN.includes(p.transport.protocol),
  );

describe('encoding and decoding arbitrary packets', () => {
  it('decodes every encoded packet back to the same packet, with valid checksums (property)', () => {
    fc.assert(
      fc.property(packet, (p) => {
        const bytes = encodePacket(p);
        expect(bytes.length).toBe(wireSize(p));
        const decoded = decodePacket(bytes, p.id);
        if (!decoded.ok) throw new Error(decoded.error);
        expect(decoded.packet).toEqual(p);
        expect(decoded.wire.totalLength).toBe(bytes.length);
        expect(decoded.wire.ipChecksumValid).toBe(true);
        expect(decoded.wire.transportChecksumValid).toBe(p.transport.kind === 'raw' ? null : true);
        expect(encodePacket(decoded.packet)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('detects every single-bit error in a checksummed packet (property)', () => {
    const checked = packet.filter((p) => p.transport.kind !== 'raw');
    fc.assert(
      fc.property(checked, fc.nat(), (p, pick) => {
        const bytes = encodePacket(p);
        const bit = pick % (bytes.length * 8);
        bytes[bit >> 3] = (bytes[bit >> 3] as number) ^ (0x80 >> (bit & 7));
        const decoded = decodePacket(bytes, p.id);
        const noticed =
          !decoded.ok ||
          !decoded.wire.ipChecksumValid ||
          decoded.wire.transportChecksumValid !== true;
        expect(noticed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes (property)', () => {
    const ipLike = fc
      .tuple(fc.constantFrom(0x45, 0x46, 0x4f, 0x60, 0x00), fc.uint8Array({ maxLength: 120 }))
      .map(([first, rest]) => Uint8Array.of(first, ...rest));
    fc.assert(
      fc.property(ipLike, (bytes) => {
        const decoded = decodePacket(bytes, 1);
        if (decoded.ok) expect(decoded.wire.totalLength).toBeLessThanOrEqual(bytes.length);
        else expect(decoded.error.length).toBeGreaterThan(0);
      }),
    );
  });

  it('sends a UDP checksum that computes to zero as 0xffff (RFC 768)', () => {
    // Choose the source port so the one's complement sum is 0xffff: the checksum computes to 0.
    // Pseudo-header + header words: src 0, dst 0, protocol 17, length 8, ports, length 8.
    const base = 17 + 8 + 8; // every other word is zero
    const p: Packet = {
      id: 1,
      ip: ipv4Header({ src: 0, dst: 0 }),
      transport: { kind: 'udp', srcPort: 0xffff - base, dstPort: 0 },
      payload: new Uint8Array(0),
    };
    const bytes = encodePacket(p);
    expect([bytes[26], bytes[27]]).toEqual([0xff, 0xff]);
    const decoded = decodePacket(bytes, 1);
    expect(decoded.ok && decoded.wire.transportChecksumValid).toBe(true);
  });

  it('refuses fields that do not fit their bits, naming the field', () => {
    const p: Packet = {
      id: 1,
      ip: ipv4Header({ src: 1, dst: 2 }),
      transport: { kind: 'udp', srcPort: 70000, dstPort: 53 },
      payload: new Uint8Array(0),
    };
    expect(() => encodePacket(p)).toThrow(/UDP source port must be an integer from 0 to 65535/);
    expect(() => encodePacket({ ...p, ip: { ...p.ip, ttl: 256 } })).toThrow(/IP TTL/);
    expect(() =>
      encodePacket({
        ...p,
        transport: { kind: 'raw', protocol: 253 },
        payload: new Uint8Array(65516),
      }),
    ).toThrow(/at most 65535/);
  });
});
