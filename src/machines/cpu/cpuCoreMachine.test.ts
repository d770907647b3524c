// Tests of the CPU core machine alone, on a simulated clock: the states a learner sees.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { cpuCoreMachine } from './cpuCoreMachine.ts';

function core() {
  const sim = new Simulator();
  return createActor(cpuCoreMachine, { clock: sim.clock, input: { core: 3 } }).start();
}

describe('cpuCoreMachine', () => {
  it('idle -> switching -> running -> idle', () => {
    const actor = core();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'cpu.dispatch', job: 'P1', switchFirst: true });
    expect(actor.getSnapshot().value).toBe('switching');
    expect(actor.getSnapshot().context).toEqual({ core: 3, job: 'P1' });
    actor.send({ type: 'cpu.switched' });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'cpu.burstDone' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.job).toBeNull();
  });

  it('dispatch without a switch runs at once; preemption frees the core', () => {
    const actor = core();
    actor.send({ type: 'cpu.dispatch', job: 'P2', switchFirst: false });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'cpu.preempt' });
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('cpu.next: the burst ends and the next job is taken in one step', () => {
    const actor = core();
    actor.send({ type: 'cpu.dispatch', job: 'A', switchFirst: false });
    actor.send({ type: 'cpu.next', job: 'B', switchFirst: false });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.job).toBe('B');
    actor.send({ type: 'cpu.next', job: 'C', switchFirst: true });
    expect(actor.getSnapshot().value).toBe('switching');
  });

  it('ignores events that make no sense in a state', () => {
    const actor = core();
    actor.send({ type: 'cpu.burstDone' });
    actor.send({ type: 'cpu.switched' });
    expect(actor.getSnapshot().value).toBe('idle');
  });
});
