// The flat interpreter against XState itself: every machine the simulator runs on createFlatActor
// is driven by the same seeded random events (and simulated time, for `after`) in both, and the
// states, context, status, tags and the I/O actions called, in order, must agree at every step.
// Also: what the interpreter refuses, and the XState semantics it must keep (mailbox order,
// self-targets with and without `reenter`, root transitions, guard combinators).

import { describe, expect, it } from 'vitest';
import { and, assign, createActor, not, or, setup, type AnyStateMachine } from 'xstate';
import { Simulator } from '../engine/simulator.ts';
import { cpuCoreMachine, type CpuCoreEvent } from './cpu/cpuCoreMachine.ts';
import { newJob } from './cpu/cpuJob.ts';
import { createFlatActor } from './flatActor.ts';
import {
  serverConnectionMachineWithIo,
  type ServerConnectionEvent,
  type ServerConnectionIo,
} from './server/serverConnectionMachine.ts';
import { serverWorkerMachine } from './server/serverWorkerMachine.ts';
import { userMachineWithIo, type UserEvent, type UserIo } from './userMachine.ts';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Driven {
  send(event: { type: string }): void;
  getSnapshot(): { value: unknown; context: unknown; status: string; hasTag(tag: string): boolean };
}

/** Both interpreters' runs of one machine, step by step. */
function compare<E extends { type: string }>(options: {
  machine: AnyStateMachine;
  input: (log: string[]) => unknown;
  events: (next: () => number) => E;
  tags?: string[];
  /** Context fields compared (the io is not). */
  fields: (context: Record<string, unknown>) => unknown;
  timed?: boolean;
}): void {
  for (let seed = 1; seed <= 60; seed++) {
    const runs = ['xstate', 'flat'].map((kind) => {
      const sim = new Simulator();
      const log: string[] = [];
      const input = options.input(log);
      const actor = (kind === 'xstate'
        ? createActor(options.machine, { clock: sim.clock, input })
        : createFlatActor(options.machine, {
            clock: sim.clock,
            input: input as never,
          })) as unknown as Driven & {
        start(): unknown;
        subscribe(fn: (s: unknown) => void): unknown;
      };
      actor.subscribe(() => log.push('observed'));
      actor.start();
      return { sim, log, actor, steps: [] as unknown[] };
    });
    for (const run of runs) {
      const next = random(seed);
      for (let i = 0; i < 40; i++) {
        if (run.actor.getSnapshot().status !== 'active') break;
        if (options.timed && next() < 0.3) run.sim.run({ until: run.sim.now() + 3_000_000 });
        else run.actor.send(options.events(next));
        const s = run.actor.getSnapshot();
        run.steps.push({
          value: s.value,
          status: s.status,
          tags: (options.tags ?? []).filter((t) => s.hasTag(t)),
          context: options.fields(s.context as Record<string, unknown>),
          log: run.log.splice(0),
        });
      }
    }
    expect(runs[1]?.steps, `seed ${seed}`).toEqual(runs[0]?.steps);
  }
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

describe('createFlatActor runs each machine as XState does', () => {
  it('a server connection: states, tags, and its I/O actions in order', () => {
    compare<ServerConnectionEvent>({
      machine: serverConnectionMachineWithIo,
      input: (log) => {
        const io = new Proxy({} as ServerConnectionIo, {
          get: (_, name) => (arg?: unknown) => log.push(`${String(name)}(${String(arg ?? '')})`),
        });
        return { io };
      },
      events: (next) => {
        const flag = () => next() < 0.5;
        return pick(next, [
          { type: 'conn.assign', queued: flag() },
          { type: 'conn.refuse' },
          { type: 'conn.data' },
          { type: 'conn.idle' },
          { type: 'conn.request' },
          { type: 'conn.io' },
          { type: 'conn.replied', close: flag(), queued: flag() },
          { type: 'conn.end' },
          { type: 'conn.dropped' },
          { type: 'conn.reset' },
          { type: 'conn.closed' },
        ] as const);
      },
      tags: ['open'],
      fields: (c) => ({ peerClosed: c.peerClosed }),
    });
  });

  it('a CPU core: idle, switching, running, and the jobs it holds', () => {
    const jobs = ['A', 'B', 'C'].map((id) => newJob({ id, bursts: [5] }));
    for (const contextSwitch of [0, 2]) {
      compare<CpuCoreEvent>({
        machine: cpuCoreMachine,
        input: () => ({ core: 0, contextSwitch }),
        events: (next) =>
          pick(next, [
            { type: 'cpu.dispatch', job: pick(next, jobs) },
            { type: 'cpu.switched' },
            { type: 'cpu.burstDone' },
            { type: 'cpu.next', job: pick(next, jobs) },
            { type: 'cpu.quantumExpired' },
            { type: 'cpu.preempt' },
          ] as const),
        fields: (c) => ({
          job: (c.job as { id: string } | null)?.id ?? null,
          lastJob: (c.lastJob as { id: string } | null)?.id ?? null,
        }),
      });
    }
  });

  it('a server thread, to its final state', () => {
    compare({
      machine: serverWorkerMachine,
      input: () => undefined,
      events: (next) =>
        pick(
          next,
          ['assign', 'work', 'io', 'replied', 'release', 'exit'].map((e) => ({
            type: `server.${e}`,
          })),
        ),
      fields: () => null,
    });
  });

  it('a user, with its start delay and think times on simulated time', () => {
    for (const login of [false, true]) {
      compare<UserEvent>({
        machine: userMachineWithIo,
        input: (log) => {
          let calls = 0;
          const io: UserIo = {
            resolve: () => log.push('resolve'),
            login: () => log.push('login'),
            visit: (n) => log.push(`visit ${n}`),
            leave: () => log.push('leave'),
            failed: (error) => log.push(`failed ${error}`),
            thinks: () => ++calls % 3 !== 0,
            thinkTimeMs: () => 1 + (calls % 4),
          };
          return { startMs: 2, visits: 5, login, io };
        },
        events: (next) =>
          pick(next, [
            { type: 'dns.resolved' },
            { type: 'user.loggedIn' },
            { type: 'user.visited' },
            { type: 'user.visited' },
            { type: 'user.failed', error: 'ECONNREFUSED' },
          ] as const),
        fields: (c) => ({ visited: c.visited }),
        timed: true,
      });
    }
  });
});

describe('createFlatActor keeps XState semantics', () => {
  const log: string[] = [];
  const machine = setup({
    types: {
      context: {} as { n: number },
      events: {} as { type: 'go' | 'self' | 'again' | 'stop' | 'echo' },
    },
    actions: {
      note: (_, text: string) => log.push(text),
      bump: assign({ n: ({ context }) => context.n + 1 }),
    },
    guards: { small: ({ context }) => context.n < 2, even: ({ context }) => context.n % 2 === 0 },
  }).createMachine({
    id: 'm',
    context: { n: 0 },
    initial: 'a',
    on: { stop: { target: '.end', actions: { type: 'note', params: 'root stop' } } },
    states: {
      a: {
        entry: { type: 'note', params: 'enter a' },
        exit: { type: 'note', params: 'exit a' },
        on: {
          self: { target: 'a', actions: 'bump' },
          again: { target: 'a', reenter: true, actions: 'bump' },
          go: [
            { guard: and(['small', not('even')]), target: 'b' },
            { guard: or(['small', 'even']), actions: { type: 'note', params: 'stayed' } },
          ],
        },
      },
      b: { always: { guard: 'even', target: 'a' }, on: { go: { actions: 'bump' } } },
      end: { type: 'final', entry: { type: 'note', params: 'done' } },
    },
  });

  function both(events: string[]) {
    return [createActor(machine), createFlatActor(machine)].map((actor) => {
      log.length = 0;
      actor.start();
      for (const type of events) {
        if (actor.getSnapshot().status === 'active') actor.send({ type } as { type: 'go' });
      }
      const { value, context, status } = actor.getSnapshot();
      return { value, context, status, log: [...log] };
    });
  }

  it('a self-target runs no exit or entry unless it re-enters; root transitions; and/or/not', () => {
    const [x, flat] = both(['go', 'self', 'go', 'again', 'go', 'go', 'go', 'stop', 'go']);
    expect(flat).toEqual(x);
    expect(x?.status).toBe('done');
  });

  it('refuses what it does not run, naming the machine and the state', () => {
    const nested = setup({}).createMachine({
      id: 'nested',
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {} } } },
    });
    expect(() => createFlatActor(nested)).toThrow(/machine "nested": state "a" has "states"/);
    const wildcard = setup({}).createMachine({
      id: 'w',
      initial: 'a',
      states: { a: { on: { '*': 'a' } } },
    });
    expect(() => createFlatActor(wildcard)).toThrow(/wildcard event "\*"/);
  });

  it('an event sent by an action waits until the current one is done and observed', () => {
    const order: string[] = [];
    const pingPong = setup({
      types: { events: {} as { type: 'ping' | 'pong' } },
      actions: { pong: () => actor.send({ type: 'pong' }), mark: () => order.push('pong handled') },
    }).createMachine({
      initial: 'idle',
      states: {
        idle: { on: { ping: { target: 'busy', actions: 'pong' } } },
        busy: { on: { pong: { target: 'idle', actions: 'mark' } } },
      },
    });
    const actor = createFlatActor(pingPong);
    actor.subscribe((s) => order.push(`observed ${String(s.value)}`));
    actor.start();
    actor.send({ type: 'ping' });
    expect(order).toEqual(['observed idle', 'observed busy', 'pong handled', 'observed idle']);
  });
});
