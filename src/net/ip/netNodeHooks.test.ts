// The hook points of a NetNode (netfilter's PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING):
// which packets each sees, in which order, with which interfaces, and what a hook's answer does.

import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import type { Packet, Transport } from '../wire/packet.ts';
import type { HookContext, HookPoint } from './netNode.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** Host a (10.0.0.1) - router r (10.0.0.2 | 10.0.1.1) - host b (10.0.1.2); every hook logged. */
function line() {
  const sim = new Simulator();
  const a = new NetNode(sim, 'a');
  const r = new NetNode(sim, 'r', { router: true });
  const b = new NetNode(sim, 'b');
  new PointToPointLink(sim, { id: 'ar', bandwidth: 1e9, delay: MS }).connect(
    a.addInterface('eth0', '10.0.0.1/24'),
    r.addInterface('eth0', '10.0.0.2/24'),
  );
  new PointToPointLink(sim, { id: 'rb', bandwidth: 1e9, delay: MS }).connect(
    r.addInterface('eth1', '10.0.1.1/24'),
    b.addInterface('eth0', '10.0.1.2/24'),
  );
  a.setDefaultGateway('10.0.0.2');
  b.setDefaultGateway('10.0.1.1');
  const seen: string[] = [];
  const delivered: string[] = [];
  for (const node of [a, r, b]) {
    for (const point of ['prerouting', 'input', 'forward', 'output', 'postrouting'] as const) {
      node.addHook(point, (packet, context) => {
        seen.push(`${node.name}:${point}${where(context)} ttl=${packet.ip.ttl}`);
        return packet;
      });
    }
    node.onDeliver('udp', (packet) => delivered.push(`${node.name} got #${packet.id}`));
  }
  return { sim, a, r, b, seen, delivered };
}

function where(context: HookContext): string {
  const inside = context.inIface ? ` in=${context.inIface.name}` : '';
  const outside = context.outIface ? ` out=${context.outIface.name}` : '';
  return inside + outside;
}

describe('NetNode hook points', () => {
  it('shows an originated, forwarded and delivered packet to the hooks in netfilter order', () => {
    const { sim, a, seen, delivered } = line();
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(seen).toEqual([
      'a:output out=eth0 ttl=64',
      'a:postrouting out=eth0 ttl=64',
      'r:prerouting in=eth0 ttl=64',
      // The TTL is checked and decremented before FORWARD, as Linux's ip_forward does.
      'r:forward in=eth0 out=eth1 ttl=63',
      'r:postrouting in=eth0 out=eth1 ttl=63',
      'b:prerouting in=eth0 ttl=63',
      'b:input in=eth0 ttl=63',
    ]);
    expect(delivered).toEqual(['b got #1']);
  });

  it('lets no hook see a packet a node sends to its own address', () => {
    const { sim, a, seen, delivered } = line();
    a.send({ dst: ip('10.0.0.1'), transport: UDP });
    sim.run();
    expect(seen).toEqual([]);
    expect(delivered).toEqual(['a got #1']);
  });

  it.each<[HookPoint, string]>([
    ['prerouting', 'r'],
    ['forward', 'r'],
    ['postrouting', 'r'],
    ['input', 'b'],
  ])('stops a packet a %s hook takes: nothing after it sees it', (point, node) => {
    const { sim, a, r, b, seen, delivered } = line();
    const taker = node === 'r' ? r : b;
    taker.addHook(point, () => undefined);
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    const last = seen[seen.length - 1] as string;
    expect(last.startsWith(`${node}:${point}`)).toBe(true);
    expect(delivered).toEqual([]);
    // A forward hook that takes the packet leaves no ip.forward record: it was not forwarded.
    const forwards = sim.trace.ofType('ip.forward').length;
    expect(forwards).toBe(point === 'prerouting' || point === 'forward' ? 0 : 1);
  });

  it('reports an originated packet an output hook took as filtered, and sends nothing', () => {
    const { sim, a, seen } = line();
    a.addHook('output', () => undefined);
    const result = a.send({ dst: ip('10.0.1.2'), transport: UDP });
    expect(result).toMatchObject({ ok: false, reason: 'filtered' });
    sim.run();
    expect(seen).toEqual(['a:output out=eth0 ttl=64']);
    expect(sim.trace.ofType('link.txBegin')).toEqual([]);
  });

  it('skips the output hooks, not postrouting, for a send that asks to', () => {
    const { sim, a, seen } = line();
    a.addHook('output', () => undefined);
    const packet: Packet = {
      id: 99,
      ip: { ...a.send({ dst: ip('10.0.1.2'), transport: UDP }).packet.ip },
      transport: UDP,
      payload: new Uint8Array(0),
    };
    seen.length = 0;
    expect(a.sendPacket(packet, { skipOutputHooks: true }).ok).toBe(true);
    sim.run();
    expect(seen.slice(0, 1)).toEqual(['a:postrouting out=eth0 ttl=64']);
  });

  it('carries on with the packet a hook returns: a prerouting rewrite is delivered here', () => {
    const { sim, a, r, delivered } = line();
    // As a DNAT would: the packet for b is rewritten to r's own address before routing.
    r.addHook('prerouting', (p) => ({ ...p, ip: { ...p.ip, dst: ip('10.0.1.1') } }));
    r.onDeliver('udp', (packet) => delivered.push(`r got #${packet.id}`));
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(delivered).toEqual(['r got #1']);
  });

  it('runs hooks at one point in the order they were added', () => {
    const { sim, a, b } = line();
    const order: string[] = [];
    b.addHook('input', (p) => (order.push('first'), p));
    b.addHook('input', (p) => (order.push('second'), p));
    a.send({ dst: ip('10.0.1.2'), transport: UDP });
    sim.run();
    expect(order).toEqual(['first', 'second']);
  });
});
