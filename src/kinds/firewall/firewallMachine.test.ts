// The firewall's own life: running, reloading rules (counters from zero, ESTABLISHED flows keep
// passing, the old rules until the commit), stopped after a crash (everything dropped, the table
// emptied) and restarted; and the per-packet verdict reads the machine without sending it events.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { openFirewall } from './firewallRules.ts';
import type { FirewallRules, VerdictAction } from './firewallRules.ts';
import { firewallFilter, firewallMachine } from './firewallMachine.ts';
import type { FirewallInput } from './firewallMachine.ts';
import { cidr, tcp } from './firewallTestPackets.ts';

const MS = 1_000_000;
const INSIDE = '10.0.0.2:49152';
const WEB = '203.0.113.5:80';

/** A gateway: answers of known flows pass; new flows pass only from `from` (none: nothing new). */
function gateway(from?: string): FirewallRules {
  const established = { match: { states: ['ESTABLISHED', 'RELATED'] as const }, action: 'ACCEPT' };
  const fresh = from
    ? [{ match: { src: cidr(from), states: ['NEW'] as const }, action: 'ACCEPT' }]
    : [];
  return {
    ...openFirewall(),
    FORWARD: { policy: 'DROP', rules: [established, ...fresh] },
  } as FirewallRules;
}

function start(input: Partial<FirewallInput> = {}) {
  const sim = new Simulator();
  const log: string[] = [];
  const machine = firewallMachine.provide({
    actions: {
      rulesCommitted: () => log.push(`${sim.now() / MS}ms committed`),
      tableEmptied: () => log.push(`${sim.now() / MS}ms emptied`),
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { rules: gateway('10.0.0.0/24'), ...input },
  }).start();
  /** The verdict for `packet` at the simulated time now. */
  const judge = (packet: Packet): VerdictAction =>
    firewallFilter(actor.getSnapshot(), 'FORWARD', packet, sim.now()).verdict.action;
  const handshake = () => [
    judge(tcp(INSIDE, WEB, 'S', { seq: 100 })),
    judge(tcp(WEB, INSIDE, 'SA', { seq: 500, ack: 101 })),
    judge(tcp(INSIDE, WEB, 'A', { seq: 101, ack: 501 })),
  ];
  return { sim, actor, log, judge, handshake };
}

describe('firewallMachine', () => {
  it('runs from the start, filtering by its rules with connection tracking', () => {
    const { actor, judge, handshake } = start();
    expect(actor.getSnapshot().value).toBe('running');
    expect(handshake()).toEqual(['ACCEPT', 'ACCEPT', 'ACCEPT']);
    expect(judge(tcp('198.51.100.66:31337', '10.0.0.2:22', 'S'))).toBe('DROP');
    expect(actor.getSnapshot().context.conntrack.size).toBe(1);
  });

  it('a rule load replaces the rules at once: counters from zero, ESTABLISHED flows still pass', () => {
    const { actor, judge, handshake, log } = start();
    handshake();
    const before = actor.getSnapshot().context;
    expect(before.counters.packets('FORWARD', 2)).toEqual([2, 1]);
    actor.send({ type: 'rules.load', rules: gateway() }); // no new flows at all now
    const after = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe('running');
    expect(log).toEqual(['0ms committed']);
    expect(after.rules).toEqual(gateway());
    expect(after.counters.packets('FORWARD', 1)).toEqual([0]);
    expect(after.conntrack).toBe(before.conntrack); // the table is kept
    expect(judge(tcp(WEB, INSIDE, 'PA', { seq: 501, ack: 101 }))).toBe('ACCEPT');
    expect(judge(tcp('10.0.0.3:50000', WEB, 'S'))).toBe('DROP');
    expect(after.counters.packets('FORWARD', 1)).toEqual([1]);
  });

  it('a load that takes time: the old rules filter until the commit, exactly reloadMs later', () => {
    const { sim, actor, judge, log } = start({ reloadMs: 500 });
    sim.run({ until: 100 * MS });
    actor.send({ type: 'rules.load', rules: openFirewall() });
    expect(actor.getSnapshot().value).toBe('reloadingRules');
    sim.run({ until: 200 * MS });
    // A newer set while loading: the wait starts again, and the newest set is the one committed.
    actor.send({ type: 'rules.load', rules: gateway() });
    const outsider = () => tcp('198.51.100.66:31337', '10.0.0.2:22', 'S');
    sim.run({ until: 700 * MS - 1 });
    expect(actor.getSnapshot().value).toBe('reloadingRules');
    expect(judge(tcp('10.0.0.9:40000', WEB, 'S'))).toBe('ACCEPT'); // the old rules still
    sim.run({ until: 700 * MS });
    expect(actor.getSnapshot().value).toBe('running');
    expect(log).toEqual(['700ms committed']);
    expect(actor.getSnapshot().context.rules).toEqual(gateway());
    expect(judge(tcp('10.0.0.9:40001', WEB, 'S'))).toBe('DROP');
    expect(judge(outsider())).toBe('DROP');
  });

  it('a crash drops every packet and empties the table; a restart forgets the old flows', () => {
    const { actor, judge, handshake, log } = start();
    handshake();
    actor.send({ type: 'crash' });
    const stopped = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe('stopped');
    expect(log).toEqual(['0ms emptied']);
    expect(stopped.conntrack.size).toBe(0);
    expect(stopped.counters.packets('FORWARD', 2)).toEqual([0, 0]);
    // Dropped, untracked and uncounted: the firewall is not there to look at them.
    expect(judge(tcp(INSIDE, WEB, 'S', { seq: 700 }))).toBe('DROP');
    expect(judge(tcp(WEB, INSIDE, 'PA', { seq: 501, ack: 101 }))).toBe('DROP');
    expect(stopped.conntrack.size).toBe(0);
    expect(stopped.counters.hits('FORWARD', 'policy').packets).toBe(0);
    actor.send({ type: 'restart' });
    expect(actor.getSnapshot().value).toBe('running');
    // The web server's next segment is NEW to the empty table, and from outside: dropped.
    expect(judge(tcp(WEB, INSIDE, 'PA', { seq: 501, ack: 101 }))).toBe('DROP');
    expect(handshake()).toEqual(['ACCEPT', 'ACCEPT', 'ACCEPT']);
  });

  it('rules loaded while stopped are the ones it restarts with; a crash mid-load drops the load', () => {
    const { sim, actor, judge } = start({ reloadMs: 50 });
    actor.send({ type: 'rules.load', rules: openFirewall() });
    actor.send({ type: 'crash' });
    sim.run({ until: 100 * MS });
    expect(actor.getSnapshot().context.rules).toEqual(gateway('10.0.0.0/24'));
    actor.send({ type: 'rules.load', rules: gateway() });
    expect(actor.getSnapshot().value).toBe('stopped');
    actor.send({ type: 'restart' });
    expect(actor.getSnapshot().context.rules).toEqual(gateway());
    expect(judge(tcp(INSIDE, WEB, 'S'))).toBe('DROP');
    expect(sim.pending).toBe(0);
  });

  it('judges packets without sending the machine a single event', () => {
    const { actor, judge } = start();
    let snapshots = 0;
    actor.subscribe(() => (snapshots += 1));
    judge(tcp(INSIDE, WEB, 'S', { seq: 100 }));
    judge(tcp(WEB, INSIDE, 'SA', { seq: 500, ack: 101 }));
    for (let i = 0; i < 5000; i++) judge(tcp(INSIDE, WEB, 'PA', { seq: 101, ack: 501 }));
    expect(snapshots).toBe(0);
    expect(actor.getSnapshot().context.counters.packets('FORWARD', 1)).toEqual([5001]);
  });
});
