// Tests of one core with a stand-in scheduler: what it records, how it reads and tells its actor,
// and the instant between a burst's end and the decision (free, actor told later in one event).

import { describe, expect, it, vi } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { DEFAULT_CPU_CONFIG, type CpuConfig } from './cpuConfig.ts';
import { CpuCore, type CpuCoreOwner } from './cpuCore.ts';
import { newJob, type CpuJob } from './cpuJob.ts';

function setup(config: Partial<CpuConfig> = {}) {
  const sim = new Simulator();
  const calls: string[] = [];
  const owner: CpuCoreOwner = {
    burstEnded: (_, job) => calls.push(`burstEnded ${job.id}`),
    quantumExpired: () => calls.push('quantumExpired'),
    switchEnded: () => calls.push('switchEnded'),
  };
  const core = new CpuCore(0, sim, 'n', { ...DEFAULT_CPU_CONFIG, ...config }, owner);
  const send = vi.spyOn(core.actor, 'send');
  const sent = () => send.mock.calls.map(([e]) => e.type);
  const types = () => sim.trace.records.map((r) => `${r.type}@${r.t}`);
  return { sim, calls, core, sent, types };
}

function job(id: string, burst: number): CpuJob {
  const j = newJob({ id, bursts: [burst] });
  j.remaining = burst;
  return j;
}

describe('CpuCore', () => {
  it('switches, runs, and at the burst end counts as free before its actor is told', () => {
    const { sim, calls, core, sent, types } = setup({ contextSwitch: 2 });
    core.dispatch(job('A', 5));
    expect(core.state()).toBe('switching');
    expect(core.isFree()).toBe(false);
    sim.run({ until: 6 });
    expect(core.state()).toBe('running');
    expect(calls).toEqual(['switchEnded']);
    sim.run();
    expect(calls).toEqual(['switchEnded', 'burstEnded A']);
    expect(core.state()).toBe('running');
    expect(core.isFree()).toBe(true);
    expect(core.runningKey()).toBeNull();
    core.settle();
    expect(core.state()).toBe('idle');
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.switched', 'cpu.burstDone']);
    expect(types()).toEqual(['cpu.switch@0', 'cpu.dispatch@2']);
  });

  it('takes the next job at a burst end in one event, with no switch for the same job', () => {
    const { sim, core, sent } = setup({ contextSwitch: 2 });
    const a = job('A', 3);
    core.dispatch(a);
    sim.run();
    a.remaining = 4;
    core.dispatch(a);
    expect(core.state()).toBe('running');
    core.settle();
    expect(core.state()).toBe('running');
    sim.run();
    core.dispatch(job('B', 1));
    expect(core.state()).toBe('switching');
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.switched', 'cpu.next', 'cpu.next']);
  });

  it('takes a job off mid-slice: accounts, records and frees the core', () => {
    const { sim, core, sent, types } = setup({ policy: 'srtf' });
    const a = job('A', 10);
    core.dispatch(a);
    sim.run({ until: 3 });
    expect(core.runningKey()).toBe(7);
    expect(core.takeOff('shorter')).toBe(a);
    expect(a.remaining).toBe(7);
    expect(core.state()).toBe('idle');
    expect(core.runningKey()).toBeNull();
    sim.run();
    expect(types()).toEqual(['cpu.dispatch@0', 'cpu.preempt@3']);
    expect(sim.trace.records[1]).toMatchObject({ remaining: 7, reason: 'shorter' });
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.preempt']);
  });

  it('an expired quantum waits for the decision: renewed with no record, or taken off', () => {
    const { sim, calls, core, sent, types } = setup({ policy: 'rr', quantum: 4, contextSwitch: 1 });
    core.dispatch(job('A', 10));
    sim.run();
    expect(calls).toEqual(['switchEnded', 'quantumExpired']);
    expect(core.expired).toBe(true);
    expect(core.isFree()).toBe(false);
    expect(core.runningKey()).toBeNull();
    core.renewSlice();
    expect(core.expired).toBe(false);
    sim.run();
    expect(sim.now()).toBe(9);
    expect(core.takeOff('quantum').remaining).toBe(2);
    expect(types()).toEqual(['cpu.switch@0', 'cpu.dispatch@1', 'cpu.preempt@9']);
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.switched', 'cpu.quantumExpired']);
  });
});
