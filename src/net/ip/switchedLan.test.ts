import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { LearningSwitch } from '../link/learningSwitch.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import type { Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const S = 1_000_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/**
 * Hosts and a router find each other's MACs with ARP and a learning switch forwards their frames
 * by MAC. h1 (10.0.0.1), h2 (10.0.0.2) and router r (10.0.0.254) on switch ports p1..p3 of 10.0.0.0/24;
 * r's eth1 (10.0.1.1/24) leads to server s (10.0.1.2). Every link: 1 Mb/s, 1 ms.
 */
function lan(ageingTime?: number) {
  const sim = new Simulator();
  const sw = new LearningSwitch(sim, 'sw', ageingTime === undefined ? {} : { ageingTime });
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
  return { sim, sw, h1, h2, r, delivered };
}

describe('hosts and a router behind a learning switch', () => {
  it('floods the ARP request to every station; only the owner answers, and the packet goes to its port alone', () => {
    const { sim, h1, h2, delivered } = lan();
    const sent = h1.send({ dst: ip('10.0.0.2'), transport: UDP }).packet;
    sim.run({ until: S });
    expect(delivered).toEqual([['h2', sent.id]]);
    const [request] = sim.trace.ofType('arp.request');
    expect(request).toMatchObject({ node: 'h1', target: '10.0.0.2', probe: 1 });
    // The broadcast request reaches h2 and r; r is not asked about, so only h2 answers.
    const forwarded = (pkt: number) =>
      sim.trace
        .ofType('switch.forward')
        .filter((r) => r.pkt === pkt)
        .map((r) => [r.toPort, r.flood]);
    expect(forwarded(request!.pkt)).toEqual([
      ['p2', true],
      ['p3', true],
    ]);
    expect(sim.trace.ofType('arp.reply').map((r) => [r.node, r.ip, r.to])).toEqual([
      ['h2', '10.0.0.2', '10.0.0.1'],
    ]);
    // The switch learned both from the ARP exchange: the packet goes out of p2 only.
    expect(forwarded(sent.id)).toEqual([['p2', false]]);
    expect(sim.trace.ofType('ip.drop')).toEqual([]);
    expect(h1.arp.entries(h1.iface('eth0'))).toMatchObject([
      { ip: ip('10.0.0.2'), state: 'reachable', mac: h2.iface('eth0').mac },
    ]);
  });

  it('routes through the switch and learns the router port from its ARP reply', () => {
    const { sim, sw, h1, r, delivered } = lan();
    const first = h1.send({ dst: ip('10.0.1.2'), transport: UDP }).packet;
    sim.run({ until: S });
    // h1 asks for its gateway 10.0.0.254, r for s (10.0.1.2); s learned r from r's request and
    // r learned h1 from h1's, so the echo back needs no ARP.
    expect(sim.trace.ofType('arp.request').map((x) => [x.node, x.target])).toEqual([
      ['h1', '10.0.0.254'],
      ['r', '10.0.1.2'],
    ]);
    expect(sim.trace.ofType('ip.drop')).toEqual([]);
    expect(delivered.map(([node]) => node)).toEqual(['s', 'h1']);
    expect(sw.entries().map((e) => [e.port, e.address])).toEqual([
      ['p1', h1.iface('eth0').mac],
      ['p3', r.iface('eth0').mac],
    ]);
    expect(sim.trace.ofType('switch.forward').filter((x) => x.pkt === first.id)).toMatchObject([
      { toPort: 'p3', flood: false },
    ]);
    // The next packet: every cache and the switch's table are warm; no ARP, no flooding.
    const second = h1.send({ dst: ip('10.0.1.2'), transport: UDP }).packet;
    sim.run({ until: 2 * S });
    const out = sim.trace.ofType('switch.forward').filter((x) => x.pkt === second.id);
    expect(out.map((x) => [x.toPort, x.flood])).toEqual([['p3', false]]);
    expect(sim.trace.ofType('arp.request')).toHaveLength(2);
  });

  it('drops a frame for another MAC that a switch flooded, at the card (otherHost)', () => {
    // A switch that forgets after 20 ms: by 100 ms it has forgotten h2, while h1's ARP entry
    // (30 s) still gives h2's MAC.
    const { sim, h1, delivered } = lan(20 * MS);
    h1.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.run({ until: 100 * MS });
    const again = h1.send({ dst: ip('10.0.0.2'), transport: UDP }).packet;
    sim.run({ until: 200 * MS });
    expect(delivered.map(([node, id]) => [node, id === again.id])).toEqual([
      ['h2', false],
      ['h2', true],
    ]);
    expect(sim.trace.ofType('ip.drop').map((x) => [x.node, x.pkt, x.reason])).toEqual([
      ['r', again.id, 'otherHost'],
    ]);
  });
});
