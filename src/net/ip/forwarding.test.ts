import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { readQuote } from '../wire/icmpErrors.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import type { Packet, Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';
import { carriesIp } from '../link/linkRecords.ts';

const MS = 1_000_000;
const US = 1_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/**
 * Host a, routers r1..rn, host b in a line. Link i (0..n) is subnet 10.0.i.0/24 with bandwidth
 * `rates[i]` and delay `delays[i]`; its left end is .1, its right end .2. Routers send traffic for
 * a's subnet 10.0.0.0/24 left and everything else right; the last router has no default route.
 */
function chain(routers: number, rates: number[], delays: number[]) {
  const sim = new Simulator({ seed: 9 });
  const a = new NetNode(sim, 'a');
  const rs = Array.from(
    { length: routers },
    (_, k) => new NetNode(sim, `r${k + 1}`, { router: true }),
  );
  const b = new NetNode(sim, 'b');
  const nodes = [a, ...rs, b];
  for (let i = 0; i <= routers; i++) {
    const left = nodes[i] as NetNode;
    const right = nodes[i + 1] as NetNode;
    const link = new PointToPointLink(sim, {
      id: `link${i}`,
      bandwidth: rates[i] as number,
      delay: delays[i] as number,
    });
    link.connect(
      left.addInterface(left === a ? 'eth0' : 'eth1', `10.0.${i}.1/24`),
      right.addInterface('eth0', `10.0.${i}.2/24`),
    );
  }
  a.setDefaultGateway('10.0.0.2');
  b.setDefaultGateway(`10.0.${routers}.1`);
  rs.forEach((r, k) => {
    if (k > 0) r.addRoute('10.0.0.0/24', { gateway: `10.0.${k}.1` });
    if (k < routers - 1) r.setDefaultGateway(`10.0.${k + 1}.2`);
  });
  const got: Packet[] = [];
  const times: number[] = [];
  for (const node of [a, b]) {
    for (const protocol of ['udp', 'icmp'] as const) {
      node.onDeliver(protocol, (packet) => {
        got.push(packet);
        times.push(sim.now());
      });
    }
  }
  return { sim, a, b, rs, got, times };
}

/** A UDP payload size giving a wire size of `bytes`: 20 (IP) + 8 (UDP) + payload. */
const payload = (bytes: number) => new Uint8Array(bytes - 28);

describe('forwarding over a chain of routers', () => {
  it('takes N * 8L/R + the sum of the delays over N store-and-forward hops, after ARP at each', () => {
    // 3 routers = 4 hops at 10 Mb/s; L = 1250 B of IP, a 1268-byte frame = 10,144 bits ->
    // 1.0144 ms per hop. Before each hop its sender asks for the next hop's MAC: a 64-byte
    // request and reply, 512 bits = 51.2 µs each, plus the hop's delay both ways.
    const { sim, a, b, got, times } = chain(
      3,
      [1e7, 1e7, 1e7, 1e7],
      [1, 2, 3, 4].map((d) => d * MS),
    );
    a.send({ dst: b.iface('eth0').address, transport: UDP, payload: payload(1250) });
    sim.run();
    // Per hop: ARP 2 * (51.2 µs + d) and the packet 1.0144 ms + d. 4 * (0.1024 + 1.0144) ms
    // + 3 * (1 + 2 + 3 + 4) ms = 4.4672 + 30 = 34.4672 ms.
    expect(times).toEqual([34_467_200]);
    expect(got[0]?.ip.ttl).toBe(64 - 3);
  });

  it('takes the sum of 8L/R_i + d_i when each hop has its own rate', () => {
    // L = 1000 B, a 1018-byte frame = 8144 bits at 1, 2, 4, 8 Mb/s: 8.144 + 4.072 + 2.036 +
    // 1.018 = 15.27 ms; delays 0.5 ms each: +2 ms. ARP before each hop: 512-bit request and reply,
    // 2 * (0.512 + 0.256 + 0.128 + 0.064) = 1.92 ms, and the delay both ways, 4 * 2 * 0.5 = 4 ms.
    // 15.27 + 2 + 1.92 + 4 = 23.19 ms.
    const { sim, a, b, times } = chain(
      3,
      [1e6, 2e6, 4e6, 8e6],
      [500 * US, 500 * US, 500 * US, 500 * US],
    );
    a.send({ dst: b.iface('eth0').address, transport: UDP, payload: payload(1000) });
    sim.run();
    expect(times).toEqual([23_190_000]);
  });

  it('pipelines back-to-back packets: the k-th of a burst arrives (N + k - 1) * 8L/R + sum(d)', () => {
    const { sim, a, b, times } = chain(
      3,
      [1e7, 1e7, 1e7, 1e7],
      [1, 2, 3, 4].map((d) => d * MS),
    );
    const dst = b.iface('eth0').address;
    // A first packet fills every ARP cache on the way (reachable for 30 s), so the burst at
    // 100 ms waits for none.
    a.send({ dst, transport: UDP });
    sim.run({ until: 100 * MS });
    for (let k = 0; k < 3; k++) a.send({ dst, transport: UDP, payload: payload(1250) });
    sim.run({ until: 200 * MS });
    // N = 4 hops, 1268-byte frames: 1.0144 ms each, sum(d) = 10 ms: from 100 ms, 4 * 1.0144 + 10
    // = 14.0576 ms, then 1.0144 ms apart.
    expect(times.slice(1)).toEqual([114_057_600, 115_072_000, 116_086_400]);
  });

  it('bunches a burst sent cold: each hop holds it while it asks for the next MAC', () => {
    const { sim, a, b, times } = chain(
      3,
      [1e7, 1e7, 1e7, 1e7],
      [1, 2, 3, 4].map((d) => d * MS),
    );
    for (let k = 0; k < 3; k++) {
      a.send({ dst: b.iface('eth0').address, transport: UDP, payload: payload(1250) });
    }
    sim.run();
    // At every hop the first packet starts an ARP request and the next two, arriving 1.0144 ms
    // apart, wait with it (the request and reply take 2 * (51.2 µs + d) > 2 ms); the reply sends
    // all three back to back. So the first arrives as a lone packet would (34.4672 ms, above)
    // and the others 1.0144 ms after each other.
    expect(times).toEqual([34_467_200, 35_481_600, 36_496_000]);
    expect(sim.trace.ofType('arp.request')).toHaveLength(4);
  });

  it('sends a new Packet object per hop with the same id and one less TTL', () => {
    const { sim, a, b, rs } = chain(2, [1e7, 1e7, 1e7], [MS, MS, MS]);
    const sent = a.send({ dst: b.iface('eth0').address, transport: UDP }).packet;
    sim.run();
    const hops = sim.trace.ofType('link.txBegin').filter(carriesIp);
    expect(hops.map((r) => [r.link, r.node, r.pkt, r.packet.ip.ttl])).toEqual([
      ['link0', 'a', sent.id, 64],
      ['link1', 'r1', sent.id, 63],
      ['link2', 'r2', sent.id, 62],
    ]);
    // Each hop's frame goes from the sending interface's MAC to the next hop's.
    const mac = (node: NetNode, iface: string) => node.iface(iface).mac;
    const [r1, r2] = rs as [NetNode, NetNode];
    expect(hops.map((r) => r.packet.eth)).toEqual([
      { dst: mac(r1, 'eth0'), src: mac(a, 'eth0') },
      { dst: mac(r2, 'eth0'), src: mac(r1, 'eth1') },
      { dst: mac(b, 'eth0'), src: mac(r2, 'eth1') },
    ]);
    expect(hops[0]?.packet).toEqual({ ...sent, eth: hops[0]?.packet.eth });
    expect(new Set(hops.map((r) => r.packet)).size).toBe(3);
    expect(sent.ip.ttl).toBe(64); // the sender's packet was not changed
    expect(sent.eth).toBeUndefined();
    expect(
      sim.trace.ofType('ip.forward').map((r) => [r.node, r.pkt, r.fromIface, r.toIface]),
    ).toEqual([
      ['r1', sent.id, 'eth0', 'eth1'],
      ['r2', sent.id, 'eth0', 'eth1'],
    ]);
  });

  it('records the route each router matched and its next hop', () => {
    const { sim, a, b } = chain(2, [1e7, 1e7, 1e7], [MS, MS, MS]);
    const there = a.send({ dst: b.iface('eth0').address, transport: UDP }).packet;
    const back = b.send({ dst: a.iface('eth0').address, transport: UDP }).packet;
    sim.run();
    const forwards = (pkt: number) =>
      sim.trace
        .ofType('ip.forward')
        .filter((r) => r.pkt === pkt)
        .map((r) => [r.node, r.route, r.via, r.toIface]);
    // Out to b (10.0.2.2): r1 has only its default route to r2; r2 has b's subnet on eth1.
    expect(forwards(there.id)).toEqual([
      ['r1', '0.0.0.0/0', '10.0.1.2', 'eth1'],
      ['r2', '10.0.2.0/24', '', 'eth1'],
    ]);
    // Back to a (10.0.0.1): r2's static route to a's subnet through r1, then r1's connected one.
    expect(forwards(back.id)).toEqual([
      ['r2', '10.0.0.0/24', '10.0.1.1', 'eth0'],
      ['r1', '10.0.0.0/24', '', 'eth0'],
    ]);
  });
});

describe('TTL expiry and ICMP errors', () => {
  it('drops a packet whose TTL runs out and sends Time Exceeded back to the source', () => {
    const { sim, a, b, got, times } = chain(
      3,
      [1e7, 1e7, 1e7, 1e7],
      [1, 2, 3, 4].map((d) => d * MS),
    );
    const sent = a.send({
      dst: b.iface('eth0').address,
      transport: UDP,
      payload: payload(1250),
      ip: { ttl: 2 },
    });
    sim.run();
    // r1 receives TTL 2 and forwards TTL 1; r2 receives TTL 1 and drops it.
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason])).toEqual([
      ['r2', sent.packet.id, 'ttl'],
    ]);
    const [error] = got;
    expect(error?.transport).toMatchObject({ kind: 'icmp', message: 'timeExceeded', code: 0 });
    // From r2's interface towards a (eth0, 10.0.1.2), to a.
    expect(error?.ip).toMatchObject({ src: ip('10.0.1.2'), dst: ip('10.0.0.1') });
    const quote = readQuote(error?.payload ?? new Uint8Array());
    expect(quote).toMatchObject({
      ok: true,
      quoted: { ip: { ttl: 1, src: ip('10.0.0.1') }, dstPort: 7 },
    });
    // Out: per hop an ARP exchange (2 * (51.2 µs + d)) and the 1268-byte frame (1.0144 ms + d):
    // (2.1024 + 2.0144) + (4.1024 + 3.0144) = 11.2336 ms at r2. Back: 56 B (20 + 8 + 28 quoted),
    // a 74-byte frame = 592 bits / 1e7 = 59.2 µs per hop, 2 hops + delays 2 + 1 ms, and no ARP
    // (r2 and r1 learned the asker's MAC from the requests): 11.2336 + 3.1184 = 14.352 ms.
    expect(times).toEqual([14_352_000]);
  });

  it('ends a routing loop when the TTL runs out, with Time Exceeded to the source', () => {
    const sim = new Simulator();
    const a = new NetNode(sim, 'a');
    const r1 = new NetNode(sim, 'r1', { router: true });
    const r2 = new NetNode(sim, 'r2', { router: true });
    const link = (id: string) => new PointToPointLink(sim, { id, bandwidth: 1e6, delay: MS });
    link('a-r1').connect(
      a.addInterface('eth0', '10.0.0.1/24'),
      r1.addInterface('eth0', '10.0.0.2/24'),
    );
    link('r1-r2').connect(
      r1.addInterface('eth1', '10.0.1.1/24'),
      r2.addInterface('eth0', '10.0.1.2/24'),
    );
    a.setDefaultGateway('10.0.0.2');
    r1.setDefaultGateway('10.0.1.2'); // r1 thinks r2 knows the way...
    r2.setDefaultGateway('10.0.1.1'); // ...and r2 thinks r1 does.
    const errors: [number, Packet][] = [];
    a.onDeliver('icmp', (p) => errors.push([sim.now(), p]));
    const sent = a.send({ dst: ip('203.0.113.9'), transport: UDP, payload: payload(100) }).packet;
    sim.run();
    // Routers receive it with TTL 64, 63, ..., 2 and forward each (63 forwards); r2 receives
    // TTL 1 (r1 gets the even TTLs, r2 the odd ones) and drops it.
    const forwards = sim.trace.ofType('ip.forward').filter((r) => r.pkt === sent.id);
    expect(forwards.length).toBe(63);
    expect(forwards.filter((r) => r.node === 'r1').length).toBe(32);
    const drops = sim.trace.ofType('ip.drop');
    // 64 hops of 100 B (a 118-byte frame, 944 bits at 1 Mb/s = 0.944 ms) + 1 ms each =
    // 64 * 1.944 ms = 124.416 ms, and the first two hops wait for ARP (64-byte request and reply,
    // 0.512 + 1 ms each way: 3.024 ms); r2 learned r1 from its request, so the loop's later hops
    // need none. 124.416 + 2 * 3.024 = 130.464 ms.
    expect(drops.map((r) => [r.t, r.node, r.pkt, r.reason])).toEqual([
      [130_464_000, 'r2', sent.id, 'ttl'],
    ]);
    expect(errors.map(([, p]) => [p.ip.src, p.transport.kind])).toEqual([[ip('10.0.1.2'), 'icmp']]);
    // Back over 2 hops: 56 B, a 74-byte frame = 592 µs + 1 ms each = 3.184 ms (no ARP).
    expect(errors[0]?.[0]).toBe(130_464_000 + 3_184_000);
  });

  it('drops a packet with no route at a router and sends Network Unreachable', () => {
    const { sim, a, rs, got } = chain(2, [1e7, 1e7, 1e7], [MS, MS, MS]);
    const sent = a.send({ dst: ip('192.0.2.1'), transport: UDP }).packet;
    sim.run();
    // r1's default leads to r2, which has no default route.
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason])).toEqual([
      ['r2', sent.id, 'noRoute'],
    ]);
    expect(got[0]?.transport).toMatchObject({ message: 'destinationUnreachable', code: 0 });
    expect(got[0]?.ip.src).toBe(rs[1]?.iface('eth0').address);
  });

  it('never sends an ICMP error about an ICMP error', () => {
    const { sim, a, got } = chain(2, [1e7, 1e7, 1e7], [MS, MS, MS]);
    const icmpError: Transport = { kind: 'icmp', message: 'timeExceeded', code: 0 };
    a.send({ dst: ip('10.0.2.2'), transport: icmpError, ip: { ttl: 1 } });
    a.send({ dst: ip('192.0.2.1'), transport: icmpError });
    sim.run();
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.reason])).toEqual([
      ['r1', 'ttl'],
      ['r2', 'noRoute'],
    ]);
    expect(got).toEqual([]);
  });
});
