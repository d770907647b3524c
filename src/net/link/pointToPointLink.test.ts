import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { probedLink, udp } from './linkTestHelpers.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';

const MS = 1_000_000;

/** 1 Mb/s and 5 ms unless overridden: 1000 B take 8000 bits / 1e6 b/s = 8 ms to send. */
function setup(config: Partial<PointToPointLinkConfig> = {}) {
  return probedLink(1, { id: 'l1', bandwidth: 1_000_000, delay: 5 * MS, ...config });
}

describe('PointToPointLink timing', () => {
  it('delivers one packet of L bytes after 8L/R + d', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    sim.run();
    // 8 * 1000 / 1e6 s = 8 ms, plus 5 ms propagation = 13 ms.
    expect(b.arrivals).toEqual([[13 * MS, 1]]);
    const begin = sim.trace.ofType('link.txBegin');
    expect(begin.map((r) => [r.t, r.node, r.iface, r.pkt, r.bytes])).toEqual([
      [0, 'a', 'eth0', 1, 1000],
    ]);
    expect(sim.trace.ofType('link.txEnd').map((r) => r.t)).toEqual([8 * MS]);
    expect(sim.trace.ofType('link.rx').map((r) => [r.t, r.node, r.pkt])).toEqual([
      [13 * MS, 'b', 1],
    ]);
  });

  it('rounds the transmission time up to a whole ns', () => {
    // 100 B at 3 Mb/s: 800e9 / 3e6 = 266,666.67 ns -> 266,667 ns; plus d = 1000 ns.
    const { sim, a, b } = setup({ bandwidth: 3_000_000, delay: 1000 });
    a.port.send(udp(1, 100));
    sim.run();
    expect(b.arrivals).toEqual([[267_667, 1]]);
  });

  it('spaces back-to-back packets by their serialisation time 8L/R', () => {
    const { sim, a, b } = setup();
    for (let id = 1; id <= 4; id++) a.port.send(udp(id, 1000));
    sim.run();
    // Packet k (0-based) starts at k * 8 ms and arrives at (k + 1) * 8 ms + 5 ms.
    expect(sim.trace.ofType('link.txBegin').map((r) => r.t)).toEqual(
      [0, 8, 16, 24].map((m) => m * MS),
    );
    expect(b.arrivals).toEqual([
      [13 * MS, 1],
      [21 * MS, 2],
      [29 * MS, 3],
      [37 * MS, 4],
    ]);
  });

  it('sends both directions at once (full duplex)', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    b.port.send(udp(2, 1000));
    sim.run();
    expect(b.arrivals).toEqual([[13 * MS, 1]]);
    expect(a.arrivals).toEqual([[13 * MS, 2]]);
  });

  it('is idle again after a gap: a later packet does not wait', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    sim.schedule(20 * MS, () => a.port.send(udp(2, 500)));
    sim.run();
    // Second: starts at 20 ms, 4000 bits / 1e6 = 4 ms, arrives 20 + 4 + 5 = 29 ms.
    expect(b.arrivals).toEqual([
      [13 * MS, 1],
      [29 * MS, 2],
    ]);
  });
});

describe('PointToPointLink queue', () => {
  it('drops beyond the packet capacity with reason queueFull', () => {
    const { sim, a, b } = setup({ queue: { packets: 2 } });
    for (let id = 1; id <= 5; id++) a.port.send(udp(id, 1000));
    sim.run();
    // 1 goes on the wire, 2 and 3 wait (capacity 2), 4 and 5 are dropped at t = 0.
    const drops = sim.trace.ofType('queue.drop');
    expect(drops.map((r) => [r.t, r.pkt, r.reason, r.bytes])).toEqual([
      [0, 4, 'queueFull', 1000],
      [0, 5, 'queueFull', 1000],
    ]);
    expect(b.arrivals.map(([, id]) => id)).toEqual([1, 2, 3]);
    const lengths = sim.trace.ofType('queue.length');
    expect(lengths.map((r) => [r.t, r.packets, r.bytes])).toEqual([
      [0, 1, 1000],
      [0, 2, 2000],
      [8 * MS, 1, 1000],
      [16 * MS, 0, 0],
    ]);
  });

  it('drops beyond the byte capacity, and takes a later packet that still fits', () => {
    const { sim, a, b } = setup({ queue: { bytes: 2500 } });
    [1000, 1000, 1000, 1000, 500].forEach((size, i) => a.port.send(udp(i + 1, size)));
    sim.run();
    // 1 on the wire; 2 waits (1000 B); 3 waits (2000 B); 4 would make 3000 > 2500: dropped;
    // 5 makes 2500 <= 2500: waits.
    expect(sim.trace.ofType('queue.drop').map((r) => [r.pkt, r.reason])).toEqual([
      [4, 'queueFull'],
    ]);
    // 5 starts when 3 ends at 24 ms, takes 4000 bits / 1e6 = 4 ms: arrives 24 + 4 + 5 = 33 ms.
    expect(b.arrivals).toEqual([
      [13 * MS, 1],
      [21 * MS, 2],
      [29 * MS, 3],
      [33 * MS, 5],
    ]);
  });

  it('does not count the packet being transmitted against the capacity', () => {
    const { sim, a, b } = setup({ queue: { packets: 0 } });
    a.port.send(udp(1, 1000));
    a.port.send(udp(2, 1000));
    sim.run();
    expect(b.arrivals.map(([, id]) => id)).toEqual([1]);
    expect(sim.trace.ofType('queue.drop').map((r) => r.pkt)).toEqual([2]);
  });
});

describe('PointToPointLink up and down', () => {
  it('drops what is in flight, transmitting and queued when it goes down, and what is sent to it', () => {
    const { sim, a, b, link } = setup();
    for (let id = 1; id <= 3; id++) a.port.send(udp(id, 1000));
    b.port.send(udp(9, 1000));
    sim.schedule(10 * MS, () => link.setUp(false));
    sim.schedule(12 * MS, () => a.port.send(udp(4, 1000)));
    sim.schedule(20 * MS, () => link.setUp(true));
    sim.schedule(20 * MS, () => a.port.send(udp(5, 1000)));
    sim.run();
    // At 10 ms: 1 (sent 0-8 ms) and 9 (b's, 0-8 ms) are propagating until 13 ms; 2 is being
    // transmitted (8-16 ms); 3 waits in the queue.
    expect(sim.trace.ofType('link.state').map((r) => [r.t, r.up])).toEqual([
      [10 * MS, false],
      [20 * MS, true],
    ]);
    expect(sim.trace.ofType('link.lost').map((r) => [r.t, r.node, r.pkt, r.reason])).toEqual([
      [10 * MS, 'a', 2, 'linkDown'],
      [10 * MS, 'a', 1, 'linkDown'],
      [10 * MS, 'b', 9, 'linkDown'],
    ]);
    expect(sim.trace.ofType('queue.drop').map((r) => [r.t, r.pkt, r.reason])).toEqual([
      [10 * MS, 3, 'linkDown'],
      [12 * MS, 4, 'linkDown'],
    ]);
    expect(a.arrivals).toEqual([]);
    // Up again at 20 ms: 5 arrives after 8 + 5 ms.
    expect(b.arrivals).toEqual([[33 * MS, 5]]);
  });

  it('drops several packets in flight oldest first, and keeps the ones that arrived out of it', () => {
    const { sim, a, b, link } = setup();
    // 100 B take 0.8 ms at 1 Mb/s: 1-4 leave at 0.8, 1.6, 2.4, 3.2 ms and arrive 5 ms later.
    for (let id = 1; id <= 4; id++) a.port.send(udp(id, 100));
    sim.schedule(6.2 * MS, () => link.setUp(false));
    sim.run();
    // 1 arrived at 5.8 ms; 2, 3 and 4 were still propagating at 6.2 ms.
    expect(b.arrivals).toEqual([[5.8 * MS, 1]]);
    expect(sim.trace.ofType('link.lost').map((r) => r.pkt)).toEqual([2, 3, 4]);
    link.setUp(true);
    a.port.send(udp(5, 100));
    sim.run();
    expect(b.arrivals.map(([, id]) => id)).toEqual([1, 5]);
  });

  it('can start down, and says nothing when set to the state it is in', () => {
    const { sim, a, b, link } = setup({ up: false });
    expect(link.up).toBe(false);
    expect(a.port.up).toBe(false);
    link.setUp(false);
    a.port.send(udp(1, 1000));
    sim.run();
    expect(b.arrivals).toEqual([]);
    expect(sim.trace.ofType('link.state')).toEqual([]);
    expect(sim.trace.ofType('queue.drop').map((r) => r.reason)).toEqual(['linkDown']);
  });

  it('refuses bad configuration', () => {
    const sim = new Simulator();
    const make = (c: Partial<PointToPointLinkConfig>) =>
      new PointToPointLink(sim, { id: 'x', bandwidth: 1000, delay: 0, ...c });
    expect(() => make({ bandwidth: 0 })).toThrow(RangeError);
    expect(() => make({ delay: -1 })).toThrow(RangeError);
    expect(() => make({ delay: 0.5 })).toThrow(RangeError);
    expect(() => make({ loss: 1.5 })).toThrow(RangeError);
    expect(() => make({ reorder: { probability: 0.1, extraDelay: -5 } })).toThrow(RangeError);
  });
});
