// Properties of the scheduler over random job sets (every policy, 1-3 cores, switches, I/O):
// work is conserved, a core runs one job at a time, a job runs on one core at a time, and every
// job gets exactly its CPU bursts. Plus argument checks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { CpuScheduler, SCHEDULING_POLICIES } from './cpuScheduler.ts';
import { jobWaiting } from './cpuMetrics.ts';
import { ganttFromTrace } from './gantt.ts';

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
          expect(cpu.metrics.busyNs.reduce((a, b) => a + b, 0)).toBe(total);
          expect(runs.reduce((a, s) => a + s.end - s.start, 0)).toBe(total);
          for (const m of cpu.metrics.jobs) {
            const spec = jobs[Number(m.id.slice(1))] as { bursts: number[] };
            expect(m.cpuTotal).toBe(cpuOf(spec));
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

  it('keeps no per-job figures when told not to, but still sums them', () => {
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'n', {}, { keepJobs: false });
    cpu.submit({ id: 'a', bursts: [5] });
    cpu.submit({ id: 'b', bursts: [5] });
    sim.run();
    expect(cpu.metrics.jobs).toEqual([]);
    expect(cpu.metrics.sumWaiting).toBe(5);
    expect(cpu.metrics.maxReady).toBe(2);
  });
});
