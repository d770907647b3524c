// Runs a job table through the CPU scheduler and returns what a textbook exercise asks for: the
// Gantt chart, each job's waiting, turnaround and response times, averages, utilization and
// throughput. Deterministic: jobs arrive at their times, ties in table order.

import { Simulator } from '../../engine/simulator.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { foldRecords } from '../../engine/traceFold.ts';
import { cpuLedger, jobResponse, jobTurnaround, jobWaiting } from '../../machines/cpu/cpuLedger.ts';
import { CpuScheduler } from '../../machines/cpu/cpuScheduler.ts';
import { ganttFromTrace, type GanttSegment } from '../../machines/cpu/gantt.ts';
import type { JobTable } from './jobTable.ts';

/** One job's figures, in ns. */
export interface JobResult {
  id: string;
  priority: number;
  arrival: number;
  /** Total CPU time of the job (all bursts). */
  burst: number;
  io: number;
  firstRun: number;
  completion: number;
  waiting: number;
  turnaround: number;
  response: number;
}

export interface JobTableRun {
  table: JobTable;
  records: readonly TraceRecord[];
  gantt: GanttSegment[];
  /** Per job, in table order. */
  jobs: JobResult[];
  averages: { waiting: number; turnaround: number; response: number };
  /** Busy time / (cores x makespan), from time 0 to the last completion. */
  utilization: number;
  /** Time 0 to the last completion, ns. */
  makespan: number;
  /** Jobs completed per ns of makespan (multiply by a unit's ns for jobs per unit). */
  throughputPerNs: number;
  contextSwitches: number;
  preemptions: number;
}

/** Runs the table on a fresh simulator (scheduler node "cpu"). */
export function runJobTable(table: JobTable): JobTableRun {
  const sim = new Simulator();
  const cpu = new CpuScheduler(sim, 'cpu', table.cpu);
  for (const row of table.jobs) {
    sim.scheduleAt(row.arrival, () =>
      cpu.submit({
        id: row.id,
        bursts: row.bursts,
        ...(row.priority === undefined ? {} : { priority: row.priority }),
      }),
    );
  }
  sim.run();
  const records = sim.trace.records;
  // Every figure from the trace; the schedule ends with its last completion (the textbooks').
  const ledger = foldRecords(cpuLedger(cpu.config.cores, { keepJobs: true }), records);
  const byId = new Map(ledger.jobs.map((j) => [j.id, j]));
  const jobs: JobResult[] = table.jobs.map((row) => {
    const m = byId.get(row.id);
    if (!m) throw new Error(`job ${row.id} never arrived`);
    return {
      id: row.id,
      priority: m.priority,
      arrival: m.arrival,
      burst: row.bursts.filter((_, k) => k % 2 === 0).reduce((a, b) => a + b, 0),
      io: m.io,
      firstRun: m.firstRun,
      completion: m.completion,
      waiting: jobWaiting(m),
      turnaround: jobTurnaround(m),
      response: jobResponse(m),
    };
  });
  const makespan = Math.max(0, ledger.lastCompletion);
  const n = ledger.jobsCompleted;
  return {
    table,
    records,
    gantt: ganttFromTrace(records, 'cpu'),
    jobs,
    averages: {
      waiting: n > 0 ? ledger.sumWaiting / n : 0,
      turnaround: n > 0 ? ledger.sumTurnaround / n : 0,
      response: n > 0 ? ledger.sumResponse / n : 0,
    },
    utilization: makespan > 0 ? ledger.busyNs / (cpu.config.cores * makespan) : 0,
    makespan,
    throughputPerNs: makespan > 0 ? jobs.length / makespan : 0,
    contextSwitches: ledger.contextSwitches,
    preemptions: ledger.preemptions,
  };
}
