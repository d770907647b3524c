// A node that crashes and restarts, and an interface taken down and brought back, at the IP layer:
// what is dropped (and why), what a router answers, and which routes are usable meanwhile.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { readQuote } from '../wire/icmpErrors.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import type { Packet, Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** Host a (10.0.0.2) - router r (eth0 10.0.0.1, eth1 10.0.1.1) - host b (10.0.1.2). */
function line() {
  const sim = new Simulator({ seed: 1 });
  const a = new NetNode(sim, 'a');
  const r = new NetNode(sim, 'r', { router: true });
  const b = new NetNode(sim, 'b');
  const link = (id: string) => new PointToPointLink(sim, { id, bandwidth: 1e6, delay: MS });
  link('ar').connect(a.addInterface('eth0', '10.0.0.2/24'), r.addInterface('eth0', '10.0.0.1/24'));
  link('rb').connect(r.addInterface('eth1', '10.0.1.1/24'), b.addInterface('eth0', '10.0.1.2/24'));
  a.setDefaultGateway('10.0.0.1');
  b.setDefaultGateway('10.0.1.1');
  const got: Record<string, Packet[]> = { a: [], b: [] };
  for (const node of [a, b])
    for (const protocol of ['udp', 'icmp'] as const)
      node.onDeliver(protocol, (packet) => got[node.name]?.push(packet));
  const drops = () => sim.trace.ofType('ip.drop').map((d) => [d.node, d.pkt, d.reason]);
  return { sim, a, r, b, got, drops };
}

describe('a node that crashes', () => {
  it('drops every packet that reaches it and sends none until it restarts', () => {
    const { sim, a, b, got, drops } = line();
    b.crash();
    expect(b.up).toBe(false);
    const lost = a.send({ dst: ip('10.0.1.2'), transport: UDP });
    const refused = b.send({ dst: ip('10.0.0.2'), transport: UDP });
    expect(refused).toMatchObject({ ok: false, reason: 'nodeDown' });
    sim.run();
    expect(got.b).toEqual([]);
    // A crashed b answers no ARP request: r's three go unanswered, so r drops the packet after
    // 3 s and tells a with ICMP Host Unreachable (as Linux does).
    expect(drops()).toEqual([
      ['b', refused.packet.id, 'nodeDown'],
      ['r', lost.packet.id, 'arpFailed'],
    ]);
    expect(sim.trace.ofType('arp.request').map((x) => [x.node, x.target, x.probe])).toEqual([
      ['a', '10.0.0.1', 1],
      ['r', '10.0.1.2', 1],
      ['r', '10.0.1.2', 2],
      ['r', '10.0.1.2', 3],
    ]);
    expect(got.a?.map((p) => p.transport)).toMatchObject([
      { kind: 'icmp', message: 'destinationUnreachable', code: 1 },
    ]);
    b.restart();
    const again = a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(got.b?.map((p) => p.id)).toEqual([again.packet.id]);
    const life = sim.trace.records.filter((x) => x.type.startsWith('node.'));
    expect(life.map((x) => [x.type, 'node' in x && x.node])).toEqual([
      ['node.crash', 'b'],
      ['node.restart', 'b'],
    ]);
  });

  it('as a router forwards nothing while down', () => {
    const { sim, a, r, got, drops } = line();
    r.crash();
    const sent = a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(got.b).toEqual([]);
    expect(got.a).toEqual([]); // no ICMP error from a crashed router
    // The crashed router answers no ARP request, so a's packet never leaves: a host drops it.
    expect(drops()).toEqual([['a', sent.packet.id, 'arpFailed']]);
    expect(sim.trace.ofType('arp.fail').map((x) => [x.node, x.ip, x.dropped])).toEqual([
      ['a', '10.0.0.1', 1],
    ]);
  });
});

describe('an interface taken down', () => {
  it('drops what arrives on it, without an ICMP error', () => {
    const { sim, b, r, got, drops } = line();
    // A first packet fills the ARP caches (b knows r's MAC for 30 s).
    b.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.run({ until: 100 * MS });
    got.a = [];
    expect(r.setInterfaceUp('eth1', false)).toBe(true);
    expect(r.setInterfaceUp('eth1', false)).toBe(false);
    const sent = b.send({ dst: ip('10.0.0.2'), transport: UDP });
    sim.run();
    expect(got.a).toEqual([]);
    expect(got.b).toEqual([]);
    expect(drops()).toEqual([['r', sent.packet.id, 'interfaceDown']]);
    expect(sim.trace.ofType('iface.state')).toEqual([
      { t: 100 * MS, type: 'iface.state', node: 'r', iface: 'eth1', up: false },
    ]);
  });

  it('takes its routes out while down: a router answers network unreachable, then forwards again', () => {
    const { sim, a, r, got, drops } = line();
    r.addRoute('10.0.9.0/24', { gateway: '10.0.1.2' });
    r.setInterfaceUp('eth1', false);
    // The connected route and the static one through eth1 are out of the table.
    expect(r.routes.describe()).toEqual(['10.0.0.0/24 dev eth0 scope link']);
    const sent = a.send({ dst: ip('10.0.9.7'), transport: UDP });
    sim.run();
    expect(got.b).toEqual([]);
    expect(drops()).toEqual([['r', sent.packet.id, 'noRoute']]);
    // RFC 1812 5.2.7.1: no route, so an ICMP Destination Unreachable (network) goes back.
    const icmp = got.a?.[0];
    expect(icmp?.transport).toMatchObject({
      kind: 'icmp',
      message: 'destinationUnreachable',
      code: 0,
    });
    expect(readQuote(icmp?.payload ?? new Uint8Array())).toMatchObject({
      ok: true,
      quoted: { ip: { dst: ip('10.0.9.7') } },
    });
    r.setInterfaceUp('eth1', true);
    expect(r.routes.describe()).toEqual([
      '10.0.0.0/24 dev eth0 scope link',
      '10.0.1.0/24 dev eth1 scope link',
      '10.0.9.0/24 via 10.0.1.2 dev eth1',
    ]);
    const later = a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(got.b?.map((p) => p.id)).toEqual([later.packet.id]);
  });

  it('leaves a host whose only interface is down with no route to send by', () => {
    const { sim, b, got, drops } = line();
    b.setInterfaceUp('eth0', false);
    const sent = b.send({ dst: ip('10.0.0.2'), transport: UDP });
    expect(sent).toMatchObject({ ok: false, reason: 'noRoute' });
    expect(b.sourceAddressFor(ip('10.0.0.2'))).toBeUndefined();
    sim.run();
    expect(got.a).toEqual([]);
    expect(drops()).toEqual([['b', sent.packet.id, 'noRoute']]);
  });

  it('stays down across a crash and restart of its node', () => {
    const { sim, a, b, got } = line();
    // A first packet fills the caches: r knows b's MAC for 30 s, so later ones reach b's card.
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run({ until: 100 * MS });
    got.b = [];
    b.setInterfaceUp('eth0', false);
    b.crash();
    b.restart();
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run({ until: 200 * MS });
    expect(got.b).toEqual([]);
    expect(sim.trace.ofType('ip.drop').at(-1)?.reason).toBe('interfaceDown');
    b.setInterfaceUp('eth0', true);
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run({ until: 300 * MS });
    expect(got.b?.length).toBe(1);
  });
});
