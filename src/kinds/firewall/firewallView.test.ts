// The firewall as people see it, on simulations/firewall.json: rules written back in iptables'
// syntax, each chain's counters at a moment, the connections tracked then, the event log's
// sentences (English and German, written by hand), a dropped packet's journey and ladder arrow
// marked with the rule that dropped it, and the summary card.

import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { buildLadder } from '../../viz/ladder/index.ts';
import { narrate } from '../../viz/log/index.ts';
import { networkNames } from '../../viz/names/index.ts';
import { packetJourney } from '../../viz/packet/index.ts';
import { summaryCards } from '../../viz/summary/index.ts';
import { TraceIndex } from '../../viz/trace/index.ts';
import { summariseRecords } from '../../sim/index.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { chainTablesAt, connectionsAt, firewallRecords, ruleText } from './firewallTables.ts';
import type { Rule } from './firewallRules.ts';

const { scenario, records } = runSimulationFile('firewall.json');
const rules = scenario.nodes.find((n) => n.id === 'fw')?.firewall;
if (!rules) throw new Error('firewall.json has no firewall on fw');
const own = firewallRecords(records, 'fw');
const MS = 1_000_000;

describe('a rule in iptables syntax', () => {
  it('writes the rules of firewall.json as iptables -A would take them', () => {
    expect(rules.FORWARD.rules.map(ruleText)).toEqual([
      '-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
      '-p tcp --dport 80 --syn -j ACCEPT',
      '-p tcp --dport 22 -j REJECT --reject-with tcp-reset',
      '-j LOG --log-prefix "fw dropped: "',
    ]);
  });

  it('writes addresses, networks, port ranges and flags', () => {
    const rule: Rule = {
      action: 'DROP',
      match: {
        protocol: 'udp',
        src: { network: 0x0a000000, length: 8 },
        dst: { network: 0xc0a80101, length: 32 },
        srcPort: { low: 1024, high: 65535 },
      },
    };
    expect(ruleText(rule)).toBe('-p udp -s 10.0.0.0/8 -d 192.168.1.1 --sport 1024:65535 -j DROP');
    const flags: Rule = {
      action: 'ACCEPT',
      match: { protocol: 'tcp', tcpFlags: { mask: ['syn', 'ack'], set: ['ack'] } },
    };
    expect(ruleText(flags)).toBe('-p tcp --tcp-flags SYN,ACK ACK -j ACCEPT');
  });
});

describe("the firewall's tables at a moment", () => {
  it('counts only what was decided by then', () => {
    // At 150 ms the page has loaded and the admin login was refused; no ping has been sent yet.
    const early = chainTablesAt('fw', rules, own, 150 * MS);
    expect(early.map((c) => c.chain)).toEqual(['FORWARD']);
    const rows = early[0]?.rows ?? [];
    expect(rows.map((r) => [r.n, r.packets])).toEqual([
      [1, 34],
      [2, 1],
      [3, 1],
      [4, 0],
      [0, 0],
    ]);
    expect(rows[2]).toMatchObject({ comment: 'admin logins: refused at once', action: 'REJECT' });
    // At the end, the six pings (three, each sent twice) were logged and dropped by the policy.
    const end = chainTablesAt('fw', rules, own, Infinity)[0]?.rows ?? [];
    expect(end.map((r) => r.packets)).toEqual([34, 1, 1, 6, 6]);
    // 6 echo requests of 56 bytes: 20 (IP) + 8 (UDP) + 56 = 84 bytes each.
    expect(end[4]?.bytes).toBe(6 * 84);
  });

  it('lists the connections tracked at a moment, with their state', () => {
    // The laptop's SYN waits for its ARP exchange with fw (64-byte frames at 100 Mbit/s,
    // 5.12 us + 1 ms each way: 2.01024 ms) and reaches fw 1.00512 ms later: the entry is made at
    // 3.01536 ms. fw then asks for the server's MAC (5.12 us + 2 ms each way, 4.01024 ms): the
    // SYN reaches the server at 9.0308 ms and its SYN-ACK fw at 11.03592 ms, answering it.
    expect(connectionsAt(own, 2 * MS)).toEqual([]);
    expect(connectionsAt(own, 4 * MS)).toEqual([
      {
        entry: 1,
        protocol: 6,
        flow: 'tcp 192.168.1.10:50114 -> 10.0.0.20:80',
        state: 'unreplied',
        since: 3_015_360,
      },
    ]);
    expect(connectionsAt(own, 12 * MS)[0]?.state).toBe('established');
    // Both FINs acknowledged by 43 ms before the two ARP exchanges (6.02048 ms) came first; now
    // by 49 ms: the entry is gone.
    expect(connectionsAt(own, 43 * MS)[0]?.state).toBe('closing');
    expect(connectionsAt(own, 49 * MS)).toEqual([]);
  });
});

// Packet ids: the four ARP frames at the start (the laptop asks for fw's MAC, fw for the
// server's; ids 2 to 5) put every later packet 4 ids on: the refused SSH SYN is #40 (it was #36)
// and the six dropped pings #42 to #47.
describe("the firewall's sentences", () => {
  const names = networkNames(scenario.nodes, scenario.events);
  const told = (language = 'en') =>
    narrate(
      recordList([...records]),
      networkNames(scenario.nodes, scenario.events, language),
      undefined,
      language,
    )
      .map((e) => e.text)
      .filter((text) => text.includes('Firewall'));

  it('tell each verdict with its rule, in English', () => {
    const lines = told();
    expect(lines).toContain(
      'Firewall lets packet #1 through: FORWARD rule 2 (the web), a NEW packet.',
    );
    expect(lines).toContain(
      'Firewall rejects packet #40 and answers the sender: FORWARD rule 3 (admin logins: refused at once), a NEW packet.',
    );
    expect(lines).toContain('Firewall logs packet #42: "fw dropped:" (FORWARD rule 4).');
    expect(lines).toContain('Firewall drops packet #42: FORWARD policy DROP, a NEW packet.');
    expect(lines).toContain(
      'Firewall tracks a new connection tcp 192.168.1.10:50114 -> 10.0.0.20:80.',
    );
    expect(lines).toContain(
      'Firewall forgets connection tcp 192.168.1.10:50114 -> 10.0.0.20:80: it closed.',
    );
    expect(names.title('fw')).toBe('Firewall');
  });

  it('tell them in German', () => {
    expect(told('de')).toContain(
      'Firewall weist Paket #40 ab und antwortet dem Absender: FORWARD Regel 3 (admin logins: refused at once), ein NEW-Paket.',
    );
  });
});

describe('a dropped packet', () => {
  it("names the rule that dropped it in its journey and on the ladder's cross", () => {
    const journey = packetJourney(recordList([...records]), 40);
    expect(journey.at(-1)).toMatchObject({
      kind: 'dropped',
      node: 'fw',
      reason: 'refused by firewall rule 3 of FORWARD (REJECT)',
    });
    expect(packetJourney(recordList([...records]), 42).at(-1)?.reason).toBe(
      'refused by the FORWARD policy (DROP)',
    );
    const ladder = buildLadder(recordList([...records]), scenario.nodes, {
      kind: 'nodes',
      a: 'laptop',
      b: 'server',
    });
    if ('error' in ladder) throw new Error(ladder.error);
    const lost = ladder.arrows.filter((a) => a.lost).map((a) => [a.pkt, a.lost?.reason]);
    expect(lost).toContainEqual([40, 'firewall: FORWARD rule 3']);
    expect(lost).toContainEqual([42, 'firewall: FORWARD policy']);
  });
});

describe('the timeline', () => {
  it('marks each packet the firewall refused as a drop, with its rule', () => {
    const index = new TraceIndex();
    index.appendFrom(recordList([...records]), 0);
    const drops = index.markers.filter((m) => m.kind === 'drop').map((m) => m.label);
    expect(drops).toEqual([
      'packet #40 refused by fw (FORWARD rule 3)',
      ...[42, 43, 44, 45, 46, 47].map((pkt) => `packet #${pkt} refused by fw (FORWARD policy)`),
    ]);
  });
});

describe("the firewall's summary card", () => {
  it('shows what it let through, dropped and rejected', () => {
    const summary = summariseRecords(scenario, records);
    const card = summaryCards(summary, networkNames(scenario.nodes)).find(
      (c) => c.id === 'firewall-fw',
    );
    expect(card?.figures.map((f) => [f[0], f[1]])).toEqual([
      ['Accepted', '35'],
      ['Dropped', '6'],
      ['Rejected', '1'],
      ['Connections tracked', '1'],
    ]);
  });
});
