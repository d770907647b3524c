// Runs a job table through the CPU scheduler and returns what a textbook exercise asks for: the
// Gantt chart, each job's waiting, turnaround and response times, averages, utilization and
// throughput. Deterministic: jobs arrive at their times, ties in table order. A run stops at a
// limit of slices (bars of the Gantt chart) so that a 1 ns quantum cannot run for ever, or at a
// caller's limit (real time, memory) asked between slices of events.

import { Simulator, type StopReason } from '../../engine/simulator.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { foldRecords } from '../../engine/traceFold.ts';
import {
  cpuLedger,
  jobResponse,
  jobTurnaround,
  jobWaiting,
  type JobRow as LedgerJob,
} from '../../machines/cpu/cpuLedger.ts';
import { CpuScheduler } from '../../machines/cpu/cpuScheduler.ts';
import { ganttFromTrace, type GanttSegment } from '../../machines/cpu/gantt.ts';
import { SLICE_EVENTS, type CallerStop, type ShouldStop } from '../runScenario.ts';
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

/** Default cap on the slices of a schedule (each bar of its Gantt chart, context switches too). */
export const DEFAULT_MAX_SLICES = 1_000_000;
/**
 * Engine events allowed per slice, a backstop: a slice costs about 3 (its end, the decision, a
 * switch end, an arrival), but a quantum renewed for a job alone on its core draws no bar and costs
 * 2, so a 1 ns quantum could otherwise run for ever without adding a slice.
 */
export const STEPS_PER_SLICE = 10;

export interface RunJobTableOptions {
  /** Stop after this many slices (default DEFAULT_MAX_SLICES), or STEPS_PER_SLICE times as many events. */
  maxSlices?: number;
  /**
   * Asked every SLICE_EVENTS engine events; a limit it names stops the run there (the command
   * line's --max-wall and --max-memory). Without it the run goes in one go.
   */
  shouldStop?: ShouldStop;
}

/** A run that stopped at a limit before every job completed: which, and when (ns). */
export interface JobTableStop {
  /** The slice or step limit, or a caller's limit ('wallLimit', 'memoryLimit'). */
  limit: 'slices' | 'steps' | Exclude<CallerStop, 'recordLimit'>;
  /** The limit reached: slices, or engine events for 'steps'; slices so far for a caller's. */
  count: number;
  at: number;
}

export interface JobTableRun {
  table: JobTable;
  /** Set when a limit stopped the run; the figures are then those of the jobs completed by `at`. */
  stopped?: JobTableStop;
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

/** Runs the table on a fresh simulator (scheduler node "cpu"), up to `options.maxSlices` slices. */
export function runJobTable(table: JobTable, options: RunJobTableOptions = {}): JobTableRun {
  const maxSlices = options.maxSlices ?? DEFAULT_MAX_SLICES;
  const sim = new Simulator();
  // A slice is a bar of the chart: a job running, or a switch that costs time. The run stops as
  // the slice after the last one allowed begins, so the chart holds maxSlices of them.
  let slices = 0;
  const sliceTypes =
    table.cpu.contextSwitch > 0 ? ['cpu.dispatch', 'cpu.switch'] : ['cpu.dispatch'];
  sim.trace.watch(sliceTypes, () => {
    if (++slices > maxSlices) sim.stop();
  });
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
  const result = runInSlices(sim, STEPS_PER_SLICE * maxSlices, options.shouldStop);
  const stopped: JobTableStop | undefined =
    result.reason === 'stopped'
      ? { limit: 'slices', count: maxSlices, at: sim.now() }
      : result.reason === 'maxEvents'
        ? { limit: 'steps', count: result.events, at: sim.now() }
        : result.reason === 'wallLimit' || result.reason === 'memoryLimit'
          ? { limit: result.reason, count: Math.min(slices, maxSlices), at: sim.now() }
          : undefined;
  // The CPU's figures run to the stop: a job still running is busy up to then.
  if (stopped)
    sim.record({ t: sim.now(), type: 'sim.end', reason: result.reason, events: result.events });
  const records = sim.trace.records;
  // Every figure from the trace; the schedule ends with its last completion (the textbooks').
  const ledger = foldRecords(cpuLedger(cpu.config.cores, { keepJobs: true }), records);
  const byId = new Map(ledger.jobs.map((j) => [j.id, j]));
  const jobs: JobResult[] = table.jobs.map((row) => {
    const m = byId.get(row.id) ?? notArrived(row, stopped);
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
  // Stopped short, the schedule so far ends where it stopped.
  const makespan = stopped ? stopped.at : Math.max(0, ledger.lastCompletion);
  const n = ledger.jobsCompleted;
  const none = stopped ? -1 : 0;
  return {
    table,
    records,
    ...(stopped ? { stopped } : {}),
    gantt: ganttFromTrace(records, 'cpu', stopped?.at),
    jobs,
    // Over the completed jobs; -1 ("not yet") when a stopped run completed none.
    averages: {
      waiting: n > 0 ? ledger.sumWaiting / n : none,
      turnaround: n > 0 ? ledger.sumTurnaround / n : none,
      response: n > 0 ? ledger.sumResponse / n : none,
    },
    utilization: makespan > 0 ? ledger.busyNs / (cpu.config.cores * makespan) : 0,
    makespan,
    throughputPerNs: makespan > 0 ? n / makespan : 0,
    contextSwitches: ledger.contextSwitches,
    preemptions: ledger.preemptions,
  };
}

/**
 * Runs `sim` up to `maxEvents` events; with `shouldStop`, in slices of SLICE_EVENTS, asking it
 * between them (slices change nothing else: the clock does not move between them).
 */
function runInSlices(
  sim: Simulator,
  maxEvents: number,
  shouldStop: ShouldStop | undefined,
): { reason: StopReason; events: number } {
  let events = 0;
  for (;;) {
    const left = maxEvents - events;
    const result = sim.run({ maxEvents: shouldStop ? Math.min(SLICE_EVENTS, left) : left });
    events += result.events;
    if (result.reason !== 'maxEvents' || events >= maxEvents) return { ...result, events };
    const limit = shouldStop?.() ?? null;
    if (limit !== null) return { reason: limit, events };
  }
}

/** A job that had not arrived when the run stopped: its figures all "not yet" (-1). */
function notArrived(row: JobTable['jobs'][number], stopped: JobTableStop | undefined): LedgerJob {
  if (!stopped) throw new Error(`job ${row.id} never arrived`);
  const not = { arrival: row.arrival, firstRun: -1, completion: -1, cpu: 0, io: 0 };
  return { id: row.id, priority: row.priority ?? 0, ...not };
}
