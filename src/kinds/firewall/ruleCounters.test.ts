// A rule's counter counts exactly its matches: every packet the walk reached it with and it
// matched (LOG rules too), never a packet decided before it, and the policy counts the rest.
import { describe, expect, it } from 'vitest';
import { wireSize } from '../../net/wire/packet.ts';
import { ruleMatches, singlePort, verdict } from './firewallRules.ts';
import type { Chain } from './firewallRules.ts';
import { RuleCounters } from './ruleCounters.ts';
import { echo, tcp, udp } from './firewallTestPackets.ts';

const chain: Chain = {
  policy: 'DROP',
  rules: [
    { match: {}, action: 'LOG' },
    { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'ACCEPT' },
    { match: { protocol: 'tcp', dstPort: { low: 1, high: 1024 } }, action: 'DROP' },
    { match: { protocol: 'udp' }, action: 'LOG' },
    { match: { protocol: 'tcp' }, action: 'REJECT', rejectWith: 'tcp-reset' },
  ],
};

const packets = [
  tcp('192.0.2.1:40000', '10.0.0.1:80', 'S'),
  tcp('192.0.2.1:40000', '10.0.0.1:80', 'A'),
  tcp('192.0.2.2:40001', '10.0.0.1:80', 'S'),
  tcp('192.0.2.1:40002', '10.0.0.1:22', 'S'),
  tcp('192.0.2.1:40003', '10.0.0.1:22', 'S'),
  tcp('192.0.2.1:40004', '10.0.0.1:8080', 'S'),
  udp('192.0.2.1:5353', '10.0.0.1:53'),
  echo('192.0.2.1', '10.0.0.1', 'echoRequest'),
];

describe('per-rule hit counters', () => {
  const counters = new RuleCounters();
  for (const packet of packets)
    counters.record('INPUT', verdict(chain, packet, 'NEW'), wireSize(packet));

  it('count each rule the packets it matched when the walk reached it, worked out by hand', () => {
    // LOG sees all 8; :80 takes 3; 1-1024 takes the two :22 (the :80 ones never reach it though
    // they would match); udp LOG sees the DNS query; tcp REJECT takes only :8080.
    expect(counters.packets('INPUT', 5)).toEqual([8, 3, 2, 1, 1]);
    // The DNS query and the ping fall through to the policy.
    expect(counters.hits('INPUT', 'policy').packets).toBe(2);
    expect(counters.packets('FORWARD', 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('add the packets bytes as iptables -v does', () => {
    const bytesOf = (list: typeof packets): number => list.reduce((n, p) => n + wireSize(p), 0);
    expect(counters.hits('INPUT', 0).bytes).toBe(bytesOf(packets));
    expect(counters.hits('INPUT', 1).bytes).toBe(bytesOf(packets.slice(0, 3)));
    // A SYN without options is 40 bytes: 20 of IP and 20 of TCP.
    expect(counters.hits('INPUT', 2)).toEqual({ packets: 2, bytes: 80 });
  });

  it('never count a rule after the one that decided, though it would match', () => {
    const wouldMatch = packets.filter((p) => ruleMatches(chain.rules[2]!.match, p, 'NEW'));
    expect(wouldMatch).toHaveLength(5);
    expect(counters.hits('INPUT', 2).packets).toBe(2);
  });

  it('give zero for a rule nothing reached', () => {
    expect(new RuleCounters().hits('OUTPUT', 3)).toEqual({ packets: 0, bytes: 0 });
  });
});
