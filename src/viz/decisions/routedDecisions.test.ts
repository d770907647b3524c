// What each device decided about the laptop's first ping in simulations/two-subnets.json, worked
// out by hand from the scenario: the laptop (192.168.1.10/24, gateway 192.168.1.1) and the desktop
// (.11) on an office switch (p1 laptop, p2 desktop, p3 uplink), a router (eth0 192.168.1.1/24,
// eth1 10.0.0.1/24) and the server (10.0.0.20/24, gateway 10.0.0.1) running echo (UDP 7) and sink.
import { describe, expect, it } from 'vitest';
import { fileRun, firstSent, lines, steps } from '../../../tests/support/decisionRuns.ts';

const run = fileRun('two-subnets.json');
// The pinger's first request: UDP from the laptop to the echo server's port 7, and its reply.
const request = firstSent(run, (p, node) => node === 'laptop' && p.transport.kind === 'udp');
const reply = firstSent(run, (p, node) => node === 'server' && p.transport.kind === 'udp');
const port = request.packet.transport.kind === 'udp' ? request.packet.transport.srcPort : 0;

describe('the laptop’s first ping, hop by hop (two-subnets.json)', () => {
  it('at the laptop: the pinger writes it, its socket sends it, the default route takes it', () => {
    // 10.0.0.20 is not in 192.168.1.0/24, the laptop's only subnet, so only its default route
    // (the gateway 192.168.1.1, reached on eth0) holds it.
    expect(lines(steps(run, request.packet.id, 'laptop'))).toEqual([
      `application out go: Written by the program Ping client pinger into its socket. [192.168.1.10:${port} → pinger]`,
      `transport out go: Sent from the UDP socket on port ${port} to 10.0.0.20:7. [udp UNCONN 0.0.0.0:${port} 0.0.0.0:*]`,
      'network out go: No route more specific than the default route holds 10.0.0.20: to the default router 192.168.1.1, out of eth0. [default via 192.168.1.1 dev eth0]',
      'link out go: Sent out of eth0 onto link l-laptop towards Office switch.',
    ]);
  });

  it('at the switch: it learns the laptop behind p1 and floods to an address it does not know', () => {
    // The first frame of the run: the table is empty, so the source is learned and the
    // destination (10.0.0.20) is unknown: out of every port but p1.
    expect(lines(steps(run, request.packet.id, 'switch'))).toEqual([
      'link in go: Arrived on p1 over link l-laptop from Laptop.',
      'link in go: Learned from its source that 192.168.1.10 is behind port p1. [192.168.1.10 → p1]',
      'link out go: 10.0.0.20 is not in its table: flooded out of every other port (p2, p3).',
      'link out go: Sent out of p2 onto link l-desktop towards Desktop.',
      'link out go: Sent out of p3 onto link l-uplink towards Router.',
    ]);
  });

  it('at the desktop: the flooded copy is not for it', () => {
    expect(lines(steps(run, request.packet.id, 'desktop'))).toEqual([
      'link in go: Arrived on eth0 over link l-desktop from Office switch. [eth0 192.168.1.11/24]',
      'network in drop: Addressed to 10.0.0.20, not to this node: ignored. A switch flooded it here, not yet knowing where 10.0.0.20 is.',
    ]);
  });

  it('at the router: the connected route to 10.0.0.0/24 on eth1, and one less TTL', () => {
    // The router has no static routes: 10.0.0.20 matches its connected 10.0.0.0/24 on eth1,
    // on-link (no next router). The laptop sent TTL 64 (Linux's default).
    expect(lines(steps(run, request.packet.id, 'router'))).toEqual([
      'link in go: Arrived on eth0 over link l-uplink from Office switch. [eth0 192.168.1.1/24]',
      'network in go: Not for this node. The longest match for 10.0.0.20 in its routing table is 10.0.0.0/24, a subnet on eth1: straight to 10.0.0.20. [10.0.0.0/24 dev eth1 proto kernel scope link src 10.0.0.1]',
      'network out go: TTL 64 → 63: one less for this hop.',
      'link out go: Sent out of eth1 onto link l-servers towards Server.',
    ]);
  });

  it('at the server: its own address, UDP, the socket on port 7 and the echo server', () => {
    expect(lines(steps(run, request.packet.id, 'server'))).toEqual([
      'link in go: Arrived on eth0 over link l-servers from Router. [eth0 10.0.0.20/24]',
      'network in go: 10.0.0.20 is one of its own addresses: the packet is for this node and goes up. [local 10.0.0.20 dev eth0]',
      'network in go: Handed up to its UDP (IP protocol 17).',
      'transport in go: The UDP socket bound to port 7 takes it. [udp UNCONN 0.0.0.0:7 0.0.0.0:*]',
      'application in end: Handed to the program Echo server echo, which reads it from its socket. [10.0.0.20:7 → echo]',
    ]);
  });

  it('the reply at the switch: the laptop is known behind p1 now, the server learned behind p3', () => {
    expect(lines(steps(run, reply.packet.id, 'switch'))).toEqual([
      'link in go: Arrived on p3 over link l-uplink from Router.',
      'link in go: Learned from its source that 10.0.0.20 is behind port p3. [10.0.0.20 → p3]',
      'link out go: Its table has 192.168.1.10 behind port p1: sent out of p1 only. [192.168.1.10 → p1]',
      'link out go: Sent out of p1 onto link l-laptop towards Laptop.',
    ]);
  });

  it('the next request: the switch already knew the laptop, and the table sends it out of p3 only', () => {
    const next = firstSent(
      run,
      (p, node) => node === 'laptop' && p.transport.kind === 'udp' && p.id > reply.packet.id,
    );
    expect(lines(steps(run, next.packet.id, 'switch')).slice(1, 3)).toEqual([
      'link in go: Already knew that its source 192.168.1.10 is behind port p1. [192.168.1.10 → p1]',
      'link out go: Its table has 10.0.0.20 behind port p3: sent out of p3 only. [10.0.0.20 → p3]',
    ]);
  });

  it('a segment that waited behind others names its wait', () => {
    // The desktop's bulk transfer fills the 10 Mbit/s server link: the router queues segments.
    const queued = steps(run, firstQueued(), 'router').at(-1)?.text ?? '';
    expect(queued).toMatch(
      /^Waited \d[\d.]* (µs|ms) in the queue of eth1, then sent onto link l-servers towards Server\.$/,
    );
  });
});

/** A packet the router sent later than it forwarded it (it waited in eth1's queue). */
function firstQueued(): number {
  const forwarded = new Map<number, number>();
  for (const r of run.records) {
    if (r.type === 'ip.forward' && r.node === 'router') forwarded.set(r.pkt, r.t);
    if (r.type === 'link.txBegin' && r.node === 'router' && (forwarded.get(r.pkt) ?? r.t) < r.t)
      return r.pkt;
  }
  throw new Error('no queued packet');
}
