// Captures from a small simulated network: a tap on a link and a capture on an interface give
// the frames the trace says crossed them, at the trace's times, as whole Ethernet frames
// (frameBytes: the header, the IP or ARP packet, the padding), ARP frames included.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { NetNode } from '../ip/netNode.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import { readPcap, type PcapReadRecord } from './pcapReader.ts';
import { LINKTYPE_ETHERNET } from './pcapWriter.ts';
import {
  captureInterface,
  captureLink,
  CaptureError,
  interfaceFrames,
  linkFrames,
} from './traceCapture.ts';
import { frameBytes } from '../wire/frameBytes.ts';
import { carriesIp } from '../link/linkRecords.ts';

const MS = 1_000_000;

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/**
 * Host a, router r, host b. Link "ar" loses and duplicates packets; link "rb" is slow with a
 * one-packet queue, so bursts overflow it. a and b each send UDP datagrams to the other.
 */
function network() {
  const sim = new Simulator({ seed: 5 });
  const a = new NetNode(sim, 'a');
  const r = new NetNode(sim, 'r', { router: true });
  const b = new NetNode(sim, 'b');
  new PointToPointLink(sim, {
    id: 'ar',
    bandwidth: 10e6,
    delay: MS,
    loss: 0.2,
    duplicate: 0.2,
  }).connect(a.addInterface('eth0', '10.0.0.1/24'), r.addInterface('eth0', '10.0.0.254/24'));
  new PointToPointLink(sim, { id: 'rb', bandwidth: 1e6, delay: MS, queue: { packets: 1 } }).connect(
    r.addInterface('eth1', '10.0.1.254/24'),
    b.addInterface('eth0', '10.0.1.2/24'),
  );
  a.setDefaultGateway('10.0.0.254');
  b.setDefaultGateway('10.0.1.254');
  for (const host of [a, b]) host.onDeliver('udp', () => {}); // a listener: no ICMP errors back
  const payload = new Uint8Array(100).fill(0x61);
  for (let i = 0; i < 40; i++) {
    // Bursts of four from a overflow the slow link's queue; b sends at a steady pace.
    sim.scheduleAt(Math.floor(i / 4) * 10 * MS, () =>
      a.send({
        dst: ip('10.0.1.2'),
        transport: { kind: 'udp', srcPort: 4000 + i, dstPort: 9 },
        payload,
      }),
    );
    sim.scheduleAt(i * 3 * MS, () =>
      b.send({ dst: ip('10.0.0.1'), transport: { kind: 'udp', srcPort: 9, dstPort: 5000 + i } }),
    );
  }
  sim.run();
  return sim;
}

const sim = network();
const trace = sim.trace;
const records = trace.records;

function read(pcap: Uint8Array): PcapReadRecord[] {
  const result = readPcap(pcap);
  if (!result.ok) throw new Error(result.error);
  expect(result.file).toMatchObject({ nanoseconds: true, linkType: LINKTYPE_ETHERNET });
  return result.file.records;
}

/** What a capture should hold for these trace records: their times and frames. */
function expected(list: readonly TraceRecord[]): { timeNs: number; bytes: Uint8Array }[] {
  return list.map((r) => {
    if (r.type !== 'link.txBegin' && r.type !== 'link.rx')
      throw new Error(`not a packet: ${r.type}`);
    return { timeNs: r.t, bytes: frameBytes(r.packet) };
  });
}

const ofType = <K extends TraceRecord['type']>(type: K) =>
  records.filter((r): r is TraceRecord<K> => r.type === type);

describe('the simulation under test', () => {
  it('loses, duplicates and queue-drops packets, so the captures below see each case', () => {
    expect(ofType('link.lost').filter((r) => r.link === 'ar').length).toBeGreaterThan(0);
    expect(ofType('link.impair').filter((r) => r.effect === 'duplicate').length).toBeGreaterThan(0);
    expect(ofType('queue.drop').filter((r) => r.link === 'rb').length).toBeGreaterThan(0);
  });
});

describe('captureLink', () => {
  it('holds every packet put on the link, both directions, at its link.txBegin time', () => {
    const sent = ofType('link.txBegin').filter((r) => r.link === 'ar');
    expect(new Set(sent.map((r) => r.node))).toEqual(new Set(['a', 'r']));
    const frames = read(captureLink(trace, 'ar'));
    expect(frames).toHaveLength(sent.length);
    expect(frames.map(({ timeNs, bytes }) => ({ timeNs, bytes }))).toEqual(expected(sent));
    for (const frame of frames) expect(frame.originalLength).toBe(frame.bytes.length);
  });

  it('holds the ARP frames too, each a 60-byte frame of EtherType 0x0806', () => {
    const frames = linkFrames(trace, 'ar');
    const arp = frames.filter((f) => f.bytes[12] === 0x08 && f.bytes[13] === 0x06);
    // a asks for r's MAC; r answers (and learns a's from the request).
    expect(arp.length).toBeGreaterThanOrEqual(2);
    for (const f of arp) expect(f.bytes.length).toBe(60);
    const ipv4 = frames.filter((f) => f.bytes[12] === 0x08 && f.bytes[13] === 0x00);
    expect(ipv4.length + arp.length).toBe(frames.length);
  });

  it('keeps a packet lost on the wire, once, and a duplicated one once', () => {
    const frames = linkFrames(trace, 'ar');
    const sent = ofType('link.txBegin').filter((r) => r.link === 'ar');
    const frameOf = (pkt: number) => {
      const i = sent.findIndex((r) => r.pkt === pkt);
      return i < 0 ? undefined : frames[i];
    };
    const lost = ofType('link.lost').filter((r) => r.link === 'ar');
    const duplicated = ofType('link.impair').filter((r) => r.link === 'ar');
    for (const { pkt } of [...lost, ...duplicated]) {
      const txBegin = sent.find((r) => r.pkt === pkt);
      expect(frameOf(pkt)).toEqual({
        timeNs: txBegin?.t,
        bytes: frameBytes(txBegin!.packet),
      });
      expect(sent.filter((r) => r.pkt === pkt)).toHaveLength(1); // one transmission, one frame
    }
  });

  it('leaves out packets dropped by a full queue: they never reached the wire', () => {
    const sent = ofType('link.txBegin').filter((r) => r.link === 'rb');
    expect(linkFrames(trace, 'rb')).toHaveLength(sent.length);
    // Each of a's packets reaching r (a duplicated one twice) is either sent on rb or dropped
    // by its queue, never both: the capture holds the sent ones only.
    const drops = ofType('queue.drop').filter((r) => r.link === 'rb');
    expect(drops.length).toBeGreaterThan(0);
    const count = (list: readonly { pkt: number }[], pkt: number) =>
      list.filter((r) => r.pkt === pkt).length;
    const arrived = ofType('link.rx').filter((r) => r.node === 'r' && r.iface === 'eth0');
    for (const drop of drops) {
      expect(count(sent, drop.pkt) + count(drops, drop.pkt)).toBe(count(arrived, drop.pkt));
    }
  });

  it('gives the same bytes from a Trace and from its records', () => {
    expect(captureLink(records, 'rb')).toEqual(captureLink(trace, 'rb'));
    expect(captureInterface(records, 'r', 'eth1')).toEqual(captureInterface(trace, 'r', 'eth1'));
  });

  it('passes the writer options on (epoch offset)', () => {
    const first = read(captureLink(trace, 'ar', { epochSeconds: 100 }))[0];
    expect(first?.timeNs).toBe(100e9 + (ofType('link.txBegin')[0]?.t ?? NaN));
  });

  it('names the links that carried packets when asked for one that never did', () => {
    expect(() => captureLink(trace, 'wifi')).toThrow(CaptureError);
    expect(() => captureLink(records, 'wifi')).toThrow(
      'no packet went onto link "wifi" in this trace (links that carried packets: "ar", "rb")',
    );
  });
});

describe('captureInterface', () => {
  it('holds what the interface sent (at txBegin) and received (at link.rx), in time order', () => {
    const seen = records.filter(
      (r) =>
        (r.type === 'link.txBegin' || r.type === 'link.rx') && r.node === 'a' && r.iface === 'eth0',
    );
    const frames = read(captureInterface(trace, 'a', 'eth0'));
    expect(frames.map(({ timeNs, bytes }) => ({ timeNs, bytes }))).toEqual(expected(seen));
    const times = frames.map((f) => f.timeNs);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // a sent 40 datagrams (and its ARP request for r); it received b's replies that survived the
    // lossy link, some twice.
    const sent = seen.filter((r) => r.type === 'link.txBegin');
    const received = seen.filter((r) => r.type === 'link.rx');
    expect(sent.filter((r) => carriesIp(r))).toHaveLength(40);
    expect(received.length).toBeGreaterThan(0);
  });

  it('captures a duplicated packet twice on the receiving interface', () => {
    const duplicated = ofType('link.impair').filter((r) => r.effect === 'duplicate');
    const frames = interfaceFrames(trace, 'r', 'eth0');
    const rx = ofType('link.rx').filter((r) => r.node === 'r' && r.iface === 'eth0');
    const fromA = duplicated.filter((r) => r.node === 'a');
    for (const dup of fromA) expect(rx.filter((r) => r.pkt === dup.pkt)).toHaveLength(2);
    expect(frames.length).toBe(
      rx.length + ofType('link.txBegin').filter((r) => r.node === 'r' && r.iface === 'eth0').length,
    );
  });

  it("on a router's far side, sees forwarded packets with the TTL one lower", () => {
    // IPv4 frames (EtherType 0x0800 at bytes 12-13): the IP header starts at byte 14, its TTL at
    // 14 + 8 and its source address at 14 + 12.
    const ipv4 = (f: { bytes: Uint8Array }) => f.bytes[12] === 0x08 && f.bytes[13] === 0x00;
    const [outgoing] = interfaceFrames(trace, 'r', 'eth1').filter(ipv4);
    const [atA] = linkFrames(trace, 'ar').filter(
      (f) => ipv4(f) && f.bytes[26] === 10 && f.bytes[29] === 1,
    );
    expect(atA?.bytes[22]).toBe(64);
    expect(outgoing?.bytes[22]).toBe(63);
  });

  it('names the interfaces that did send or receive when asked for one that never did', () => {
    expect(() => captureInterface(trace, 'a', 'eth1')).toThrow(
      'interface "a:eth1" sent and received no packet in this trace (interfaces that did: "a:eth0", "b:eth0", "r:eth0", "r:eth1")',
    );
  });
});
