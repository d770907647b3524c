// Properties of the scheduler over random job sets (every policy, 1-3 cores, switches, I/O):
// work is conserved, a core runs one job at a time, a job runs on one core at a time, and every
// job gets exactly its CPU bursts. Plus argument checks, the cost in actor sends, and what the
// scheduler reports between a burst's end and the decision of that instant.

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FlatActor } from '../flatActor.ts';
import { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { CpuScheduler, SCHEDULING_POLICIES } from './cpuScheduler.ts';
import { foldRecords } from '../../engine/traceFold.ts';
import { cpuLedger, jobWaiting } from './cpuLedger.ts';
import { ganttFromTrace } from './gantt.ts';
import { JobSource } from './jobSource.ts';

const jobArb = fc.record({
  arrival: fc.integer({ min: 0, max: 30 }),
  bursts: fc
    .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 })
    .map((b) => (b.length % 2 === 0 ? b.slice(1) : b)),
  priority: fc.integer({ min: 0, max: 4 }),
});

describe('CpuScheduler properties', () => {
  it('conserves work and never double-books a core or a job', () => {
    fc.assert(
      fc.property(
        fc.array(jobArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...SCHEDULING_POLICIES),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 }),
        (jobs, policy, cores, quantum, contextSwitch) => {
          const sim = new Simulator();
          const cpu = new CpuScheduler(sim, 'n', { policy, cores, quantum, contextSwitch });
          let done = 0;
          jobs.forEach((j, i) =>
            sim.scheduleAt(j.arrival, () =>
              cpu.submit({
                id: `J${i}`,
                bursts: j.bursts,
                priority: j.priority,
                onDone: () => done++,
              }),
            ),
          );
          sim.run();
          expect(done).toBe(jobs.length);
          expect(cpu.readyLength()).toBe(0);
          expect(cpu.busyCores()).toBe(0);
          const runs = ganttFromTrace(sim.trace.records).filter((s) => s.kind === 'run');
          const cpuOf = (j: { bursts: number[] }) =>
            j.bursts.filter((_, k) => k % 2 === 0).reduce((a, b) => a + b, 0);
          const total = jobs.reduce((a, j) => a + cpuOf(j), 0);
          const ledger = foldRecords(cpuLedger(cores, { keepJobs: true }), sim.trace.records);
          expect(ledger.busyNs).toBe(total);
          expect(runs.reduce((a, s) => a + s.end - s.start, 0)).toBe(total);
          expect(ledger.jobs).toHaveLength(jobs.length);
          for (const m of ledger.jobs) {
            const spec = jobs[Number(m.id.slice(1))] as { bursts: number[] };
            expect(m.cpu).toBe(cpuOf(spec));
            expect(jobWaiting(m)).toBeGreaterThanOrEqual(0);
          }
          const overlaps = (key: (s: (typeof runs)[number]) => string | number) => {
            const groups = new Map<string | number, typeof runs>();
            for (const s of runs) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
            for (const list of groups.values()) {
              list.sort((a, b) => a.start - b.start);
              for (let k = 1; k < list.length; k++)
                expect((list[k] as (typeof runs)[number]).start).toBeGreaterThanOrEqual(
                  (list[k - 1] as (typeof runs)[number]).end,
                );
            }
          };
          overlaps((s) => s.core);
          overlaps((s) => s.job);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses bad configurations and jobs', () => {
    const sim = new Simulator();
    expect(() => new CpuScheduler(sim, 'n', { cores: 0 })).toThrow(/cores/);
    expect(() => new CpuScheduler(sim, 'n', { quantum: 0 })).toThrow(/quantum/);
    const cpu = new CpuScheduler(sim, 'n');
    expect(() => cpu.submit({ id: 'x', bursts: [1, 2] })).toThrow(/odd length/);
    expect(() => cpu.submit({ id: 'x', bursts: [-1] })).toThrow(/>= 0/);
  });

  it('has its figures folded from the trace: rows only when kept, sums always', () => {
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'n', {});
    cpu.submit({ id: 'a', bursts: [5] });
    cpu.submit({ id: 'b', bursts: [5] });
    sim.run();
    const ledger = foldRecords(cpuLedger(1), sim.trace.records);
    expect(ledger.jobs).toEqual([]);
    // b waits for a's 5 ns; both arrived at 0, so the queue held two.
    expect(ledger.sumWaiting).toBe(5);
    expect(ledger.maxReady).toBe(2);
    expect(ledger.lastCompletion).toBe(10);
  });

  it('costs about 1.2 actor sends per job in an M/M/1 queue at rho = 0.8', () => {
    const send = vi.spyOn(FlatActor.prototype, 'send');
    try {
      const sim = new Simulator({ seed: 1, trace: false });
      const cpu = new CpuScheduler(sim, 'cpu', {});
      const ledger = cpuLedger(1);
      sim.trace.follow(ledger);
      const jobs = 20_000;
      new JobSource(sim, cpu, {
        arrivals: { kind: 'poisson', mean: 1.25 * NS_PER_MS },
        service: { kind: 'exponential', mean: NS_PER_MS },
        count: jobs,
      }).start();
      sim.run();
      expect(ledger.result().jobsCompleted).toBe(jobs);
      // One send per job (cpu.dispatch, or cpu.next straight from the last job), plus one
      // cpu.burstDone per busy period (a fifth of the jobs start one at rho = 0.8).
      const perJob = send.mock.calls.length / jobs;
      expect(perJob).toBeGreaterThan(1.15);
      expect(perJob).toBeLessThan(1.25);
    } finally {
      send.mockRestore();
    }
  });

  it('counts a core free as its burst ends; its actor goes idle at the decision', () => {
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'n', { cores: 2 });
    const seen: [number, string][] = [];
    cpu.submit({
      id: 'a',
      bursts: [5],
      onDone: () => seen.push([cpu.busyCores(), cpu.coreState(0)]),
    });
    cpu.submit({ id: 'b', bursts: [9] });
    sim.run({ until: 5 });
    expect(seen).toEqual([[1, 'running']]);
    expect([cpu.busyCores(), cpu.coreState(0), cpu.coreState(1)]).toEqual([1, 'idle', 'running']);
  });

  it('a better job that came during a switch preempts the job switched to when it starts', () => {
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'n', { policy: 'priorityPreemptive', contextSwitch: 2 });
    cpu.submit({ id: 'low', bursts: [10], priority: 5 });
    sim.schedule(1, () => cpu.submit({ id: 'high', bursts: [3], priority: 1 }));
    sim.run({ until: 2 });
    const at2 = sim.trace.records.filter((r) => r.t === 2 && r.type !== 'cpu.arrive');
    expect(at2.map((r) => [r.type, 'job' in r ? r.job : ''])).toEqual([
      ['cpu.dispatch', 'low'],
      ['cpu.preempt', 'low'],
      ['cpu.switch', 'high'],
    ]);
    expect(cpu.coreState(0)).toBe('switching');
  });
});
