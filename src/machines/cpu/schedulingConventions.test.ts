// The scheduler's conventions (cpuScheduler.ts, docs/model.md), each on a small table worked out
// by hand in the comments, step by step, before the code ran: the Gantt chart (switches as "cs"),
// each job's waiting = turnaround - CPU time - I/O time (Silberschatz, Galvin, Gagne, Operating
// System Concepts 10th ed., §5.2's definitions), response = first run - arrival, and the context
// switches and preemptions counted from the trace. One time unit is 1 ms here.

import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { foldRecords } from '../../engine/traceFold.ts';
import type { CpuConfig, SchedulingPolicy } from './cpuConfig.ts';
import { cpuLedger, jobResponse, jobTurnaround, jobWaiting } from './cpuLedger.ts';
import { CpuScheduler } from './cpuScheduler.ts';
import { ganttFromTrace } from './gantt.ts';

interface Row {
  id: string;
  arrival: number;
  /** CPU, I/O, CPU, ... in time units. */
  bursts: number[];
  priority?: number;
}

/** Runs the rows (submitted in table order) and returns what the hand-worked tables give. */
function run(rows: Row[], policy: SchedulingPolicy, config: Partial<CpuConfig> = {}) {
  const sim = new Simulator();
  const cpu = new CpuScheduler(sim, 'cpu', {
    policy,
    cores: config.cores ?? 1,
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
  const u = (ns: number): number => ns / NS_PER_MS;
  const records = sim.trace.records;
  const ledger = foldRecords(cpuLedger(cpu.config.cores, { keepJobs: true }), records);
  const per = (f: (j: (typeof ledger.jobs)[number]) => number) =>
    Object.fromEntries(ledger.jobs.map((j) => [j.id, u(f(j))]));
  return {
    /** [core, "cs" or "run", job, start, end]. */
    chart: ganttFromTrace(records).map((s) => [
      s.core,
      s.kind === 'switch' ? 'cs' : 'run',
      s.job,
      u(s.start),
      u(s.end),
    ]),
    waiting: per(jobWaiting),
    turnaround: per(jobTurnaround),
    response: per(jobResponse),
    switches: ledger.contextSwitches,
    preemptions: ledger.preemptions,
    switchRecords: sim.trace.ofType('cpu.switch').length,
  };
}

describe('no context switch for the first dispatch on a core', () => {
  it('FCFS, switch 1: A (0, 3), B (0, 2) on one core', () => {
    // t=0: the core has run nothing, so A runs at once: A 0-3.
    // t=3: A completes; B is another process: cs 3-4, then B 4-6.
    // A: turnaround 3 - 0 = 3, waiting 3 - 3 = 0, response 0.
    // B: turnaround 6 - 0 = 6, waiting 6 - 2 = 4 (3 in the queue + 1 of switch), response 4.
    // One switch.
    const r = run(
      [
        { id: 'A', arrival: 0, bursts: [3] },
        { id: 'B', arrival: 0, bursts: [2] },
      ],
      'fcfs',
      { contextSwitch: 1 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'A', 0, 3],
      [0, 'cs', 'B', 3, 4],
      [0, 'run', 'B', 4, 6],
    ]);
    expect(r.turnaround).toEqual({ A: 3, B: 6 });
    expect(r.waiting).toEqual({ A: 0, B: 4 });
    expect(r.response).toEqual({ A: 0, B: 4 });
    expect(r.switches).toBe(1);
  });

  it('two cores, switch 1: each core’s first job runs at once', () => {
    // t=0: core 0 takes A (0-3), core 1 takes B (0-2); neither core has run anything before.
    // No switch; both wait 0.
    const r = run(
      [
        { id: 'A', arrival: 0, bursts: [3] },
        { id: 'B', arrival: 0, bursts: [2] },
      ],
      'fcfs',
      { contextSwitch: 1, cores: 2 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'A', 0, 3],
      [1, 'run', 'B', 0, 2],
    ]);
    expect(r.waiting).toEqual({ A: 0, B: 0 });
    expect(r.switches).toBe(0);
  });
});

describe('after an idle gap, a switch only to another process', () => {
  it('FCFS, switch 1: A (0; CPU 2, I/O 3, CPU 2), B (8, 1)', () => {
    // t=0: A runs at once (first dispatch): A 0-2, then blocks for I/O until 5. Idle 2-5.
    // t=5: A is back; the core last ran A: no switch, A 5-7, done. Idle 7-8.
    // t=8: B arrives; the core last ran A: cs 8-9, B 9-10.
    // A: turnaround 7, waiting 7 - 4 (CPU) - 3 (I/O) = 0. B: turnaround 2, waiting 2 - 1 = 1.
    // One switch.
    const r = run(
      [
        { id: 'A', arrival: 0, bursts: [2, 3, 2] },
        { id: 'B', arrival: 8, bursts: [1] },
      ],
      'fcfs',
      { contextSwitch: 1 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'A', 0, 2],
      [0, 'run', 'A', 5, 7],
      [0, 'cs', 'B', 8, 9],
      [0, 'run', 'B', 9, 10],
    ]);
    expect(r.turnaround).toEqual({ A: 7, B: 2 });
    expect(r.waiting).toEqual({ A: 0, B: 1 });
    expect(r.switches).toBe(1);
  });
});

describe('a switch that costs nothing is still a switch', () => {
  it('RR q=4, switch 0, P1 24, P2 3, P3 3 (Silberschatz §5.3.3): 3 switches', () => {
    // The book's chart: P1 0-4, P2 4-7, P3 7-10, P1 10-30 (its later quanta renew: nobody waits).
    // The core changes process at 4 (P1 -> P2), 7 (P2 -> P3) and 10 (P3 -> P1): 3 switches, none
    // at 0 (first dispatch). Each takes no time, so the chart has no "cs" bar, but each is a
    // cpu.switch in the trace and the count agrees with the chart.
    const r = run(
      [
        { id: 'P1', arrival: 0, bursts: [24] },
        { id: 'P2', arrival: 0, bursts: [3] },
        { id: 'P3', arrival: 0, bursts: [3] },
      ],
      'rr',
      { quantum: 4 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'P1', 0, 4],
      [0, 'run', 'P2', 4, 7],
      [0, 'run', 'P3', 7, 10],
      [0, 'run', 'P1', 10, 30],
    ]);
    expect(r.waiting).toEqual({ P1: 6, P2: 4, P3: 7 });
    expect(r.switches).toBe(3);
    expect(r.switchRecords).toBe(3);
  });
});

describe('preemptive policies decide again when a switch ends', () => {
  it('SRTF, switch 2: A (0, 10), B (1, 4), C (2, 1); no job shown for zero time', () => {
    // t=0: A runs at once (first dispatch).
    // t=1: B (4) is shorter than A's 9 left: A is preempted (9 left); cs to B 1-3.
    // t=2: C (1) arrives; a switching core is not preempted, so C waits.
    // t=3: the switch ends and the scheduler decides again: C (1) beats B (4), so B goes back
    //      to the queue without having run (preemption 2), and the core switches to C: cs 3-5
    //      (B's context was loaded, C is another process), C 5-6.
    // t=6: C done; ready B (4) and A (9): cs 6-8, B 8-12.
    // t=12: cs 12-14, A 14-23.
    // A: turnaround 23, waiting 23 - 10 = 13, response 0.
    // B: turnaround 12 - 1 = 11, waiting 11 - 4 = 7, response 8 - 1 = 7 (not 3 - 1: it never ran
    //    at 3). C: turnaround 6 - 2 = 4, waiting 4 - 1 = 3, response 5 - 2 = 3.
    // Switches: to B, C, B, A = 4. Preemptions: A at 1, B at 3 = 2.
    const r = run(
      [
        { id: 'A', arrival: 0, bursts: [10] },
        { id: 'B', arrival: 1, bursts: [4] },
        { id: 'C', arrival: 2, bursts: [1] },
      ],
      'srtf',
      { contextSwitch: 2 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'A', 0, 1],
      [0, 'cs', 'B', 1, 3],
      [0, 'cs', 'C', 3, 5],
      [0, 'run', 'C', 5, 6],
      [0, 'cs', 'B', 6, 8],
      [0, 'run', 'B', 8, 12],
      [0, 'cs', 'A', 12, 14],
      [0, 'run', 'A', 14, 23],
    ]);
    expect(r.turnaround).toEqual({ A: 23, B: 11, C: 4 });
    expect(r.waiting).toEqual({ A: 13, B: 7, C: 3 });
    expect(r.response).toEqual({ A: 0, B: 7, C: 3 });
    expect(r.switches).toBe(4);
    expect(r.preemptions).toBe(2);
  });

  it('a job no better than the one switched to waits: priority, switch 1', () => {
    // Preemptive priority: A (0, 3, prio 2), B (1, 2, prio 1), C (2, 1, prio 1).
    // t=0: A runs at once. t=1: B (1) beats A (2): A preempted (2 left), cs to B 1-2.
    // t=2: the switch ends as C (prio 1) arrives: C is not better than B (equal), so B runs 2-4.
    // t=4: C (prio 1) before A (prio 2): cs 4-5, C 5-6. t=6: cs 6-7, A 7-9.
    // Waiting: A 9 - 3 = 6, B 4 - 1 - 2 = 1, C 6 - 2 - 1 = 3. Switches 3, preemptions 1.
    const r = run(
      [
        { id: 'A', arrival: 0, bursts: [3], priority: 2 },
        { id: 'B', arrival: 1, bursts: [2], priority: 1 },
        { id: 'C', arrival: 2, bursts: [1], priority: 1 },
      ],
      'priorityPreemptive',
      { contextSwitch: 1 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'A', 0, 1],
      [0, 'cs', 'B', 1, 2],
      [0, 'run', 'B', 2, 4],
      [0, 'cs', 'C', 4, 5],
      [0, 'run', 'C', 5, 6],
      [0, 'cs', 'A', 6, 7],
      [0, 'run', 'A', 7, 9],
    ]);
    expect(r.waiting).toEqual({ A: 6, B: 1, C: 3 });
    expect(r.switches).toBe(3);
    expect(r.preemptions).toBe(1);
  });
});

describe('ties: the job that arrived first, then table order; a running job keeps the CPU', () => {
  it('preemptive priority: P1 (0, 4, prio 2), P2 (2, 1, prio 1), P3 (1, 2, prio 2)', () => {
    // t=0: P1 runs.
    // t=1: P3 arrives with P1's priority (2): a tie, so the running P1 keeps the CPU.
    // t=2: P2 (prio 1) preempts P1 (2 left); P2 2-3.
    // t=3: ready P1 (prio 2, arrived at 0) and P3 (prio 2, arrived at 1): P1 arrived first, so
    //      P1 3-5 (P3 entered the queue at 1, before P1 came back at 2: queue order would pick P3).
    // t=5: P3 5-7.
    // Waiting: P1 5 - 0 - 4 = 1, P2 3 - 2 - 1 = 0, P3 7 - 1 - 2 = 4. Responses 0, 0, 4.
    const r = run(
      [
        { id: 'P1', arrival: 0, bursts: [4], priority: 2 },
        { id: 'P2', arrival: 2, bursts: [1], priority: 1 },
        { id: 'P3', arrival: 1, bursts: [2], priority: 2 },
      ],
      'priorityPreemptive',
    );
    expect(r.chart.filter((s) => s[1] === 'run')).toEqual([
      [0, 'run', 'P1', 0, 2],
      [0, 'run', 'P2', 2, 3],
      [0, 'run', 'P1', 3, 5],
      [0, 'run', 'P3', 5, 7],
    ]);
    expect(r.waiting).toEqual({ P1: 1, P2: 0, P3: 4 });
    expect(r.response).toEqual({ P1: 0, P2: 0, P3: 4 });
    expect(r.preemptions).toBe(1);
  });

  it('SRTF: Q (2, 3), R (1, 3), S (0, 4) in that table order', () => {
    // t=0: S runs. t=1: R (3) arrives, S has 3 left: a tie, S keeps the CPU.
    // t=2: Q (3) arrives, S has 2 left: S keeps it.
    // t=4: S done; R and Q both need 3: R arrived first (1 < 2), though Q is higher in the table:
    //      R 4-7, then Q 7-10.
    // Waiting: S 0, R 7 - 1 - 3 = 3, Q 10 - 2 - 3 = 5. No preemption.
    const r = run(
      [
        { id: 'Q', arrival: 2, bursts: [3] },
        { id: 'R', arrival: 1, bursts: [3] },
        { id: 'S', arrival: 0, bursts: [4] },
      ],
      'srtf',
    );
    expect(r.chart.filter((s) => s[1] === 'run')).toEqual([
      [0, 'run', 'S', 0, 4],
      [0, 'run', 'R', 4, 7],
      [0, 'run', 'Q', 7, 10],
    ]);
    expect(r.waiting).toEqual({ S: 0, R: 3, Q: 5 });
    expect(r.preemptions).toBe(0);
  });

  it('SJF: B (0, 2), A (0, 2), C (0, 1) arriving together: table order among equals', () => {
    // t=0: C is shortest: C 0-1. B and A tie (2) and arrived together: B is higher in the table:
    // B 1-3, A 3-5. Waiting: C 0, B 1, A 3.
    const r = run(
      [
        { id: 'B', arrival: 0, bursts: [2] },
        { id: 'A', arrival: 0, bursts: [2] },
        { id: 'C', arrival: 0, bursts: [1] },
      ],
      'sjf',
    );
    expect(r.chart.filter((s) => s[1] === 'run')).toEqual([
      [0, 'run', 'C', 0, 1],
      [0, 'run', 'B', 1, 3],
      [0, 'run', 'A', 3, 5],
    ]);
    expect(r.waiting).toEqual({ C: 0, B: 1, A: 3 });
  });
});

describe('round robin: jobs arriving at t join the queue before the job whose quantum ends at t', () => {
  it('q=2: P1 (0, 5), P2 (2, 2), P3 (4, 1)', () => {
    // t=0: P1 0-2.
    // t=2: P2 arrives as P1's quantum ends: P2 joins first, then P1 goes to the tail: [P2, P1].
    //      P2 2-4 (done).
    // t=4: P3 arrives: queue [P1, P3] (P1 has been waiting since 2). P1 4-6 (1 left).
    // t=6: P1's quantum ends with P3 waiting: [P3, P1]. P3 6-7 (done). t=7: P1 7-8 (done).
    // Waiting: P1 8 - 5 = 3, P2 4 - 2 - 2 = 0, P3 7 - 4 - 1 = 2.
    // Switches (free, but counted): P1->P2, P2->P1, P1->P3, P3->P1 = 4.
    const r = run(
      [
        { id: 'P1', arrival: 0, bursts: [5] },
        { id: 'P2', arrival: 2, bursts: [2] },
        { id: 'P3', arrival: 4, bursts: [1] },
      ],
      'rr',
      { quantum: 2 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'P1', 0, 2],
      [0, 'run', 'P2', 2, 4],
      [0, 'run', 'P1', 4, 6],
      [0, 'run', 'P3', 6, 7],
      [0, 'run', 'P1', 7, 8],
    ]);
    expect(r.waiting).toEqual({ P1: 3, P2: 0, P3: 2 });
    expect(r.switches).toBe(4);
  });

  it('q=2: a job back from I/O at t goes ahead too', () => {
    // P1 (0, 6); P2 (0; CPU 1, I/O 2, CPU 1). t=0: queue [P1, P2]; P1 0-2 (4 left).
    // t=2: P1's quantum ends with P2 waiting: [P2, P1]. P2 2-3, then I/O until 5.
    // t=3: P1 3-5 (2 left). t=5: P2 is back as P1's quantum ends: [P2, P1]. P2 5-6 (done).
    // t=6: P1 6-8 (done).
    // Waiting: P1 8 - 6 = 2; P2 6 - 2 (CPU) - 2 (I/O) = 2.
    const r = run(
      [
        { id: 'P1', arrival: 0, bursts: [6] },
        { id: 'P2', arrival: 0, bursts: [1, 2, 1] },
      ],
      'rr',
      { quantum: 2 },
    );
    expect(r.chart).toEqual([
      [0, 'run', 'P1', 0, 2],
      [0, 'run', 'P2', 2, 3],
      [0, 'run', 'P1', 3, 5],
      [0, 'run', 'P2', 5, 6],
      [0, 'run', 'P1', 6, 8],
    ]);
    expect(r.waiting).toEqual({ P1: 2, P2: 2 });
  });
});
