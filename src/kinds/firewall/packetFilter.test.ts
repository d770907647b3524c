// A stateful gateway's FORWARD chain: the return traffic of a connection the inside opened passes
// by connection tracking (an ESTABLISHED rule), while a connection the outside opens is dropped.
import { describe, expect, it } from 'vitest';
import { portUnreachable } from '../../net/wire/icmpErrors.ts';
import { ConnectionTable } from './connectionTracking.ts';
import { openFirewall, SYN_ONLY } from './firewallRules.ts';
import type { FirewallRules } from './firewallRules.ts';
import { filterPacket } from './packetFilter.ts';
import type { PacketFilter } from './packetFilter.ts';
import { RuleCounters } from './ruleCounters.ts';
import { cidr, ip, tcp, udp } from './firewallTestPackets.ts';

const INSIDE = '10.0.0.2:49152';
const WEB = '203.0.113.5:80';
const ATTACKER = '198.51.100.66:31337';

/** iptables -P FORWARD DROP; -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT;
 *  -A FORWARD -s 10.0.0.0/24 -m conntrack --ctstate NEW -j ACCEPT */
function gateway(): PacketFilter {
  const rules: FirewallRules = {
    ...openFirewall(),
    FORWARD: {
      policy: 'DROP',
      rules: [
        { match: { states: ['ESTABLISHED', 'RELATED'] }, action: 'ACCEPT' },
        { match: { src: cidr('10.0.0.0/24'), states: ['NEW'] }, action: 'ACCEPT' },
      ],
    },
  };
  return { rules, conntrack: new ConnectionTable(), counters: new RuleCounters() };
}

describe('a stateful gateway', () => {
  it('lets the answers of a connection from inside back in, by the ESTABLISHED rule', () => {
    const fw = gateway();
    const ladder = [
      tcp(INSIDE, WEB, 'S', { seq: 100 }),
      tcp(WEB, INSIDE, 'SA', { seq: 500, ack: 101 }),
      tcp(INSIDE, WEB, 'A', { seq: 101, ack: 501 }),
      tcp(WEB, INSIDE, 'PA', { seq: 501, ack: 101, data: new Uint8Array(100) }),
    ];
    const results = ladder.map((p, i) => filterPacket(fw, 'FORWARD', p, i));
    expect(results.map((r) => [r.tracked.state, r.verdict.action, r.verdict.decidedBy])).toEqual([
      ['NEW', 'ACCEPT', 1],
      ['ESTABLISHED', 'ACCEPT', 0],
      ['ESTABLISHED', 'ACCEPT', 0],
      ['ESTABLISHED', 'ACCEPT', 0],
    ]);
    expect(results.map((r) => r.event?.type)).toEqual([
      'conntrack.new',
      'conntrack.reply',
      undefined,
      undefined,
    ]);
    expect(fw.counters?.packets('FORWARD', 2)).toEqual([3, 1]);
  });

  it('drops a new connection from outside, and keeps no entry for it', () => {
    const fw = gateway();
    const syn = filterPacket(fw, 'FORWARD', tcp(ATTACKER, '10.0.0.2:22', 'S'), 0);
    expect(syn.tracked.state).toBe('NEW');
    expect(syn.verdict).toEqual({ action: 'DROP', decidedBy: 'policy', logged: [] });
    expect(fw.conntrack.size).toBe(0);
    // Its retransmission is as NEW, and a bare ACK trying to slip in is picked up as NEW too.
    for (const flags of ['S', 'A']) {
      const again = filterPacket(fw, 'FORWARD', tcp(ATTACKER, '10.0.0.2:22', flags), 1);
      expect([again.tracked.state, again.verdict.action]).toEqual(['NEW', 'DROP']);
    }
    expect(fw.counters?.hits('FORWARD', 'policy').packets).toBe(3);
  });

  it("drops the outside's reply-looking packets once the inside's connection is reset", () => {
    const fw = gateway();
    filterPacket(fw, 'FORWARD', tcp(INSIDE, WEB, 'S', { seq: 100 }), 0);
    filterPacket(fw, 'FORWARD', tcp(WEB, INSIDE, 'SA', { seq: 500, ack: 101 }), 1);
    const rst = filterPacket(fw, 'FORWARD', tcp(INSIDE, WEB, 'R', { seq: 101 }), 2);
    expect(rst.verdict.action).toBe('ACCEPT');
    const late = filterPacket(fw, 'FORWARD', tcp(WEB, INSIDE, 'PA', { seq: 501, ack: 101 }), 3);
    expect([late.tracked.state, late.verdict.action]).toEqual(['NEW', 'DROP']);
  });

  it('lets an ICMP error about an inside flow in as RELATED', () => {
    const fw = gateway();
    const query = udp('10.0.0.2:5353', '192.0.2.53:53');
    filterPacket(fw, 'FORWARD', query, 0);
    const error = portUnreachable(query, { id: 50, src: ip('192.0.2.53') });
    const result = filterPacket(fw, 'FORWARD', error, 1);
    expect([result.tracked.state, result.verdict.action, result.verdict.decidedBy]).toEqual([
      'RELATED',
      'ACCEPT',
      0,
    ]);
  });

  it('opens inbound connections to one host by a --syn rule; their answers go out as ESTABLISHED', () => {
    const fw = gateway();
    fw.rules.FORWARD = {
      policy: 'DROP',
      rules: [
        { match: { states: ['ESTABLISHED'] }, action: 'ACCEPT' },
        { match: { protocol: 'tcp', tcpFlags: SYN_ONLY, dst: cidr('10.0.0.2') }, action: 'ACCEPT' },
      ],
    };
    const syn = filterPacket(fw, 'FORWARD', tcp(ATTACKER, '10.0.0.2:443', 'S'), 0);
    expect(syn.verdict.decidedBy).toBe(1);
    const synAck = filterPacket(
      fw,
      'FORWARD',
      tcp('10.0.0.2:443', ATTACKER, 'SA', { ack: 1001 }),
      1,
    );
    expect(synAck.verdict.decidedBy).toBe(0);
  });
});
