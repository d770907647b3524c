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
  it('runs its first job at once, switches to another, and is free at a burst end before its actor is told', () => {
    const { sim, calls, core, sent, types } = setup({ contextSwitch: 2 });
    core.dispatch(job('A', 5));
    // The core has run nothing: no context to save, no switch.
    expect(core.state()).toBe('running');
    sim.run();
    expect(calls).toEqual(['burstEnded A']);
    expect(core.state()).toBe('running');
    expect(core.isFree()).toBe(true);
    expect(core.runningKey()).toBeNull();
    // B is another process: a 2 ns switch 5..7, then B runs 7..10 (FCFS: no decision first).
    core.dispatch(job('B', 3));
    expect(core.state()).toBe('switching');
    expect(core.isFree()).toBe(false);
    sim.run({ until: 7 });
    expect(core.state()).toBe('running');
    sim.run();
    expect(calls).toEqual(['burstEnded A', 'burstEnded B']);
    core.settle();
    expect(core.state()).toBe('idle');
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.next', 'cpu.switched', 'cpu.burstDone']);
    expect(types()).toEqual(['cpu.dispatch@0', 'cpu.switch@5', 'cpu.dispatch@7']);
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
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.next', 'cpu.next']);
  });

  it('records a switch that costs nothing, at the instant of the dispatch, in one send', () => {
    const { sim, core, sent, types } = setup({ contextSwitch: 0 });
    core.dispatch(job('A', 1));
    sim.run();
    core.dispatch(job('B', 1));
    expect(core.state()).toBe('running');
    expect(types()).toEqual(['cpu.dispatch@0', 'cpu.switch@1', 'cpu.dispatch@1']);
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.next']);
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

  it('preemptive policy: a switch that ends waits for the decision, which runs or takes off its job', () => {
    for (const end of ['settle', 'takeOff'] as const) {
      const { sim, calls, core, sent, types } = setup({ policy: 'srtf', contextSwitch: 2 });
      core.dispatch(job('A', 1));
      sim.run();
      core.dispatch(job('B', 4));
      sim.run({ until: 3 });
      // The switch ended at 3: B has not run, its full burst is its key, it can be a victim.
      expect(calls).toEqual(['burstEnded A', 'switchEnded']);
      expect(core.state()).toBe('switching');
      expect(core.isFree()).toBe(false);
      expect(core.runningKey()).toBe(4);
      if (end === 'settle') {
        core.settle();
        expect(core.state()).toBe('running');
        expect(types()).toEqual(['cpu.dispatch@0', 'cpu.switch@1', 'cpu.dispatch@3']);
        expect(sent()).toEqual(['cpu.dispatch', 'cpu.next', 'cpu.switched']);
      } else {
        expect(core.takeOff('shorter').remaining).toBe(4);
        expect(core.state()).toBe('idle');
        core.settle();
        expect(core.state()).toBe('idle');
        expect(types()).toEqual(['cpu.dispatch@0', 'cpu.switch@1', 'cpu.preempt@3']);
        expect(sent()).toEqual(['cpu.dispatch', 'cpu.next', 'cpu.preempt']);
        // B's context was loaded: B again needs no switch, A does.
        core.dispatch(job('B', 4));
        expect(core.state()).toBe('running');
      }
    }
  });

  it('an expired quantum waits for the decision: renewed with no record, or taken off', () => {
    const { sim, calls, core, sent, types } = setup({ policy: 'rr', quantum: 4, contextSwitch: 1 });
    core.dispatch(job('A', 10));
    sim.run();
    expect(calls).toEqual(['quantumExpired']);
    expect(core.expired).toBe(true);
    expect(core.isFree()).toBe(false);
    expect(core.runningKey()).toBeNull();
    core.renewSlice();
    expect(core.expired).toBe(false);
    sim.run();
    expect(sim.now()).toBe(8);
    expect(core.takeOff('quantum').remaining).toBe(2);
    expect(types()).toEqual(['cpu.dispatch@0', 'cpu.preempt@8']);
    expect(sent()).toEqual(['cpu.dispatch', 'cpu.quantumExpired']);
  });
});
