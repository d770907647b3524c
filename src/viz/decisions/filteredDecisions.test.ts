// What the firewall and the NAT decided, worked out by hand from simulations/firewall.json and
// simulations/home-nat.json: the FORWARD chain's rules (1 ESTABLISHED,RELATED accept; 2 TCP 80 SYN
// accept; 3 TCP 22 REJECT with tcp-reset; 4 LOG; policy DROP) and the home router's masquerade of
// 192.168.1.0/24 out of wan (203.0.113.1) with TCP 8080 forwarded to the game server 192.168.1.20:80.
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../net/wire/packet.ts';
import { fileRun, firstSent, lines, steps } from '../../../tests/support/decisionRuns.ts';

/** A SYN to TCP port `port`. */
const tcpTo = (port: number) => (p: Packet) =>
  p.transport.kind === 'tcp' && p.transport.dstPort === port && p.transport.flags.syn;

describe('the firewall (firewall.json)', () => {
  const run = fileRun('firewall.json');

  it('lets the web SYN through by rule 2, after routing it to the server room', () => {
    // 10.0.0.20 is on the firewall's connected 10.0.0.0/24 (eth1). A SYN to port 80 of a new
    // connection: rule 1 wants ESTABLISHED or RELATED, rule 2 (TCP, port 80, SYN) matches.
    const syn = firstSent(run, (p, node) => node === 'laptop' && tcpTo(80)(p));
    expect(lines(steps(run, syn.packet.id, 'fw')).slice(2, 5)).toEqual([
      'network in go: Not for this node. The longest match for 10.0.0.20 in its routing table is 10.0.0.0/24, a subnet on eth1: straight to 10.0.0.20. [10.0.0.0/24 dev eth1 proto kernel scope link src 10.0.0.1]',
      'network out go: TTL 64 → 63: one less for this hop.',
      'network out go: Firewall, chain FORWARD: the packet’s connection is NEW; the first rule that matches is rule 2, which accepts it. [FORWARD rule 2: -p tcp --dport 80 --syn -j ACCEPT /* the web */]',
    ]);
  });

  it('passes the answer by rule 1, and the server’s listener takes the SYN', () => {
    const syn = firstSent(run, (p, node) => node === 'laptop' && tcpTo(80)(p));
    expect(lines(steps(run, syn.packet.id, 'server')).slice(3)).toEqual([
      'network in go: Handed up to its TCP (IP protocol 6).',
      'transport in go: No connection yet: the socket listening on port 80 takes the SYN, a new connection in SYN-RECEIVED. [tcp LISTEN 0.0.0.0:80 0.0.0.0:*]',
    ]);
    const synAck = firstSent(run, (p, node) => node === 'server' && p.transport.kind === 'tcp');
    const atFw = lines(steps(run, synAck.packet.id, 'fw'));
    expect(atFw).toContain(
      'network out go: Firewall, chain FORWARD: the packet’s connection is ESTABLISHED; the first rule that matches is rule 1, which accepts it. [FORWARD rule 1: -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT /* replies to connections already let through */]',
    );
  });

  it('rejects the SYN to port 22 by rule 3 and sends a reset back, which closes the laptop’s socket', () => {
    const syn = firstSent(run, (p, node) => node === 'laptop' && tcpTo(22)(p));
    const atFw = steps(run, syn.packet.id, 'fw');
    expect(lines(atFw).slice(4)).toEqual([
      'network out drop: Firewall, chain FORWARD: the packet’s connection is NEW; the first rule that matches is rule 3, which rejects it: dropped, and the sender is told. [FORWARD rule 3: -p tcp --dport 22 -j REJECT --reject-with tcp-reset /* admin logins: refused at once */]',
      'transport out end: Sent back a reset (RST) to 192.168.1.10.',
    ]);
    // The reset is a packet of its own: the firewall made it in the server's name.
    const rst = atFw.at(-1)?.sent as number;
    const made = steps(run, rst, 'fw');
    expect(made[0]?.text).toBe(
      'Made by the firewall’s REJECT rule, answering a packet it refused: it carries 10.0.0.20 as its source, as if the destination answered.',
    );
    expect(made[0]?.about).toBe(syn.packet.id);
    const port = (syn.packet.transport as { srcPort: number }).srcPort;
    const conn = `192.168.1.10:${port} ⇄ 10.0.0.20:22`;
    expect(lines(steps(run, rst, 'laptop')).slice(4)).toEqual([
      `transport in go: Matched the connection ${conn}, in SYN-SENT. [tcp SYN-SENT 192.168.1.10:${port} 10.0.0.20:22]`,
      'transport in go: The connection goes from SYN-SENT to CLOSED.',
      'transport in end: The program is told ECONNREFUSED.',
    ]);
  });

  it('logs the UDP ping by rule 4, then drops it by the chain’s policy', () => {
    // Dropped in FORWARD, it was never forwarded (no ip.forward): its route is looked up again
    // in the firewall's table, the same connected route as the web's.
    const ping = firstSent(run, (p, node) => node === 'laptop' && p.transport.kind === 'udp');
    expect(lines(steps(run, ping.packet.id, 'fw')).slice(2)).toEqual([
      'network in go: Not for this node. The longest match for 10.0.0.20 in its routing table is 10.0.0.0/24, a subnet on eth1: straight to 10.0.0.20. [10.0.0.0/24 dev eth1 proto kernel scope link src 10.0.0.1]',
      'network out go: TTL 64 → 63: one less for this hop.',
      'network out go: Firewall, chain FORWARD: rule 4 (LOG) matches: it logs “fw dropped:” and the walk goes on. [FORWARD rule 4: -j LOG --log-prefix "fw dropped: "]',
      'network out drop: Firewall, chain FORWARD: the packet’s connection is NEW; no rule matches, so the chain’s policy decides: DROP. [Chain FORWARD (policy DROP)]',
    ]);
  });
});

describe('the home router’s NAT (home-nat.json)', () => {
  const run = fileRun('home-nat.json');

  it('masquerades laptop 1’s SYN to the web server behind its public address', () => {
    // 198.51.100.10 is on none of the router's subnets (lan 192.168.1.0/24, wan 203.0.113.0/24):
    // only its default route via the ISP 203.0.113.254 holds it. Leaving by wan, the masquerade
    // rule rewrites the source to the wan address, keeping the port: a new NAT entry.
    const syn = firstSent(run, (p, node) => node === 'laptop1' && tcpTo(80)(p));
    const port = (syn.packet.transport as { srcPort: number }).srcPort;
    expect(lines(steps(run, syn.packet.id, 'router')).slice(2)).toEqual([
      'network in go: Not for this node, and no route more specific than the default route holds 198.51.100.10: on to the default router 203.0.113.254, out of wan. [default via 203.0.113.254 dev wan]',
      'network out go: TTL 64 → 63: one less for this hop.',
      `network out go: POSTROUTING: masquerade rewrites its source 192.168.1.10:${port} to 203.0.113.1:${port}. A new entry in the NAT table. [NAT #1 tcp 192.168.1.10:${port} ⇄ 203.0.113.1:${port} ⇄ 198.51.100.10:80]`,
      // The router's first packet out of wan: its ARP cache is empty there, so it asks for the
      // ISP router and waits a round trip on l-wan (8 ms each way) for the reply.
      'link out go: Its ARP cache has no MAC for the next hop 203.0.113.254: the packet waits while ARP broadcasts who has 203.0.113.254 on wan (#4). [203.0.113.254 dev wan INCOMPLETE]',
      'link out go: The ARP reply #5 says 203.0.113.254 is at 02:00:9b:a0:47:06 (ISP router, home): the cache learns it, and the packet goes on after waiting 16.02 ms. [203.0.113.254 dev wan lladdr 02:00:9b:a0:47:06 REACHABLE]',
      'link out go: Framed in Ethernet II from 02:00:d6:a9:26:aa, the MAC of wan, to 02:00:9b:a0:47:06 (ISP router, home), the next hop’s MAC. [02:00:d6:a9:26:aa → 02:00:9b:a0:47:06]',
      'link out go: Sent out of wan onto link l-wan towards ISP router.',
    ]);
    // The answer comes back to the public address and is rewritten back before it is routed.
    const synAck = firstSent(run, (p, node) => node === 'web' && p.transport.kind === 'tcp');
    expect(lines(steps(run, synAck.packet.id, 'router')).slice(2, 4)).toEqual([
      `network in go: PREROUTING: an answer to a masqueraded flow: its destination 203.0.113.1:${port} is rewritten back to 192.168.1.10:${port}. [NAT #1 tcp 192.168.1.10:${port} ⇄ 203.0.113.1:${port} ⇄ 198.51.100.10:80]`,
      'network in go: Not for this node. The longest match for 192.168.1.10 in its routing table is 192.168.1.0/24, a subnet on lan: straight to 192.168.1.10. [192.168.1.0/24 dev lan proto kernel scope link src 192.168.1.1]',
    ]);
  });

  it('forwards the friend’s port 8080 to the game server, whose web server reads the request', () => {
    const syn = firstSent(run, (p, node) => node === 'friend' && tcpTo(8080)(p));
    const atRouter = lines(steps(run, syn.packet.id, 'router'));
    expect(atRouter[2]).toMatch(
      /^network in go: PREROUTING: a port forward takes it: its destination 203\.0\.113\.1:8080 is rewritten to 192\.168\.1\.20:80\. A new entry in the NAT table\. \[NAT #\d+ tcp 192\.168\.1\.20:80 ⇄ 203\.0\.113\.1:8080 ⇄ 192\.0\.2\.20:\d+\]$/,
    );
    // Routed by the rewritten destination: the game server is on the lan.
    expect(atRouter[3]).toContain(
      'The longest match for 192.168.1.20 in its routing table is 192.168.1.0/24',
    );
    // The friend's request (data on the connection) reaches the game server's httpServer, `web`.
    const data = firstSent(
      run,
      (p, node) => node === 'friend' && p.transport.kind === 'tcp' && p.payload.length > 0,
    );
    expect(lines(steps(run, data.packet.id, 'game')).at(-1)).toBe(
      'application in end: Handed to the program Web server web, which reads it from its socket. [192.168.1.20:80 → web]',
    );
  });

  it('keeps a ping to its public address for itself and answers it', () => {
    const ping = firstSent(
      run,
      (p, node) => node === 'friend' && p.transport.kind === 'icmp' && p.ip.dst === 0xcb007101,
    );
    const atRouter = steps(run, ping.packet.id, 'router');
    expect(lines(atRouter).slice(2)).toEqual([
      'network in go: PREROUTING: no NAT entry or port forward claims 203.0.113.1: the packet is for this node itself.',
      'network in go: 203.0.113.1 is one of its own addresses: the packet is for this node and goes up. [local 203.0.113.1 dev wan]',
      'network in go: Handed up to its ICMP (IP protocol 1).',
      'network in end: An ICMP echo request: the node’s own ICMP answers it.',
      'network out end: Sent back an echo reply to 192.0.2.20.',
    ]);
    const reply = atRouter.at(-1)?.sent as number;
    expect(steps(run, reply, 'friend').map((s) => s.about)).toContain(ping.packet.id);
  });

  it('at the ISP, a ping to a private address finds no route and an ICMP error goes back', () => {
    // The ISP router has three connected subnets and no other route: 192.168.1.10 is in none.
    const ping = firstSent(
      run,
      (p, node) => node === 'friend' && p.transport.kind === 'icmp' && p.ip.dst === 0xc0a8010a,
    );
    const atIsp = steps(run, ping.packet.id, 'isp');
    expect(lines(atIsp).slice(2)).toEqual([
      'network in drop: No route in its routing table holds 192.168.1.10, and there is no default route: dropped.',
      'network out end: Sent back an ICMP error (network unreachable) to 192.0.2.20.',
    ]);
    const error = atIsp.at(-1)?.sent as number;
    const atFriend = steps(run, error, 'friend');
    expect(atFriend.find((s) => s.about === ping.packet.id)?.text).toBe(
      'An ICMP error (network unreachable) about a datagram (ICMP) it sent to 192.168.1.10.',
    );
  });
});
