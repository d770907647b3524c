// A firewall on a node in a running simulation: first match wins, the policy decides when no rule
// does, replies pass by connection tracking, REJECT answers as iptables' REJECT does (the client's
// socket sees what Linux reports), each rule's counter counts exactly its matches (counted again by
// hand from the packets on the wire), and a host firewall guards INPUT and OUTPUT.

import { describe, expect, it } from 'vitest';
import { wireSize } from '../../net/wire/packet.ts';
import { runScenario } from '../../sim/runScenario.ts';
import type { FirewallFigures } from '../../sim/summary/runSummary.ts';
import { scenarioOf } from '../../../tests/support/webScenario.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';
import { isArpFrame } from '../../net/wire/frame.ts';

type Json = Record<string, unknown>;

/**
 * laptop (192.168.1.10) - fw (192.168.1.1 | 10.0.0.1) - server (10.0.0.20), with `forward` as
 * the firewall's FORWARD chain. The server runs a web server, a UDP echo and a TCP sink on 22.
 */
function network(options: {
  forward?: Json;
  serverFirewall?: Json;
  laptopApps: Json[];
  until?: string;
}) {
  return scenarioOf({
    format: 'handshake/scenario@1',
    name: 'firewall test',
    until: options.until ?? '5s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '192.168.1.10/24' }],
        gateway: '192.168.1.1',
        apps: options.laptopApps,
      },
      {
        id: 'fw',
        role: 'firewall',
        interfaces: [
          { name: 'eth0', address: '192.168.1.1/24' },
          { name: 'eth1', address: '10.0.0.1/24' },
        ],
        ...(options.forward ? { firewall: { forward: options.forward } } : {}),
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.20/24' }],
        gateway: '10.0.0.1',
        ...(options.serverFirewall ? { firewall: options.serverFirewall } : {}),
        apps: [{ type: 'httpServer' }, { type: 'echo' }, { type: 'sink', port: 22 }],
      },
    ],
    links: [
      { id: 'l-office', a: 'laptop', b: 'fw:eth0', latency: '1ms' },
      { id: 'l-servers', a: 'fw:eth1', b: 'server', latency: '1ms' },
    ],
  });
}

const FETCH = { type: 'httpClient', server: '10.0.0.20', page: '/index.html' };
const PING = { type: 'pinger', peer: '10.0.0.20', count: 2, interval: '100ms', retries: 0 };
const SSH = { type: 'bulkSend', peer: '10.0.0.20', port: 22, bytes: '2kB' };
const REPLIES = { action: 'ACCEPT', state: ['ESTABLISHED', 'RELATED'] };
const WEB = { action: 'ACCEPT', protocol: 'tcp', dstPort: 80, syn: true };

function run(scenario: ReturnType<typeof network>) {
  const { simulation, summary } = runScenario(scenario);
  const records = simulation.sim.trace.records;
  const verdicts = records.filter((r) => r.type === 'fw.verdict');
  return { simulation, summary, records, verdicts };
}

function firewallOf(summary: { firewalls?: FirewallFigures[] }, node: string): FirewallFigures {
  const found = summary.firewalls?.find((f) => f.node === node);
  if (!found) throw new Error(`no firewall figures for ${node}`);
  return found;
}

describe('a firewall node', () => {
  it('lets the first matching rule decide: a later rule that also matches counts nothing', () => {
    const { summary } = run(
      network({
        forward: {
          policy: 'ACCEPT',
          rules: [
            { action: 'DROP', protocol: 'udp', dstPort: 7 },
            { action: 'ACCEPT', protocol: 'udp' },
          ],
        },
        laptopApps: [PING],
      }),
    );
    const fw = firewallOf(summary, 'fw');
    const forward = fw.chains.find((c) => c.chain === 'FORWARD');
    // Two pings, no retries: both dropped by rule 1, rule 2 never reached.
    expect(forward?.rules.map((r) => r.hits.packets)).toEqual([2, 0]);
    expect(summary.apps.pinger?.[0]).toMatchObject({ sent: 2, replies: 0, lost: 2 });
  });

  it('applies the policy when no rule matches', () => {
    const { summary, verdicts } = run(
      network({ forward: { policy: 'DROP', rules: [WEB] }, laptopApps: [PING] }),
    );
    expect(verdicts.map((v) => [v.verdict, v.rule, v.state])).toEqual([
      ['DROP', 0, 'NEW'],
      ['DROP', 0, 'NEW'],
    ]);
    expect(firewallOf(summary, 'fw').chains[1]?.policyHits.packets).toBe(2);
  });

  it('passes the replies of an allowed connection by connection tracking, and only with it', () => {
    const allowed = run(
      network({ forward: { policy: 'DROP', rules: [REPLIES, WEB] }, laptopApps: [FETCH] }),
    );
    const client = allowed.summary.apps.httpClient?.[0];
    expect(client).toMatchObject({ visits: 1, failures: 0, error: null });
    expect(client?.responses).toBeGreaterThan(0);
    // Only the SYN is NEW; everything after it, both ways, is ESTABLISHED.
    const states = allowed.verdicts.map((v) => v.state);
    expect(states[0]).toBe('NEW');
    expect(states.slice(1).every((s) => s === 'ESTABLISHED')).toBe(true);
    expect(allowed.verdicts.every((v) => v.verdict === 'ACCEPT')).toBe(true);

    // Without the rule for replies the SYN passes but the SYN-ACK is dropped: the page never loads.
    const blocked = run(
      network({ forward: { policy: 'DROP', rules: [WEB] }, laptopApps: [FETCH] }),
    );
    const synAck = blocked.verdicts.find((v) => v.state === 'ESTABLISHED');
    expect(synAck).toMatchObject({ verdict: 'DROP', rule: 0 });
    expect(blocked.summary.apps.httpClient?.[0]).toMatchObject({ responses: 0 });
    // The laptop's SYN goes out at 0, 1 and 3 s (RFC 6298 backoff), each let through by rule 1;
    // the SYN-ACKs are all dropped by the policy. As in netfilter, conntrack saw the first reply
    // before the filter dropped it, so the flow is ESTABLISHED from then on.
    const accepted = blocked.verdicts.filter((v) => v.verdict === 'ACCEPT');
    expect(accepted.map((v) => [v.rule, v.state])).toEqual([
      [1, 'NEW'],
      [1, 'ESTABLISHED'],
      [1, 'ESTABLISHED'],
    ]);
    const dropped = blocked.verdicts.filter((v) => v.verdict === 'DROP');
    expect(dropped.every((v) => v.rule === 0 && v.state === 'ESTABLISHED')).toBe(true);
  });

  it('answers a REJECT with tcp-reset by a RST from the server address: the client gets ECONNREFUSED', () => {
    const { summary, records } = run(
      network({
        forward: {
          policy: 'ACCEPT',
          rules: [{ action: 'REJECT', protocol: 'tcp', dstPort: 22, rejectWith: 'tcp-reset' }],
        },
        laptopApps: [SSH],
      }),
    );
    expect(summary.apps.bulkSend?.[0]?.error).toBe('ECONNREFUSED');
    const rst = records.find(
      (r) =>
        r.type === 'link.rx' &&
        r.node === 'laptop' &&
        carriesIp(r) &&
        r.packet.transport.kind === 'tcp',
    );
    if (rst?.type !== 'link.rx' || !carriesIp(rst) || rst.packet.transport.kind !== 'tcp')
      throw new Error('no RST');
    // RFC 9293 3.10.7.1: the SYN had no ACK, so the RST has seq 0 and ACKs SYN's seq + 1.
    const syn = records.find(
      (r) => r.type === 'link.txBegin' && r.node === 'laptop' && carriesIp(r),
    );
    if (syn?.type !== 'link.txBegin' || !carriesIp(syn) || syn.packet.transport.kind !== 'tcp')
      throw new Error('no SYN');
    expect(rst.packet.transport.flags).toMatchObject({ rst: true, ack: true, syn: false });
    expect(rst.packet.transport.seq).toBe(0);
    expect(rst.packet.transport.ack).toBe((syn.packet.transport.seq + 1) >>> 0);
    expect(rst.packet.ip.src).toBe(syn.packet.ip.dst);
    expect(summary.apps.sink?.[0]).toMatchObject({ connections: 0 });
  });

  it.each([
    ['icmp-port-unreachable', 3, 'ECONNREFUSED'],
    ['icmp-admin-prohibited', 13, 'EHOSTUNREACH'],
  ])(
    'answers a REJECT with %s by ICMP code %i from the firewall: the client gets %s',
    (how, code, error) => {
      const { summary, records } = run(
        network({
          forward: {
            policy: 'ACCEPT',
            rules: [{ action: 'REJECT', protocol: 'tcp', dstPort: 22, rejectWith: how }],
          },
          laptopApps: [SSH],
        }),
      );
      const icmp = records.find(
        (r) =>
          r.type === 'link.rx' &&
          r.node === 'laptop' &&
          carriesIp(r) &&
          r.packet.transport.kind === 'icmp',
      );
      if (icmp?.type !== 'link.rx' || !carriesIp(icmp) || icmp.packet.transport.kind !== 'icmp')
        throw new Error('no ICMP');
      expect(icmp.packet.transport).toMatchObject({ message: 'destinationUnreachable', code });
      // The firewall's address on the interface back to the laptop (as Linux's icmp_send).
      expect(icmp.packet.ip.src).toBe(0xc0a80101);
      expect(summary.apps.bulkSend?.[0]?.error).toBe(error);
    },
  );

  it("counts each rule's packets and bytes exactly: the counts agree with the packets on the wire", () => {
    const { summary, records } = run(
      network({
        forward: {
          policy: 'DROP',
          rules: [
            REPLIES,
            WEB,
            { action: 'LOG', protocol: 'udp' },
            { action: 'ACCEPT', protocol: 'icmp' },
          ],
        },
        laptopApps: [FETCH, PING],
      }),
    );
    // By hand, from what reached the firewall: every packet that arrived on either interface.
    const arrived = records.filter((r) => r.type === 'link.rx' && r.node === 'fw');
    const pkts = arrived.flatMap((r) => (r.type === 'link.rx' && carriesIp(r) ? [r.packet] : []));
    const udp = pkts.filter((p) => p.transport.kind === 'udp');
    const syns = pkts.filter(
      (p) => p.transport.kind === 'tcp' && p.transport.flags.syn && !p.transport.flags.ack,
    );
    const restTcp = pkts.filter((p) => p.transport.kind === 'tcp' && !syns.includes(p));
    const bytes = (list: typeof pkts) => list.reduce((sum, p) => sum + wireSize(p), 0);
    const forward = firewallOf(summary, 'fw').chains.find((c) => c.chain === 'FORWARD');
    expect(forward?.rules.map((r) => r.hits)).toEqual([
      { packets: restTcp.length, bytes: bytes(restTcp) },
      { packets: syns.length, bytes: bytes(syns) },
      { packets: udp.length, bytes: bytes(udp) }, // LOG counts what it saw and lets the walk go on
      { packets: 0, bytes: 0 },
    ]);
    expect(forward?.policyHits.packets).toBe(udp.length);
    expect(records.filter((r) => r.type === 'fw.log').length).toBe(udp.length);
  });
});

describe('a host firewall', () => {
  it('guards INPUT: the server takes the web and drops the pings sent to it', () => {
    const { summary, records } = run(
      network({
        serverFirewall: { input: { policy: 'DROP', rules: [REPLIES, WEB] } },
        laptopApps: [FETCH, PING],
      }),
    );
    expect(summary.apps.httpClient?.[0]).toMatchObject({ visits: 1, failures: 0, error: null });
    expect(summary.apps.pinger?.[0]).toMatchObject({ replies: 0, lost: 2 });
    const drops = records.filter((r) => r.type === 'ip.drop' && r.node === 'server');
    expect(drops.every((r) => r.type === 'ip.drop' && r.reason === 'filtered')).toBe(true);
    expect(drops.length).toBe(2);
  });

  it('guards OUTPUT: a server that may not send answers nothing, and its socket sends nothing out', () => {
    const { summary, records } = run(
      network({ serverFirewall: { output: { policy: 'DROP' } }, laptopApps: [PING] }),
    );
    expect(summary.apps.pinger?.[0]).toMatchObject({ replies: 0 });
    expect(summary.apps.echo?.[0]?.served).toBe(2);
    // No IP packet leaves; the router's ARP request is answered all the same, as on Linux:
    // iptables never sees ARP (arptables would).
    const sentByServer = records.filter((r) => r.type === 'link.txBegin' && r.node === 'server');
    expect(
      sentByServer.map((r) => r.type === 'link.txBegin' && isArpFrame(r.packet) && r.packet.arp),
    ).toMatchObject([{ operation: 'reply' }]);
    const out = records.filter((r) => r.type === 'fw.verdict' && r.node === 'server');
    expect(out.map((r) => r.type === 'fw.verdict' && `${r.chain} ${r.verdict}`)).toEqual([
      'INPUT ACCEPT',
      'OUTPUT DROP',
      'INPUT ACCEPT',
      'OUTPUT DROP',
    ]);
  });
});

describe('a firewall that crashes', () => {
  it('forgets its connections: after a restart an open connection is NEW and dropped', () => {
    const scenario = network({
      forward: { policy: 'DROP', rules: [REPLIES, WEB] },
      laptopApps: [
        {
          type: 'httpClient',
          server: '10.0.0.20',
          requests: [{ path: '/index.html' }, { path: '/index.html', at: '2s' }],
        },
      ],
    });
    scenario.events = [
      { at: 1_000_000_000, type: 'nodeCrash', node: 'fw' },
      { at: 1_500_000_000, type: 'nodeRestart', node: 'fw' },
    ];
    const { summary, verdicts, simulation } = run(scenario);
    // The first request passes on a tracked connection; the second, at 2 s on the same
    // connection, finds an empty table: its segment (no SYN) is NEW, and no rule accepts it.
    const after = verdicts.filter((v) => v.t >= 2_000_000_000);
    expect(after[0]).toMatchObject({ verdict: 'DROP', rule: 0, state: 'NEW' });
    expect(summary.apps.httpClient?.[0]?.responses).toBe(1);
    expect(simulation.firewalls.get('fw')?.actor.getSnapshot().value).toBe('running');
    // A dropped NEW packet is never confirmed: the table stays empty.
    expect(simulation.firewalls.get('fw')?.entries.size).toBe(0);

    // Without the crash the same two requests are both answered.
    scenario.events = [];
    expect(run(scenario).summary.apps.httpClient?.[0]?.responses).toBe(2);
  });
});
