// DHCP on a switched LAN, run headless: clients that say "address": "dhcp" get distinct
// addresses from the bottom of the pool (RFC 2131 section 4.3.1, as leasePool.ts chooses), a full
// pool stays silent and the client keeps retrying with RFC 2131 section 4.1's backoff, a REQUEST
// for a taken address is refused with a NAK, the lease is renewed at T1 by a unicast REQUEST, and
// without a server the address goes when the lease ends. Expected values come from the RFC's
// rules and the documents' settings, not from a run.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import type { HostNode } from '../../sim/kinds/roleKind.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { isArpFrame, isIpPacket } from '../../net/wire/frame.ts';
import { MAC_BROADCAST } from '../../net/wire/mac.ts';
import { decodeDhcpMessage, encodeDhcpMessage } from '../../net/app/dhcp/dhcpMessage.ts';
import { dhcpDiscover, IPV4_BROADCAST } from '../../net/app/dhcp/dhcpBuild.ts';
import { dhcpBackoffNs, DHCP_REQUEST_TRIES } from './dhcpClient.ts';

const S = 1_000_000_000;

/** A LAN: `clients` DHCP laptops and a router serving `pool` on one switch; extra events. */
function lan(options: {
  clients: number;
  pool?: [string, string];
  lease?: string;
  until?: string;
  events?: unknown[];
  apps?: unknown[];
}) {
  const [first, last] = options.pool ?? ['10.0.0.100', '10.0.0.199'];
  const laptops = Array.from({ length: options.clients }, (_, i) => ({
    id: `pc${i + 1}`,
    role: 'client',
    interfaces: [{ name: 'eth0', address: 'dhcp' }],
    ...(i === 0 && options.apps ? { apps: options.apps } : {}),
  }));
  const doc = {
    format: 'handshake/scenario@1',
    name: 'DHCP LAN',
    seed: 3,
    until: options.until ?? '20s',
    nodes: [
      ...laptops,
      {
        id: 'sw',
        role: 'switch',
        interfaces: [...laptops, {}].map((_, i) => ({ name: `p${i + 1}` })),
      },
      {
        id: 'r',
        role: 'router',
        interfaces: [
          { name: 'lan', address: '10.0.0.1/24' },
          { name: 'wan', address: '10.9.0.1/24' },
        ],
        apps: [
          {
            type: 'dhcpServer',
            pool: { first, last },
            ...(options.lease ? { leaseTime: options.lease } : {}),
          },
        ],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.9.0.10/24' }],
        gateway: '10.9.0.1',
        apps: [{ type: 'httpServer' }],
      },
    ],
    links: [
      ...laptops.map((l, i) => ({ id: `l${i + 1}`, a: l.id, b: `sw:p${i + 1}`, latency: '1ms' })),
      { id: 'up', a: 'r:lan', b: `sw:p${laptops.length + 1}`, latency: '1ms' },
      { id: 'wan', a: 'r:wan', b: 'web', latency: '5ms' },
    ],
    ...(options.events ? { events: options.events } : {}),
  };
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

function run(scenario: ReturnType<typeof lan>) {
  const result = runScenario(scenario);
  const { trace } = result.simulation.sim;
  // Read at each call: a test may run the simulation further.
  const of = <T extends TraceRecord['type']>(type: T) =>
    trace.records.filter((r): r is TraceRecord<T> => r.type === type);
  const host = (id: string) => result.simulation.nodes.get(id) as HostNode;
  return { result, records: trace.records, of, host };
}

const ip = (text: string) => (parseIpv4(text) as { ok: true; address: number }).address;

describe('DHCP', () => {
  it('gives two clients on one segment distinct addresses, the first two of the pool', () => {
    const { of, host } = run(lan({ clients: 2 }));
    // RFC 2131 4.3.1 via leasePool: never-used addresses from the bottom of the range, in the
    // order the DISCOVERs reach the server (pc1's first: both start at 0, pc1 built first).
    const order = of('dhcp.offer').map((r) => r.address);
    expect(order).toEqual(['10.0.0.100', '10.0.0.101']);
    const bound = of('dhcp.bound').map((r) => [r.node, r.address, r.router]);
    expect(bound).toEqual([
      ['pc1', '10.0.0.100/24', '10.0.0.1'], // a router's server names itself the gateway
      ['pc2', '10.0.0.101/24', '10.0.0.1'],
    ]);
    expect(host('pc1').net.iface('eth0').address).toBe(ip('10.0.0.100'));
    expect(host('pc2').net.iface('eth0').address).toBe(ip('10.0.0.101'));
    // The default route from option 3 is in the table.
    expect(host('pc1').net.routes.lookup(ip('10.9.0.10'))?.gateway).toBe(ip('10.0.0.1'));
  });

  it('broadcasts the DISCOVER from 0.0.0.0:68 to 255.255.255.255:67 in a broadcast frame', () => {
    const { records, of, host } = run(lan({ clients: 1, until: '1s' }));
    const pkt = of('dhcp.discover')[0]?.pkt;
    const sent = records.find(
      (r): r is TraceRecord<'link.txBegin'> => r.type === 'link.txBegin' && r.packet.id === pkt,
    );
    const frame = sent?.packet;
    if (!frame || !isIpPacket(frame)) throw new Error('no DISCOVER on the wire');
    expect(frame.eth).toEqual({ dst: MAC_BROADCAST, src: host('pc1').net.iface('eth0').mac });
    expect([frame.ip.src, frame.ip.dst]).toEqual([0, IPV4_BROADCAST]);
    expect(frame.transport).toMatchObject({ kind: 'udp', srcPort: 68, dstPort: 67 });
    const message = decodeDhcpMessage(frame.payload);
    expect(message.ok && message.message).toMatchObject({
      op: 'request',
      chaddr: host('pc1').net.iface('eth0').mac,
      broadcast: true,
      options: { messageType: 'DISCOVER' },
    });
  });

  it('announces a new address with two gratuitous ARP requests, 2 s apart (RFC 5227 2.3)', () => {
    const { records, of, host } = run(lan({ clients: 1, until: '10s' }));
    const [bound] = of('dhcp.bound');
    const announced = of('arp.announce');
    expect(announced.map((r) => [r.node, r.ip, r.count])).toEqual([
      ['pc1', '10.0.0.100', 1],
      ['pc1', '10.0.0.100', 2],
    ]);
    // The first goes as the lease is bound; the second ANNOUNCE_INTERVAL (2 s) later.
    expect(announced[0]?.t).toBe(bound?.t);
    expect((announced[1]?.t ?? 0) - (announced[0]?.t ?? 0)).toBe(2 * S);
    const mac = host('pc1').net.iface('eth0').mac;
    for (const a of announced) {
      const sent = records.find(
        (r): r is TraceRecord<'link.txBegin'> => r.type === 'link.txBegin' && r.pkt === a.pkt,
      );
      const frame = sent?.packet;
      if (!frame || !isArpFrame(frame)) throw new Error('no announcement on the wire');
      // A request to the broadcast whose sender and target are both the new address.
      expect(frame.eth).toEqual({ dst: MAC_BROADCAST, src: mac });
      expect(frame.arp).toMatchObject({
        operation: 'request',
        senderMac: mac,
        senderIp: ip('10.0.0.100'),
        targetIp: ip('10.0.0.100'),
      });
    }
    // A renewal of the same address is not announced again (a 20 s lease renews at 10 s).
    const renewed = run(lan({ clients: 1, lease: '20s', until: '15s' }));
    expect(renewed.of('dhcp.bound')).toHaveLength(2);
    expect(renewed.of('arp.announce')).toHaveLength(2);
  });

  it('a full pool sends no offer; the client keeps retrying with the backoff', () => {
    const { of } = run(lan({ clients: 2, pool: ['10.0.0.100', '10.0.0.100'], until: '40s' }));
    expect(of('dhcp.bound').map((r) => [r.node, r.address])).toEqual([['pc1', '10.0.0.100/24']]);
    const silent = of('dhcp.noOffer');
    expect(silent.length).toBeGreaterThan(0);
    expect(of('dhcp.offer').every((r) => r.address === '10.0.0.100')).toBe(true);
    // pc2's DISCOVERs: 4 s, 8 s, 16 s apart (RFC 2131 4.1), each moved by at most 1 s.
    const times = of('dhcp.discover')
      .filter((r) => r.node === 'pc2')
      .map((r) => r.t);
    expect(times.length).toBe(4); // at 0, ~4, ~12, ~28 s; the next falls after 40 s
    times.slice(1).forEach((t, i) => {
      const gap = t - (times[i] as number);
      expect(Math.abs(gap - dhcpBackoffNs(i + 1))).toBeLessThanOrEqual(S);
    });
    expect(
      of('dhcp.discover')
        .filter((r) => r.node === 'pc2')
        .map((r) => r.attempt),
    ).toEqual([1, 2, 3, 4]);
  });

  it('answers a REQUEST for an address leased to another client with a NAK', () => {
    const { result, of, host } = run(lan({ clients: 2, until: '2s' }));
    const sim = result.simulation.sim;
    // pc2 asks (INIT-REBOOT style: requested IP, no server id) for pc1's address.
    const pc2 = host('pc2').net;
    sim.scheduleAt(sim.now() + 1, () => {
      const request = {
        ...dhcpDiscover({ xid: 77, chaddr: pc2.iface('eth0').mac, broadcast: true }),
        options: { messageType: 'REQUEST' as const, requestedIp: ip('10.0.0.100') },
      };
      pc2.sendOn('eth0', {
        dst: IPV4_BROADCAST,
        src: 0,
        transport: { kind: 'udp', srcPort: 68, dstPort: 67 },
        payload: encodeDhcpMessage(request),
      });
    });
    sim.run({ until: sim.now() + S });
    const naks = of('dhcp.nak');
    expect(naks.map((r) => [r.address, r.xid, r.reason])).toEqual([
      ['10.0.0.100', 77, '10.0.0.100 is leased to another client'],
    ]);
    // A NAK is broadcast (RFC 2131 4.1).
    const nakFrame = sim.trace.records.find(
      (r): r is TraceRecord<'link.txBegin'> =>
        r.type === 'link.txBegin' && r.packet.id === naks[0]?.pkt,
    )?.packet;
    expect(nakFrame && isIpPacket(nakFrame) && nakFrame.ip.dst).toBe(IPV4_BROADCAST);
  });

  it('renews at T1 with a REQUEST unicast to its server, which ACKs a new lease', () => {
    const { records, of, host } = run(lan({ clients: 1, lease: '20s', until: '15s' }));
    const [first, renewed] = of('dhcp.bound');
    if (!first || !renewed) throw new Error('expected two leases');
    expect(first.t1 - first.t).toBe(10 * S); // T1 = half of 20 s
    // T2 = seven eighths, in the whole seconds option 59 carries: floor(17.5).
    expect(first.t2 - first.t).toBe(Math.floor(20 * 0.875) * S);
    const request = of('dhcp.request').find((r) => r.state === 'renewing');
    expect(request?.t).toBe(first.t1);
    expect(request?.server).toBe('10.0.0.1');
    const frame = records.find(
      (r): r is TraceRecord<'link.txBegin'> =>
        r.type === 'link.txBegin' && r.packet.id === request?.pkt,
    )?.packet;
    if (!frame || !isIpPacket(frame)) throw new Error('no renewal on the wire');
    expect(frame.ip.src).toBe(ip('10.0.0.100'));
    expect(frame.ip.dst).toBe(ip('10.0.0.1'));
    expect(frame.eth?.dst).toBe(host('r').net.iface('lan').mac);
    const ack = of('dhcp.ack')[1];
    expect(ack?.address).toBe('10.0.0.100');
    expect(renewed.address).toBe('10.0.0.100/24');
    expect(renewed.expires - renewed.t).toBe(20 * S);
  });

  it('without a server, rebinds at T2 and takes the address away when the lease ends', () => {
    const scenario = lan({
      clients: 1,
      lease: '20s',
      until: '30s',
      events: [{ type: 'nodeCrash', at: '5s', node: 'r' }],
    });
    const { of, host } = run(scenario);
    const bound = of('dhcp.bound')[0];
    if (!bound) throw new Error('no lease');
    expect(of('dhcp.request').map((r) => [r.state, r.t])).toEqual([
      ['selecting', expect.any(Number)],
      ['renewing', bound.t1],
      ['rebinding', bound.t2],
    ]);
    const expired = of('dhcp.expire');
    expect(expired.map((r) => [r.t, r.address])).toEqual([[bound.expires, '10.0.0.100']]);
    expect(host('pc1').net.iface('eth0').address).toBe(0);
    expect(host('pc1').net.routes.lookup(ip('10.9.0.10'))).toBeUndefined();
    // Back to INIT, it looks for a server again.
    const after = of('dhcp.discover').filter((r) => r.t >= bound.expires);
    expect(after[0]?.t).toBe(bound.expires);
    expect(
      of('dhcp.state')
        .filter((r) => r.t === bound.expires)
        .map((r) => r.state),
    ).toEqual(['init', 'selecting']);
  });

  it('starts over after REQUESTs go unanswered', () => {
    // The server crashes between its OFFER and the REQUEST's arrival: 4 REQUESTs, then INIT.
    const scenario = lan({
      clients: 1,
      until: '70s', // REQUESTs at about 0, 4, 12 and 28 s; the last waits 32 s more
      events: [{ type: 'nodeCrash', at: '3ms', node: 'r' }],
    });
    const { of } = run(scenario);
    const requests = of('dhcp.request');
    expect(requests.map((r) => r.attempt)).toEqual(
      Array.from({ length: DHCP_REQUEST_TRIES }, (_, i) => i + 1),
    );
    expect(of('dhcp.restart').map((r) => r.reason)).toEqual(['noAnswer']);
  });

  it('starts the node’s apps once its interface is bound', () => {
    const scenario = lan({
      clients: 1,
      until: '3s',
      apps: [{ type: 'httpClient', server: 'web', page: '/index.html' }],
    });
    const { records, of } = run(scenario);
    const bound = of('dhcp.bound')[0];
    const firstConnect = records.find((r) => r.type === 'socket.state' && r.node === 'pc1');
    expect(bound).toBeDefined();
    expect(firstConnect?.t).toBeGreaterThanOrEqual(bound?.t ?? Infinity);
    expect(of('http.response').length).toBeGreaterThan(0);
  });
});
