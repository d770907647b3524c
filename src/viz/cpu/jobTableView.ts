// The CPU scheduling exercise view: a job table run under a chosen policy, quantum and context
// switch (the same jobs re-run to compare policies), its figures in the table's own unit, and the
// per-job rows and summary lines a textbook exercise asks for. Pure functions, no DOM.

import type { CpuConfig, SchedulingPolicy } from '../../machines/cpu/cpuScheduler.ts';
import { UNIT_NS, type JobTable, type TimeUnit } from '../../sim/jobs/jobTable.ts';
import {
  runJobTable,
  type JobTableRun,
  type RunJobTableOptions,
} from '../../sim/jobs/runJobTable.ts';

/** The policies as a learner reads them (Silberschatz, Operating System Concepts, 5.3). */
export const POLICY_LABELS: Record<SchedulingPolicy, string> = {
  fcfs: 'First come, first served (FCFS)',
  sjf: 'Shortest job first (SJF)',
  srtf: 'Shortest remaining time first (SRTF)',
  priority: 'Priority, non-preemptive',
  priorityPreemptive: 'Priority, preemptive',
  rr: 'Round robin (RR)',
};

/**
 * The unit figures are shown in: the table's own. A table in ticks reads "ticks" (a tick is
 * simulated as 1 ms, but the learner's exercise has no unit), never "ms".
 */
export function unitLabel(unit: TimeUnit): string {
  return unit === 'us' ? 'µs' : unit;
}

/** Nanoseconds as a number of the table's unit, to 2 decimals: `5.67`. */
export function inUnit(ns: number, unit: TimeUnit): number {
  return Number((ns / UNIT_NS[unit]).toFixed(2));
}

/** Nanoseconds in the table's unit with its label: `5.67 ms`, `5.67 ticks`, `1 tick`. */
export function formatIn(ns: number, unit: TimeUnit): string {
  const n = inUnit(ns, unit);
  return `${n} ${unit === 'ticks' && n === 1 ? 'tick' : unitLabel(unit)}`;
}

/**
 * Labels for the Gantt chart's time axis in the table's unit, as many decimals as the step
 * between ticks needs: plain numbers for ticks (`0`, `4`, `7.5`), as textbook charts write them,
 * else with the unit (`10 ms`, `500 µs`).
 */
export function unitTickFormat(unit: TimeUnit): (ns: number, stepNs: number) => string {
  const per = UNIT_NS[unit];
  return (ns, stepNs) => {
    const decimals = Math.max(0, Math.ceil(-Math.log10(stepNs / per) - 1e-9));
    const n = Number((ns / per).toFixed(Math.min(decimals, 6)));
    return unit === 'ticks' ? String(n) : `${n} ${unitLabel(unit)}`;
  };
}

/** What the learner chose to change: numbers in the table's unit. */
export interface CpuChoice {
  policy: SchedulingPolicy;
  quantum: string;
  contextSwitch: string;
}

/** The table's own CPU settings as choices (numbers in its unit). */
export function choiceOf(table: JobTable): CpuChoice {
  return {
    policy: table.cpu.policy,
    quantum: String(inUnit(table.cpu.quantum, table.unit)),
    contextSwitch: String(inUnit(table.cpu.contextSwitch, table.unit)),
  };
}

/**
 * The table with the chosen CPU settings, or a message naming the bad field: a quantum must be
 * a number > 0, a context switch a number >= 0 (both in the table's unit).
 */
export function withChoice(
  table: JobTable,
  choice: CpuChoice,
): { ok: true; table: JobTable } | { ok: false; error: string } {
  const unit = unitLabel(table.unit);
  const number = (text: string): number => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN);
  const quantum = number(choice.quantum);
  if (!(quantum > 0))
    return { ok: false, error: `The quantum must be a number greater than 0 (in ${unit}).` };
  const contextSwitch = number(choice.contextSwitch);
  if (!(contextSwitch >= 0))
    return { ok: false, error: `The context switch must be a number of at least 0 (in ${unit}).` };
  const ns = UNIT_NS[table.unit];
  const cpu: CpuConfig = {
    ...table.cpu,
    policy: choice.policy,
    quantum: Math.max(1, Math.round(quantum * ns)),
    contextSwitch: Math.round(contextSwitch * ns),
  };
  return { ok: true, table: { ...table, cpu } };
}

/** One row of the per-job table, as text in the table's unit. */
export interface JobLine {
  id: string;
  arrival: string;
  burst: string;
  priority: string;
  completion: string;
  waiting: string;
  turnaround: string;
  response: string;
}

/** The summary of a run: averages, utilization, throughput, as label/value pairs. */
export interface JobReport {
  run: JobTableRun;
  lines: JobLine[];
  summary: { key: string; label: string; value: string }[];
}

/**
 * Runs the table and formats what the exercise asks for. A run stopped at its slice limit
 * (a 1 ns quantum, say) shows its figures so far, "not yet" for a job still to finish.
 */
export function jobReport(table: JobTable, options: RunJobTableOptions = {}): JobReport {
  const run = runJobTable(table, options);
  const u = table.unit;
  const f = (ns: number) => (ns < 0 ? 'not yet' : formatIn(ns, u));
  const lines = run.jobs.map((j) => ({
    id: j.id,
    arrival: f(j.arrival),
    burst: f(j.burst),
    priority: String(j.priority),
    completion: f(j.completion),
    waiting: f(j.waiting),
    turnaround: f(j.turnaround),
    response: f(j.response),
  }));
  const perUnit = Number((run.throughputPerNs * UNIT_NS[u]).toFixed(4));
  const summary = [
    { key: 'avg-waiting', label: 'Average waiting time', value: f(run.averages.waiting) },
    { key: 'avg-turnaround', label: 'Average turnaround time', value: f(run.averages.turnaround) },
    { key: 'avg-response', label: 'Average response time', value: f(run.averages.response) },
    {
      key: 'utilization',
      label: 'CPU utilization',
      value: `${Number((run.utilization * 100).toFixed(1))}%`,
    },
    {
      key: 'throughput',
      label: 'Throughput',
      value: `${perUnit} jobs/${u === 'ticks' ? 'tick' : unitLabel(u)}`,
    },
    run.stopped
      ? {
          key: 'makespan',
          label: `Stopped at (after ${run.stopped.count.toLocaleString('en-US')} ${run.stopped.limit === 'slices' ? 'slices' : 'steps'}, the limit)`,
          value: f(run.makespan),
        }
      : { key: 'makespan', label: 'All done at', value: f(run.makespan) },
    // Counted from the trace the chart is drawn from: each cpu.switch, even one costing no time.
    { key: 'switches', label: 'Context switches', value: String(run.contextSwitches) },
    { key: 'preemptions', label: 'Preemptions', value: String(run.preemptions) },
  ];
  return { run, lines, summary };
}
