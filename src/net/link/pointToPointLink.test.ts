import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { probedLink, udp } from './linkTestHelpers.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';

const MS = 1_000_000;
const US = 1_000;

/**
 * 1 Mb/s and 5 ms unless overridden. Every link is Ethernet: it sends the frame, an IP packet of
 * L bytes plus 18 (14 of header, 4 of FCS; at least 64 in all), so a 1000-byte packet is a
 * 1018-byte frame and takes 8 * 1018 / 1e6 s = 8.144 ms to send.
 */
function setup(config: Partial<PointToPointLinkConfig> = {}) {
  return probedLink(1, { id: 'l1', bandwidth: 1_000_000, delay: 5 * MS, ...config });
}

describe('PointToPointLink timing', () => {
  it('delivers one packet of L bytes after 8(L + 18)/R + d', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    sim.run();
    // 8 * 1018 / 1e6 s = 8.144 ms, plus 5 ms propagation = 13.144 ms.
    expect(b.arrivals).toEqual([[13_144 * US, 1]]);
    const begin = sim.trace.ofType('link.txBegin');
    expect(begin.map((r) => [r.t, r.node, r.iface, r.pkt, r.bytes])).toEqual([
      [0, 'a', 'eth0', 1, 1018],
    ]);
    expect(sim.trace.ofType('link.txEnd').map((r) => r.t)).toEqual([8_144 * US]);
    expect(sim.trace.ofType('link.rx').map((r) => [r.t, r.node, r.pkt])).toEqual([
      [13_144 * US, 'b', 1],
    ]);
  });

  it('pads a short frame to 64 bytes: a 28-byte packet takes as long as a 46-byte one', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 28));
    a.port.send(udp(2, 46));
    a.port.send(udp(3, 47));
    sim.run();
    // 28 + 14 = 42 and 46 + 14 = 60 are padded to 60, + 4 of FCS = 64 bytes: 512 bits, 0.512 ms
    // each at 1 Mb/s; 47 + 18 = 65 bytes, 0.52 ms. Arrivals: 0.512 + 5, 1.024 + 5, 1.544 + 5 ms.
    expect(sim.trace.ofType('link.txBegin').map((r) => r.bytes)).toEqual([64, 64, 65]);
    expect(b.arrivals).toEqual([
      [5_512 * US, 1],
      [6_024 * US, 2],
      [6_544 * US, 3],
    ]);
  });

  it('rounds the transmission time up to a whole ns', () => {
    // 100 B of IP, a 118-byte frame, at 3 Mb/s: 944e9 / 3e6 = 314,666.67 ns -> 314,667 ns;
    // plus d = 1000 ns.
    const { sim, a, b } = setup({ bandwidth: 3_000_000, delay: 1000 });
    a.port.send(udp(1, 100));
    sim.run();
    expect(b.arrivals).toEqual([[315_667, 1]]);
  });

  it('spaces back-to-back packets by their serialisation time 8(L + 18)/R', () => {
    const { sim, a, b } = setup();
    for (let id = 1; id <= 4; id++) a.port.send(udp(id, 1000));
    sim.run();
    // Packet k (0-based) starts at k * 8.144 ms and arrives at (k + 1) * 8.144 ms + 5 ms.
    expect(sim.trace.ofType('link.txBegin').map((r) => r.t)).toEqual(
      [0, 8_144, 16_288, 24_432].map((us) => us * US),
    );
    expect(b.arrivals).toEqual([
      [13_144 * US, 1],
      [21_288 * US, 2],
      [29_432 * US, 3],
      [37_576 * US, 4],
    ]);
  });

  it('sends both directions at once (full duplex)', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    b.port.send(udp(2, 1000));
    sim.run();
    expect(b.arrivals).toEqual([[13_144 * US, 1]]);
    expect(a.arrivals).toEqual([[13_144 * US, 2]]);
  });

  it('is idle again after a gap: a later packet does not wait', () => {
    const { sim, a, b } = setup();
    a.port.send(udp(1, 1000));
    sim.schedule(20 * MS, () => a.port.send(udp(2, 500)));
    sim.run();
    // Second: starts at 20 ms, a 518-byte frame, 4144 bits / 1e6 = 4.144 ms, arrives
    // 20 + 4.144 + 5 = 29.144 ms.
    expect(b.arrivals).toEqual([
      [13_144 * US, 1],
      [29_144 * US, 2],
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
    // Bytes are frame bytes: 1000 of IP make 1018 on the wire.
    expect(drops.map((r) => [r.t, r.pkt, r.reason, r.bytes])).toEqual([
      [0, 4, 'queueFull', 1018],
      [0, 5, 'queueFull', 1018],
    ]);
    expect(b.arrivals.map(([, id]) => id)).toEqual([1, 2, 3]);
    const lengths = sim.trace.ofType('queue.length');
    // 2 leaves the queue when 1 is sent (8.144 ms), 3 when 2 is (16.288 ms).
    expect(lengths.map((r) => [r.t, r.packets, r.bytes])).toEqual([
      [0, 1, 1018],
      [0, 2, 2036],
      [8_144 * US, 1, 1018],
      [16_288 * US, 0, 0],
    ]);
  });

  it('drops beyond the byte capacity, and takes a later packet that still fits', () => {
    // A bound of 1018 + 1018 + 518 bytes: two 1018-byte frames and one of 518 (500 of IP).
    const { sim, a, b } = setup({ queue: { bytes: 2554 } });
    [1000, 1000, 1000, 1000, 500].forEach((size, i) => a.port.send(udp(i + 1, size)));
    sim.run();
    // 1 on the wire; 2 waits (1018 B); 3 waits (2036 B); 4 would make 3054 > 2554: dropped;
    // 5 makes 2554 <= 2554: waits.
    expect(sim.trace.ofType('queue.drop').map((r) => [r.pkt, r.reason])).toEqual([
      [4, 'queueFull'],
    ]);
    // 5 starts when 3 ends at 3 * 8.144 = 24.432 ms, takes 4144 bits / 1e6 = 4.144 ms: arrives
    // 24.432 + 4.144 + 5 = 33.576 ms.
    expect(b.arrivals).toEqual([
      [13_144 * US, 1],
      [21_288 * US, 2],
      [29_432 * US, 3],
      [33_576 * US, 5],
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
    // At 10 ms: 1 (sent 0-8.144 ms) and 9 (b's, 0-8.144 ms) are propagating until 13.144 ms;
    // 2 is being transmitted (8.144-16.288 ms); 3 waits in the queue.
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
    // Up again at 20 ms: 5 arrives after 8.144 + 5 ms.
    expect(b.arrivals).toEqual([[33_144 * US, 5]]);
  });

  it('drops several packets in flight oldest first, and keeps the ones that arrived out of it', () => {
    const { sim, a, b, link } = setup();
    // 100 B (118-byte frames) take 0.944 ms at 1 Mb/s: 1-4 leave at 0.944, 1.888, 2.832 and
    // 3.776 ms and arrive 5 ms later.
    for (let id = 1; id <= 4; id++) a.port.send(udp(id, 100));
    sim.schedule(6.2 * MS, () => link.setUp(false));
    sim.run();
    // 1 arrived at 5.944 ms; 2, 3 and 4 were still propagating at 6.2 ms.
    expect(b.arrivals).toEqual([[5_944 * US, 1]]);
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
