// Tests of the CPU core machine alone, on a simulated clock: the states a learner sees, the job it
// holds, and its own decision to switch context before a job other than the last one it ran.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { cpuCoreMachine, type CpuCoreEvent } from './cpuCoreMachine.ts';
import { newJob } from './cpuJob.ts';

const A = newJob({ id: 'A', bursts: [5] });
const B = newJob({ id: 'B', bursts: [5] });

function core(contextSwitch = 2) {
  const sim = new Simulator();
  return createActor(cpuCoreMachine, {
    clock: sim.clock,
    input: { core: 3, contextSwitch },
  }).start();
}

function sent(contextSwitch: number, ...events: CpuCoreEvent[]) {
  const actor = core(contextSwitch);
  for (const e of events) actor.send(e);
  const { value, context } = actor.getSnapshot();
  return { value, job: context.job?.id ?? null, lastJob: context.lastJob?.id ?? null };
}

describe('cpuCoreMachine', () => {
  it('starts idle, holding no job', () => {
    const actor = core();
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context).toEqual({
      core: 3,
      contextSwitch: 2,
      job: null,
      lastJob: null,
    });
  });

  it('switches to the first job it ever runs, then runs it: idle -> switching -> running', () => {
    expect(sent(2, { type: 'cpu.dispatch', job: A })).toEqual({
      value: 'switching',
      job: 'A',
      lastJob: null,
    });
    expect(sent(2, { type: 'cpu.dispatch', job: A }, { type: 'cpu.switched' })).toEqual({
      value: 'running',
      job: 'A',
      lastJob: 'A',
    });
  });

  it('runs at once when switching costs nothing', () => {
    expect(sent(0, { type: 'cpu.dispatch', job: A })).toEqual({
      value: 'running',
      job: 'A',
      lastJob: 'A',
    });
  });

  it('goes idle when the burst ends, and runs the same job again without a switch', () => {
    const run = [{ type: 'cpu.dispatch', job: A }, { type: 'cpu.switched' }] as const;
    expect(sent(2, ...run, { type: 'cpu.burstDone' })).toEqual({
      value: 'idle',
      job: null,
      lastJob: 'A',
    });
    expect(sent(2, ...run, { type: 'cpu.burstDone' }, { type: 'cpu.dispatch', job: A })).toEqual({
      value: 'running',
      job: 'A',
      lastJob: 'A',
    });
    expect(sent(2, ...run, { type: 'cpu.burstDone' }, { type: 'cpu.dispatch', job: B })).toEqual({
      value: 'switching',
      job: 'B',
      lastJob: 'A',
    });
  });

  it('cpu.next: the burst ends and the next job is taken in one step', () => {
    const run = { type: 'cpu.dispatch', job: A } as const;
    expect(sent(0, run, { type: 'cpu.next', job: B })).toEqual({
      value: 'running',
      job: 'B',
      lastJob: 'B',
    });
    expect(sent(2, run, { type: 'cpu.switched' }, { type: 'cpu.next', job: B })).toEqual({
      value: 'switching',
      job: 'B',
      lastJob: 'A',
    });
    expect(sent(2, run, { type: 'cpu.switched' }, { type: 'cpu.next', job: A })).toEqual({
      value: 'running',
      job: 'A',
      lastJob: 'A',
    });
  });

  it('an expired quantum or a better job takes the job off: running -> idle', () => {
    const run = { type: 'cpu.dispatch', job: A } as const;
    for (const type of ['cpu.quantumExpired', 'cpu.preempt'] as const)
      expect(sent(0, run, { type })).toEqual({ value: 'idle', job: null, lastJob: 'A' });
  });

  it('a switching core is not preempted and ignores what makes no sense in a state', () => {
    const dispatch = { type: 'cpu.dispatch', job: A } as const;
    for (const type of ['cpu.preempt', 'cpu.quantumExpired', 'cpu.burstDone'] as const) {
      expect(sent(2, dispatch, { type }).value).toBe('switching');
      expect(sent(2, { type }).value).toBe('idle');
    }
    expect(sent(2, { type: 'cpu.switched' }).value).toBe('idle');
    expect(sent(2, { type: 'cpu.next', job: A }).value).toBe('idle');
    expect(sent(0, dispatch, { type: 'cpu.dispatch', job: B }).job).toBe('A');
  });

  it('is drawn with the three states and the events of each', () => {
    const states = cpuCoreMachine.root.states;
    const events = (s: keyof typeof states) => Object.keys(states[s]?.config.on ?? {}).sort();
    expect(Object.keys(states)).toEqual(['idle', 'switching', 'running']);
    expect(events('idle')).toEqual(['cpu.dispatch']);
    expect(events('switching')).toEqual(['cpu.switched']);
    expect(events('running')).toEqual([
      'cpu.burstDone',
      'cpu.next',
      'cpu.preempt',
      'cpu.quantumExpired',
    ]);
  });
});
