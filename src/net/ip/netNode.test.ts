import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { PointToPointLink } from '../link/pointToPointLink.ts';
import { readQuote } from '../wire/icmpErrors.ts';
import { parseIpv4 } from '../wire/ipv4Address.ts';
import { ipv4Header, type Packet, type Transport } from '../wire/packet.ts';
import { NetNode } from './netNode.ts';

const MS = 1_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 5000, dstPort: 53 };

function ip(text: string): number {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.address;
}

/** Hosts a (10.0.0.1/24) and b (10.0.0.2/24) on a 1 Mb/s, 1 ms link; handlers record arrivals. */
function pair() {
  const sim = new Simulator();
  const a = new NetNode(sim, 'a');
  const b = new NetNode(sim, 'b');
  new PointToPointLink(sim, { id: 'ab', bandwidth: 1_000_000, delay: MS }).connect(
    a.addInterface('eth0', '10.0.0.1/24'),
    b.addInterface('eth0', '10.0.0.2/24'),
  );
  const got: Record<string, [number, string, Packet][]> = { a: [], b: [] };
  for (const node of [a, b]) {
    for (const protocol of ['udp', 'icmp'] as const) {
      node.onDeliver(protocol, (packet, iface) =>
        got[node.name]?.push([sim.now(), `${protocol}@${iface.name}`, packet]),
      );
    }
  }
  return { sim, a, b, got };
}

describe('NetNode as a host', () => {
  it('originates a packet with a fresh id, its interface address and TTL 64, and delivers it', () => {
    const { sim, a, got } = pair();
    const result = a.send({ dst: ip('10.0.0.2'), transport: UDP, payload: new Uint8Array(72) });
    expect(result.ok).toBe(true);
    expect(result.packet).toMatchObject({ id: 1, ip: { src: ip('10.0.0.1'), ttl: 64 } });
    sim.run();
    // First ARP: a's request and b's reply are 64-byte frames (28 bytes padded to 60, + 4 of
    // FCS), 512 bits = 0.512 ms at 1 Mb/s, + 1 ms each way: the reply is back at 3.024 ms.
    // Then the packet: 20 + 8 + 72 = 100 B, a 118-byte frame = 944 bits = 0.944 ms, plus 1 ms:
    // 3.024 + 1.944 = 4.968 ms.
    expect(got.b?.map(([t, how, p]) => [t, how, p.id])).toEqual([[4_968_000, 'udp@eth0', 1]]);
    expect(sim.trace.ofType('ip.deliver').map((r) => [r.node, r.iface, r.pkt, r.protocol])).toEqual(
      [['b', 'eth0', 1, 17]],
    );
  });

  it('shares one packet-id counter per simulation across nodes, ARP frames included', () => {
    const { a, b } = pair();
    // 10.0.0.9 is on the link: a's first packet (1) starts an ARP request (2), b's packet (3)
    // another (4); a's second (5) waits for the request already out.
    const ids = [a, b, a].map((n) => n.send({ dst: ip('10.0.0.9'), transport: UDP }).packet.id);
    expect(ids).toEqual([1, 3, 5]);
  });

  it('keeps a source address it is given, and other IP fields', () => {
    const { a } = pair();
    const { packet } = a.send({
      dst: ip('10.0.0.2'),
      transport: UDP,
      src: ip('10.0.0.77'),
      ip: { ttl: 5, dscp: 46 },
    });
    expect(packet.ip).toMatchObject({ src: ip('10.0.0.77'), ttl: 5, dscp: 46 });
  });

  it('drops a packet with no route (traced) and tells the sender, with no ICMP', () => {
    const { sim, a, got } = pair();
    const result = a.send({ dst: ip('192.0.2.1'), transport: UDP });
    expect(result).toMatchObject({ ok: false, reason: 'noRoute' });
    sim.run();
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason])).toEqual([
      ['a', result.packet.id, 'noRoute'],
    ]);
    expect(sim.trace.ofType('link.txBegin')).toEqual([]);
    expect(got.a).toEqual([]);
  });

  it('delivers a packet to one of its own addresses after zero delay, off the wire', () => {
    const { sim, a, got } = pair();
    sim.schedule(5 * MS, () => a.send({ dst: ip('10.0.0.1'), transport: UDP }));
    sim.run();
    expect(got.a?.map(([t, how]) => [t, how])).toEqual([[5 * MS, 'udp@eth0']]);
    expect(sim.trace.ofType('link.txBegin')).toEqual([]);
  });

  it('answers a protocol nobody handles with ICMP Protocol Unreachable', () => {
    const { sim, a, b, got } = pair();
    b.onDeliver('udp', undefined);
    const sent = a.send({ dst: ip('10.0.0.2'), transport: UDP }).packet;
    sim.run();
    expect(sim.trace.ofType('ip.drop').map((r) => [r.node, r.pkt, r.reason])).toEqual([
      ['b', sent.id, 'noProtocol'],
    ]);
    const [error] = got.a ?? [];
    expect(error?.[2].transport).toMatchObject({ message: 'destinationUnreachable', code: 2 });
    expect(error?.[2].ip.src).toBe(ip('10.0.0.2'));
  });

  it('sends Port Unreachable for the UDP layer, from the address the datagram was sent to', () => {
    const { sim, a, b, got } = pair();
    b.onDeliver('udp', (packet) => b.sendPortUnreachable(packet));
    a.send({ dst: ip('10.0.0.2'), transport: UDP, payload: new Uint8Array(12) });
    sim.run();
    const [t, how, error] = got.a?.[0] ?? [];
    // ARP first: a 64-byte request and reply, 0.512 ms + 1 ms each way: 3.024 ms. Datagram:
    // 20 + 8 + 12 = 40 B, padded to a 64-byte frame: 512 µs + 1 ms, at b at 4.536 ms. Error:
    // 20 + 8 + quote (20 + 8) = 56 B, a 74-byte frame = 592 µs, + 1 ms (b learned a's MAC
    // from its request: no ARP). Total 4.536 + 1.592 = 6.128 ms.
    expect(t).toBe(6_128_000);
    expect(how).toBe('icmp@eth0');
    expect(error?.ip).toMatchObject({ src: ip('10.0.0.2'), dst: ip('10.0.0.1') });
    expect(error?.transport).toMatchObject({ message: 'destinationUnreachable', code: 3 });
    const quote = readQuote(error?.payload ?? new Uint8Array());
    expect(quote).toMatchObject({ ok: true, quoted: { protocol: 17, srcPort: 5000, dstPort: 53 } });
  });

  it('drops packets for another address instead of forwarding them', () => {
    const { sim, b } = pair();
    // b receives a packet for 10.0.0.3 (as when a switch floods): a host does not forward.
    b.receive(
      {
        id: 99,
        ip: ipv4Header({ src: ip('10.0.0.1'), dst: ip('10.0.0.3') }),
        transport: UDP,
        payload: new Uint8Array(),
      },
      b.iface('eth0'),
    );
    expect(sim.trace.ofType('ip.drop').map((r) => [r.pkt, r.reason])).toEqual([[99, 'notForMe']]);
  });

  it('drops a packet whose interface has no link', () => {
    const sim = new Simulator();
    const lonely = new NetNode(sim, 'x');
    lonely.addInterface('eth0', '10.0.0.1/24');
    expect(lonely.send({ dst: ip('10.0.0.2'), transport: UDP })).toMatchObject({
      ok: false,
      reason: 'notConnected',
    });
    expect(sim.trace.ofType('ip.drop').map((r) => r.reason)).toEqual(['notConnected']);
  });

  it('chooses the interface (and source address) of the longest matching route', () => {
    const sim = new Simulator();
    const h = new NetNode(sim, 'h');
    h.addInterface('eth0', '10.0.0.5/24');
    h.addInterface('eth1', '172.16.0.5/16');
    h.setDefaultGateway('10.0.0.1');
    h.addRoute('172.16.9.0/24', { gateway: '10.0.0.2' });
    expect(h.sourceAddressFor(ip('172.16.3.3'))).toBe(ip('172.16.0.5')); // connected /16
    expect(h.sourceAddressFor(ip('172.16.9.3'))).toBe(ip('10.0.0.5')); // static /24 via eth0
    expect(h.sourceAddressFor(ip('8.8.8.8'))).toBe(ip('10.0.0.5')); // default
    expect(h.routes.lookup(ip('172.16.9.3'))).toMatchObject({
      iface: 'eth0',
      gateway: ip('10.0.0.2'),
    });
  });

  it('refuses bad configuration with a message', () => {
    const h = new NetNode(new Simulator(), 'h');
    h.addInterface('eth0', '10.0.0.5/24');
    expect(() => h.addInterface('eth0', '10.0.1.5/24')).toThrow(/already has an interface/);
    expect(() => h.addInterface('eth1', '10.0.0.5/16')).toThrow(/already has the address/);
    expect(() => h.addInterface('eth2', '10.0.0.300/24')).toThrow(RangeError);
    expect(() => h.setDefaultGateway('192.0.2.1')).toThrow(/connected prefix/);
    expect(() => h.addRoute('10.9.0.0/16', { iface: 'eth9' })).toThrow(/no interface/);
  });
});
