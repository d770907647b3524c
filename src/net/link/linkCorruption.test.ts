// Corruption on a link (`corrupt`): the share of damaged packets against the binomial, the bit
// drawn over the packet's bytes, the damage carried by the packet on the wire (txBegin, rx) and
// named in `link.corrupt`, never on a lost packet, on both copies of a duplicated one; and a link
// without the setting draws as before.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';
import { carriesIp } from './linkRecords.ts';
import { ipPacketOf } from '../wire/frame.ts';

const MS = 1_000_000;
const US = 1_000;

/** A UDP packet of `bytes` bytes on the wire. */
function udp(id: number, bytes: number): Packet {
  return {
    id,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002 }),
    transport: { kind: 'udp', srcPort: 1000, dstPort: 2000 },
    payload: new Uint8Array(bytes - 28),
  };
}

class Probe implements Attachable {
  port!: LinkPort;
  readonly name = 'eth0';
  readonly arrivals: Packet[] = [];
  constructor(readonly node: string) {}
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(packet: Packet): void {
    this.arrivals.push(packet);
  }
}

/** Sends `count` packets a -> b, 100 µs apart, sizes cycling through 60, 125 and 1500 bytes. */
function run(count: number, config: Partial<PointToPointLinkConfig>, seed = 11) {
  const sim = new Simulator({ seed });
  const a = new Probe('a');
  const b = new Probe('b');
  const link = new PointToPointLink(sim, { id: 'l1', bandwidth: 1e9, delay: 2 * MS, ...config });
  link.connect(a, b);
  const sizes = [60, 125, 1500];
  for (let i = 0; i < count; i++) {
    sim.schedule(i * 100 * US, () => a.port.send(udp(i + 1, sizes[i % 3] as number)));
  }
  sim.run();
  return { sim, b, corrupt: sim.trace.ofType('link.corrupt') };
}

describe('corruption on a link', () => {
  it('damages close to the configured share of packets, one bit each, anywhere in its bytes', () => {
    const n = 30_000;
    const p = 0.01;
    const { corrupt, b } = run(n, { corrupt: p });
    // n p = 300, sd = sqrt(30000 * 0.01 * 0.99) = 17.2: within 300 +- 86.
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(corrupt.length - n * p)).toBeLessThan(5 * sd);
    // Every packet arrives, damaged or not; the damaged ones carry their bit.
    expect(b.arrivals).toHaveLength(n);
    const damaged = b.arrivals.filter((packet) => packet.corruptBits !== undefined);
    expect(damaged.map((packet) => [packet.id, packet.corruptBits])).toEqual(
      corrupt.map((r) => [r.pkt, [r.bit]]),
    );
    // The bit lies in the packet's bytes, and all over them: its mean position is about half.
    const sizeOf = (pkt: number) => [60, 125, 1500][(pkt - 1) % 3] as number;
    const shares = corrupt.map((r) => r.bit / (sizeOf(r.pkt) * 8));
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shares)).toBeLessThan(1);
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
    // Uniform on [0, 1): sd 1 / sqrt(12) per draw.
    expect(Math.abs(mean - 0.5)).toBeLessThan((5 * Math.sqrt(1 / 12)) / Math.sqrt(shares.length));
  });

  it('puts the damaged packet on the wire: txBegin and rx carry the bit, the sender keeps its own', () => {
    const { sim, corrupt } = run(2000, { corrupt: 0.05 });
    expect(corrupt.length).toBeGreaterThan(0);
    const first = corrupt[0]!;
    const tx = sim.trace.ofType('link.txBegin').find((r) => r.pkt === first.pkt)!;
    const rx = sim.trace
      .ofType('link.rx')
      .filter(carriesIp)
      .find((r) => r.pkt === first.pkt)!;
    expect(ipPacketOf(tx.packet).corruptBits).toEqual([first.bit]);
    expect(rx.packet).toBe(tx.packet);
    // The record follows the packet's txBegin, at the same moment.
    expect(first.t).toBe(tx.t);
  });

  it('never damages a lost packet, and damages both copies of a duplicated one', () => {
    const { sim, b, corrupt } = run(20_000, { corrupt: 0.2, loss: 0.3, duplicate: 0.3 });
    const lost = new Set(sim.trace.ofType('link.lost').map((r) => r.pkt));
    expect(corrupt.filter((r) => lost.has(r.pkt))).toEqual([]);
    const duplicated = new Set(sim.trace.ofType('link.impair').map((r) => r.pkt));
    const both = corrupt.filter((r) => duplicated.has(r.pkt));
    expect(both.length).toBeGreaterThan(100);
    for (const r of both) {
      const copies = b.arrivals.filter((packet) => packet.id === r.pkt);
      expect(copies.map((packet) => packet.corruptBits)).toEqual([[r.bit], [r.bit]]);
    }
  });

  it('draws nothing on a link without it: the same fates as before', () => {
    const fates = (config: Partial<PointToPointLinkConfig>) =>
      run(3000, config)
        .sim.trace.records.filter((r) => r.type === 'link.lost' || r.type === 'link.impair')
        .map((r) => `${r.type} ${r.pkt}`);
    const before = fates({ loss: 0.1, duplicate: 0.05 });
    expect(fates({ loss: 0.1, duplicate: 0.05, corrupt: 0 })).toEqual(before);
    // With it, two more draws a packet: the other fates fall differently.
    expect(fates({ loss: 0.1, duplicate: 0.05, corrupt: 0.01 })).not.toEqual(before);
    expect(() => run(1, { corrupt: 1.5 })).toThrow(/corrupt/);
  });
});
