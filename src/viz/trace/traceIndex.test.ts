// The trace index against real runs of every scenario in simulations/ (each hop checked against
// its records, queries against brute force), and against a synthetic trace of 100,000 hops.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { countingRecords } from '../../../tests/support/countingRecords.ts';
import { recordList } from '../../engine/traceRecords.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { TraceIndex, type Hop } from './traceIndex.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const DIR = new URL('../../../simulations/', import.meta.url);

function recordsOf(name: string, seed?: number): readonly TraceRecord[] {
  const parsed = parseScenarioText(readFileSync(new URL(name, DIR), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  return runScenario(parsed.scenario, seed === undefined ? {} : { seed }).simulation.sim.trace
    .records;
}

function of<K extends TraceRecord['type']>(
  records: readonly TraceRecord[],
  type: K,
): TraceRecord<K>[] {
  return records.filter((r): r is TraceRecord<K> => r.type === type);
}

/** Which hops show at t, the slow way. */
function bruteForce(hops: readonly Hop[], t: number): number[] {
  return hops
    .filter((h) => h.txBegin <= t && h.visibleUntil >= t)
    .sort((a, b) => a.txBegin - b.txBegin || a.id - b.id)
    .map((h) => h.id);
}

/** Builds an index in uneven batches, as records stream in from a worker. */
function indexInBatches(records: readonly TraceRecord[]): TraceIndex {
  const index = new TraceIndex();
  for (let i = 0, size = 1; i < records.length; i += size, size = (size * 7) % 97) {
    index.append(records.slice(i, i + size));
  }
  return index;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('TraceIndex on real runs', () => {
  it.each(files)('%s: one hop per transmission or queue drop, matching its records', (name) => {
    const records = recordsOf(name);
    const index = indexInBatches(records);
    expect(index.records).toBe(records.length);
    const begins = of(records, 'link.txBegin');
    const drops = of(records, 'queue.drop');
    const duplicates = of(records, 'link.impair').filter((r) => r.effect === 'duplicate');
    expect(index.hops).toHaveLength(begins.length + drops.length + duplicates.length);
    // Hops are in start order.
    for (let i = 1; i < index.hops.length; i++) {
      expect(index.hops[i]!.txBegin).toBeGreaterThanOrEqual(index.hops[i - 1]!.txBegin);
    }
    const byKey = new Map(
      index.hops.filter((h) => !h.duplicate).map((h) => [`${h.link}#${h.pkt}#${h.txBegin}`, h]),
    );
    for (const b of begins) {
      const hop = byKey.get(`${b.link}#${b.pkt}#${b.t}`);
      expect(hop, `hop of packet #${b.pkt} on ${b.link}`).toBeDefined();
      expect(hop!.fromNode).toBe(b.node);
      expect(hop!.fromIface).toBe(b.iface);
      expect(hop!.bytes).toBe(b.bytes);
      expect(hop!.packet).toBe(b.packet);
    }
    const ends = of(records, 'link.txEnd');
    for (const e of ends) {
      const hop = index.hops.find((h) => h.link === e.link && h.pkt === e.pkt && h.txEnd === e.t);
      expect(hop?.fromNode).toBe(e.node);
    }
    for (const rx of of(records, 'link.rx')) {
      const hop = index.hops.find((h) => h.link === rx.link && h.pkt === rx.pkt && h.rx === rx.t);
      expect(hop?.toNode).toBe(rx.node);
      expect(hop?.toIface).toBe(rx.iface);
      expect(hop!.txEnd!).toBeLessThanOrEqual(rx.t);
      expect(hop!.visibleUntil).toBe(rx.t);
    }
    for (const lost of of(records, 'link.lost')) {
      const hop = index.hops.find((h) => h.link === lost.link && h.pkt === lost.pkt && h.drop);
      expect(hop?.drop).toEqual({ t: lost.t, reason: lost.reason, atQueue: false });
      expect(hop!.visibleUntil).toBeGreaterThan(lost.t);
    }
    for (const drop of drops) {
      const hop = index.hops.find((h) => h.pkt === drop.pkt && h.drop?.atQueue);
      expect(hop?.txBegin).toBe(drop.t);
      expect(hop?.drop?.reason).toBe(drop.reason);
      expect(hop?.bytes).toBe(drop.bytes);
    }
    // Every hop is closed: the runs end with nothing in flight, or the hop is still in flight.
    const inFlight = index.hops.filter((h) => h.visibleUntil === Infinity);
    for (const h of inFlight) expect(h.rx ?? h.drop).toBeNull();
    // Markers: every drop (at a queue, on a link, by a firewall), socket state and retransmission.
    const count = (kind: string) => index.markers.filter((m) => m.kind === kind).length;
    const refused = of(records, 'fw.verdict').filter((r) => r.verdict !== 'ACCEPT');
    expect(count('drop')).toBe(drops.length + of(records, 'link.lost').length + refused.length);
    expect(count('state')).toBe(of(records, 'socket.state').length);
    expect(count('retransmit')).toBe(of(records, 'tcp.retransmit').length);
  });

  it.each(files)('%s: hops at any moment agree with brute force', (name) => {
    const records = recordsOf(name);
    const index = indexInBatches(records);
    const times = [...new Set(records.map((r) => r.t))];
    const probes = times.flatMap((t, i) => [t, t - 1, (t + (times[i + 1] ?? t + 10)) / 2]);
    for (const t of probes) {
      expect(
        index.hopsAt(t).map((h) => h.id),
        `at ${t}`,
      ).toEqual(bruteForce(index.hops, t));
    }
  });

  it.each(files)('%s: next and previous event times step through the records', (name) => {
    const records = recordsOf(name);
    const index = indexInBatches(records);
    const times = [...new Set(records.map((r) => r.t))];
    expect(index.eventTimes).toEqual(times);
    expect(index.nextTime(-1)).toBe(times[0]);
    for (let i = 0; i < times.length; i++) {
      expect(index.nextTime(times[i]!)).toBe(times[i + 1] ?? null);
      expect(index.previousTime(times[i]!)).toBe(times[i - 1] ?? null);
      expect(index.nextTime(times[i]! - 0.5)).toBe(times[i]);
    }
    const packetTypes = new Set([
      'link.txBegin',
      'link.txEnd',
      'link.rx',
      'link.lost',
      'queue.drop',
    ]);
    const packetTimes = [
      ...new Set(records.filter((r) => packetTypes.has(r.type)).map((r) => r.t)),
    ];
    let t = -1;
    for (const expected of packetTimes) {
      t = index.nextPacketTime(t) ?? NaN;
      expect(t).toBe(expected);
    }
    expect(index.nextPacketTime(t)).toBeNull();
    expect(index.previousPacketTime(packetTimes[1]!)).toBe(packetTimes[0]);
    expect(index.lastTime).toBe(records[records.length - 1]!.t);
  });

  it('marks every hop of a retransmitted TCP segment, and only those', () => {
    const records = recordsOf('tcp-bulk-transfer.json');
    const index = new TraceIndex();
    index.append(records);
    const retransmits = of(records, 'tcp.retransmit');
    expect(retransmits.length).toBeGreaterThan(0);
    // Each retransmission is the first later transmission (or queue drop) of its sender with
    // the same source port and sequence number.
    const marked = new Set(index.hops.filter((h) => h.retransmit).map((h) => h.pkt));
    const expected = new Set<number>();
    for (const r of retransmits) {
      const port = Number(r.conn.slice(r.conn.indexOf(':') + 1, r.conn.indexOf('>')));
      const first = records.find(
        (x) =>
          x.t >= r.t &&
          ((x.type === 'link.txBegin' &&
            carriesIp(x) &&
            x.node === r.node &&
            x.packet.transport.kind === 'tcp' &&
            x.packet.transport.srcPort === port &&
            x.packet.transport.seq === r.seq &&
            !expected.has(x.pkt)) ||
            (x.type === 'queue.drop' && x.node === r.node && x.t === r.t)),
      ) as TraceRecord<'link.txBegin'> | TraceRecord<'queue.drop'>;
      expect(first, `the retransmission at ${r.t}`).toBeDefined();
      expected.add(first.pkt);
    }
    expect(marked).toEqual(expected);
    // A retransmitted packet is marked on both links it crosses.
    const forwarded = index.hops.filter((h) => h.retransmit && h.link === 'wan');
    expect(forwarded.length).toBeGreaterThan(0);
    expect(index.hops.filter((h) => h.retransmit && h.link === 'lan').length).toBeGreaterThan(0);
    expect(index.hops.every((h) => !h.retransmit || h.protocol === 'tcp')).toBe(true);
  });

  it('colours by protocol: UDP for the default ping, TCP for the upload, ARP for both', () => {
    const ping = new TraceIndex();
    ping.append(recordsOf('ping-over-a-link.json'));
    expect(new Set(ping.hops.map((h) => h.protocol))).toEqual(new Set(['arp', 'udp']));
    const upload = new TraceIndex();
    upload.append(recordsOf('tcp-bulk-transfer.json'));
    expect(new Set(upload.hops.map((h) => h.protocol))).toEqual(new Set(['arp', 'tcp']));
  });
});

/** A small UDP packet for synthetic traces. */
function packet(id: number): Packet {
  return {
    id,
    ip: {
      version: 4,
      dscp: 0,
      ecn: 0,
      identification: 0,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      src: 0x0a000001,
      dst: 0x0a000002,
    },
    transport: { kind: 'udp', srcPort: 5000, dstPort: 7 },
    payload: new Uint8Array(8),
  };
}

/** Records of `count` packets over a few links: starts spread over time, varied transits. */
function syntheticTrace(count: number): TraceRecord[] {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const events: TraceRecord[] = [];
  let t = 0;
  for (let pkt = 1; pkt <= count; pkt++) {
    t += Math.floor(random() * 2000);
    const link = `l${pkt % 5}`;
    const serialise = 100 + Math.floor(random() * 1000);
    const transit = serialise + (pkt % 5) * 3000 + Math.floor(random() * 500);
    const common = { link, node: 'a', iface: 'eth0', pkt };
    events.push({ t, type: 'link.txBegin', ...common, bytes: 36, packet: packet(pkt) });
    events.push({ t: t + serialise, type: 'link.txEnd', ...common });
    if (pkt % 97 === 0) {
      events.push({ t: t + transit, type: 'link.lost', ...common, reason: 'loss' });
    } else {
      events.push({ t: t + transit, type: 'link.rx', ...common, node: 'b', packet: packet(pkt) });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

describe('TraceIndex on a big synthetic trace', () => {
  it('answers hopsAt for 100,000 hops exactly, and appends in batches', () => {
    const records = syntheticTrace(100_000);
    const index = new TraceIndex();
    for (let i = 0; i < records.length; i += 10_000) index.append(records.slice(i, i + 10_000));
    expect(index.hops).toHaveLength(100_000);
    const end = index.lastTime;
    for (let k = 0; k < 200; k++) {
      const t = Math.floor((end * k) / 199);
      expect(index.hopsAt(t).map((h) => h.id)).toEqual(bruteForce(index.hops, t));
    }
  });

  it('shows a duplicated packet twice: same departure, each arrival', () => {
    const common = { link: 'l', node: 'a', iface: 'eth0', pkt: 1 };
    const index = new TraceIndex();
    index.append([
      { t: 0, type: 'link.txBegin', ...common, bytes: 36, packet: packet(1) },
      { t: 0, type: 'link.impair', ...common, effect: 'duplicate' },
      { t: 10, type: 'link.txEnd', ...common },
      { t: 5, type: 'link.txBegin', ...common, pkt: 2, bytes: 36, packet: packet(2) },
      { t: 100, type: 'link.rx', ...common, node: 'b', packet: packet(1) },
      { t: 105, type: 'link.rx', ...common, pkt: 2, node: 'b', packet: packet(2) },
      { t: 150, type: 'link.rx', ...common, node: 'b', packet: packet(1) },
    ] as TraceRecord[]);
    expect(index.hops.map((h) => [h.pkt, h.txBegin, h.rx, h.duplicate])).toEqual([
      [1, 0, 100, false],
      [1, 0, 150, true],
      [2, 5, 105, false],
    ]);
    expect(index.hopsAt(120).map((h) => h.pkt)).toEqual([1]);
    expect(index.hopsAt(100).map((h) => h.rx)).toEqual([100, 150, 105]);
  });

  it('keeps a hop whose arrival is not recorded yet in flight', () => {
    const index = new TraceIndex();
    const common = { link: 'l', node: 'a', iface: 'eth0', pkt: 1 };
    index.append([{ t: 10, type: 'link.txBegin', ...common, bytes: 36, packet: packet(1) }]);
    expect(index.hopsAt(5)).toEqual([]);
    expect(index.hopsAt(1e9).map((h) => h.pkt)).toEqual([1]);
    index.append([
      { t: 20, type: 'link.txEnd', ...common },
      { t: 50, type: 'link.rx', ...common, node: 'b', packet: packet(1) },
    ]);
    expect(index.hopsAt(1e9)).toEqual([]);
    expect(index.hopsAt(50).map((h) => h.rx)).toEqual([50]);
    expect(index.transitOf('l')).toBe(40);
  });

  it('reads a hop’s packet from the trace when asked, once, and holds none before', () => {
    const records = recordsOf('ping-over-a-link.json');
    const { list: counted, built } = countingRecords(records);
    const index = new TraceIndex();
    index.appendFrom(counted, 0);
    // Only the types the index reads were built, each once.
    const indexed = new Set(['link.txBegin', 'link.txEnd', 'link.rx', 'link.lost', 'queue.drop']);
    indexed.add('socket.state').add('tcp.retransmit');
    expect(built()).toBe(records.filter((r) => indexed.has(r.type)).length);
    const hop = index.hops[3] as Hop;
    const sent = of(records, 'link.txBegin').filter(
      (r) => r.pkt === hop.pkt && r.link === hop.link,
    );
    const before = built();
    expect(hop.packet).toBe(sent[0]?.packet);
    expect(hop.packet).toBe(sent[0]?.packet);
    expect(built()).toBe(before + 1);
    expect(() => index.appendFrom(recordList(records), 0)).toThrow(/reads one trace/);
  });
});
