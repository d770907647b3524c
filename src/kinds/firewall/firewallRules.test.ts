// The per-packet verdict: first match wins, the policy decides when nothing matches, LOG goes on,
// and each kind of match (addresses, protocol, ports, TCP flags, state) as iptables reads it.
import { describe, expect, it } from 'vitest';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { ruleMatches, singlePort, SYN_ONLY, verdict } from './firewallRules.ts';
import type { Chain, Rule, RuleMatch } from './firewallRules.ts';
import { cidr, echo, ip, tcp, udp } from './firewallTestPackets.ts';

const web = tcp('198.51.100.7:40000', '10.0.0.1:80', 'S');
const ssh = tcp('198.51.100.7:40001', '10.0.0.1:22', 'S');
const dns = udp('10.0.0.2:5353', '10.0.0.53:53');
const ping = echo('10.0.0.2', '10.0.0.1', 'echoRequest');

describe('a chain walk', () => {
  it('stops at the first matching rule: a later rule for the same packet never decides', () => {
    const chain: Chain = {
      policy: 'ACCEPT',
      rules: [
        { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'DROP' },
        { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'ACCEPT' },
        { match: { protocol: 'tcp' }, action: 'REJECT', rejectWith: 'tcp-reset' },
      ],
    };
    expect(verdict(chain, web, 'NEW')).toEqual({ action: 'DROP', decidedBy: 0, logged: [] });
    expect(verdict(chain, ssh, 'NEW')).toEqual({
      action: 'REJECT',
      rejectWith: 'tcp-reset',
      decidedBy: 2,
      logged: [],
    });
  });

  it('applies the default policy when no rule matches, whichever it is', () => {
    const rules: Rule[] = [
      { match: { protocol: 'tcp', dstPort: singlePort(80) }, action: 'ACCEPT' },
    ];
    for (const policy of ['DROP', 'ACCEPT'] as const) {
      expect(verdict({ policy, rules }, dns, 'NEW')).toEqual({
        action: policy,
        decidedBy: 'policy',
        logged: [],
      });
    }
    expect(verdict({ policy: 'DROP', rules: [] }, web, 'NEW').decidedBy).toBe('policy');
  });

  it('notes a matching LOG rule and goes on to the next, as iptables does', () => {
    const chain: Chain = {
      policy: 'DROP',
      rules: [
        { match: {}, action: 'LOG', logPrefix: 'all: ' },
        { match: { protocol: 'tcp', dstPort: singlePort(22) }, action: 'LOG' },
        { match: { protocol: 'tcp', dstPort: singlePort(22) }, action: 'DROP' },
        { match: { protocol: 'udp' }, action: 'LOG' },
      ],
    };
    expect(verdict(chain, ssh, 'NEW')).toEqual({ action: 'DROP', decidedBy: 2, logged: [0, 1] });
    // Nothing but LOG rules match a DNS query: the policy decides, after two log lines.
    expect(verdict(chain, dns, 'NEW')).toEqual({
      action: 'DROP',
      decidedBy: 'policy',
      logged: [0, 3],
    });
  });

  it("REJECT without --reject-with answers icmp-port-unreachable, iptables' default", () => {
    const chain: Chain = { policy: 'ACCEPT', rules: [{ match: {}, action: 'REJECT' }] };
    expect(verdict(chain, dns, 'NEW').rejectWith).toBe('icmp-port-unreachable');
  });
});

describe('what a rule matches', () => {
  const matches = (match: RuleMatch, packet = web, state = 'NEW' as const): boolean =>
    ruleMatches(match, packet, state);

  it('an address or a CIDR for source and destination', () => {
    expect(matches({ src: cidr('198.51.100.0/24') })).toBe(true);
    expect(matches({ src: cidr('198.51.100.8') })).toBe(false);
    expect(matches({ dst: cidr('10.0.0.1') })).toBe(true);
    expect(matches({ dst: cidr('10.0.0.0/31') })).toBe(true);
    expect(matches({ dst: cidr('10.0.0.2/31') })).toBe(false);
    expect(matches({ src: cidr('0.0.0.0/0'), dst: cidr('10.0.0.0/8') })).toBe(true);
  });

  it('a protocol, with any (or none) matching every packet', () => {
    expect(matches({ protocol: 'tcp' })).toBe(true);
    expect(matches({ protocol: 'udp' })).toBe(false);
    expect(matches({ protocol: 'icmp' }, ping)).toBe(true);
    for (const packet of [web, dns, ping]) expect(matches({ protocol: 'any' }, packet)).toBe(true);
  });

  it('a port or an inclusive range, and never a packet without ports', () => {
    expect(matches({ protocol: 'tcp', dstPort: { low: 1, high: 80 } })).toBe(true);
    expect(matches({ protocol: 'tcp', dstPort: { low: 81, high: 1024 } })).toBe(false);
    expect(matches({ protocol: 'tcp', srcPort: { low: 32768, high: 60999 } })).toBe(true);
    expect(matches({ protocol: 'udp', dstPort: singlePort(53) }, dns)).toBe(true);
    expect(matches({ dstPort: { low: 0, high: 65535 } }, ping)).toBe(false);
    // An ICMP error's quoted ports are not the packet's ports.
    const error = portUnreachable(dns, { id: 99, src: ip('10.0.0.53') });
    expect(matches({ srcPort: { low: 0, high: 65535 } }, error)).toBe(false);
  });

  it('TCP flags as --tcp-flags mask set: --syn takes a SYN, not a SYN+ACK nor an ACK', () => {
    const synAck = tcp('10.0.0.1:80', '198.51.100.7:40000', 'SA');
    const ack = tcp('198.51.100.7:40000', '10.0.0.1:80', 'A');
    const syn = { protocol: 'tcp', tcpFlags: SYN_ONLY } as const;
    expect([web, synAck, ack].map((p) => matches(syn, p))).toEqual([true, false, false]);
    expect(matches(syn, dns)).toBe(false);
    // Flags outside the mask are not looked at: mask FIN,RST set RST takes RST+ACK.
    const rst = { protocol: 'tcp', tcpFlags: { mask: ['fin', 'rst'], set: ['rst'] } } as const;
    expect(matches(rst, tcp('10.0.0.1:80', '198.51.100.7:40000', 'RA'))).toBe(true);
    expect(matches(rst, ack)).toBe(false);
    // As xt_tcpudp's (flags & mask) == set: a flag in set but not in mask never matches.
    expect(matches({ tcpFlags: { mask: ['ack'], set: ['syn'] } }, web)).toBe(false);
  });

  it('connection states: one of those listed must hold', () => {
    const m = { states: ['ESTABLISHED', 'RELATED'] } as const;
    expect(ruleMatches(m, web, 'ESTABLISHED')).toBe(true);
    expect(ruleMatches(m, web, 'RELATED')).toBe(true);
    expect(ruleMatches(m, web, 'NEW')).toBe(false);
    expect(ruleMatches(m, web, 'INVALID')).toBe(false);
  });

  it('needs every field given to match', () => {
    const m: RuleMatch = { src: cidr('198.51.100.0/24'), protocol: 'tcp', dstPort: singlePort(80) };
    expect(matches(m)).toBe(true);
    expect(matches(m, ssh)).toBe(false);
    expect(matches({ ...m, states: ['ESTABLISHED'] })).toBe(false);
  });
});
