// The link-layer tables read from the trace agree with the running objects' own: a host's ARP
// cache (NetNode's ArpLayer) and a switch's MAC table (LearningSwitch), checked at moments of a
// run on a small switched LAN, through learning, expiry, asking again and ageing.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { NetNode } from '../../net/ip/netNode.ts';
import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { deriveMac, formatMac, interfaceKey } from '../../net/wire/mac.ts';
import { parseScenarioText } from '../../sim/index.ts';
import { interfaceLines } from '../sockets/index.ts';
import type { Transport } from '../../net/wire/packet.ts';
import { arpCacheAt, macOwners, macTableAt, neighbourRecords } from './neighbourTables.ts';

const MS = 1_000_000;
const S = 1_000_000_000;
const UDP: Transport = { kind: 'udp', srcPort: 4000, dstPort: 7 };

/** h1 and h2 on switch ports p1 and p2 (1 Mb/s, 1 ms); the switch forgets after `ageing`. */
function lan(ageing: number) {
  const sim = new Simulator();
  const sw = new LearningSwitch(sim, 'sw', { ageingTime: ageing });
  const h1 = new NetNode(sim, 'h1');
  const h2 = new NetNode(sim, 'h2');
  const link = (id: string) => new PointToPointLink(sim, { id, bandwidth: 1e6, delay: MS });
  link('l1').connect(h1.addInterface('eth0', '10.0.0.1/24'), sw.addPort('p1'));
  link('l2').connect(h2.addInterface('eth0', '10.0.0.2/24'), sw.addPort('p2'));
  return { sim, sw, h1, h2 };
}

describe("a node's tables from the trace", () => {
  it('give the ARP cache and the MAC table the running node and switch hold, at every moment', () => {
    const { sim, sw, h1, h2 } = lan(40 * S);
    h1.send({ dst: 0x0a000002, transport: UDP });
    // At 35 s both ARP entries have expired (30 s); h1 asks again; the switch, whose entries are
    // 40 s old at 40 s, forgets h2 first (h2 was last heard from at about 3 ms + 35 s).
    sim.schedule(35 * S, () => h1.send({ dst: 0x0a000002, transport: UDP }));
    for (const t of [
      1 * MS,
      5 * MS,
      10 * MS,
      20 * S,
      31 * S,
      35 * S + MS,
      50 * S,
      80 * S,
      100 * S,
    ]) {
      sim.run({ until: t });
      const records = recordList(sim.trace.records);
      for (const node of [h1, h2]) {
        const fromTrace = arpCacheAt(neighbourRecords(records, node.name), t).map((r) => [
          r.ip,
          r.state,
          r.mac,
        ]);
        const live = node.arp
          .entries(node.iface('eth0'))
          .map((e) => [
            formatIpv4(e.ip),
            e.state === 'reachable' ? 'REACHABLE' : e.state === 'expired' ? 'STALE' : 'INCOMPLETE',
            e.state === 'incomplete' ? null : formatMac(e.mac),
          ]);
        expect(fromTrace, `${node.name} at ${t}`).toEqual(live);
      }
      const table = macTableAt(neighbourRecords(records, 'sw'), t, 40 * S);
      expect(
        table.map((r) => [r.mac, r.port]),
        `sw at ${t}`,
      ).toEqual(sw.entries().map((e) => [formatMac(e.address), e.port]));
    }
  });

  it('says until when each entry holds: 30 s reachable, 60 s stale, 1 s per request', () => {
    const { sim, h1 } = lan(300 * S);
    h1.send({ dst: 0x0a000009, transport: UDP }); // nobody has 10.0.0.9
    h1.send({ dst: 0x0a000002, transport: UDP });
    sim.run({ until: 1500 * MS });
    const own = neighbourRecords(recordList(sim.trace.records), 'h1');
    // 10.0.0.9: the second request went at 1 s, the third is due at 2 s. 10.0.0.2: its request
    // waits behind the first one on h1's link (64-byte frames at 1 Mb/s: 0.512 ms each), then
    // four hops of 0.512 + 1 = 1.512 ms (h1→sw→h2, the reply h2→sw→h1): 0.512 + 4 × 1.512 =
    // 6.56 ms; reachable until 30 s later.
    expect(arpCacheAt(own, 1500 * MS)).toEqual([
      {
        iface: 'eth0',
        ip: '10.0.0.9',
        mac: null,
        state: 'INCOMPLETE',
        since: 0,
        until: 2 * S,
        probes: 2,
      },
      {
        iface: 'eth0',
        ip: '10.0.0.2',
        mac: expect.stringMatching(/^02:00:/),
        state: 'REACHABLE',
        since: 6_560_000,
        until: 6_560_000 + 30 * S,
      },
    ]);
    sim.run({ until: 40 * S });
    const later = neighbourRecords(recordList(sim.trace.records), 'h1');
    // 10.0.0.9 failed at 3 s; 10.0.0.2 expired at 30.00656 s, kept stale for 60 s.
    expect(arpCacheAt(later, 40 * S)).toEqual([
      expect.objectContaining({ ip: '10.0.0.2', state: 'STALE', until: 6_560_000 + 90 * S }),
    ]);
  });
});

describe('MACs for the inspector', () => {
  const parsed = parseScenarioText(
    JSON.stringify({
      format: 'handshake/scenario@1',
      name: 'MACs',
      seed: 1,
      until: '1s',
      nodes: [
        { id: 'pc', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
        { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }, { name: 'p2' }] },
      ],
      links: [{ id: 'l1', a: 'pc', b: 'sw:p1', latency: '1ms', bandwidth: '1Gbps' }],
    }),
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const scenario = parsed.scenario;

  it('name each addressed interface by its MAC, and list it beside the address', () => {
    // The MAC is the one the node is built with: deriveMac over the node and interface names.
    const pcMac = formatMac(deriveMac(interfaceKey('pc', 'eth0')));
    expect(new Map(macOwners(scenario)).get(pcMac)).toBe('pc:eth0');
    expect(interfaceLines(scenario, 'pc')[0]).toMatchObject({ name: 'eth0', mac: pcMac });
    // A switch port has no address, but a MAC of its own: its BPDUs' source (spanning tree).
    const ports = interfaceLines(scenario, 'sw');
    expect(ports.map((l) => [l.address ?? null, l.mac])).toEqual(
      ports.map((l) => [null, formatMac(deriveMac(interfaceKey('sw', l.name)))]),
    );
  });
});
