// The firewall machine step: its decisions are the real verdict of src/kinds/firewall on packets
// built from the step, worked by hand here on simulations/firewall.json's FORWARD chain
// (1 ACCEPT ESTABLISHED,RELATED; 2 ACCEPT tcp --dport 80 --syn; 3 REJECT tcp --dport 22 with
// tcp-reset; 4 LOG; policy DROP), whether the rules are the scenario node's or written in the step;
// a malformed step is told at the line of its field; lesson check runs it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson } from './lessonCheck.ts';
import { readLesson } from './lessonFormat.ts';
import {
  checkMachine,
  machineDecisions,
  machineFeedback,
  readMachine,
  replayPicks,
  type MachineDecision,
  type MachineSpec,
} from './machineStep.ts';
import { firewallOf, packetOf, packetText, type FirewallPacket } from './firewallStep.ts';

const scenario: unknown = JSON.parse(readFileSync('simulations/firewall.json', 'utf8'));
const firewallSetting = (scenario as { nodes: { id: string; firewall?: unknown }[] }).nodes.find(
  (n) => n.id === 'fw',
)?.firewall;

function spec(value: Record<string, unknown>): MachineSpec {
  const out = readMachine({ kind: 'machine', ...value }, (m) => {
    throw new Error(m);
  });
  if (!out) throw new Error('not read');
  return out;
}

function decisions(value: Record<string, unknown>, doc: unknown = scenario): MachineDecision[] {
  const d = machineDecisions(spec(value), doc);
  if (typeof d === 'string') throw new Error(d);
  return d;
}

const laptop = '192.168.1.10';
const server = '10.0.0.20';
const PACKETS: FirewallPacket[] = [
  { protocol: 'tcp', from: `${laptop}:50114`, to: `${server}:80`, flags: 'S', state: 'NEW' },
  {
    protocol: 'tcp',
    from: `${server}:80`,
    to: `${laptop}:50114`,
    flags: 'SA',
    state: 'ESTABLISHED',
  },
  { protocol: 'tcp', from: `${laptop}:50115`, to: `${server}:22`, flags: 'S', state: 'NEW' },
  { protocol: 'udp', from: `${laptop}:52655`, to: `${server}:7`, state: 'NEW' },
  { protocol: 'icmp', from: laptop, to: server, state: 'NEW' },
  // An ACK with no connection: NEW, but rule 2 wants a SYN alone (--syn).
  { protocol: 'tcp', from: `${laptop}:50116`, to: `${server}:80`, flags: 'A', state: 'NEW' },
];

describe('the firewall machine, by first match worked by hand', () => {
  it("takes the verdicts of the scenario firewall's FORWARD chain", () => {
    const d = decisions({ machine: 'firewall', firewall: 'fw', packets: PACKETS });
    expect(d.map((x) => x.answer)).toEqual(['ACCEPT', 'ACCEPT', 'REJECT', 'DROP', 'DROP', 'DROP']);
    expect(d.every((x) => x.choices.map((c) => c.id).join() === 'ACCEPT,DROP,REJECT')).toBe(true);
    expect(d[0]?.situation).toBe(
      'A packet comes to the FORWARD chain: tcp 192.168.1.10:50114 → 10.0.0.20:80 [SYN], state NEW.',
    );
    expect(d[0]?.why).toBe(
      'Rule 2 is the first rule that matches it and ends the walk: -p tcp --dport 80 --syn -j ACCEPT (the web).',
    );
    expect(d[1]?.why).toBe(
      'Rule 1 is the first rule that matches it and ends the walk: -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT (replies to connections already let through).',
    );
    expect(d[2]?.why).toBe(
      'Rule 3 is the first rule that matches it and ends the walk: -p tcp --dport 22 -j REJECT --reject-with tcp-reset (admin logins: refused at once). The firewall drops the packet and answers the sender with a TCP reset (RST).',
    );
    // Nothing decides the UDP datagram; the LOG rule saw it on the way.
    expect(d[3]?.why).toBe(
      "No rule matches it and ends the walk, so the FORWARD chain's policy decides: DROP. On the way, rule 4 (LOG) matched and logged it; a LOG rule does not end the walk.",
    );
    expect(d[4]?.situation).toContain('icmp 192.168.1.10 → 10.0.0.20 echo-request, state NEW');
    expect(d[5]?.situation).toContain('[ACK], state NEW');
    expect(d[5]?.why).toMatch(/^No rule matches it/);
  });

  it('gives the same decisions for the same rules written in the step', () => {
    const inline = decisions({ machine: 'firewall', firewall: firewallSetting, packets: PACKETS });
    expect(inline).toEqual(decisions({ machine: 'firewall', firewall: 'fw', packets: PACKETS }));
  });

  it('follows the rules: their order, another chain, REJECT without --reject-with', () => {
    const step = (rules: object[], chain?: string) =>
      decisions({
        machine: 'firewall',
        ...(chain ? { chain } : {}),
        firewall: { input: { policy: 'ACCEPT', rules } },
        packets: [PACKETS[2]],
      })[0];
    // First match wins: a DROP before the REJECT decides.
    const reject = { action: 'REJECT', protocol: 'tcp', dstPort: 22 };
    const drop = { action: 'DROP', src: '192.168.1.0/24' };
    expect(step([drop, reject], 'INPUT')?.answer).toBe('DROP');
    expect(step([reject, drop], 'INPUT')?.why).toBe(
      'Rule 1 is the first rule that matches it and ends the walk: -p tcp --dport 22 -j REJECT. The firewall drops the packet and answers the sender with an ICMP port unreachable.',
    );
    // The FORWARD chain of this setting is the open default: its policy ACCEPT decides.
    expect(step([drop], 'FORWARD')?.why).toBe(
      "No rule matches it and ends the walk, so the FORWARD chain's policy decides: ACCEPT.",
    );
  });

  it('builds real packets: addresses, ports and flags as a host sends them', () => {
    const synAck = packetOf(PACKETS[1] as FirewallPacket);
    expect(synAck.transport).toMatchObject({ kind: 'tcp', srcPort: 80, dstPort: 50114 });
    if (synAck.transport.kind !== 'tcp') return;
    expect(synAck.transport.flags).toMatchObject({ syn: true, ack: true, fin: false, rst: false });
    expect(synAck.ip.src).toBe(0x0a000014);
    expect(packetOf(PACKETS[4] as FirewallPacket).transport).toMatchObject({
      kind: 'icmp',
      message: 'echoRequest',
    });
    expect(
      packetText({ protocol: 'tcp', from: '1.2.3.4:1', to: '5.6.7.8:2', flags: '', state: 'NEW' }),
    ).toBe('tcp 1.2.3.4:1 → 5.6.7.8:2 [no flags]');
  });

  it('replays picks and says when every packet has its verdict', () => {
    const d = decisions({ machine: 'firewall', firewall: 'fw', packets: PACKETS.slice(0, 2) });
    const slip = replayPicks(d, ['DROP']);
    expect(machineFeedback(d, slip)).toBe(
      'Not DROP. Rule 2 is the first rule that matches it and ends the walk: -p tcp --dport 80 --syn -j ACCEPT (the web). Try again.',
    );
    const done = replayPicks(d, ['DROP', 'ACCEPT', 'ACCEPT']);
    expect(done).toMatchObject({ done: true, slips: [1, 0] });
    expect(machineFeedback(d, done)).toMatch(
      /^Right: ACCEPT\. Rule 1 .* Every packet has its verdict\.$/,
    );
  });
});

describe('where a firewall step cannot be played', () => {
  it('says a node the scenario lacks, one with no firewall, an invalid scenario (English, German)', () => {
    const of = (firewall: string, doc: unknown = scenario, language = 'en') => {
      const s = spec({ machine: 'firewall', firewall, packets: [PACKETS[0]] });
      if (s.machine !== 'firewall') throw new Error('not a firewall step');
      return firewallOf(s, doc, language);
    };
    expect(of('nope')).toBe('the scenario has no node "nope"');
    expect(of('server')).toBe('node "server" has no firewall setting');
    expect(of('server', scenario, 'de')).toBe('Knoten „server“ hat keine Firewall-Einstellung');
    expect(of('fw', { nodes: 'none' })).toBe('the scenario is not valid');
    expect(of('fw')).toMatchObject({ node: 'Firewall', chainName: 'FORWARD' });
  });

  it('lesson check passes a playable step with the answers, and refuses an empty chain', () => {
    const playable = checkMachine(
      spec({ machine: 'firewall', firewall: 'fw', packets: PACKETS }),
      scenario,
    );
    expect(playable).toEqual({
      ok: true,
      message:
        "6 picks for the learner; the real firewall's answers: ACCEPT, ACCEPT, REJECT, DROP, DROP, DROP",
    });
    const empty = spec({
      machine: 'firewall',
      chain: 'OUTPUT',
      firewall: { output: { policy: 'DROP' } },
      packets: [PACKETS[0]],
    });
    expect(checkMachine(empty, null)).toEqual({
      ok: false,
      message: 'the OUTPUT chain has no rule: its policy decides alone',
    });
    expect(
      checkMachine(
        spec({ machine: 'firewall', firewall: 'nope', packets: [PACKETS[0]] }),
        scenario,
      ),
    ).toEqual({
      ok: false,
      message: 'the scenario has no node "nope"',
    });
  });

  it('is checked by lesson check in a lesson on firewall.json', () => {
    const text = (node: string) =>
      `---\ntitle: T\nscenario: ../firewall.json\n---\n\n## Be it\n\n\`\`\`step\n${JSON.stringify({
        kind: 'machine',
        machine: 'firewall',
        firewall: node,
        packets: PACKETS.slice(0, 3),
      })}\n\`\`\`\n`;
    const file = readFileSync('simulations/firewall.json', 'utf8');
    const check = (node: string) => {
      const read = readLesson(text(node));
      if (!read.ok) throw new Error(read.problems[0]?.message);
      return checkLesson(read.lesson, file);
    };
    expect(check('fw')).toEqual([
      {
        line: 6,
        ok: true,
        message:
          'machine "Be it": 3 picks for the learner; the real firewall\'s answers: ACCEPT, ACCEPT, REJECT',
      },
    ]);
    expect(check('laptop')[0]).toMatchObject({
      ok: false,
      message: 'machine "Be it": node "laptop" has no firewall setting',
    });
  });
});

/** The problems of a lesson whose one step is `block` (its first line is line 9). */
function problems(block: string): string[] {
  const read = readLesson(
    `---\ntitle: T\nscenario: ../firewall.json\n---\n\n## Be it\n\n\`\`\`step\n${block}\n\`\`\`\n`,
  );
  return read.ok ? [] : read.problems.map((p) => `${p.line}: ${p.message}`);
}

describe('a malformed firewall step', () => {
  it('says each bad field of a packet at its line, the right packet among several', () => {
    const block = [
      '{ "kind": "machine", "machine": "firewall", "firewall": "fw", "chain": "NAT",', // 9
      '  "colour": "red",', // 10
      '  "packets": [', // 11
      '    { "protocol": "tcp", "from": "192.168.1.10:5000", "to": "10.0.0.20:80", "flags": "S", "state": "NEW" },', // 12
      '    { "protocol": "tcp", "from": "192.168.1.10:5001", "to": "10.0.0.20:99999", "flags": "SX", "state": "NEW" },', // 13
      '    { "protocol": "udp", "from": "192.168.1.10", "to": "10.0.0.20:7", "flags": "S", "state": "OPEN" },', // 14
      '    { "protocol": "icmp", "from": "192.168.1.10:1", "to": "10.0.0.300", "state": "NEW", "ttl": 3 },', // 15
      '    { "protocol": "gre", "from": "192.168.1.10", "to": "10.0.0.20", "state": "NEW" }', // 16
      '  ] }',
    ].join('\n');
    expect(problems(block)).toEqual([
      '9: step "Be it": "chain" must be one of INPUT, FORWARD, OUTPUT; found "NAT"',
      '10: step "Be it": unknown key "colour" for a firewall machine (expected machine, firewall, chain, packets)',
      '13: step "Be it": packets[1]: "to": "99999" is not a port (0 to 65535)',
      '13: step "Be it": packets[1]: "flags" must be the TCP flags set, as letters of S, A, F, R, P, U, E, C ("S" a SYN, "SA" a SYN+ACK); found "SX"',
      '14: step "Be it": packets[2]: "from": expected "192.168.1.10:port" with the port',
      '14: step "Be it": packets[2]: only a tcp packet has "flags"',
      '14: step "Be it": packets[2]: "state" must be one of NEW, ESTABLISHED, RELATED, INVALID; found "OPEN"',
      '15: step "Be it": packets[3]: unknown field "ttl" (expected protocol, from, to, flags, state)',
      '15: step "Be it": packets[3]: "from": an ICMP echo request has no ports: write "192.168.1.10"',
      '15: step "Be it": packets[3]: "to": "10.0.0.300" is not an IPv4 address: 300 is more than 255; each part must be 0 to 255',
      '16: step "Be it": packets[4]: "protocol" must be tcp, udp or icmp; found "gre"',
    ]);
  });

  it("says a bad rule written in the step at its line, in the firewall setting's words", () => {
    const block = [
      '{ "kind": "machine", "machine": "firewall", "packets": [', // 9
      '    { "protocol": "udp", "from": "192.168.1.10:5000", "to": "10.0.0.20:7", "state": "NEW" } ],', // 10
      '  "firewall": { "forward": { "policy": "DROP", "rules": [', // 11
      '    { "action": "ACCEPT", "dstPort": 80, "protocol": "tcp" },', // 12
      '    { "action": "ACCEPT", "dstPort": "8o", "protocol": "tcp" },', // 13
      '    { "action": "ACCEPT", "dstPort": 53 },', // 14
      '    { "action": "MAYBE" }', // 15
      '  ] } } }',
    ].join('\n');
    expect(problems(block)).toEqual([
      '13: step "Be it": "firewall" forward.rules[1].dstPort: "8o" is not a port or port range: "8o" is not a whole number',
      '14: step "Be it": "firewall" forward.rules[2]: rule 3 of FORWARD: a destination port needs the protocol tcp or udp, not any',
      '15: step "Be it": "firewall" forward.rules[3].action: expected one of "ACCEPT", "DROP", "REJECT", "LOG", got a string ("MAYBE")',
    ]);
  });

  it('refuses a step with no firewall, no packets or too many', () => {
    expect(problems('{ "kind": "machine",\n  "machine": "firewall" }')).toEqual([
      // Missing fields are said at the step's first line.
      `9: step "Be it": "firewall" must be the id of a node of the scenario with a firewall, or rules as a scenario's "firewall" setting: {"forward": {"policy": "DROP", "rules": […]}}`,
      '9: step "Be it": "packets" must be a list of 1 to 8 packets',
    ]);
    const nine = JSON.stringify(Array.from({ length: 9 }, () => PACKETS[0]));
    expect(
      problems(
        `{ "kind": "machine", "machine": "firewall", "firewall": "fw",\n  "packets": ${nine} }`,
      ),
    ).toEqual(['10: step "Be it": "packets" must be a list of 1 to 8 packets']);
  });
});
