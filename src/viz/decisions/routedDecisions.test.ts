// What each device decided about the laptop's first ping in simulations/two-subnets.json, worked
// out by hand from the scenario: the laptop (192.168.1.10/24, gateway 192.168.1.1) and the desktop
// (.11) on an office switch (p1 laptop, p2 desktop, p3 uplink), a router (eth0 192.168.1.1/24,
// eth1 10.0.0.1/24) and the server (10.0.0.20/24, gateway 10.0.0.1) running echo (UDP 7) and sink.
// Every cache and the switch's table start empty, so the first ping waits for ARP twice: at the
// laptop for its gateway, at the router for the server. MACs are the run's (derived per interface).
import { describe, expect, it } from 'vitest';
import { carriesIp } from '../../net/link/linkRecords.ts';
import {
  fileRun,
  firstPkt,
  firstSent,
  lines,
  macOf,
  steps,
} from '../../../tests/support/decisionRuns.ts';

const run = fileRun('two-subnets.json');
// The pinger's first request: UDP from the laptop to the echo server's port 7, and its reply.
const request = firstSent(run, (p, node) => node === 'laptop' && p.transport.kind === 'udp');
const reply = firstSent(run, (p, node) => node === 'server' && p.transport.kind === 'udp');
const port = request.packet.transport.kind === 'udp' ? request.packet.transport.srcPort : 0;
const laptop = macOf(run, 'laptop', 'eth0');
const routerIn = macOf(run, 'router', 'eth0');
const routerOut = macOf(run, 'router', 'eth1');
const server = macOf(run, 'server', 'eth0');
// The ARP frames: the laptop asks for its gateway, the router answers; the router asks for the
// server, which answers.
const askGateway = firstPkt(run, 'arp.request', (r) => r.node === 'laptop');
const gatewayAnswer = firstPkt(run, 'arp.reply', (r) => r.node === 'router');
const askServer = firstPkt(run, 'arp.request', (r) => r.node === 'router');
const serverAnswer = firstPkt(run, 'arp.reply', (r) => r.node === 'server');

describe('the laptop’s first ping, hop by hop (two-subnets.json)', () => {
  it('at the laptop: the default route, then ARP for the gateway, then the frame', () => {
    // 10.0.0.20 is not in 192.168.1.0/24, the laptop's only subnet, so only its default route
    // (the gateway 192.168.1.1, reached on eth0) holds it. Its ARP cache is empty: the datagram
    // waits one round trip to the router for the reply: 2 × (50 µs + 100 µs of latency + two
    // 64-byte frames at 1 Gbit/s, 0.512 µs each) = 302.048 µs.
    expect(lines(steps(run, request.packet.id, 'laptop'))).toEqual([
      `application out go: Written by the program Ping client pinger into its socket. [192.168.1.10:${port} → pinger]`,
      `transport out go: Sent from the UDP socket on port ${port} to 10.0.0.20:7. [udp UNCONN 0.0.0.0:${port} 0.0.0.0:*]`,
      'network out go: No route more specific than the default route holds 10.0.0.20: to the default router 192.168.1.1, out of eth0. [default via 192.168.1.1 dev eth0]',
      `link out go: Its ARP cache has no MAC for the next hop 192.168.1.1: the packet waits while ARP broadcasts who has 192.168.1.1 on eth0 (#${askGateway}). [192.168.1.1 dev eth0 INCOMPLETE]`,
      `link out go: The ARP reply #${gatewayAnswer} says 192.168.1.1 is at ${routerIn} (Router, eth0): the cache learns it, and the packet goes on after waiting 302.048 µs. [192.168.1.1 dev eth0 lladdr ${routerIn} REACHABLE]`,
      `link out go: Framed in Ethernet II from ${laptop}, the MAC of eth0, to ${routerIn} (Router, eth0), the next hop’s MAC. [${laptop} → ${routerIn}]`,
      'link out go: Sent out of eth0 onto link l-laptop towards Office switch.',
    ]);
    const arp = steps(run, request.packet.id, 'laptop').filter((s) => s.frames);
    expect(arp.map((s) => s.frames)).toEqual([[askGateway], [gatewayAnswer]]);
  });

  it('at the switch: it knew the laptop from its ARP request, and the router from its reply', () => {
    // The request (broadcast from the laptop, in on p1) and the reply (from the router, in on p3)
    // taught the switch both MACs before the datagram came: out of p3 only.
    expect(lines(steps(run, request.packet.id, 'switch'))).toEqual([
      'link in go: Arrived on p1 over link l-laptop from Laptop.',
      `link in go: Already knew that its source MAC ${laptop} (Laptop) is behind port p1. [${laptop} dev p1 master switch]`,
      `link out go: Looked up its destination MAC ${routerIn} (Router, eth0) in its MAC table: behind port p3, so sent out of p3 only. [${routerIn} dev p3 master switch]`,
      'link out go: Sent out of p3 onto link l-uplink towards Router.',
    ]);
  });

  it('at the router: its own MAC, the connected route, one less TTL, and ARP for the server', () => {
    // 10.0.0.20 matches its connected 10.0.0.0/24 on eth1, on-link: the next hop is the server
    // itself, not yet in the cache of eth1. The wait: 2 × (5 ms + 64 bytes at 10 Mbit/s, 51.2 µs)
    // = 10.1024 ms.
    expect(lines(steps(run, request.packet.id, 'router'))).toEqual([
      'link in go: Arrived on eth0 over link l-uplink from Office switch. [eth0 192.168.1.1/24]',
      `link in go: Its destination MAC ${routerIn} is the own address of eth0: the card takes the frame. [eth0: link/ether ${routerIn} brd ff:ff:ff:ff:ff:ff]`,
      'network in go: Not for this node. The longest match for 10.0.0.20 in its routing table is 10.0.0.0/24, a subnet on eth1: straight to 10.0.0.20. [10.0.0.0/24 dev eth1 proto kernel scope link src 10.0.0.1]',
      'network out go: TTL 64 → 63: one less for this hop.',
      `link out go: Its ARP cache has no MAC for the next hop 10.0.0.20: the packet waits while ARP broadcasts who has 10.0.0.20 on eth1 (#${askServer}). [10.0.0.20 dev eth1 INCOMPLETE]`,
      `link out go: The ARP reply #${serverAnswer} says 10.0.0.20 is at ${server} (Server): the cache learns it, and the packet goes on after waiting 10.102 ms. [10.0.0.20 dev eth1 lladdr ${server} REACHABLE]`,
      `link out go: Framed in Ethernet II from ${routerOut}, the MAC of eth1, to ${server} (Server), the next hop’s MAC. [${routerOut} → ${server}]`,
      'link out go: Sent out of eth1 onto link l-servers towards Server.',
    ]);
  });

  it('at the server: its own MAC and address, UDP, the socket on port 7 and the echo server', () => {
    expect(lines(steps(run, request.packet.id, 'server'))).toEqual([
      'link in go: Arrived on eth0 over link l-servers from Router. [eth0 10.0.0.20/24]',
      `link in go: Its destination MAC ${server} is the own address of eth0: the card takes the frame. [eth0: link/ether ${server} brd ff:ff:ff:ff:ff:ff]`,
      'network in go: 10.0.0.20 is one of its own addresses: the packet is for this node and goes up. [local 10.0.0.20 dev eth0]',
      'network in go: Handed up to its UDP (IP protocol 17).',
      'transport in go: The UDP socket bound to port 7 takes it. [udp UNCONN 0.0.0.0:7 0.0.0.0:*]',
      'application in end: Handed to the program Echo server echo, which reads it from its socket. [10.0.0.20:7 → echo]',
    ]);
  });

  it('the reply needs no ARP: the server and the router learned their askers from the requests', () => {
    // The server learned the router (10.0.0.1) from its request; the router learned the laptop
    // from the laptop's request. Both are fresh (30 s), so the reply goes at once.
    expect(lines(steps(run, reply.packet.id, 'server')).slice(-3, -1)).toEqual([
      `link out go: Its ARP cache has the next hop 10.0.0.1 at ${routerOut} (Router, eth1), still reachable: no need to ask. [10.0.0.1 dev eth0 lladdr ${routerOut} REACHABLE]`,
      `link out go: Framed in Ethernet II from ${server}, the MAC of eth0, to ${routerOut} (Router, eth1), the next hop’s MAC. [${server} → ${routerOut}]`,
    ]);
    expect(lines(steps(run, reply.packet.id, 'router')).slice(-3, -1)).toEqual([
      `link out go: Its ARP cache has the next hop 192.168.1.10 at ${laptop} (Laptop), still reachable: no need to ask. [192.168.1.10 dev eth0 lladdr ${laptop} REACHABLE]`,
      `link out go: Framed in Ethernet II from ${routerIn}, the MAC of eth0, to ${laptop} (Laptop), the next hop’s MAC. [${routerIn} → ${laptop}]`,
    ]);
    expect(lines(steps(run, reply.packet.id, 'switch'))).toEqual([
      'link in go: Arrived on p3 over link l-uplink from Router.',
      `link in go: Already knew that its source MAC ${routerIn} (Router, eth0) is behind port p3. [${routerIn} dev p3 master switch]`,
      `link out go: Looked up its destination MAC ${laptop} (Laptop) in its MAC table: behind port p1, so sent out of p1 only. [${laptop} dev p1 master switch]`,
      'link out go: Sent out of p1 onto link l-laptop towards Laptop.',
    ]);
  });

  it('the next request: the laptop’s cache has the gateway now', () => {
    const next = firstSent(
      run,
      (p, node) => node === 'laptop' && p.transport.kind === 'udp' && p.id > reply.packet.id,
    );
    expect(lines(steps(run, next.packet.id, 'laptop')).slice(3, 4)).toEqual([
      `link out go: Its ARP cache has the next hop 192.168.1.1 at ${routerIn} (Router, eth0), still reachable: no need to ask. [192.168.1.1 dev eth0 lladdr ${routerIn} REACHABLE]`,
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

describe('the ARP frames of the first ping (two-subnets.json)', () => {
  it('the laptop asks, the switch floods the broadcast, the desktop ignores it', () => {
    expect(lines(steps(run, askGateway, 'laptop'))).toEqual([
      `link out go: ARP asks who has 192.168.1.1: a packet for that next hop waits, and the cache of eth0 has no MAC for it. Sent from 192.168.1.10 at ${laptop} to every station (request 1 of at most 3). [192.168.1.1 dev eth0 INCOMPLETE]`,
      'link out go: Sent out of eth0 onto link l-laptop towards Office switch.',
    ]);
    // The run's first frame: the switch learns the laptop, and a broadcast goes everywhere else.
    expect(lines(steps(run, askGateway, 'switch')).slice(1, 3)).toEqual([
      `link in go: Learned from the frame’s source MAC ${laptop} (Laptop) that it is behind port p1. [${laptop} dev p1 master switch]`,
      'link out go: Sent to the broadcast MAC ff:ff:ff:ff:ff:ff: out of every port but p1, the one it came in on (p2, p3).',
    ]);
    const desktop = macOf(run, 'desktop', 'eth0');
    expect(lines(steps(run, askGateway, 'desktop')).slice(1)).toEqual([
      `link in go: Sent to the broadcast MAC ff:ff:ff:ff:ff:ff: every station on the segment takes it, this one too. [eth0: link/ether ${desktop} brd ff:ff:ff:ff:ff:ff]`,
      'link in end: It asks who has 192.168.1.1, not an address of this node: ignored, and its cache learns nothing from it.',
    ]);
  });

  it('the router learns the asker and answers; the laptop learns the router', () => {
    const atRouter = steps(run, askGateway, 'router');
    expect(lines(atRouter).at(-1)).toBe(
      `link in end: It asks who has 192.168.1.1, the address of eth0: the cache learns the asker 192.168.1.10 at ${laptop} (Laptop), and ARP answers. [192.168.1.10 dev eth0 lladdr ${laptop} REACHABLE]`,
    );
    expect(atRouter.at(-1)?.sent).toBe(gatewayAnswer);
    const made = steps(run, gatewayAnswer, 'router');
    expect(lines(made)[0]).toBe(
      `link out go: ARP answers 192.168.1.10: 192.168.1.1 is the address of its eth0, at ${routerIn}. The reply goes straight to the asker’s MAC, not to everyone. [192.168.1.10 dev eth0 lladdr ${laptop} REACHABLE]`,
    );
    expect(made[0]?.about).toBe(askGateway);
    // A unicast the switch knows by now (the laptop, on p1): out of p1 alone.
    expect(lines(steps(run, gatewayAnswer, 'switch')).slice(1, 3)).toEqual([
      `link in go: Learned from the frame’s source MAC ${routerIn} (Router, eth0) that it is behind port p3. [${routerIn} dev p3 master switch]`,
      `link out go: Looked up its destination MAC ${laptop} (Laptop) in its MAC table: behind port p1, so sent out of p1 only. [${laptop} dev p1 master switch]`,
    ]);
    const atLaptop = steps(run, gatewayAnswer, 'laptop');
    expect(lines(atLaptop).slice(1)).toEqual([
      `link in go: Its destination MAC ${laptop} is the own address of eth0: the card takes the frame. [eth0: link/ether ${laptop} brd ff:ff:ff:ff:ff:ff]`,
      `link in end: The answer to its request: 192.168.1.1 is at ${routerIn} (Router, eth0). The cache learns it and sends the packets that waited for it. [192.168.1.1 dev eth0 lladdr ${routerIn} REACHABLE]`,
    ]);
    expect(atLaptop.at(-1)?.about).toBe(askGateway);
  });
});

/** A segment the router sent later than it forwarded it (it waited in eth1's queue, not for ARP). */
function firstQueued(): number {
  const forwarded = new Map<number, number>();
  for (const r of run.records) {
    if (r.type === 'ip.forward' && r.node === 'router') forwarded.set(r.pkt, r.t);
    if (
      r.type === 'link.txBegin' &&
      r.node === 'router' &&
      carriesIp(r) &&
      r.packet.transport.kind === 'tcp' &&
      (forwarded.get(r.pkt) ?? r.t) < r.t
    )
      return r.pkt;
  }
  throw new Error('no queued packet');
}
