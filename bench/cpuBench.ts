// CPU scheduler benchmark: an M/M/1 queue (Poisson arrivals, exponential service, rho = 0.8, FCFS,
// one core) through CpuScheduler with its XState core actor and its figures folded from the trace
// as it runs (cpuLedger), trace not stored, 1,000,000 jobs: wall time, jobs per wall second and
// engine events per wall second. Also the same with the trace stored.

import { performance } from 'node:perf_hooks';
import { Simulator } from '../src/engine/simulator.ts';
import { NS_PER_MS } from '../src/engine/time.ts';
import { cpuLedger } from '../src/machines/cpu/cpuLedger.ts';
import { CpuScheduler } from '../src/machines/cpu/cpuScheduler.ts';
import { JobSource } from '../src/machines/cpu/jobSource.ts';
import { print } from './engineBench.ts';

interface MM1Run {
  wallS: number;
  events: number;
  completed: number;
}

/** Runs `jobs` M/M/1 jobs (service mean 1 ms, arrival mean 1.25 ms) and times it. */
export function mm1(jobs: number, trace: boolean): MM1Run {
  const sim = new Simulator({ seed: 1, trace });
  const cpu = new CpuScheduler(sim, 'cpu', { policy: 'fcfs' });
  const ledger = cpuLedger(1);
  sim.trace.follow(ledger);
  new JobSource(sim, cpu, {
    arrivals: { kind: 'poisson', mean: 1.25 * NS_PER_MS },
    service: { kind: 'exponential', mean: NS_PER_MS },
    count: jobs,
  }).start();
  const start = performance.now();
  const result = sim.run();
  const wallS = (performance.now() - start) / 1000;
  const { jobsCompleted } = ledger.result();
  if (jobsCompleted !== jobs) throw new Error('the M/M/1 run lost jobs');
  return { wallS, events: result.events, completed: jobsCompleted };
}

/** Runs the CPU benchmarks and prints their lines. */
export function runCpuBenchmarks(): void {
  mm1(100_000, false); // warm-up
  for (const [label, jobs, trace, runs] of [
    ['1M.traceOff', 1_000_000, false, 2],
    ['1M.traceOn', 1_000_000, true, 1],
  ] as const) {
    let best: MM1Run | null = null;
    for (let i = 0; i < runs; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      const r = mm1(jobs, trace);
      if (!best || r.wallS < best.wallS) best = r;
    }
    if (!best) continue;
    print(`cpu.mm1.${label}.wall`, best.wallS, 's');
    print(`cpu.mm1.${label}.jobs`, jobs / best.wallS, 'jobs/s');
    print(`cpu.mm1.${label}.events`, best.events / best.wallS, 'events/s');
    print(`cpu.mm1.${label}.eventsPerJob`, best.events / jobs, 'events');
  }
}
