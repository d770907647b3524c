// The checkers the firewall's schema will call: CIDRs, port ranges, and fields that need others.
import { describe, expect, it } from 'vitest';
import { parseCidr, parsePortRange, ruleProblems } from './firewallChecks.ts';
import { singlePort } from './firewallRules.ts';
import { ip } from './firewallTestPackets.ts';

describe('parseCidr', () => {
  it('reads a prefix, and an address alone as /32', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({
      ok: true,
      value: { network: ip('10.0.0.0'), length: 8 },
    });
    expect(parseCidr('0.0.0.0/0')).toEqual({ ok: true, value: { network: 0, length: 0 } });
    expect(parseCidr(' 192.168.1.7 ')).toEqual({
      ok: true,
      value: { network: ip('192.168.1.7'), length: 32 },
    });
  });

  it('refuses host bits beyond the prefix, naming the network meant', () => {
    expect(parseCidr('10.0.0.1/8')).toEqual({
      ok: false,
      error: '"10.0.0.1/8" has host bits set: the network is 10.0.0.0/8',
    });
  });

  it('names what is wrong with a bad address or length', () => {
    const error = (text: string): string => {
      const r = parseCidr(text);
      return r.ok ? '' : r.error;
    };
    expect(error('10.0.0/8')).toMatch(/3 parts/);
    expect(error('10.0.0.256/32')).toMatch(/256 is more than 255/);
    expect(error('10.0.0.0/33')).toMatch(/length "33" must be a whole number from 0 to 32/);
    expect(error('10.0.0.0/')).toMatch(/length ""/);
    expect(error('')).toMatch(/empty/);
  });
});

describe('parsePortRange', () => {
  it('reads one port or a range with - (or iptables :)', () => {
    expect(parsePortRange('80')).toEqual({ ok: true, value: { low: 80, high: 80 } });
    expect(parsePortRange('1024-65535')).toEqual({ ok: true, value: { low: 1024, high: 65535 } });
    expect(parsePortRange('0:1023')).toEqual({ ok: true, value: { low: 0, high: 1023 } });
  });

  it('names what is wrong', () => {
    const error = (text: string): string => {
      const r = parsePortRange(text);
      return r.ok ? '' : r.error;
    };
    expect(error('2000-1000')).toBe(
      '"2000-1000" is not a port or port range: the range starts at 2000, after its end 1000; write 1000-2000',
    );
    expect(error('70000')).toMatch(/70000 is more than 65535/);
    expect(error('1024-')).toMatch(/a port on each side/);
    expect(error('http')).toMatch(/"http" is not a whole number/);
    expect(error('-5')).toMatch(/a port on each side/);
    expect(error('1-2-3')).toMatch(/one port or two/);
    expect(error(' ')).toMatch(/empty/);
  });
});

describe('ruleProblems', () => {
  it('finds nothing wrong with a sound rule', () => {
    expect(
      ruleProblems({
        match: {
          protocol: 'tcp',
          dstPort: singlePort(80),
          tcpFlags: { mask: ['syn'], set: ['syn'] },
        },
        action: 'REJECT',
        rejectWith: 'tcp-reset',
      }),
    ).toEqual([]);
  });

  it('refuses what iptables refuses: ports without tcp/udp, flags without tcp, tcp-reset without tcp', () => {
    expect(ruleProblems({ match: { dstPort: singlePort(53) }, action: 'ACCEPT' })).toEqual([
      'a destination port needs the protocol tcp or udp, not any',
    ]);
    expect(
      ruleProblems({
        match: { protocol: 'udp', tcpFlags: { mask: ['syn'], set: ['syn'] } },
        action: 'DROP',
      }),
    ).toEqual(['TCP flags need the protocol tcp, not udp']);
    expect(
      ruleProblems({ match: { protocol: 'icmp' }, action: 'REJECT', rejectWith: 'tcp-reset' }),
    ).toEqual(['REJECT with tcp-reset needs the protocol tcp, not icmp']);
    expect(
      ruleProblems({ match: {}, action: 'DROP', rejectWith: 'icmp-admin-prohibited' }),
    ).toEqual(['"rejectWith" goes only with REJECT, not DROP']);
  });

  it('refuses ranges, prefixes and flag sets that are out of shape', () => {
    expect(
      ruleProblems({
        match: {
          protocol: 'udp',
          srcPort: { low: 9, high: 3 },
          src: { network: ip('10.0.0.1'), length: 8 },
          states: [],
        },
        action: 'ACCEPT',
      }),
    ).toEqual([
      'the source port range 9-3 is not 0-65535 with low <= high',
      'the source 10.0.0.1/8 is not a network',
      'a state match needs at least one state',
    ]);
    expect(
      ruleProblems({
        match: { protocol: 'tcp', tcpFlags: { mask: ['ack'], set: ['syn'] } },
        action: 'DROP',
      }),
    ).toEqual(['the flags syn must be set but are not examined (add them to the mask)']);
  });
});
