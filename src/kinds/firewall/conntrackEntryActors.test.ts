// The adapter from the table's reports to entry machines: each report becomes the right event,
// and the per-packet verdict sends no actor any event: reports (and so events) are counted per flow
// event, and stay the same whether a flow carries ten packets or ten thousand.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { ConnectionTable } from './connectionTracking.ts';
import type { ConntrackEntry, ConntrackReport } from './connectionTracking.ts';
import { ConntrackEntryActors, entryEventOf } from './conntrackEntryActors.ts';
import { openFirewall } from './firewallRules.ts';
import { filterPacket } from './packetFilter.ts';
import { tcp } from './firewallTestPackets.ts';

const C = '10.0.0.2:49152';
const W = '203.0.113.5:80';

describe('entryEventOf', () => {
  it('turns each report into its event with the time; conntrack.new starts a machine instead', () => {
    const entry = {} as ConntrackEntry;
    const of = (event: ConntrackReport['event']) => entryEventOf({ event, entry, at: 7 });
    expect(of({ type: 'conntrack.new' })).toBeUndefined();
    expect(of({ type: 'conntrack.reply' })).toEqual({ type: 'conntrack.reply', at: 7 });
    expect(of({ type: 'conntrack.fin', direction: 'reply' })).toEqual({
      type: 'conntrack.fin',
      direction: 'reply',
      at: 7,
    });
    expect(of({ type: 'conntrack.close', reason: 'rst' })).toEqual({
      type: 'conntrack.close',
      reason: 'rst',
      at: 7,
    });
    expect(of({ type: 'conntrack.expire' })).toEqual({ type: 'conntrack.expire', at: 7 });
  });
});

/** One TCP connection carrying `segments` data segments each way; counts reports and events. */
function connection(segments: number) {
  const sim = new Simulator();
  const actors = new ConntrackEntryActors({ clock: sim.clock });
  let reports = 0;
  let events = 0;
  const table = new ConnectionTable({}, (report) => {
    reports += 1;
    actors.onReport(report);
    // Every snapshot the entry's machine makes is one event it handled (or its start).
    if (report.event.type === 'conntrack.new')
      actors.actorOf(report.entry)?.subscribe(() => (events += 1));
  });
  const filter = { rules: openFirewall(), conntrack: table };
  let now = 0;
  const pass = (from: string, to: string, flags: string, seq: number, ack: number) =>
    filterPacket(filter, 'FORWARD', tcp(from, to, flags, { seq, ack }), (now += 1000));
  pass(C, W, 'S', 100, 0);
  pass(W, C, 'SA', 500, 101);
  for (let i = 0; i < segments; i++) {
    pass(C, W, 'PA', 101, 501);
    pass(W, C, 'A', 501, 101);
  }
  pass(C, W, 'FA', 101, 501);
  pass(W, C, 'FA', 501, 102);
  pass(C, W, 'A', 102, 502);
  return { reports, events, actors, sim };
}

describe('the verdict sends no event per packet', () => {
  it('a connection of 10 or 10,000 segments each way makes the same 5 reports and 4 events', () => {
    for (const segments of [10, 10_000]) {
      const { reports, events, actors, sim } = connection(segments);
      // new, reply, fin, fin, close; the machine handles all but new (which starts it).
      expect(reports).toBe(5);
      expect(events).toBe(4);
      expect(actors.size).toBe(0);
      expect(sim.pending).toBe(0);
    }
  });

  it('stopAll stops every machine and cancels its timer (the table was emptied)', () => {
    const sim = new Simulator();
    const actors = new ConntrackEntryActors({ clock: sim.clock });
    const table = new ConnectionTable({}, actors.onReport);
    const filter = { rules: openFirewall(), conntrack: table };
    filterPacket(filter, 'FORWARD', tcp(C, W, 'S'), 0);
    filterPacket(filter, 'FORWARD', tcp('10.0.0.3:5000', W, 'S'), 0);
    expect(actors.size).toBe(2);
    expect(sim.pending).toBe(2);
    actors.stopAll();
    expect(actors.size).toBe(0);
    expect(sim.pending).toBe(0);
  });
});
