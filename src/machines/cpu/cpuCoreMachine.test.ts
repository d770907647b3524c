// Tests of the CPU core machine alone, on a simulated clock: the states a learner sees, the job it
// holds, and its own decision to switch context: not for the first job, not for the process it
// last ran (after an idle gap too), and also when switching costs nothing.

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
  return {
    value,
    job: context.job?.id ?? null,
    last: context.lastProcess,
    switched: context.switched,
  };
}

const dispatch = (job: typeof A) => ({ type: 'cpu.dispatch', job }) as const;
const next = (job: typeof A) => ({ type: 'cpu.next', job }) as const;
const switched = { type: 'cpu.switched' } as const;
const burstDone = { type: 'cpu.burstDone' } as const;

describe('cpuCoreMachine', () => {
  it('starts idle, holding no job, having run nothing', () => {
    const actor = core();
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context).toEqual({
      core: 3,
      contextSwitch: 2,
      job: null,
      lastProcess: null,
      switched: false,
    });
  });

  it('runs the first job it ever gets at once: no context to save, no switch', () => {
    expect(sent(2, dispatch(A))).toEqual({
      value: 'running',
      job: 'A',
      last: 'A',
      switched: false,
    });
  });

  it('switches to a job of another process: running -> switching -> running', () => {
    expect(sent(2, dispatch(A), next(B))).toEqual({
      value: 'switching',
      job: 'B',
      last: 'A',
      switched: true,
    });
    expect(sent(2, dispatch(A), next(B), switched)).toEqual({
      value: 'running',
      job: 'B',
      last: 'B',
      switched: true,
    });
  });

  it('after an idle gap, switches only to another process than the last one', () => {
    expect(sent(2, dispatch(A), burstDone)).toEqual({
      value: 'idle',
      job: null,
      last: 'A',
      switched: false,
    });
    expect(sent(2, dispatch(A), burstDone, dispatch(A))).toEqual({
      value: 'running',
      job: 'A',
      last: 'A',
      switched: false,
    });
    expect(sent(2, dispatch(A), burstDone, dispatch(B)).value).toBe('switching');
    // Another job of the same process (a server thread's next request) needs no switch.
    const sameThread = newJob({ id: 'A#2', process: 'A', bursts: [5] });
    expect(sent(2, dispatch(A), burstDone, dispatch(sameThread))).toEqual({
      value: 'running',
      job: 'A#2',
      last: 'A',
      switched: false,
    });
  });

  it('a switch that costs nothing goes straight to running, marked as a switch', () => {
    expect(sent(0, dispatch(A), next(B))).toEqual({
      value: 'running',
      job: 'B',
      last: 'B',
      switched: true,
    });
    expect(sent(0, dispatch(A), burstDone, dispatch(B)).switched).toBe(true);
    expect(sent(0, dispatch(A), burstDone, dispatch(A)).switched).toBe(false);
  });

  it('an expired quantum or a better job takes the job off: running -> idle', () => {
    for (const type of ['cpu.quantumExpired', 'cpu.preempt'] as const)
      expect(sent(0, dispatch(A), { type })).toMatchObject({ value: 'idle', job: null, last: 'A' });
  });

  it('a better job takes the core as a switch ends: the job switched to is now the last one', () => {
    expect(sent(2, dispatch(A), next(B), { type: 'cpu.preempt' })).toMatchObject({
      value: 'idle',
      job: null,
      last: 'B',
    });
  });

  it('ignores what makes no sense in a state', () => {
    for (const type of ['cpu.quantumExpired', 'cpu.burstDone'] as const) {
      expect(sent(2, dispatch(A), next(B), { type }).value).toBe('switching');
      expect(sent(2, { type }).value).toBe('idle');
    }
    expect(sent(2, switched).value).toBe('idle');
    expect(sent(2, next(A)).value).toBe('idle');
    expect(sent(0, dispatch(A), dispatch(B)).job).toBe('A');
  });

  it('is drawn with the three states and the events of each', () => {
    const states = cpuCoreMachine.root.states;
    const events = (s: keyof typeof states) => Object.keys(states[s]?.config.on ?? {}).sort();
    expect(Object.keys(states)).toEqual(['idle', 'switching', 'running']);
    expect(events('idle')).toEqual(['cpu.dispatch']);
    expect(events('switching')).toEqual(['cpu.preempt', 'cpu.switched']);
    expect(events('running')).toEqual([
      'cpu.burstDone',
      'cpu.next',
      'cpu.preempt',
      'cpu.quantumExpired',
    ]);
  });
});
