// Rules that can never match because an earlier rule of their chain takes all their packets.
import { describe, expect, it } from 'vitest';
import { openFirewall, singlePort, SYN_ONLY } from './firewallRules.ts';
import type { Rule } from './firewallRules.ts';
import { covers, shadowedInChain, shadowedRules } from './shadowedRules.ts';
import { cidr } from './firewallTestPackets.ts';

describe('shadowed rules', () => {
  it('a CIDR inside a wider CIDR is shadowed; the wider after the narrower is not', () => {
    const rules: Rule[] = [
      { match: { src: cidr('10.0.0.0/8') }, action: 'DROP' },
      { match: { src: cidr('10.1.2.0/24') }, action: 'ACCEPT' },
      { match: { src: cidr('10.1.2.3') }, action: 'ACCEPT' },
      { match: { src: cidr('11.0.0.0/8') }, action: 'ACCEPT' },
      { match: { src: cidr('0.0.0.0/0') }, action: 'ACCEPT' },
    ];
    expect(shadowedInChain('INPUT', rules)).toEqual([
      { chain: 'INPUT', index: 1, shadowedBy: 0 },
      { chain: 'INPUT', index: 2, shadowedBy: 0 },
    ]);
  });

  it('a port inside an earlier range is shadowed; a range reaching past it is not', () => {
    const rules: Rule[] = [
      { match: { protocol: 'tcp', dstPort: { low: 1024, high: 65535 } }, action: 'REJECT' },
      { match: { protocol: 'tcp', dstPort: singlePort(8080) }, action: 'ACCEPT' },
      { match: { protocol: 'tcp', dstPort: { low: 1000, high: 2000 } }, action: 'ACCEPT' },
      { match: { protocol: 'tcp' }, action: 'ACCEPT' },
    ];
    expect(shadowedInChain('FORWARD', rules)).toEqual([
      { chain: 'FORWARD', index: 1, shadowedBy: 0 },
    ]);
  });

  it("'any' protocol covers tcp, udp and icmp; tcp covers neither udp nor 'any'", () => {
    const rules: Rule[] = [
      { match: { dst: cidr('10.0.0.1'), protocol: 'any' }, action: 'DROP' },
      {
        match: { dst: cidr('10.0.0.1'), protocol: 'tcp', dstPort: singlePort(22) },
        action: 'ACCEPT',
      },
      { match: { dst: cidr('10.0.0.1'), protocol: 'icmp' }, action: 'ACCEPT' },
    ];
    expect(shadowedInChain('INPUT', rules).map((s) => s.index)).toEqual([1, 2]);
    expect(covers({ protocol: 'tcp' }, { protocol: 'udp' })).toBe(false);
    expect(covers({ protocol: 'tcp' }, {})).toBe(false);
    expect(covers({}, { protocol: 'icmp' })).toBe(true);
  });

  it('a LOG rule shadows nothing (the walk goes on), but can itself be shadowed', () => {
    const rules: Rule[] = [
      { match: {}, action: 'LOG' },
      { match: { protocol: 'udp' }, action: 'DROP' },
      { match: { protocol: 'udp', dstPort: singlePort(53) }, action: 'LOG' },
    ];
    expect(shadowedInChain('OUTPUT', rules)).toEqual([
      { chain: 'OUTPUT', index: 2, shadowedBy: 1 },
    ]);
  });

  it('states and TCP flags: a narrower set is covered, a different or missing one is not', () => {
    const established = { states: ['ESTABLISHED', 'RELATED'] } as const;
    expect(covers(established, { states: ['ESTABLISHED'] })).toBe(true);
    expect(covers(established, { states: ['NEW', 'ESTABLISHED'] })).toBe(false);
    expect(covers(established, {})).toBe(false);
    const syn = { protocol: 'tcp', tcpFlags: SYN_ONLY } as const;
    // --tcp-flags SYN,ACK SYN looks at fewer flags than --syn: it covers --syn, not the reverse.
    const synNoAck = { protocol: 'tcp', tcpFlags: { mask: ['syn', 'ack'], set: ['syn'] } } as const;
    expect(covers(synNoAck, syn)).toBe(true);
    expect(covers(syn, synNoAck)).toBe(false);
    expect(covers(syn, { protocol: 'tcp' })).toBe(false);
  });

  it('names the first earlier rule that shadows, chain by chain', () => {
    const rules = openFirewall();
    rules.INPUT = {
      policy: 'DROP',
      rules: [
        { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'ACCEPT' },
        { match: { protocol: 'tcp' }, action: 'ACCEPT' },
        { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'DROP' },
      ],
    };
    rules.OUTPUT = {
      policy: 'ACCEPT',
      rules: [
        { match: {}, action: 'DROP' },
        { match: {}, action: 'ACCEPT' },
      ],
    };
    expect(shadowedRules(rules)).toEqual([
      { chain: 'INPUT', index: 2, shadowedBy: 0 },
      { chain: 'OUTPUT', index: 1, shadowedBy: 0 },
    ]);
  });
});
