import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { LearningSwitch } from '../link/learningSwitch.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import type { Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/**
 * h1 (10.0.0.1), h2 (10.0.0.2) and router r (10.0.0.254) on switch ports p1..p3 of 10.0.0.0/24;
 * r's eth1 (10.0.1.1/24) leads to server s (10.0.1.2). Every link: 1 Mb/s, 1 ms.
 */
function lan() {
  const sim = new Simulator();
  const sw = new LearningSwitch(sim, 'sw');
  const h1 = new NetNode(sim, 'h1');
  const h2 = new NetNode(sim, 'h2');
  const r = new NetNode(sim, 'r', { router: true });
  const s = new NetNode(sim, 's');
  const link = (id: string) => new PointToPointLink(sim, { id, bandwidth: 1e6, delay: MS });
  link('l1').connect(h1.addInterface('eth0', '10.0.0.1/24'), sw.addPort('p1'));
  link('l2').connect(h2.addInterface('eth0', '10.0.0.2/24'), sw.addPort('p2'));
  link('l3').connect(r.addInterface('eth0', '10.0.0.254/24'), sw.addPort('p3'));
  link('l4').connect(r.addInterface('eth1', '10.0.1.1/24'), s.addInterface('eth0', '10.0.1.2/24'));
  h1.setDefaultGateway('10.0.0.254');
  h2.setDefaultGateway('10.0.0.254');
  s.setDefaultGateway('10.0.1.1');
  const delivered: [string, number][] = [];
  for (const node of [h1, h2, s]) {
    node.onDeliver('udp', (p) => {
      delivered.push([node.name, p.id]);
      if (node === s) s.send({ dst: p.ip.src, transport: UDP }); // echo back
    });
  }
  return { sim, sw, h1, h2, delivered };
}

describe('hosts and a router behind a learning switch', () => {
  it('a flooded packet is taken by its destination and ignored by the others', () => {
    const { sim, h1, delivered } = lan();
    const sent = h1.send({ dst: ip('10.0.0.2'), transport: UDP }).packet;
    sim.run();
    expect(delivered).toEqual([['h2', sent.id]]);
    // The router saw it (flooded) but it is for its own segment: not forwarded back.
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason])).toEqual([
      ['r', sent.id, 'notForMe'],
    ]);
    expect(sim.trace.ofType('ip.forward')).toEqual([]);
  });

  it('routes through the switch and learns remote addresses behind the router port', () => {
    const { sim, sw, h1, delivered } = lan();
    const first = h1.send({ dst: ip('10.0.1.2'), transport: UDP }).packet;
    sim.run();
    // Flooded to h2 (dropped there) and r (forwarded to s); s's echo comes back to h1.
    const drops = sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason]);
    expect(drops).toEqual([['h2', first.id, 'notForMe']]);
    expect(delivered.map(([node]) => node)).toEqual(['s', 'h1']);
    expect(sw.entries().map((e) => [e.port, e.address])).toEqual([
      ['p1', ip('10.0.0.1')],
      ['p3', ip('10.0.1.2')],
    ]);
    // Now the switch knows s is behind p3: the next packet is not flooded.
    const second = h1.send({ dst: ip('10.0.1.2'), transport: UDP }).packet;
    sim.run();
    const out = sim.trace.ofType('switch.forward').filter((r) => r.pkt === second.id);
    expect(out.map((r) => [r.toPort, r.flood])).toEqual([['p3', false]]);
  });
});
