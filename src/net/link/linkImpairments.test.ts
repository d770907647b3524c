import { describe, expect, it } from 'vitest';
import { probedLink, udp } from './linkTestHelpers.ts';
import type { PointToPointLinkConfig } from './pointToPointLink.ts';

const MS = 1_000_000;
const US = 1_000;

/**
 * Sends `count` packets of 107 B (125-byte Ethernet frames: 14 of header, 4 of FCS) from a, one
 * every 100 µs, over a 10 Mb/s link with 2 ms delay: each frame takes 1000 bits / 1e7 b/s =
 * 100 µs to send, so the transmitter never queues.
 */
function run(count: number, config: Partial<PointToPointLinkConfig>, seed = 7) {
  const { sim, a, b } = probedLink(seed, {
    id: 'l1',
    bandwidth: 10_000_000,
    delay: 2 * MS,
    ...config,
  });
  for (let i = 0; i < count; i++) sim.schedule(i * 100 * US, () => a.port.send(udp(i + 1, 107)));
  sim.run();
  const lost = sim.trace.ofType('link.lost').map((r) => r.pkt);
  const impaired = (effect: string) =>
    sim.trace
      .ofType('link.impair')
      .filter((r) => r.effect === effect)
      .map((r) => r.pkt);
  return { sim, b, lost, duplicated: impaired('duplicate'), reordered: impaired('reorder') };
}

/** Within 5 standard deviations of the binomial mean n p (a false alarm about once in 1.7M runs). */
function expectBinomial(observed: number, n: number, p: number): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p)).toBeLessThan(5 * sd);
}

describe('PointToPointLink loss', () => {
  it('loses close to the configured fraction, each at the time it would have arrived', () => {
    const n = 20_000;
    const { sim, b, lost } = run(n, { loss: 0.1 });
    // n p = 2000, sd = sqrt(20000 * 0.1 * 0.9) = 42.4: within 2000 +- 212.
    expectBinomial(lost.length, n, 0.1);
    expect(b.arrivals.length + lost.length).toBe(n);
    // Packet k is sent at (k - 1) * 100 µs, ends 100 µs later, would arrive 2 ms after that.
    for (const r of sim.trace.ofType('link.lost')) {
      expect(r.reason).toBe('loss');
      expect(r.t).toBe((r.pkt - 1) * 100 * US + 100 * US + 2 * MS);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const first = run(2000, { loss: 0.2 }, 42).lost;
    expect(run(2000, { loss: 0.2 }, 42).lost).toEqual(first);
    expect(run(2000, { loss: 0.2 }, 43).lost).not.toEqual(first);
  });

  it('loses nothing and draws nothing with no impairment configured', () => {
    const { b, lost } = run(100, {});
    expect(lost).toEqual([]);
    expect(b.arrivals.length).toBe(100);
  });
});

describe('PointToPointLink duplication', () => {
  it('delivers a duplicated packet twice, at the same time, about as often as configured', () => {
    const n = 4000;
    const { sim, b, duplicated } = run(n, { duplicate: 0.25 });
    // n p = 1000, sd = sqrt(4000 * 0.25 * 0.75) = 27.4.
    expectBinomial(duplicated.length, n, 0.25);
    expect(b.arrivals.length).toBe(n + duplicated.length);
    const twice = new Set(duplicated);
    const rx = sim.trace.ofType('link.rx');
    for (const id of twice) {
      const copies = rx.filter((r) => r.pkt === id);
      expect(copies.length).toBe(2);
      expect(copies[0]?.t).toBe(copies[1]?.t);
    }
  });

  it('is deterministic for a seed', () => {
    expect(run(1000, { duplicate: 0.3 }, 5).b.arrivals).toEqual(
      run(1000, { duplicate: 0.3 }, 5).b.arrivals,
    );
  });
});

describe('PointToPointLink reordering', () => {
  it('holds a reordered packet back by the extra delay, so later packets overtake it', () => {
    const n = 2000;
    const { sim, b, reordered } = run(n, { reorder: { probability: 0.2, extraDelay: 350 * US } });
    // n p = 400, sd = sqrt(2000 * 0.2 * 0.8) = 17.9.
    expectBinomial(reordered.length, n, 0.2);
    const late = new Set(reordered);
    // Arrival = end of transmission (k * 100 µs for packet k) + 2 ms (+ 350 µs if reordered).
    for (const r of sim.trace.ofType('link.rx')) {
      expect(r.t).toBe(r.pkt * 100 * US + 2 * MS + (late.has(r.pkt) ? 350 * US : 0));
    }
    const order = b.arrivals.map(([, id]) => id);
    expect(order).not.toEqual([...order].sort((x, y) => x - y));
    expect(run(n, { reorder: { probability: 0.2, extraDelay: 350 * US } }).b.arrivals).toEqual(
      b.arrivals,
    );
  });
});

describe('PointToPointLink random streams', () => {
  it('turning on duplication or reordering does not change which packets are lost', () => {
    // Compared as sets: a lost packet that also drew "reorder" is recorded (later) when it
    // would have arrived, so the order of the records may differ.
    const lostSet = (config: Partial<PointToPointLinkConfig>) =>
      run(3000, config).lost.sort((x, y) => x - y);
    const base = lostSet({ loss: 0.1 });
    expect(lostSet({ loss: 0.1, duplicate: 0.3 })).toEqual(base);
    expect(lostSet({ loss: 0.1, reorder: { probability: 0.3, extraDelay: MS } })).toEqual(base);
  });

  it('traffic in one direction does not change the fates in the other', () => {
    const fates = (reverse: number) => {
      const { sim, a, b } = probedLink(3, { id: 'l', bandwidth: 1e9, delay: MS, loss: 0.3 });
      for (let i = 0; i < 500; i++) {
        sim.schedule(i * US, () => a.port.send(udp(i + 1, 100)));
        if (i < reverse) sim.schedule(i * US, () => b.port.send(udp(10_000 + i, 100)));
      }
      sim.run();
      return sim.trace
        .ofType('link.lost')
        .filter((r) => r.node === 'a')
        .map((r) => r.pkt);
    };
    expect(fates(400)).toEqual(fates(0));
  });
});
