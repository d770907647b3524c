// Burst loss (Gilbert–Elliott) on a real link, against the model's closed forms: the long-run
// loss rate (r·lossInGood + p·lossInBad) / (p + r) and, with lossInBad 1 and lossInGood 0, bursts
// of geometric length with mean 1 / r; the formulas are checked by hand first.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import { burstLossRate, GilbertElliott, meanBadRun, burstLossModel } from './burstLoss.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';

const US = 1_000;

function udp(id: number): Packet {
  return {
    id,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002 }),
    transport: { kind: 'udp', srcPort: 1000, dstPort: 2000 },
    payload: new Uint8Array(97),
  };
}

class Probe implements Attachable {
  port!: LinkPort;
  received = 0;
  constructor(readonly node: string) {}
  readonly name = 'eth0';
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(): void {
    this.received++;
  }
}

/** Sends `count` packets a -> b, one every 100 µs (never queued); the ids lost, in order. */
function lostIds(count: number, config: Partial<PointToPointLinkConfig>, seed = 11): number[] {
  const sim = new Simulator({ seed });
  const a = new Probe('a');
  const b = new Probe('b');
  const link = new PointToPointLink(sim, { id: 'l1', bandwidth: 10_000_000, delay: 0, ...config });
  link.connect(a, b);
  for (let i = 0; i < count; i++) sim.schedule(i * 100 * US, () => a.port.send(udp(i + 1)));
  sim.run();
  const lost = sim.trace.ofType('link.lost').map((r) => r.pkt);
  expect(lost.length + b.received).toBe(count);
  return lost;
}

/** The lengths of the runs of consecutive lost ids. */
function bursts(lost: readonly number[]): number[] {
  const runs: number[] = [];
  lost.forEach((id, i) => {
    if (i > 0 && lost[i - 1] === id - 1) runs[runs.length - 1]! += 1;
    else runs.push(1);
  });
  return runs;
}

describe('the Gilbert–Elliott model', () => {
  it('has the closed forms of its stationary loss rate and mean run in Bad', () => {
    // p = 0.01, r = 0.2: in Bad p / (p + r) = 0.01 / 0.21 = 0.047619 of the time, all lost.
    expect(burstLossRate({ p: 0.01, r: 0.2 })).toBeCloseTo(0.047619, 6);
    // With 2% lost in Good and 80% in Bad: (0.2 · 0.02 + 0.01 · 0.8) / 0.21 = 0.012 / 0.21.
    expect(burstLossRate({ p: 0.01, r: 0.2, lossInGood: 0.02, lossInBad: 0.8 })).toBeCloseTo(
      0.057143,
      6,
    );
    expect(burstLossRate({ p: 0, r: 0, lossInGood: 0.1 })).toBe(0.1);
    expect(meanBadRun({ p: 0.01, r: 0.2 })).toBe(5);
  });

  it('decides a packet in the current state, then moves', () => {
    const chain = new GilbertElliott(burstLossModel({ p: 0.5, r: 0.5 }));
    // Good: a loss draw of 0.0 is not under lossInGood 0, so kept; 0.4 < p moves to Bad.
    expect(chain.lost(0, 0.4)).toBe(false);
    expect(chain.inBad).toBe(true);
    // Bad: 0.99 < lossInBad 1, lost; 0.6 is not under r, so it stays in Bad.
    expect(chain.lost(0.99, 0.6)).toBe(true);
    expect(chain.inBad).toBe(true);
    expect(chain.lost(0.5, 0.1)).toBe(true);
    expect(chain.inBad).toBe(false);
  });
});

describe('burst loss on a link', () => {
  it('loses the long-run share the model gives, in bursts of mean length 1 / r', () => {
    const n = 200_000;
    const lost = lostIds(n, { burstLoss: { p: 0.01, r: 0.2 } });
    // Expected 200,000 · 0.047619 = 9524 losses. The states are correlated, so the count spreads
    // more than a binomial: sd ≈ sqrt(n · π(1-π) · (2 - p - r)/(p + r)) with π = 0.047619,
    // = sqrt(9070 · 8.52) ≈ 278; within 5 sd.
    expect(Math.abs(lost.length - n * 0.047619)).toBeLessThan(5 * 278);
    const runs = bursts(lost);
    const mean = runs.reduce((sum, x) => sum + x, 0) / runs.length;
    // About 1905 bursts of mean 5 (sd of a geometric run sqrt(1 - r)/r ≈ 4.47): the mean is
    // within 5 · 4.47 / sqrt(1905) ≈ 0.51 of 5.
    expect(Math.abs(mean - 5)).toBeLessThan(0.51);
    // Bursty: independent loss at the same rate would give runs of mean 1 / (1 - 0.0476) ≈ 1.05.
    expect(Math.max(...runs)).toBeGreaterThan(20);
  });

  it('keeps each direction’s chain, and a link without it draws as before', () => {
    // Same seed, loss 0.1 alone: the same losses as a link configured the old way, so existing
    // scenarios keep their traces.
    expect(lostIds(2000, { loss: 0.1 })).toEqual(
      lostIds(2000, { loss: 0.1, burstLoss: undefined }),
    );
    expect(() => lostIds(10, { loss: 0.1, burstLoss: { p: 0.1, r: 0.5 } })).toThrow(
      /either loss or burstLoss/,
    );
    expect(() => lostIds(10, { burstLoss: { p: 1.5, r: 0.5 } })).toThrow(/burstLoss p/);
  });
});
