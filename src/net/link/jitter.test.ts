// Jitter on a link: each packet propagates for the latency plus a uniform extra in [0, jitter],
// drawn per packet, and packets still arrive in the order they were sent. Checked against the
// uniform distribution's mean jitter / 2 and the arrival order.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { ipv4Header, type Packet } from '../wire/packet.ts';
import type { Attachable, LinkPort } from './linkEndpoint.ts';
import { PointToPointLink, type PointToPointLinkConfig } from './pointToPointLink.ts';

const MS = 1_000_000;
const US = 1_000;

function udp(id: number): Packet {
  return {
    id,
    ip: ipv4Header({ src: 0x0a000001, dst: 0x0a000002 }),
    transport: { kind: 'udp', srcPort: 1000, dstPort: 2000 },
    // 20 + 8 + 79 = 107 B of IP, a 125-byte frame with Ethernet's 18: 100 µs at 10 Mbit/s.
    payload: new Uint8Array(79),
  };
}

class Probe implements Attachable {
  port!: LinkPort;
  readonly name = 'eth0';
  readonly arrivals: { t: number; id: number }[] = [];
  constructor(
    private readonly sim: Simulator,
    readonly node: string,
  ) {}
  plug(port: LinkPort): void {
    this.port = port;
  }
  receive(packet: Packet): void {
    this.arrivals.push({ t: this.sim.now(), id: packet.id });
  }
}

/** Sends `count` packets a -> b every `spacing` ns; each one's extra delay beyond latency. */
function extras(count: number, spacing: number, config: Partial<PointToPointLinkConfig>) {
  const sim = new Simulator({ seed: 5 });
  const a = new Probe(sim, 'a');
  const b = new Probe(sim, 'b');
  const link = new PointToPointLink(sim, {
    id: 'l1',
    bandwidth: 10_000_000,
    delay: 20 * MS,
    ...config,
  });
  link.connect(a, b);
  for (let i = 0; i < count; i++) sim.schedule(i * spacing, () => a.port.send(udp(i + 1)));
  sim.run();
  // Packet k ends its transmission at (k - 1) · spacing + 100 µs; then propagates.
  return {
    ids: b.arrivals.map((r) => r.id),
    extra: b.arrivals.map((r) => r.t - ((r.id - 1) * spacing + 100 * US + 20 * MS)),
  };
}

describe('jitter on a link', () => {
  it('adds up to `jitter` to each packet, jitter / 2 on average', () => {
    const n = 10_000;
    // 10 ms apart, more than the 4 ms of jitter: no packet waits for the one ahead.
    const { extra } = extras(n, 10 * MS, { jitter: 4 * MS });
    expect(Math.min(...extra)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...extra)).toBeLessThanOrEqual(4 * MS);
    // Uniform on [0, 4 ms]: mean 2 ms, sd 4 / sqrt(12) = 1.155 ms; the mean of n within 5 sd/sqrt(n).
    const mean = extra.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(mean - 2 * MS)).toBeLessThan((5 * 1.155 * MS) / Math.sqrt(n));
    // Spread over the whole range, not a constant.
    expect(new Set(extra).size).toBeGreaterThan(n / 2);
  });

  it('keeps packets in the order they were sent, however close', () => {
    // Back to back (100 µs apart) under 4 ms of jitter: without the order kept, many would pass.
    const { ids, extra } = extras(2000, 100 * US, { jitter: 4 * MS });
    expect(ids).toEqual(ids.slice().sort((x, y) => x - y));
    expect(Math.min(...extra)).toBeGreaterThanOrEqual(0);
  });

  it('leaves a link without jitter at its latency exactly', () => {
    const { extra } = extras(100, 100 * US, {});
    expect(new Set(extra)).toEqual(new Set([0]));
    expect(() => extras(1, 1, { jitter: -1 })).toThrow(/jitter/);
  });
});
