// The flat runner against its reference, XState 5 itself: the same machine, the same events at
// the same simulated times, run once by an XState actor and once by FlatMachineActor, must give
// the same log of actions (with params and context), states seen by observers, and the same
// order of engine events (what a trace's ties depend on).

import fc from 'fast-check';
import { createActor, setup, assign, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.ts';
import { echoServerMachine, type EchoRequest } from '../../src/kinds/pingEcho/echoServerMachine.ts';
import { pingerMachine } from '../../src/kinds/pingEcho/pingerMachine.ts';
import { FlatMachineActor } from '../../src/machines/flatMachineActor.ts';
import { bulkSendMachine } from '../../src/kinds/bulkTransfer/bulkSendMachine.ts';
import { sinkMachine } from '../../src/kinds/bulkTransfer/sinkMachine.ts';
import { cpuCoreMachine, type CpuCoreEvent } from '../../src/machines/cpu/cpuCoreMachine.ts';
import { newJob } from '../../src/machines/cpu/cpuJob.ts';
import { serverConnectionMachine } from '../../src/machines/server/serverConnectionMachine.ts';
import { serverWorkerMachine } from '../../src/machines/server/serverWorkerMachine.ts';
import { tcpConnectionMachine } from '../../src/machines/tcp/tcpConnectionMachine.ts';
import { userMachine } from '../../src/machines/userMachine.ts';
import type { ConntrackEntry } from '../../src/kinds/firewall/connectionTracking.ts';
import {
  conntrackEntryMachine,
  type ConntrackEntryContext,
  type ConntrackEntryEvent,
} from '../../src/kinds/firewall/conntrackEntryMachine.ts';
import { firewallMachine } from '../../src/kinds/firewall/firewallMachine.ts';
import { openFirewall } from '../../src/kinds/firewall/firewallRules.ts';

type Timed = { at: number; event: { type: string } & Record<string, unknown> };

/**
 * Runs `machine` with every action named in `actionNames` replaced by a logger that also
 * schedules a zero-delay engine event (as a socket send would), under `kind` of actor.
 */
function runLog(
  kind: 'xstate' | 'flat',
  machine: AnyStateMachine,
  input: unknown,
  actionNames: string[],
  events: Timed[],
): string[] {
  const sim = new Simulator();
  const log: string[] = [];
  const actions: Record<string, (args: { context: unknown }, params: unknown) => void> = {};
  for (const name of actionNames)
    actions[name] = ({ context }, params) => {
      log.push(`${sim.now()} ${name} ${JSON.stringify(params)} ${JSON.stringify(context)}`);
      sim.schedule(0, () => log.push(`${sim.now()} after ${name}`));
    };
  const provided = machine.provide({ actions } as never);
  const actor =
    kind === 'xstate'
      ? createActor(provided, { clock: sim.clock, input } as never)
      : new FlatMachineActor(provided, { clock: sim.clock, input } as never);
  const seen = (s: { value: unknown; status: string; hasTag(tag: string): boolean }) =>
    log.push(`${sim.now()} state ${JSON.stringify(s.value)} ${s.status} ${s.hasTag('open')}`);
  actor.subscribe(seen as never);
  seen(actor.getSnapshot() as never);
  for (const { at, event } of events)
    sim.schedule(at, () => {
      log.push(`${sim.now()} send ${event.type}`);
      // XState warns about events sent after a final state; both ignore them.
      if (actor.getSnapshot().status === 'active') actor.send(event as never);
    });
  actor.start();
  sim.run({ until: 10_000_000_000 });
  log.push(`events ${sim.eventsProcessed}`);
  return log;
}

function same(machine: AnyStateMachine, input: unknown, names: string[], events: Timed[]): void {
  const reference = runLog('xstate', machine, input, names, events);
  expect(runLog('flat', machine, input, names, events)).toEqual(reference);
}

const MS = 1_000_000;
const PINGER_ACTIONS = ['sendRequest', 'acceptReply', 'ignoreReply', 'noteTimeout', 'giveUp'];

describe('FlatMachineActor runs a machine as XState 5 does', () => {
  it('a pinger with replies, a lost request, retries and late replies', () => {
    const input = { count: 3, timeoutMs: 10, intervalMs: 5, retries: 1, startMs: 1 };
    const reply = (at: number, seq: number, attempt: number): Timed => ({
      at: at * MS,
      event: { type: 'net.reply', seq, attempt },
    });
    // Request 1 at 1 ms answered at 3; request 2 at 8 lost, retried at 18, answered at 19 and
    // its first attempt's reply arriving late at 20; request 3 at 24 never answered.
    same(pingerMachine, input, PINGER_ACTIONS, [
      reply(3, 1, 0),
      reply(19, 2, 1),
      reply(20, 2, 0),
      reply(25, 1, 0),
    ]);
  });

  it('a pinger under any replies at any times', () => {
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 1, max: 5 }),
          timeoutMs: fc.integer({ min: 1, max: 20 }),
          intervalMs: fc.integer({ min: 0, max: 5 }),
          retries: fc.integer({ min: 0, max: 2 }),
          startMs: fc.integer({ min: 0, max: 3 }),
        }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 60 }),
            seq: fc.integer({ min: 1, max: 5 }),
            attempt: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 12 },
        ),
        (input, replies) => {
          const events = replies.map((r) => ({
            at: r.at * MS,
            event: { type: 'net.reply', seq: r.seq, attempt: r.attempt },
          }));
          const reference = runLog('xstate', pingerMachine, input, PINGER_ACTIONS, events);
          const flat = runLog('flat', pingerMachine, input, PINGER_ACTIONS, events);
          expect(flat).toEqual(reference);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an echo server queueing requests that arrive while it serves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }),
        (serviceMs, times) => {
          const events = times.map((at, i) => ({
            at: at * MS,
            event: {
              type: 'net.request',
              request: { from: 'c', seq: i, attempt: 0, size: 8 } satisfies EchoRequest,
            },
          }));
          const input = { serviceMs };
          const reference = runLog('xstate', echoServerMachine, input, ['sendReply'], events);
          expect(runLog('flat', echoServerMachine, input, ['sendReply'], events)).toEqual(
            reference,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a user: and() guards, a root transition to a final state, re-entering a state', () => {
    const names = ['resolve', 'login', 'visit', 'leave', 'failed'];
    const input = { startMs: 2, visits: 3, login: true };
    const at = (ms: number, type: string, extra = {}): Timed => ({
      at: ms * MS,
      event: { type, ...extra },
    });
    same(userMachine, input, names, [
      at(3, 'dns.resolved'),
      at(4, 'user.loggedIn'),
      at(5, 'user.visited'),
      at(6, 'user.visited'),
      at(7, 'user.visited'),
      at(8, 'user.visited'), // after done: ignored
    ]);
    same(userMachine, input, names, [at(3, 'dns.resolved'), at(4, 'user.failed', { error: 'x' })]);
  });

  it("a server's connections and threads under any sequence of their events", () => {
    const connectionActions = [
      'armKeepAlive',
      'disarmKeepAlive',
      'startWork',
      'refuse',
      'stopCounting',
      'close',
      'freeThread',
      'leaveQueue',
      'takeMore',
    ];
    const connectionEvent = fc.oneof(
      fc.record({ type: fc.constant('conn.assign'), queued: fc.boolean() }),
      fc.record({ type: fc.constant('conn.replied'), close: fc.boolean(), queued: fc.boolean() }),
      fc.constantFrom(
        ...[
          'conn.refuse',
          'conn.data',
          'conn.idle',
          'conn.request',
          'conn.io',
          'conn.end',
          'conn.dropped',
          'conn.reset',
          'conn.closed',
        ].map((type) => ({ type })),
      ),
    );
    const workerEvent = fc.constantFrom(
      ...['assign', 'work', 'io', 'replied', 'release', 'exit'].map((e) => ({
        type: `server.${e}`,
      })),
    );
    fc.assert(
      fc.property(
        fc.array(connectionEvent, { maxLength: 15 }),
        fc.array(workerEvent, { maxLength: 15 }),
        (connectionEvents, workerEvents) => {
          const timed = (events: { type: string }[]) =>
            events.map((event, i) => ({ at: Math.floor(i / 2) * MS, event }));
          same(serverConnectionMachine, {}, connectionActions, timed(connectionEvents));
          same(serverWorkerMachine, undefined, [], timed(workerEvents));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a TCP connection, a bulk sender and a sink under any sequence of their events', () => {
    const types = (...names: string[]) => fc.constantFrom(...names.map((type) => ({ type })));
    const tcpEvent = fc.oneof(
      types('app.listen', 'app.connect', 'app.close', 'app.abort', 'tcp.syn', 'tcp.synAck'),
      types('tcp.ackOfSyn', 'tcp.fin', 'tcp.ackOfFin', 'tcp.rst', 'tcp.giveUp', 'tcp.validCookie'),
    );
    const tcpActions = ['sendSyn', 'sendSynAck', 'sendAck', 'sendFin', 'sendRst'];
    const appEvent = fc.oneof(
      types('tcp.connected', 'tcp.allWritten', 'tcp.closed', 'tcp.listening'),
      types('tcp.connection', 'tcp.connectionClosed'),
      fc.record({ type: fc.constant('tcp.error'), error: fc.constant('ECONNREFUSED') }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tcpEvent, fc.integer({ min: 0, max: 3 })), { maxLength: 15 }),
        fc.array(appEvent, { maxLength: 12 }),
        (tcpEvents, appEvents) => {
          // Times in ms from the previous event, so TIME-WAIT (2 MSL = 2 ms here) may run out.
          let at = 0;
          const tcpTimed = tcpEvents.map(([event, gap]) => ({ at: (at += gap) * MS, event }));
          const names = [...tcpActions, 'established', 'peerClosed', 'failed', 'released'];
          same(tcpConnectionMachine, { mslMs: 1 }, names, tcpTimed);
          const timed = appEvents.map((event, i) => ({ at: (i + 1) * MS, event }));
          same(bulkSendMachine, { startMs: 1 }, ['connect', 'write', 'close', 'failed'], timed);
          same(sinkMachine, undefined, ['listen', 'accept', 'failed'], timed);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('eventless transitions, exit actions and events sent from inside an action', () => {
    const machine = setup({
      types: { context: {} as { n: number }, events: {} as { type: 'go' } | { type: 'again' } },
      actions: {
        log: () => {},
        bump: assign({ n: ({ context }) => context.n + 1 }),
      },
      guards: { big: ({ context }) => context.n >= 2 },
    }).createMachine({
      id: 'm',
      context: { n: 0 },
      initial: 'a',
      states: {
        a: { entry: 'log', exit: 'log', on: { go: { target: 'b', actions: 'bump' } } },
        b: {
          entry: ['log', 'bump'],
          always: { guard: 'big', target: 'c' },
          on: { again: { target: 'a' } },
        },
        c: { type: 'final', entry: 'log' },
      },
    });
    let send: ((e: { type: string }) => void) | undefined;
    // Reference and runner each get a "log" that, once, sends "again" from inside the action.
    const run = (kind: 'xstate' | 'flat') => {
      let sent = false;
      const sim = new Simulator();
      const log: string[] = [];
      const provided = machine.provide({
        actions: {
          log: ({ context }) => {
            log.push(`${sim.now()} log ${context.n}`);
            if (!sent && context.n === 1) {
              sent = true;
              send?.({ type: 'again' });
              log.push('sent again');
            }
          },
        },
      });
      const actor =
        kind === 'xstate'
          ? createActor(provided, { clock: sim.clock })
          : new FlatMachineActor(provided, { clock: sim.clock });
      send = (e) => actor.send(e as never);
      actor.subscribe((s: { value: unknown }) => log.push(`state ${String(s.value)}`));
      actor.start();
      actor.send({ type: 'go' });
      actor.send({ type: 'go' });
      return log;
    };
    expect(run('flat')).toEqual(run('xstate'));
  });

  it('a CPU core: its state and the job and process it holds, under any events', () => {
    const jobs = ['A', 'B', 'C'].map((id, i) =>
      newJob({ id, bursts: [5], ...(i === 2 ? { process: 'A' } : {}) }),
    );
    const job = fc.constantFrom(...jobs);
    const coreEvent = fc.oneof(
      fc.record({ type: fc.constant('cpu.dispatch'), job }),
      fc.record({ type: fc.constant('cpu.next'), job }),
      fc.constantFrom(
        ...['cpu.switched', 'cpu.burstDone', 'cpu.quantumExpired', 'cpu.preempt'].map((type) => ({
          type,
        })),
      ),
    );
    const seen = (s: { value: unknown; context: Record<string, unknown> }) =>
      JSON.stringify([s.value, { ...s.context, job: (s.context.job as { id?: string })?.id }]);
    fc.assert(
      fc.property(fc.array(coreEvent, { maxLength: 20 }), fc.constantFrom(0, 2), (events, cs) => {
        const runs = (['xstate', 'flat'] as const).map((kind) => {
          const sim = new Simulator();
          const input = { core: 0, contextSwitch: cs };
          const actor =
            kind === 'xstate'
              ? createActor(cpuCoreMachine, { clock: sim.clock, input })
              : new FlatMachineActor(cpuCoreMachine, { clock: sim.clock, input });
          actor.start();
          return events.map((event) => {
            actor.send(event as CpuCoreEvent);
            return seen(actor.getSnapshot() as never);
          });
        });
        expect(runs[1]).toEqual(runs[0]);
      }),
      { numRuns: 120 },
    );
  });

  it('a firewall under any loads, crashes and restarts, with or without a reload time', () => {
    const rules = [openFirewall(), { ...openFirewall(), INPUT: { policy: 'DROP', rules: [] } }];
    const event = fc.oneof(
      fc.record({ type: fc.constant('rules.load'), rules: fc.constantFrom(...rules) }),
      fc.constantFrom({ type: 'crash' }, { type: 'restart' }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        fc.integer({ min: 0, max: 2 }),
        (events, reloadMs) => {
          let at = 0;
          const timed = events.map(([e, gap]) => ({ at: (at += gap) * MS, event: e }));
          const input = { rules: rules[0], reloadMs };
          same(firewallMachine, input, ['rulesCommitted', 'tableEmptied'], timed);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a conntrack entry under any reports, with packets it is not told of between them', () => {
    const S = 1_000_000_000;
    const report = fc.oneof(
      fc.constantFrom('conntrack.reply', 'conntrack.expire', 'packet').map((type) => ({ type })),
      fc.record({
        type: fc.constant('conntrack.fin'),
        direction: fc.constantFrom('original', 'reply'),
      }),
      fc.record({ type: fc.constant('conntrack.close'), reason: fc.constantFrom('rst', 'fin') }),
    );
    const run = (kind: 'xstate' | 'flat', steps: [{ type: string }, number][]) => {
      const sim = new Simulator();
      const log: string[] = [];
      const entry = { lastSeenAt: 0, packets: { original: 1, reply: 0 } } as ConntrackEntry;
      const machine = conntrackEntryMachine.provide({
        actions: { forget: ({ context }) => log.push(`${sim.now()} forget ${context.endedBy}`) },
      });
      const timeouts = { waitingForReply: 3 * S, established: 5 * S, closing: 2 * S };
      const input = { entry, timeouts, at: 0 };
      const actor =
        kind === 'xstate'
          ? createActor(machine, { clock: sim.clock, input })
          : new FlatMachineActor(machine, { clock: sim.clock, input });
      const seen = (s: { value: unknown; context: ConntrackEntryContext }) =>
        log.push(`${sim.now()} ${String(s.value)} ${s.context.deadline} ${s.context.delayNs}`);
      actor.subscribe(seen as never);
      actor.start();
      let at = 0;
      for (const [event, gap] of steps)
        sim.scheduleAt((at += gap * S), () => {
          // Every report comes with a packet; a "packet" alone only refreshes the entry.
          entry.lastSeenAt = sim.now();
          if (event.type !== 'packet' && actor.getSnapshot().status === 'active')
            actor.send({ ...event, at: sim.now() } as ConntrackEntryEvent);
        });
      sim.run({ until: 100 * S });
      log.push(`events ${sim.eventsProcessed}`);
      return log;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(report, fc.integer({ min: 0, max: 4 })), { maxLength: 12 }),
        (steps) => {
          expect(run('flat', steps)).toEqual(run('xstate', steps));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('runs a machine whose states and transitions carry words for people (meta, description)', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      states: {
        a: {
          meta: { label: 'first' },
          description: 'The first state.',
          on: { go: { target: 'b', meta: { label: 'going' }, description: 'Goes on.' } },
        },
        b: { meta: { label: 'second' }, type: 'final' },
      },
    });
    const sim = new Simulator();
    const actor = new FlatMachineActor(machine, { clock: sim.clock });
    actor.start();
    actor.send({ type: 'go' });
    expect(actor.getSnapshot().value).toBe('b');
  });

  it('refuses what it does not run', () => {
    const nested = setup({}).createMachine({
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {} } } },
    });
    const sim = new Simulator();
    expect(() => new FlatMachineActor(nested, { clock: sim.clock })).toThrow(/uses "initial"/);
  });
});
