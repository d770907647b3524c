// The life of a conntrack entry as a machine on simulated time: NEW -> established -> closing ->
// closed, closed at once by RST, and idle timeouts that run out exactly a timeout after the flow's
// last packet (refreshed by packets the machine never hears of, as netfilter stores a time per
// packet and checks it when the timer runs out). Driven by a real ConnectionTable's reports.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { ConnectionTable } from './connectionTracking.ts';
import type { ConntrackEntry, ConntrackOptions } from './connectionTracking.ts';
import { ConntrackEntryActors } from './conntrackEntryActors.ts';
import { conntrackEntryMachine, entryTimeouts, TCP_TIMEOUTS } from './conntrackEntryMachine.ts';
import type { EndedBy } from './conntrackEntryMachine.ts';
import { openFirewall } from './firewallRules.ts';
import { filterPacket } from './packetFilter.ts';
import { tcp, udp } from './firewallTestPackets.ts';

const S = 1_000_000_000;
const C = '10.0.0.2:49152';
const W = '203.0.113.5:80';

/** A table whose reports drive entry machines, behind an ACCEPT-everything filter. */
function setUp(tableOptions: Partial<ConntrackOptions> = {}) {
  const sim = new Simulator();
  const ended: string[] = [];
  const actors = new ConntrackEntryActors({
    clock: sim.clock,
    onEnd: (entry, by) => ended.push(`${sim.now()} ${entry.original.srcPort} ${by}`),
  });
  const table = new ConnectionTable(tableOptions, actors.onReport);
  const filter = { rules: openFirewall(), conntrack: table };
  /** Passes `packet` through the filter at simulated time `at` (ns). */
  const pass = (at: number, packet: Packet) => {
    sim.run({ until: at });
    return filterPacket(filter, 'FORWARD', packet, at);
  };
  const stateOf = (entry: ConntrackEntry | undefined) =>
    entry && (actors.actorOf(entry)?.getSnapshot().value ?? 'gone');
  return { sim, actors, table, pass, stateOf, ended };
}

describe('a TCP entry', () => {
  it('waits for a reply, is established, closing after a FIN, closed once both are acked', () => {
    const { sim, actors, pass, stateOf, ended } = setUp();
    const entry = pass(0, tcp(C, W, 'S', { seq: 100 })).tracked.entry;
    expect(stateOf(entry)).toBe('waitingForReply');
    pass(1, tcp(W, C, 'SA', { seq: 500, ack: 101 }));
    expect(stateOf(entry)).toBe('established');
    pass(2, tcp(C, W, 'A', { seq: 101, ack: 501 }));
    pass(3, tcp(C, W, 'FA', { seq: 101, ack: 501 }));
    expect(stateOf(entry)).toBe('closing');
    pass(4, tcp(W, C, 'FA', { seq: 501, ack: 102 }));
    expect(stateOf(entry)).toBe('closing');
    const actor = actors.actorOf(entry as ConntrackEntry);
    pass(5, tcp(C, W, 'A', { seq: 102, ack: 502 }));
    expect(actor?.getSnapshot()).toMatchObject({ value: 'closed', status: 'done' });
    expect(actor?.getSnapshot().context.endedBy).toBe('fin');
    expect(ended).toEqual(['5 49152 fin']);
    expect(actors.size).toBe(0);
    expect(sim.pending).toBe(0); // no timer left behind
  });

  it('holds the tuple and the packets each way, counted by the table without an event', () => {
    const { actors, pass } = setUp();
    const entry = pass(0, tcp(C, W, 'S', { seq: 100 })).tracked.entry as ConntrackEntry;
    pass(1, tcp(W, C, 'SA', { seq: 500, ack: 101 }));
    for (let i = 0; i < 5; i++) pass(2 + i, tcp(C, W, 'A', { seq: 101, ack: 501 }));
    pass(9, tcp(W, C, 'A', { seq: 501, ack: 101 }));
    const context = actors.actorOf(entry)?.getSnapshot().context;
    expect(context?.entry.original).toMatchObject({ srcPort: 49152, dstPort: 80 });
    expect(context?.entry.reply).toMatchObject({ srcPort: 80, dstPort: 49152 });
    expect(context?.entry.packets).toEqual({ original: 6, reply: 2 });
  });

  it('a RST closes it at once, from any state', () => {
    for (const before of [[], ['SA'], ['SA', 'FA']]) {
      const { sim, pass, stateOf, ended } = setUp();
      const entry = pass(0, tcp(C, W, 'S', { seq: 100 })).tracked.entry;
      before.forEach((flags, i) => pass(1 + i, tcp(W, C, flags, { seq: 500, ack: 101 })));
      pass(7, tcp(C, W, 'R', { seq: 101 }));
      expect(stateOf(entry)).toBe('gone');
      expect(ended).toEqual(['7 49152 rst']);
      expect(sim.pending).toBe(0);
    }
  });

  it("an unanswered SYN's entry times out 120 s after its last SYN (netfilter's SYN_SENT)", () => {
    const { sim, pass, stateOf, ended } = setUp();
    const entry = pass(0, tcp(C, W, 'S', { seq: 100 })).tracked.entry;
    pass(3 * S, tcp(C, W, 'S', { seq: 100 })); // retransmitted: refreshes, no event
    sim.run({ until: 123 * S - 1 });
    expect(stateOf(entry)).toBe('waitingForReply');
    sim.run({ until: 123 * S });
    expect(stateOf(entry)).toBe('gone');
    expect(ended).toEqual([`${123 * S} 49152 timeout`]);
    expect(TCP_TIMEOUTS.waitingForReply).toBe(120 * S);
  });
});

describe('a UDP entry', () => {
  const query = () => udp('10.0.0.2:5353', '10.0.0.53:53');
  const answer = () => udp('10.0.0.53:53', '10.0.0.2:5353');

  it('unanswered, times out 30 s after its last datagram, when the table says it expires', () => {
    const { sim, pass, stateOf, ended } = setUp();
    const entry = pass(0, query()).tracked.entry as ConntrackEntry;
    pass(10 * S, query());
    expect(entry.expiresAt).toBe(40 * S);
    sim.run({ until: 40 * S - 1 });
    expect(stateOf(entry)).toBe('waitingForReply');
    sim.run({ until: 40 * S });
    expect(stateOf(entry)).toBe('gone');
    expect(ended).toEqual([`${40 * S} 5353 timeout`]);
  });

  it('answered, lives 120 s after its last datagram, however many came', () => {
    const { sim, pass, stateOf, ended } = setUp();
    const entry = pass(0, query()).tracked.entry as ConntrackEntry;
    pass(1 * S, answer());
    expect(stateOf(entry)).toBe('established');
    for (const t of [50, 100, 150, 170]) pass(t * S, t % 20 === 0 ? query() : answer());
    sim.run({ until: 290 * S - 1 });
    expect(stateOf(entry)).toBe('established');
    sim.run({ until: 290 * S });
    expect(ended).toEqual([`${290 * S} 5353 timeout`]);
    expect(entry.expiresAt).toBe(290 * S); // the table agrees
  });

  it('ends by the report when the table finds it timed out first (no second ending)', () => {
    // A table with a shorter timeout than the machines' (30 s): its lookup at 6 s finds the entry
    // gone since 5 s and reports conntrack.expire; the datagram starts a new entry.
    const { sim, pass, stateOf, ended } = setUp({ udpTimeoutNs: 5 * S });
    const first = pass(0, query()).tracked.entry;
    const second = pass(6 * S, query()).tracked.entry;
    expect(stateOf(first)).toBe('gone');
    expect(stateOf(second)).toBe('waitingForReply');
    expect(ended).toEqual([`${6 * S} 5353 timeout`]);
    sim.run({ until: 100 * S });
    expect(ended).toEqual([`${6 * S} 5353 timeout`, `${36 * S} 5353 timeout`]);
  });
});

describe('conntrackEntryMachine alone, under XState', () => {
  it('its timers run on the simulated clock, each state with its own timeout', () => {
    const sim = new Simulator();
    const entry: ConntrackEntry = {
      id: 1,
      original: { protocol: 6, src: 1, srcPort: 1000, dst: 2, dstPort: 80 },
      reply: { protocol: 6, src: 2, srcPort: 80, dst: 1, dstPort: 1000 },
      phase: 'unreplied',
      createdAt: 0,
      lastSeenAt: 0,
      packets: { original: 1, reply: 0 },
      finAckAt: {},
      finAcked: { original: false, reply: false },
    };
    const timeouts = { waitingForReply: 2 * S, established: 10 * S, closing: 3 * S };
    const ends: EndedBy[] = [];
    const machine = conntrackEntryMachine.provide({
      actions: { forget: ({ context }) => ends.push(context.endedBy as EndedBy) },
    });
    const actor = createActor(machine, { clock: sim.clock, input: { entry, timeouts, at: 0 } });
    actor.start();
    sim.run({ until: 1 * S });
    entry.lastSeenAt = 1 * S;
    actor.send({ type: 'conntrack.reply', at: 1 * S });
    sim.run({ until: 5 * S });
    entry.lastSeenAt = 5 * S; // a packet the machine is not told of
    sim.run({ until: 6 * S });
    entry.lastSeenAt = 6 * S;
    actor.send({ type: 'conntrack.fin', direction: 'original', at: 6 * S });
    expect(actor.getSnapshot().value).toBe('closing');
    sim.run({ until: 9 * S - 1 });
    expect(actor.getSnapshot().value).toBe('closing');
    sim.run({ until: 9 * S });
    expect(actor.getSnapshot()).toMatchObject({ value: 'closed', status: 'done' });
    expect(ends).toEqual(['timeout']);

    // `established` alone: armed at 9 s for 19 s, it finds the packet of 13 s and sleeps on to 23 s.
    const again = createActor(machine, { clock: sim.clock, input: { entry, timeouts, at: 9 * S } });
    entry.lastSeenAt = 9 * S;
    again.start();
    again.send({ type: 'conntrack.reply', at: 9 * S });
    sim.run({ until: 13 * S });
    entry.lastSeenAt = 13 * S;
    sim.run({ until: 23 * S - 1 });
    expect(again.getSnapshot().value).toBe('established');
    sim.run({ until: 23 * S });
    expect(again.getSnapshot().value).toBe('closed');
  });
});

describe('entryTimeouts', () => {
  it("takes UDP's and ICMP's from the table's options, TCP's from netfilter's TCP defaults", () => {
    expect(entryTimeouts(17, { udpTimeoutNs: 5 * S })).toEqual({
      waitingForReply: 5 * S,
      established: 120 * S,
      closing: 120 * S,
    });
    expect(entryTimeouts(1).established).toBe(30 * S);
    expect(entryTimeouts(47).established).toBe(600 * S);
    expect(entryTimeouts(6)).toEqual({ ...TCP_TIMEOUTS });
  });
});
