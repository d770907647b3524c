// The event log's sentences on small routed, looping and congested networks: forwarding, ICMP
// errors, TTL expiry, a full queue and a link that goes down.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { entryOf, run, texts } from './narrateTestHelpers.ts';

const host = (id: string, role: string, address: string, extra: object = {}) => ({
  id,
  role,
  label: id[0]?.toUpperCase() + id.slice(1),
  interfaces: [{ name: 'eth0', address }],
  ...extra,
});

const router = (id: string, a: string, b: string, extra: object = {}) => ({
  id,
  role: 'router',
  interfaces: [
    { name: 'eth0', address: a },
    { name: 'eth1', address: b },
  ],
  ...extra,
});

/** Laptop - r1 - Server, with the pinger aimed at `port`. */
function routed(port: number) {
  return {
    format: 'handshake/scenario@1',
    name: 'Routed',
    until: '1s',
    nodes: [
      host('laptop', 'client', '10.0.1.10/24', {
        gateway: '10.0.1.1',
        apps: [{ type: 'pinger', peer: 'server', port, count: 1, timeout: '100ms', retries: 0 }],
      }),
      router('r1', '10.0.1.1/24', '10.0.2.1/24'),
      host('server', 'server', '10.0.2.20/24', {
        gateway: '10.0.2.1',
        apps: [{ type: 'echo', port: 7 }],
      }),
    ],
    links: [
      { id: 'a', a: 'laptop', b: 'r1:eth0', latency: '1ms' },
      { id: 'b', a: 'r1:eth1', b: 'server', latency: '1ms' },
    ],
  };
}

describe('narrate routed networks', () => {
  it('follows a datagram through a router to a closed port and the ICMP error back', () => {
    const { records, entries } = run(routed(9));
    const all = texts(entries);
    // Packet ids: the request #1, the laptop's ARP request and r1's reply #2 and #3, r1's ARP
    // request and the server's reply #4 and #5; the server knows r1's MAC from its request, so
    // its ICMP error is #6.
    expect(all).toContain('Router r1 forwards packet #1 from eth0 to eth1.');
    // The laptop sends with TTL 64; r1 takes one off.
    expect(all).toContain(
      'Router r1 starts sending packet #1 over link b towards Server (10.0.2.20:9), TTL now 63.',
    );
    expect(all).toContain('Packet #1 arrives at r1 on eth0.');
    expect(all).toContain(
      'Nobody listens on UDP port 9 at Server: it answers with ICMP port unreachable, packet #6 to Laptop (10.0.1.10) on link b.',
    );
    expect(all).toContain('Router r1 forwards packet #6 from eth1 to eth0.');
    expect(all).toContain('Laptop accepts packet #6 and hands it to ICMP.');
    const bind = records.find((r) => r.type === 'socket.bind' && r.node === 'laptop');
    if (bind?.type !== 'socket.bind') throw new Error('the laptop binds no socket');
    expect(all).toContain(
      `Laptop: recv on socket “udp *:${bind.port} -> 10.0.2.20:9” fails with ECONNREFUSED: nobody is listening on that port (the peer answered with RST or ICMP port unreachable).`,
    );
    expect(all).toContain('Laptop gives up on request 1: it counts as lost.');
  });

  it('tells which router drops a looping packet when its TTL runs out', () => {
    // r1 and r2 each send what they cannot deliver to the other. The laptop's packet leaves with
    // TTL 64 and reaches r1 with 64, r2 with 63, r1 with 62, ...: r2 receives it with TTL 1 and
    // drops it, answering with ICMP time exceeded from its address on that link, 10.0.2.2: packet
    // #6, after the two ARP exchanges (#2 to #5; r2 knows r1's MAC from r1's request).
    const { entries } = run({
      format: 'handshake/scenario@1',
      name: 'Loop',
      until: '1s',
      nodes: [
        host('laptop', 'client', '10.0.1.10/24', {
          gateway: '10.0.1.1',
          apps: [{ type: 'pinger', peer: '10.0.9.2', count: 1, timeout: '100ms', retries: 0 }],
        }),
        router('r1', '10.0.1.1/24', '10.0.2.1/24', { gateway: '10.0.2.2' }),
        router('r2', '10.0.2.2/24', '10.0.3.1/24', { gateway: '10.0.2.1' }),
        host('far', 'server', '10.0.9.2/24'),
      ],
      links: [
        { id: 'a', a: 'laptop', b: 'r1:eth0', latency: '1ms' },
        { id: 'b', a: 'r1:eth1', b: 'r2:eth0', latency: '1ms' },
      ],
    });
    const all = texts(entries);
    expect(all).toContain('Router r2 forwards packet #1 from eth0 back out of eth0.');
    expect(all).toContain('Router r2 drops packet #1: TTL expired.');
    expect(all).not.toContain('Router r1 drops packet #1: TTL expired.');
    expect(all).toContain(
      'Router r2 (10.0.2.2) answers with ICMP time exceeded, packet #6 to Laptop (10.0.1.10) on link b.',
    );
  });

  it('narrates a full queue and a link that goes down and comes back', () => {
    // Three pingers on the laptop send at 0 s: requests #1, #3 and #4 wait for the laptop's ARP
    // exchange (request #2; the reply, #5, is back at 2 × (200 ms + 512 us) = 401.024 ms), and
    // so do the retries of 400 ms (#6 to #8). All six leave at once; the link transmits one
    // packet at a time and its queue holds one: #1 goes onto the wire, #3 waits, #4 and the
    // others find the queue full.
    const { records, entries } = run({
      format: 'handshake/scenario@1',
      name: 'Congested',
      until: '1s',
      events: [
        { at: '500ms', type: 'linkDown', link: 'l' },
        { at: '700ms', type: 'linkUp', link: 'l' },
      ],
      nodes: [
        host('laptop', 'client', '10.0.0.1/24', {
          apps: [1, 2, 3].map(() => ({
            type: 'pinger',
            peer: 'server',
            count: 1,
            timeout: '400ms',
            retries: 1,
          })),
        }),
        host('server', 'server', '10.0.0.2/24', { apps: [{ type: 'echo' }] }),
      ],
      links: [
        {
          id: 'l',
          a: 'laptop',
          b: 'server',
          latency: '200ms',
          bandwidth: '1Mbps',
          queue: { packets: 1 },
        },
      ],
    });
    const all = texts(entries);
    // (84 bytes of IP, a 102-byte frame: the queue counts frames.)
    expect(all).toContain('The queue at Laptop eth0 holds 1 packet (102 bytes).');
    expect(all).toContain('Packet #4 is dropped: the queue at Laptop eth0 is full.');
    expect(all).toContain('The queue at Laptop eth0 is empty.');
    expect(all).toContain('Link l goes down.');
    expect(all).toContain('Link l comes back up.');
    // #1 and #3 leave at 401.024 and 401.84 ms, 102 * 8 / 1 Mbit/s = 816 µs on the wire each,
    // and fly 200 ms: still in flight at 500 ms, so the link going down cuts them off.
    const cut = records.filter((r) => r.type === 'link.lost' && r.reason === 'linkDown');
    expect(cut.map((r) => r.type === 'link.lost' && [r.t, r.pkt])).toEqual([
      [500_000_000, 1],
      [500_000_000, 3],
    ]);
    for (const r of cut) {
      expect(entryOf(entries, r, records)?.text).toBe(
        `Packet #${(r as TraceRecord<'link.lost'>).pkt} is cut off on link l: the link went down.`,
      );
    }
  });
});
