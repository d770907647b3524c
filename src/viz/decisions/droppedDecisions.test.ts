// Drops and the ICMP errors they send back, on a network built here: a host `h` (10.0.1.10/24,
// gateway r1) behind two routers that each send everything they do not know to the other (r1
// eth1 10.0.2.1 default via r2; r2 eth0 10.0.2.2 default via r1), so a ping to 10.9.9.9 circles
// until its TTL runs out; and a pinger at `h` to the server `s` (10.0.1.20) that runs no echo
// server, so its datagrams find no socket. (10.9.9.9 is `far`, a node cabled to nothing.) Also the
// words in German.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import {
  documentRun,
  firstSent,
  lines,
  steps,
  visits,
} from '../../../tests/support/decisionRuns.ts';
import { DECISION_DE } from './decisionPhrases.de.ts';
import { DECISION_EN } from './decisionPhrases.ts';
import { layerName } from './layerNames.ts';

const run = documentRun({
  format: 'handshake/scenario@1',
  name: 'A routing loop and a closed port',
  seed: 1,
  until: '3s',
  nodes: [
    {
      id: 'h',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
      gateway: '10.0.1.1',
      apps: [{ type: 'pinger', peer: 's', count: 1, timeout: '500ms' }],
    },
    { id: 's', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.1.20/24' }] },
    // Cabled to nothing: no router knows the way to it.
    { id: 'far', role: 'server', interfaces: [{ name: 'eth0', address: '10.9.9.9/24' }] },
    { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }, { name: 'p2' }, { name: 'p3' }] },
    {
      id: 'r1',
      role: 'router',
      interfaces: [
        { name: 'eth0', address: '10.0.1.1/24' },
        { name: 'eth1', address: '10.0.2.1/24' },
      ],
      gateway: '10.0.2.2',
    },
    {
      id: 'r2',
      role: 'router',
      interfaces: [{ name: 'eth0', address: '10.0.2.2/24' }],
      gateway: '10.0.2.1',
    },
  ],
  links: [
    { id: 'l-h', a: 'h', b: 'sw:p1', latency: '100us', bandwidth: '100Mbps' },
    { id: 'l-s', a: 's', b: 'sw:p2', latency: '100us', bandwidth: '100Mbps' },
    { id: 'l-r1', a: 'sw:p3', b: 'r1:eth0', latency: '100us', bandwidth: '100Mbps' },
    { id: 'l-core', a: 'r1:eth1', b: 'r2:eth0', latency: '100us', bandwidth: '100Mbps' },
  ],
  events: [{ at: '1s', type: 'ping', node: 'h', target: '10.9.9.9' }],
});

const loopPing = firstSent(run, (p) => p.transport.kind === 'icmp' && p.ip.dst === 0x0a090909);

describe('a ping caught in a routing loop', () => {
  it('goes round r1 and r2, one TTL less each pass, by their default routes', () => {
    // TTL 64 from h: r1 forwards it at 64, 62, 60, ... and r2 at 63, 61, ...: each default route
    // points at the other router, since neither knows 10.9.9.9.
    const atR1 = visits(run, loopPing.packet.id, 'r1');
    expect(atR1.length).toBe(32);
    expect(lines(atR1[0]?.steps ?? []).slice(2, 4)).toEqual([
      'network in go: Not for this node, and no route more specific than the default route holds 10.9.9.9: on to the default router 10.0.2.2, out of eth1. [default via 10.0.2.2 dev eth1]',
      'network out go: TTL 64 → 63: one less for this hop.',
    ]);
    expect(lines(visits(run, loopPing.packet.id, 'r2')[0]?.steps ?? []).slice(2, 4)).toEqual([
      'network in go: Not for this node, and no route more specific than the default route holds 10.9.9.9: on to the default router 10.0.2.1, out of eth0. [default via 10.0.2.1 dev eth0]',
      'network out go: TTL 63 → 62: one less for this hop.',
    ]);
  });

  it('dies where its TTL would reach 0, and Time Exceeded goes back to h', () => {
    // 64 hops: h's TTL 64 reaches 1 at the 64th router on the way, r2's 32nd pass.
    const last = visits(run, loopPing.packet.id, 'r2').at(-1)?.steps ?? [];
    expect(lines(last).slice(2)).toEqual([
      'network in go: Not for this node, and no route more specific than the default route holds 10.9.9.9: on to the default router 10.0.2.1, out of eth0. [default via 10.0.2.1 dev eth0]',
      'network out drop: TTL was 1: one less would be 0, so the packet dies here rather than circle for ever.',
      'network out end: Sent back an ICMP error (time exceeded) to 10.0.1.10.',
    ]);
    const error = last.at(-1)?.sent as number;
    expect(steps(run, error, 'h').find((s) => s.about === loopPing.packet.id)?.text).toBe(
      'An ICMP error (time exceeded) about a datagram (ICMP) it sent to 10.9.9.9.',
    );
  });
});

describe('a datagram to a port nobody listens on', () => {
  const datagram = firstSent(run, (p, node) => node === 'h' && p.transport.kind === 'udp');

  it('finds no socket at s, which sends ICMP port unreachable back', () => {
    expect(lines(steps(run, datagram.packet.id, 's')).slice(2)).toEqual([
      'network in go: 10.0.1.20 is one of its own addresses: the packet is for this node and goes up. [local 10.0.1.20 dev eth0]',
      'network in go: Handed up to its UDP (IP protocol 17).',
      'transport in drop: No socket is bound to UDP port 7: dropped.',
      'network out end: Sent back an ICMP error (port unreachable) to 10.0.1.10.',
    ]);
  });

  it('whose error reaches the pinger’s socket as ECONNREFUSED', () => {
    const error = steps(run, datagram.packet.id, 's').at(-1)?.sent as number;
    const port = datagram.packet.transport.kind === 'udp' ? datagram.packet.transport.srcPort : 0;
    const atH = lines(steps(run, error, 'h'));
    expect(atH).toContain(
      `network in go: An ICMP error (port unreachable) about a datagram (UDP) it sent to 10.0.1.20:7: handed to its socket on port ${port}.`,
    );
  });
});

describe('in German', () => {
  it('has every phrase, with the same parameters', () => {
    expect(translationProblems(DECISION_EN, DECISION_DE)).toEqual([]);
  });

  it('names the layers and says the routers’ decisions in German', () => {
    expect(
      ['link', 'network', 'transport', 'application'].map((l) => layerName(l as 'link', 'de')),
    ).toEqual([
      'Sicherungsschicht',
      'Vermittlungsschicht',
      'Transportschicht',
      'Anwendungsschicht',
    ]);
    const atR1 = visits(run, loopPing.packet.id, 'r1', 'de')[0]?.steps ?? [];
    expect(atR1.slice(2, 4).map((s) => s.text)).toEqual([
      'Nicht für diesen Knoten, und keine Route, die genauer ist als die Standardroute, enthält 10.9.9.9: weiter zum Standardrouter 10.0.2.2, hinaus über eth1.',
      'TTL 64 → 63: eins weniger für diesen Hop.',
    ]);
    // The table entry stays as `ip route` prints it, in every language.
    expect(atR1[2]?.entry).toBe('default via 10.0.2.2 dev eth1');
    const atS = steps(
      run,
      firstSent(run, (p, n) => n === 'h' && p.transport.kind === 'udp').packet.id,
      's',
      'de',
    );
    expect(atS.map((s) => s.text)).toContain('Kein Socket ist an UDP-Port 7 gebunden: verworfen.');
  });
});
