import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceStore } from '../../engine/traceStore.ts';
import { traceLineWriter } from '../../engine/traceJson.ts';
import { PackedPackets } from './packedPackets.ts';
import { decodePacket, encodePacket } from './packetCodec.ts';
import { ipv4Header, tcpFlags } from './packet.ts';
import type { Packet } from './packet.ts';
import { PUBLISHED_SYN } from '../../../tests/support/publishedPackets.ts';

const json = (packet: unknown) => traceLineWriter()({ t: 0, type: 'p', packet } as never);

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const anyTcpUdp = fc.record({
  id: fc.integer({ min: 1, max: 0x7fffffff }),
  dscp: fc.integer({ min: 0, max: 63 }),
  ecn: fc.integer({ min: 0, max: 3 }),
  identification: u16,
  dontFragment: fc.boolean(),
  moreFragments: fc.boolean(),
  fragmentOffset: fc.integer({ min: 0, max: 0x1fff }),
  ttl: fc.integer({ min: 0, max: 255 }),
  src: u32,
  dst: u32,
  tcp: fc.boolean(),
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  window: u16,
  urgentPointer: u16,
  payload: fc.uint8Array({ maxLength: 40 }),
});

function build(f: typeof anyTcpUdp extends fc.Arbitrary<infer T> ? T : never): Packet {
  const [cwr, ece, urg, ack, psh, rst, syn, fin] = f.flags as boolean[];
  const { dscp, ecn, identification, dontFragment, moreFragments, fragmentOffset, ttl } = f;
  const ip = ipv4Header({
    src: f.src,
    dst: f.dst,
    dscp,
    ecn,
    identification,
    dontFragment,
    moreFragments,
    fragmentOffset,
    ttl,
  });
  const transport = f.tcp
    ? {
        kind: 'tcp' as const,
        srcPort: f.srcPort,
        dstPort: f.dstPort,
        seq: f.seq,
        ack: f.ack,
        flags: tcpFlags({ cwr, ece, urg, ack, psh, rst, syn, fin }),
        window: f.window,
        urgentPointer: f.urgentPointer,
        options: [],
      }
    : { kind: 'udp' as const, srcPort: f.srcPort, dstPort: f.dstPort };
  return { id: f.id, ip, transport, payload: f.payload };
}

describe('PackedPackets', () => {
  it('rebuilds a published SYN (with TCP options) to the same fields, JSON and wire bytes', () => {
    const decoded = decodePacket(PUBLISHED_SYN, 7);
    if (!decoded.ok) throw new Error(decoded.error);
    const packets = new PackedPackets();
    const handle = packets.pack(decoded.packet);
    expect(handle).toBe(0);
    const rebuilt = packets.unpack(handle);
    expect(rebuilt).not.toBe(decoded.packet);
    expect(rebuilt).toEqual(decoded.packet);
    expect(json(rebuilt)).toBe(json(decoded.packet));
    // The checksum is computed on encoding, so the bytes are the published ones with it fixed.
    expect(encodePacket(rebuilt)).toEqual(encodePacket(decoded.packet));
  });

  it('rebuilds any TCP or UDP packet exactly, key order included', () => {
    fc.assert(
      fc.property(anyTcpUdp, (fields) => {
        const packet = build(fields);
        const packets = new PackedPackets();
        const rebuilt = packets.unpack(packets.pack(packet));
        expect(rebuilt).toEqual(packet);
        expect(json(rebuilt)).toBe(json(packet));
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('packs a packet named by several records once, and leaves what it cannot pack alone', () => {
    const packets = new PackedPackets();
    const packet = build(fc.sample(anyTcpUdp, { numRuns: 1, seed: 3 })[0] as never);
    expect(packets.pack(packet)).toBe(packets.pack(packet));
    expect(packets.length).toBe(1);
    const icmp: Packet = {
      id: 2,
      ip: ipv4Header({ src: 1, dst: 2 }),
      transport: { kind: 'icmp', message: 'echoRequest', identifier: 1, sequence: 1 },
      payload: new Uint8Array(0),
    };
    expect(packets.pack(icmp)).toBe(-1);
    const withIpOptions = { ...packet, ip: { ...packet.ip, options: new Uint8Array(4) } };
    expect(packets.pack(withIpOptions)).toBe(-1);
    const badTtl = { ...packet, ip: { ...packet.ip, ttl: 256 } };
    expect(packets.pack(badTtl)).toBe(-1);
    // A packet a link damaged keeps its flipped bits: it stays an object.
    expect(packets.pack({ ...packet, corruptBits: [100] })).toBe(-1);
    expect(packets.length).toBe(1);
  });

  it('in a trace store, keeps packets in columns and gives back equal ones', () => {
    const store = new TraceStore();
    store.usePacker('packet', new PackedPackets());
    const packet = build(fc.sample(anyTcpUdp, { numRuns: 1, seed: 5 })[0] as never);
    const icmp: Packet = {
      id: 9,
      ip: ipv4Header({ src: 1, dst: 2 }),
      transport: { kind: 'icmp', message: 'echoReply', identifier: 1, sequence: 1 },
      payload: new Uint8Array([1, 2]),
    };
    store.push({ t: 1, type: 'link.txBegin', link: 'l', pkt: packet.id, packet });
    store.push({ t: 2, type: 'link.rx', link: 'l', pkt: packet.id, packet });
    store.push({ t: 3, type: 'link.rx', link: 'l', pkt: 9, packet: icmp });
    const damaged: Packet = { ...packet, corruptBits: [42] };
    store.push({ t: 4, type: 'link.rx', link: 'l', pkt: packet.id, packet: damaged });
    expect(store.get(3)?.packet).toBe(damaged);
    const [a, b, c] = [0, 1, 2].map((i) => store.get(i));
    // Rebuilt from columns (a new object), not the packet kept; what the store could not pack
    // (ICMP) it keeps as it was.
    expect(a?.packet).not.toBe(packet);
    expect(a?.packet).toEqual(packet);
    expect(b?.packet).toEqual(packet);
    expect(c?.packet).toBe(icmp);
  });
});
