// ARP and MAC steps worked out by hand: a next hop that never answers (simulations/port-scan.json:
// the printer's link is down from the start), an entry gone stale and asked for again
// (simulations/syn-flood.json), a frame for another MAC flooded by a switch that forgot where it
// is (a switch that forgets after 20 ms, run on the network layer itself), and German words.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { NetNode } from '../../net/ip/netNode.ts';
import { LearningSwitch } from '../../net/link/learningSwitch.ts';
import { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import { parseScenarioText } from '../../sim/index.ts';
import {
  fileRun,
  firstPkt,
  firstSent,
  lines,
  macOf,
  steps,
  type Run,
} from '../../../tests/support/decisionRuns.ts';

describe('a next hop that never answers (port-scan.json)', () => {
  const run = fileRun('port-scan.json');
  // The scan of the printer starts at 8 s: the router asks for 10.0.1.30 on eth2, three times
  // 1 s apart (Linux's mcast_solicit 3, retrans_time 1 s), into a link that is down.
  const probes = run.records
    .filter((r) => r.type === 'arp.request' && r.node === 'router' && r.target === '10.0.1.30')
    .map((r) => (r as { pkt: number }).pkt);
  const first = firstPkt(run, 'ip.drop', (r) => r.node === 'router' && r.reason === 'arpFailed');

  it('the first SYN waits for ARP, is dropped when ARP gives up, and host unreachable goes back', () => {
    expect(probes).toHaveLength(3);
    const [a, b, c] = probes.map((p) => `#${p}`);
    const atRouter = steps(run, first, 'router');
    expect(lines(atRouter).slice(4)).toEqual([
      `link out go: Its ARP cache has no MAC for the next hop 10.0.1.30: the packet waits while ARP broadcasts who has 10.0.1.30 on eth2 (${a}). [10.0.1.30 dev eth2 INCOMPLETE]`,
      `link out drop: No reply to 3 ARP requests for the next hop 10.0.1.30 (${a}, ${b}, ${c}): the entry fails and the packet that waited for it is dropped. [10.0.1.30 dev eth2 FAILED]`,
      'network out end: Sent back an ICMP error (host unreachable) to 192.168.1.66.',
    ]);
    expect(atRouter.map((s) => s.frames).filter(Boolean)).toEqual([probes.slice(0, 1), probes]);
    // 3 s after the first request: the failure, at the third request's time plus 1 s.
    const failedAt = atRouter.find((s) => s.outcome === 'drop')?.t ?? 0;
    const asked = run.records.find((r) => r.type === 'arp.request' && r.pkt === probes[0]);
    expect(failedAt - (asked?.t ?? 0)).toBe(3_000_000_000);
  });

  it('the next SYN finds the request already out, and its request never reaches the link', () => {
    const next = firstPkt(
      run,
      'ip.drop',
      (r) => r.node === 'router' && r.reason === 'arpFailed' && r.pkt > first,
    );
    expect(lines(steps(run, next, 'router'))[4]).toBe(
      `link out go: ARP is already asking who has the next hop 10.0.1.30 on eth2 (#${probes[0]}): the packet waits with the others for the reply. [10.0.1.30 dev eth2 INCOMPLETE]`,
    );
    expect(lines(steps(run, probes[0] as number, 'router'))).toEqual([
      `link out go: ARP asks who has 10.0.1.30: a packet for that next hop waits, and the cache of eth2 has no MAC for it. Sent from 10.0.1.1 at ${macOf(run, 'router', 'eth2')} to every station (request 1 of at most 3). [10.0.1.30 dev eth2 INCOMPLETE]`,
      'link out drop: The link of eth2 is down: dropped before it reached the link.',
    ]);
  });
});

describe('an entry gone stale (syn-flood.json)', () => {
  const run = fileRun('syn-flood.json');

  it('the attacker asks again for its gateway after 30 s, and its SYN waits for the answer', () => {
    // The attacker learned its gateway 198.51.100.1 at about 1 s; 30 s on the entry expired
    // (arp.expire), so the next SYN, made at 31.1 s, waits while ARP asks again.
    // The first frame the attacker sends after its new request carries that SYN.
    const asked = run.records.find((r) => r.type === 'arp.request' && r.pkt === staleRequest(run));
    const syn = firstPkt(
      run,
      'link.txBegin',
      (r) => r.node === 'attacker' && r.t > (asked?.t ?? 0),
    );
    expect(syn).toBeLessThan(staleRequest(run));
    const arp = lines(steps(run, syn, 'attacker')).filter((l) => l.includes('ARP'));
    expect(arp[0]).toBe(
      `link out go: Its ARP cache’s entry for the next hop 198.51.100.1 has gone stale: the packet waits while ARP asks again who has 198.51.100.1 on eth0 (#${staleRequest(run)}). [198.51.100.1 dev eth0 INCOMPLETE]`,
    );
    expect(arp[1]).toMatch(
      /^link out go: The ARP reply #\d+ says 198\.51\.100\.1 is at 02:00(:[0-9a-f]{2}){4} \(Router, eth1\): the cache learns it, and the packet goes on after waiting 20\.01 ms\./,
    );
  });
});

/** The attacker's first ARP request after 30 s: for an expired entry. */
function staleRequest(run: Run): number {
  return firstPkt(run, 'arp.request', (r) => r.node === 'attacker' && r.t > 30_000_000_000);
}

describe('a frame for another MAC', () => {
  it('is flooded by a switch that forgot where it is, and dropped by the other station’s card', () => {
    const run = forgetfulLan();
    const flooded = run.records.find((r) => r.type === 'ip.drop' && r.reason === 'otherHost');
    const pkt = (flooded as { pkt: number }).pkt;
    const [h1, h2] = [macOf(run, 'h1', 'eth0'), macOf(run, 'h2', 'eth0')];
    // By 100 ms the switch (ageing 20 ms) has forgotten both; h1's ARP cache (30 s) still has h2.
    expect(lines(steps(run, pkt, 'sw'))).toEqual([
      'link in go: Arrived on p1 over link l1 from H1.',
      `link in go: Learned from the frame’s source MAC ${h1} (H1) that it is behind port p1. [${h1} dev p1 master sw]`,
      `link out go: Its destination MAC ${h2} (H2) is not in its MAC table: flooded out of every port but p1, the one it came in on (p2, p3).`,
      'link out go: Sent out of p2 onto link l2 towards H2.',
      'link out go: Sent out of p3 onto link l3 towards H3.',
    ]);
    const h3 = macOf(run, 'h3', 'eth0');
    expect(lines(steps(run, pkt, 'h3'))).toEqual([
      'link in go: Arrived on eth0 over link l3 from Switch. [eth0 10.0.0.3/24]',
      `link in drop: Its destination MAC is ${h2} (H2), not the address of eth0: a switch flooded it here, not knowing where that MAC is. The card drops it. [eth0: link/ether ${h3} brd ff:ff:ff:ff:ff:ff]`,
    ]);
    expect(lines(steps(run, pkt, 'h2'))[1]).toBe(
      `link in go: Its destination MAC ${h2} is the own address of eth0: the card takes the frame. [eth0: link/ether ${h2} brd ff:ff:ff:ff:ff:ff]`,
    );
  });
});

describe('in German', () => {
  it('says ARP’s wait and the switch’s lookup in German; the entries stay as the tools print them', () => {
    const run = fileRun('two-subnets.json');
    const ping = firstSent(run, (p, node) => node === 'laptop' && p.transport.kind === 'udp');
    const de = steps(run, ping.packet.id, 'laptop', 'de');
    const en = steps(run, ping.packet.id, 'laptop');
    const ask = firstPkt(run, 'arp.request', (r) => r.node === 'laptop');
    expect(de[3]?.text).toBe(
      `Der ARP-Cache hat keine MAC für den nächsten Hop 192.168.1.1: Das Paket wartet, während ARP per Broadcast an eth0 fragt, wer 192.168.1.1 hat (#${ask}).`,
    );
    expect(de.map((s) => s.entry)).toEqual(en.map((s) => s.entry));
    const router = macOf(run, 'router', 'eth0');
    expect(steps(run, ping.packet.id, 'switch', 'de')[2]?.text).toBe(
      `Die Ziel-MAC ${router} (Router, eth0) in der MAC-Adresstabelle nachgeschlagen: hinter Port p3, also nur über p3 weitergeschickt.`,
    );
  });
});

/**
 * Three hosts on a switch that forgets after 20 ms (a scenario cannot set the ageing time, so the
 * network layer is built here as the scenario below describes it, for the names): h1 sends to h2
 * at 0 and again at 100 ms, when the switch has forgotten h2 but h1's ARP cache has not.
 */
function forgetfulLan(): Run {
  const MS = 1_000_000;
  const sim = new Simulator();
  const sw = new LearningSwitch(sim, 'sw', { ageingTime: 20 * MS });
  const hosts = ['h1', 'h2', 'h3'].map((name, i) => {
    const node = new NetNode(sim, name);
    const link = new PointToPointLink(sim, { id: `l${i + 1}`, bandwidth: 1e6, delay: MS });
    link.connect(node.addInterface('eth0', `10.0.0.${i + 1}/24`), sw.addPort(`p${i + 1}`));
    return node;
  });
  const h1 = hosts[0] as NetNode;
  const dst = parseIpv4('10.0.0.2');
  if (!dst.ok) throw new Error(dst.error);
  const send = () =>
    h1.send({ dst: dst.address, transport: { kind: 'udp', srcPort: 4000, dstPort: 9 } });
  send();
  sim.run({ until: 100 * MS });
  send();
  sim.run({ until: 200 * MS });
  const host = (id: string, address: string) => ({
    id,
    role: 'client',
    label: id.toUpperCase(),
    interfaces: [{ name: 'eth0', address }],
  });
  const parsed = parseScenarioText(
    JSON.stringify({
      format: 'handshake/scenario@1',
      name: 'A forgetful switch',
      nodes: [
        host('h1', '10.0.0.1/24'),
        host('h2', '10.0.0.2/24'),
        host('h3', '10.0.0.3/24'),
        {
          id: 'sw',
          role: 'switch',
          label: 'Switch',
          interfaces: [{ name: 'p1' }, { name: 'p2' }, { name: 'p3' }],
        },
      ],
      links: [1, 2, 3].map((i) => ({
        id: `l${i}`,
        a: `h${i}`,
        b: `sw:p${i}`,
        latency: '1ms',
        bandwidth: '1Mbps',
      })),
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { scenario: parsed.scenario, records: sim.trace.records };
}
