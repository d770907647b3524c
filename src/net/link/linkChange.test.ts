// A link's bandwidth, latency and loss changed mid-run (the scenario's linkChange): packets already
// transmitting or propagating keep their timing; the next one to start is serialised at the new
// bandwidth (8L/R, L the Ethernet frame: the IP packet + 18 bytes) and propagates with the new
// latency. Expected times computed here by hand.
import { describe, expect, it } from 'vitest';
import { probedLink, udp } from './linkTestHelpers.ts';

const MS = 1_000_000;
const US = 1_000;

/** 1 Mb/s and 5 ms: 1000 bytes of IP (a 1018-byte frame) take 8.144 ms to send and arrive 13.144 ms after they start. */
function setup(config: { loss?: number; burstLoss?: { p: number; r: number } } = {}) {
  return probedLink(1, { id: 'l1', bandwidth: 1_000_000, delay: 5 * MS, ...config });
}

describe('PointToPointLink.change', () => {
  it('times packets that start after it with the new bandwidth and latency, exactly 8L/R + d', () => {
    const { sim, a, b, link } = setup();
    // Packet 1 starts at 0 (8.144 ms on the wire); the change comes at 2 ms, during it; packet 2
    // waits in the queue and starts at 8.144 ms under the new settings.
    a.port.send(udp(1, 1000));
    a.port.send(udp(2, 1000));
    sim.schedule(2 * MS, () => link.change({ bandwidth: 250_000, delay: 40 * MS }));
    sim.run();
    // Packet 1 keeps its timing: 8.144 ms + 5 ms. Packet 2: 8144 bits / 250 kb/s = 32.576 ms
    // from 8.144 ms (ending at 40.72 ms), then 40 ms of propagation: 80.72 ms.
    expect(b.arrivals).toEqual([
      [13_144 * US, 1],
      [80_720 * US, 2],
    ]);
    const ends = sim.trace.ofType('link.txEnd').map((r) => [r.pkt, r.t]);
    expect(ends).toEqual([
      [1, 8_144 * US],
      [2, 40_720 * US],
    ]);
    expect(sim.trace.ofType('link.change')).toEqual([
      { t: 2 * MS, type: 'link.change', link: 'l1', bandwidth: 250_000, latency: 40 * MS, loss: 0 },
    ]);
    expect(link.config.bandwidth).toBe(250_000);
  });

  it('keeps what it is not given, and a packet in the air keeps its arrival', () => {
    const { sim, a, b, link } = setup();
    a.port.send(udp(1, 1000)); // on the wire 0-8.144 ms, in the air until 13.144 ms
    sim.schedule(10 * MS, () => link.change({ delay: 1 * MS }));
    sim.schedule(11 * MS, () => a.port.send(udp(2, 500)));
    sim.run();
    // Packet 2 (500 bytes, a 518-byte frame): 4.144 ms at the old 1 Mb/s, then the new 1 ms:
    // 11 + 4.144 + 1 = 16.144 ms.
    expect(b.arrivals).toEqual([
      [13_144 * US, 1],
      [16_144 * US, 2],
    ]);
    expect(sim.trace.ofType('link.change')[0]).toMatchObject({ bandwidth: 1_000_000, loss: 0 });
  });

  it('applies a new loss to packets that start from then on', () => {
    const { sim, a, b, link } = setup();
    for (let i = 0; i < 20; i++) sim.schedule(i * 10 * MS, () => a.port.send(udp(i + 1, 100)));
    sim.schedule(95 * MS, () => link.change({ loss: 1 }));
    sim.run();
    // Packets 1-10 start before 95 ms and arrive; 11-20 start after and are all lost.
    expect(b.arrivals.map(([, id]) => id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const lost = sim.trace.ofType('link.lost');
    expect(lost.map((r) => r.pkt)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(lost.every((r) => r.reason === 'loss')).toBe(true);
  });

  it('loses nothing more once a change takes the loss away', () => {
    const { sim, a, b, link } = setup();
    for (let i = 0; i < 20; i++) sim.schedule(i * 10 * MS, () => a.port.send(udp(i + 1, 100)));
    sim.schedule(45 * MS, () => link.change({ loss: 1 }));
    sim.schedule(95 * MS, () => link.change({ loss: 0 }));
    sim.run();
    // Packets 6-10 start under loss 1; from 11 on nothing is set, and the last fate is not kept.
    expect(sim.trace.ofType('link.lost').map((r) => r.pkt)).toEqual([6, 7, 8, 9, 10]);
    expect(b.arrivals.map(([, id]) => id)).toEqual([1, 2, 3, 4, 5, ...range(11, 20)]);
  });

  it('refuses bad values and plain loss on a link with burst loss', () => {
    const { link } = setup();
    expect(() => link.change({ bandwidth: 0 })).toThrow(RangeError);
    expect(() => link.change({ loss: 2 })).toThrow(RangeError);
    expect(() => link.change({ delay: -1 })).toThrow(RangeError);
    const burst = setup({ burstLoss: { p: 0.1, r: 0.5 } }).link;
    expect(() => burst.change({ loss: 0.1 })).toThrow(/burstLoss/);
  });
});

/** The whole numbers from `from` to `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
