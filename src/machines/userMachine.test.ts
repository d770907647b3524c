import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../engine/simulator.ts';
import { userMachine } from './userMachine.ts';

/** A user whose I/O answers at once: resolving, logging in and each visit succeed. */
function user(input: { visits: number; login: boolean; thinks: boolean }) {
  const sim = new Simulator({ seed: 1 });
  const states: string[] = [];
  const machine = userMachine.provide({
    actions: {
      resolve: () => actor.send({ type: 'dns.resolved' }),
      login: () => actor.send({ type: 'user.loggedIn' }),
      visit: () => sim.schedule(1_000_000, () => actor.send({ type: 'user.visited' })),
    },
    guards: { thinks: () => input.thinks },
    delays: { thinkTime: () => 5 },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { startMs: 2, visits: input.visits, login: input.login },
  });
  actor.subscribe((s) => states.push(String(s.value)));
  actor.start();
  sim.run();
  return { states, end: sim.now(), context: actor.getSnapshot().context };
}

describe('userMachine', () => {
  it('waits, resolves, logs in, visits, thinks, visits again, then is done', () => {
    const run = user({ visits: 2, login: true, thinks: true });
    expect(run.states).toEqual([
      'waiting',
      'resolving',
      'loggingIn',
      'visiting',
      'thinking',
      'visiting',
      'done',
    ]);
    // 2 ms start + 1 ms visit + 5 ms think + 1 ms visit, all on simulated time.
    expect(run.end).toBe(9_000_000);
    expect(run.context.visited).toBe(2);
  });

  it('goes straight to the next visit without think time and skips login without an account', () => {
    const run = user({ visits: 3, login: false, thinks: false });
    expect(run.states.filter((s) => s === 'thinking')).toHaveLength(0);
    expect(run.context.visited).toBe(3);
    expect(run.end).toBe(5_000_000);
  });
});
