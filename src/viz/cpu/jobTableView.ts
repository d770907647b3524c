// The CPU scheduling exercise view: a job table run under a chosen policy, quantum and context
// switch (the same jobs re-run to compare policies), its figures in the table's own unit, and the
// per-job rows and summary lines a textbook exercise asks for, in a language (cpuPhrases.ts).
// Pure functions, no DOM.

import { ENGLISH, formatNumber, type Language } from '../../engine/language.ts';

import type { CpuConfig, SchedulingPolicy } from '../../machines/cpu/cpuScheduler.ts';
import { UNIT_NS, type JobTable, type TimeUnit } from '../../sim/jobs/jobTable.ts';
import {
  runJobTable,
  type JobTableRun,
  type RunJobTableOptions,
} from '../../sim/jobs/runJobTable.ts';
import { cpuPhrases } from './cpuPhrases.ts';

/** The policies as a learner reads them (Silberschatz, Operating System Concepts, 5.3). */
export const POLICY_LABELS: Record<SchedulingPolicy, string> = {
  fcfs: 'First come, first served (FCFS)',
  sjf: 'Shortest job first (SJF)',
  srtf: 'Shortest remaining time first (SRTF)',
  priority: 'Priority, non-preemptive',
  priorityPreemptive: 'Priority, preemptive',
  rr: 'Round robin (RR)',
};

/** A policy's name in `language`: `Round robin (RR)`, `Round Robin (RR)`. */
export function policyLabel(policy: SchedulingPolicy, language: Language = ENGLISH): string {
  return cpuPhrases.in(language).say(`policy.${policy}`);
}

/** A figure with up to `decimals` decimals, the language's decimal sign, no grouping. */
function figure(n: number, language: Language, decimals = 2): string {
  return language === ENGLISH
    ? String(n)
    : formatNumber(language, n, { maximumFractionDigits: decimals, useGrouping: false });
}

/**
 * The unit figures are shown in: the table's own. A table in ticks reads "ticks" (a tick is
 * simulated as 1 ms, but the learner's exercise has no unit), never "ms".
 */
export function unitLabel(unit: TimeUnit, language: Language = ENGLISH): string {
  if (unit === 'ticks') return cpuPhrases.in(language).say('unit.ticks');
  return unit === 'us' ? 'µs' : unit;
}

/** Nanoseconds as a number of the table's unit, to 2 decimals: `5.67`. */
export function inUnit(ns: number, unit: TimeUnit): number {
  return Number((ns / UNIT_NS[unit]).toFixed(2));
}

/** Nanoseconds in the table's unit with its label: `5.67 ms`, `5.67 ticks`, `1 tick`. */
export function formatIn(ns: number, unit: TimeUnit, language: Language = ENGLISH): string {
  const n = inUnit(ns, unit);
  const word =
    unit === 'ticks' && n === 1
      ? cpuPhrases.in(language).say('unit.tick')
      : unitLabel(unit, language);
  return `${figure(n, language)} ${word}`;
}

/**
 * Labels for the Gantt chart's time axis in the table's unit, as many decimals as the step
 * between ticks needs: plain numbers for ticks (`0`, `4`, `7.5`), as textbook charts write them,
 * else with the unit (`10 ms`, `500 µs`).
 */
export function unitTickFormat(
  unit: TimeUnit,
  language: Language = ENGLISH,
): (ns: number, stepNs: number) => string {
  const per = UNIT_NS[unit];
  return (ns, stepNs) => {
    const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(stepNs / per) - 1e-9)));
    const n = figure(Number((ns / per).toFixed(decimals)), language, decimals);
    return unit === 'ticks' ? n : `${n} ${unitLabel(unit)}`;
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
  language: Language = ENGLISH,
): { ok: true; table: JobTable } | { ok: false; error: string } {
  const { say } = cpuPhrases.in(language);
  const unit = unitLabel(table.unit, language);
  // Outside English a decimal comma is read too (German writes 0,5).
  const number = (typed: string): number => {
    const text = language === ENGLISH ? typed : typed.replace(',', '.');
    return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  };
  const quantum = number(choice.quantum);
  if (!(quantum > 0)) return { ok: false, error: say('error.quantum', { unit }) };
  const contextSwitch = number(choice.contextSwitch);
  if (!(contextSwitch >= 0)) return { ok: false, error: say('error.contextSwitch', { unit }) };
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
export function jobReport(
  table: JobTable,
  options: RunJobTableOptions = {},
  language: Language = ENGLISH,
): JobReport {
  const { say } = cpuPhrases.in(language);
  const run = runJobTable(table, options);
  const u = table.unit;
  const f = (ns: number) => (ns < 0 ? say('jobs.notYet') : formatIn(ns, u, language));
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
  const percent = figure(Number((run.utilization * 100).toFixed(1)), language, 1);
  const per = u === 'ticks' ? say('unit.tick') : unitLabel(u);
  const stopped = run.stopped;
  const summary = [
    { key: 'avg-waiting', label: say('jobs.avgWaiting'), value: f(run.averages.waiting) },
    { key: 'avg-turnaround', label: say('jobs.avgTurnaround'), value: f(run.averages.turnaround) },
    { key: 'avg-response', label: say('jobs.avgResponse'), value: f(run.averages.response) },
    { key: 'utilization', label: say('jobs.utilization'), value: say('jobs.percent', { percent }) },
    {
      key: 'throughput',
      label: say('jobs.throughput'),
      value: say('jobs.perUnit', { count: figure(perUnit, language, 4), unit: per }),
    },
    stopped
      ? {
          key: 'makespan',
          label: say(stopped.limit === 'slices' ? 'jobs.stoppedSlices' : 'jobs.stoppedSteps', {
            count: stopped.count,
          }),
          value: f(run.makespan),
        }
      : { key: 'makespan', label: say('jobs.allDone'), value: f(run.makespan) },
    // Counted from the trace the chart is drawn from: each cpu.switch, even one costing no time.
    { key: 'switches', label: say('jobs.switches'), value: String(run.contextSwitches) },
    { key: 'preemptions', label: say('jobs.preemptions'), value: String(run.preemptions) },
  ];
  return { run, lines, summary };
}
