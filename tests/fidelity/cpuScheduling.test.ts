// Textbook CPU-scheduling examples reproduced exactly: Gantt chart segments (job, start, end) and
// average waiting times. Source unless noted: Silberschatz, Galvin, Gagne, Operating System
// Concepts, 10th ed., ch. 5 "CPU Scheduling", §5.3 (figures of the FCFS, SJF, SRTF, priority and RR
// examples). One time unit = 1 ms here; the book's units are unitless milliseconds.

import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.ts';
import { NS_PER_MS } from '../../src/engine/time.ts';
import {
  CpuScheduler,
  type CpuConfig,
  type SchedulingPolicy,
} from '../../src/machines/cpu/cpuScheduler.ts';
import { foldRecords } from '../../src/engine/traceFold.ts';
import { cpuLedger, jobResponse, jobWaiting } from '../../src/machines/cpu/cpuLedger.ts';
import { ganttFromTrace, type GanttSegment } from '../../src/machines/cpu/gantt.ts';

interface Row {
  id: string;
  arrival: number;
  /** CPU, I/O, CPU, ... in ms. */
  bursts: number[];
  priority?: number;
}

function run(rows: Row[], policy: SchedulingPolicy, config: Partial<CpuConfig> = {}) {
  const sim = new Simulator();
  const cpu = new CpuScheduler(sim, 'cpu', {
    policy,
    ...config,
    quantum: (config.quantum ?? 10) * NS_PER_MS,
    contextSwitch: (config.contextSwitch ?? 0) * NS_PER_MS,
  });
  for (const row of rows) {
    sim.scheduleAt(row.arrival * NS_PER_MS, () =>
      cpu.submit({
        id: row.id,
        bursts: row.bursts.map((b) => b * NS_PER_MS),
        ...(row.priority === undefined ? {} : { priority: row.priority }),
      }),
    );
  }
  sim.run();
  const ms = (ns: number): number => ns / NS_PER_MS;
  const segments = ganttFromTrace(sim.trace.records).map((s) => ({
    ...s,
    start: ms(s.start),
    end: ms(s.end),
  }));
  // The figures come from the trace, as everywhere: the schedule ends at its last completion.
  const ledger = foldRecords(cpuLedger(cpu.config.cores, { keepJobs: true }), sim.trace.records);
  const waits = Object.fromEntries(ledger.jobs.map((j) => [j.id, ms(jobWaiting(j))]));
  const responses = Object.fromEntries(ledger.jobs.map((j) => [j.id, ms(jobResponse(j))]));
  const summary = {
    utilization: ledger.busyNs / (cpu.config.cores * ledger.lastCompletion),
    avgWaiting: ledger.sumWaiting / ledger.jobsCompleted,
  };
  return { sim, cpu, ledger, segments, waits, responses, summary, avgWait: ms(summary.avgWaiting) };
}

/** [job, start, end] run segments on core 0 (the book's single-CPU charts). */
function bars(segments: GanttSegment[], core = 0): [string, number, number][] {
  return segments
    .filter((s) => s.core === core && s.kind === 'run')
    .map((s) => [s.job, s.start, s.end]);
}

const at0 = (id: string, burst: number, priority?: number): Row => ({
  id,
  arrival: 0,
  bursts: [burst],
  ...(priority === undefined ? {} : { priority }),
});

describe('FCFS (Silberschatz §5.3.1)', () => {
  it('P1=24, P2=3, P3=3 in order P1, P2, P3: waits 0, 24, 27, average 17', () => {
    const r = run([at0('P1', 24), at0('P2', 3), at0('P3', 3)], 'fcfs');
    expect(bars(r.segments)).toEqual([
      ['P1', 0, 24],
      ['P2', 24, 27],
      ['P3', 27, 30],
    ]);
    expect(r.waits).toEqual({ P1: 0, P2: 24, P3: 27 });
    expect(r.avgWait).toBe(17);
  });

  it('order P2, P3, P1: waits 6, 0, 3, average 3 (the convoy effect gone)', () => {
    const r = run([at0('P2', 3), at0('P3', 3), at0('P1', 24)], 'fcfs');
    expect(bars(r.segments)).toEqual([
      ['P2', 0, 3],
      ['P3', 3, 6],
      ['P1', 6, 30],
    ]);
    expect(r.waits).toEqual({ P1: 6, P2: 0, P3: 3 });
    expect(r.avgWait).toBe(3);
  });
});

describe('SJF (Silberschatz §5.3.2)', () => {
  it('P1=6, P2=8, P3=7, P4=3 all at 0: P4, P1, P3, P2, average wait 7', () => {
    const r = run([at0('P1', 6), at0('P2', 8), at0('P3', 7), at0('P4', 3)], 'sjf');
    expect(bars(r.segments)).toEqual([
      ['P4', 0, 3],
      ['P1', 3, 9],
      ['P3', 9, 16],
      ['P2', 16, 24],
    ]);
    expect(r.waits).toEqual({ P1: 3, P2: 16, P3: 9, P4: 0 });
    expect(r.avgWait).toBe(7);
  });

  it('SRTF P1(0,8), P2(1,4), P3(2,9), P4(3,5): average wait 6.5', () => {
    const rows: Row[] = [
      { id: 'P1', arrival: 0, bursts: [8] },
      { id: 'P2', arrival: 1, bursts: [4] },
      { id: 'P3', arrival: 2, bursts: [9] },
      { id: 'P4', arrival: 3, bursts: [5] },
    ];
    const r = run(rows, 'srtf');
    expect(bars(r.segments)).toEqual([
      ['P1', 0, 1],
      ['P2', 1, 5],
      ['P4', 5, 10],
      ['P1', 10, 17],
      ['P3', 17, 26],
    ]);
    // The book: ((10 - 1) + (1 - 1) + (17 - 2) + (5 - 3)) / 4 = 26 / 4 = 6.5.
    expect(r.waits).toEqual({ P1: 9, P2: 0, P3: 15, P4: 2 });
    expect(r.avgWait).toBe(6.5);
    const preempts = r.sim.trace.ofType('cpu.preempt');
    expect(preempts.map((p) => [p.job, p.reason, p.remaining / NS_PER_MS])).toEqual([
      ['P1', 'shorter', 7],
    ]);
  });
});

describe('Priority (Silberschatz §5.3.4)', () => {
  it('non-preemptive P1 10/3, P2 1/1, P3 2/4, P4 1/5, P5 5/2: average wait 8.2', () => {
    const rows = [
      at0('P1', 10, 3),
      at0('P2', 1, 1),
      at0('P3', 2, 4),
      at0('P4', 1, 5),
      at0('P5', 5, 2),
    ];
    const r = run(rows, 'priority');
    expect(bars(r.segments)).toEqual([
      ['P2', 0, 1],
      ['P5', 1, 6],
      ['P1', 6, 16],
      ['P3', 16, 18],
      ['P4', 18, 19],
    ]);
    expect(r.waits).toEqual({ P1: 6, P2: 0, P3: 16, P4: 18, P5: 1 });
    expect(r.avgWait).toBeCloseTo(8.2, 12);
  });

  it('preemptive priority (derived by hand)', () => {
    // P1(arrival 0, burst 10, prio 3), P2(1, 4, 1), P3(2, 2, 4), P4(3, 3, 2).
    // t=0 P1 runs. t=1 P2 (1 < 3) preempts P1 (9 left). t=2 P3 (4) and t=3 P4 (2) wait: P2 is better.
    // t=5 P2 done; ready P1(3), P3(4), P4(2) -> P4 5..8, then P1 8..17, then P3 17..19.
    // Waits = completion - arrival - burst: P1 17-0-10=7, P2 5-1-4=0, P3 19-2-2=15, P4 8-3-3=2;
    // average 24/4 = 6. Responses: P1 0, P2 0, P3 15, P4 2.
    const rows: Row[] = [
      { id: 'P1', arrival: 0, bursts: [10], priority: 3 },
      { id: 'P2', arrival: 1, bursts: [4], priority: 1 },
      { id: 'P3', arrival: 2, bursts: [2], priority: 4 },
      { id: 'P4', arrival: 3, bursts: [3], priority: 2 },
    ];
    const r = run(rows, 'priorityPreemptive');
    expect(bars(r.segments)).toEqual([
      ['P1', 0, 1],
      ['P2', 1, 5],
      ['P4', 5, 8],
      ['P1', 8, 17],
      ['P3', 17, 19],
    ]);
    expect(r.waits).toEqual({ P1: 7, P2: 0, P3: 15, P4: 2 });
    expect(r.responses).toEqual({ P1: 0, P2: 0, P3: 15, P4: 2 });
    expect(r.avgWait).toBe(6);
    expect(r.sim.trace.ofType('cpu.preempt').map((p) => p.reason)).toEqual(['priority']);
  });
});

describe('Round robin (Silberschatz §5.3.3)', () => {
  it('q=4, P1 24, P2 3, P3 3: average wait 17/3', () => {
    const r = run([at0('P1', 24), at0('P2', 3), at0('P3', 3)], 'rr', { quantum: 4 });
    // The book draws P1's last 20 ms as five 4 ms slices (10, 14, 18, 22, 26, 30); with nobody
    // else ready P1 keeps the CPU at each expiry, so the trace has one bar 10..30.
    expect(bars(r.segments)).toEqual([
      ['P1', 0, 4],
      ['P2', 4, 7],
      ['P3', 7, 10],
      ['P1', 10, 30],
    ]);
    // The book: P1 waits 10 - 4 = 6, P2 4, P3 7; 17/3 = 5.66.
    expect(r.waits).toEqual({ P1: 6, P2: 4, P3: 7 });
    expect(r.avgWait).toBeCloseTo(17 / 3, 12);
  });

  it('tie rule: a job arriving when a quantum expires enters the queue first', () => {
    // q=2: P1 (0, 4) expires at 2 just as P2 (2, 2) arrives; P2 goes ahead of P1, as the textbooks
    // do. P2's arrival event is created after P1's quantum timer, so FIFO event order alone would
    // put P1 first: the rule comes from the once-per-instant decision.
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'cpu', { policy: 'rr', quantum: 2 });
    cpu.submit({ id: 'P1', bursts: [4] });
    sim.schedule(1, () => sim.schedule(1, () => cpu.submit({ id: 'P2', bursts: [2] })));
    sim.run();
    expect(ganttFromTrace(sim.trace.records).map((s) => [s.job, s.start, s.end])).toEqual([
      ['P1', 0, 2],
      ['P2', 2, 4],
      ['P1', 4, 6],
    ]);
  });
});

describe('context-switch cost', () => {
  it('RR q=4, switch 1, P1 24, P2 3, P3 3 (derived by hand)', () => {
    // Charged before every dispatch of a job other than the core's last one, not before the
    // core's first job (there is no context to save):
    // P1 0..4 (20 left; no switch), switch->P2 4..5, P2 5..8, switch->P3 8..9, P3 9..12,
    // switch->P1 12..13, P1 13..33 (alone: its quanta renew without a switch).
    // Waits: P1 33-24=9, P2 8-3=5, P3 12-3=9, average 23/3. Utilization 30/33. 3 switches.
    // Responses: P1 0, P2 5, P3 9.
    const r = run([at0('P1', 24), at0('P2', 3), at0('P3', 3)], 'rr', {
      quantum: 4,
      contextSwitch: 1,
    });
    expect(r.segments.map((s) => [s.kind, s.job, s.start, s.end])).toEqual([
      ['run', 'P1', 0, 4],
      ['switch', 'P2', 4, 5],
      ['run', 'P2', 5, 8],
      ['switch', 'P3', 8, 9],
      ['run', 'P3', 9, 12],
      ['switch', 'P1', 12, 13],
      ['run', 'P1', 13, 33],
    ]);
    expect(r.waits).toEqual({ P1: 9, P2: 5, P3: 9 });
    expect(r.avgWait).toBeCloseTo(23 / 3, 12);
    expect(r.summary.utilization).toBeCloseTo(30 / 33, 12);
    expect(r.ledger.contextSwitches).toBe(3);
    expect(r.responses).toEqual({ P1: 0, P2: 5, P3: 9 });
  });
});

describe('two cores, one ready queue', () => {
  it('FCFS P1 24, P2 3, P3 3, P4 5 on 2 cores (derived by hand)', () => {
    // Core 0 takes P1 (0..24); core 1 takes P2 (0..3), then P3 (3..6), then P4 (6..11).
    // Waits 0, 0, 3, 6: average 9/4 = 2.25. Utilization (24+3+3+5) / (2 x 24) = 35/48.
    const r = run([at0('P1', 24), at0('P2', 3), at0('P3', 3), at0('P4', 5)], 'fcfs', { cores: 2 });
    expect(bars(r.segments, 0)).toEqual([['P1', 0, 24]]);
    expect(bars(r.segments, 1)).toEqual([
      ['P2', 0, 3],
      ['P3', 3, 6],
      ['P4', 6, 11],
    ]);
    expect(r.avgWait).toBe(2.25);
    expect(r.summary.utilization).toBeCloseTo(35 / 48, 12);
  });

  it('SRTF on 2 cores preempts the core with the longest remaining burst', () => {
    // At 0 the shortest first: P2(0, 6) on core 0, P1(0, 10) on core 1. At 2, P3(2, 3) arrives:
    // remaining P2 4, P1 8; 3 < 8 preempts P1 (the worst). P3 2..5 on core 1, then P1 5..13.
    // Waits: P1 13-0-10 = 3, P2 0, P3 0.
    const rows: Row[] = [
      { id: 'P1', arrival: 0, bursts: [10] },
      { id: 'P2', arrival: 0, bursts: [6] },
      { id: 'P3', arrival: 2, bursts: [3] },
    ];
    const r = run(rows, 'srtf', { cores: 2 });
    expect(bars(r.segments, 0)).toEqual([['P2', 0, 6]]);
    expect(bars(r.segments, 1)).toEqual([
      ['P1', 0, 2],
      ['P3', 2, 5],
      ['P1', 5, 13],
    ]);
    expect(r.waits).toEqual({ P1: 3, P2: 0, P3: 0 });
  });
});

describe('I/O bursts', () => {
  it('a job blocks for its I/O, then waits its turn again (derived by hand)', () => {
    // FCFS: P1 bursts CPU 2, I/O 3, CPU 2; P2 CPU 4, both at 0. P1 0..2, blocks 2..5; P2 2..6;
    // P1 re-arrives at 5, runs 6..8. Waits: P1 8-0-4-3 = 1, P2 2.
    const rows: Row[] = [
      { id: 'P1', arrival: 0, bursts: [2, 3, 2] },
      { id: 'P2', arrival: 0, bursts: [4] },
    ];
    const r = run(rows, 'fcfs');
    expect(bars(r.segments)).toEqual([
      ['P1', 0, 2],
      ['P2', 2, 6],
      ['P1', 6, 8],
    ]);
    expect(r.waits).toEqual({ P1: 1, P2: 2 });
    const types = r.sim.trace.records.filter((x) => x.type.startsWith('cpu.')).map((x) => x.type);
    expect(types).toContain('cpu.block');
    expect(types).toContain('cpu.wake');
  });
});

describe('core machine', () => {
  it('a learner sees idle, switching, running', () => {
    // FCFS, switch 5: A 0..10 (the core's first job: no switch), switch->B 10..15, B 15..25.
    const sim = new Simulator();
    const cpu = new CpuScheduler(sim, 'cpu', { contextSwitch: 5 });
    expect(cpu.coreState(0)).toBe('idle');
    cpu.submit({ id: 'A', bursts: [10] });
    cpu.submit({ id: 'B', bursts: [10] });
    sim.run({ until: 2 });
    expect(cpu.coreState(0)).toBe('running');
    sim.run({ until: 12 });
    expect(cpu.coreState(0)).toBe('switching');
    sim.run({ until: 17 });
    expect(cpu.coreState(0)).toBe('running');
    expect(cpu.busyCores()).toBe(1);
    sim.run();
    expect(cpu.coreState(0)).toBe('idle');
    expect(foldRecords(cpuLedger(1), sim.trace.records).jobsCompleted).toBe(2);
  });

  it('is deterministic: same jobs, same trace', () => {
    const rows: Row[] = [
      { id: 'P1', arrival: 0, bursts: [8, 2, 3] },
      { id: 'P2', arrival: 1, bursts: [4] },
      { id: 'P3', arrival: 2, bursts: [9] },
    ];
    const a = run(rows, 'rr', { quantum: 3, contextSwitch: 1, cores: 2 });
    const b = run(rows, 'rr', { quantum: 3, contextSwitch: 1, cores: 2 });
    expect(a.sim.trace.records).toEqual(b.sim.trace.records);
  });
});
