// The CPU scheduler's configuration and job description: policies, cores, quantum, context-switch
// cost, and the JobSpec applications submit (see cpuScheduler.ts for the scheduling rules).

import { NS_PER_MS, type Nanos } from '../../engine/time.ts';

export type SchedulingPolicy = 'fcfs' | 'sjf' | 'srtf' | 'priority' | 'priorityPreemptive' | 'rr';

export const SCHEDULING_POLICIES: readonly SchedulingPolicy[] = [
  'fcfs',
  'sjf',
  'srtf',
  'priority',
  'priorityPreemptive',
  'rr',
];

export interface CpuConfig {
  cores: number;
  policy: SchedulingPolicy;
  /** Round-robin time slice in ns (rr only). */
  quantum: Nanos;
  /** Time a core spends switching to a different job, in ns. */
  contextSwitch: Nanos;
}

/** 1 core, FCFS, 10 ms quantum, no context-switch cost. */
export const DEFAULT_CPU_CONFIG: CpuConfig = {
  cores: 1,
  policy: 'fcfs',
  quantum: 10 * NS_PER_MS,
  contextSwitch: 0,
};

export interface JobSpec {
  /** Shown in the Gantt chart, e.g. "P1" or "worker-2#17". */
  id: string;
  /** Alternating CPU, I/O, CPU, ... in ns (odd length, CPU first and last); each >= 0. */
  bursts: Nanos[];
  /**
   * The process (or thread) whose context the job runs in: a core switches context only to
   * another process. Default: the job's id (each job is its own process, as in a job table).
   */
  process?: string;
  /** Lower number = higher priority (Silberschatz convention); default 0. */
  priority?: number;
  /** Runs when the last CPU burst completes. */
  onDone?: () => void;
}

/** Checks a complete configuration; throws RangeError naming the bad field. */
export function checkCpuConfig(c: CpuConfig): CpuConfig {
  if (!Number.isSafeInteger(c.cores) || c.cores < 1)
    throw new RangeError(`cores must be an integer >= 1, got ${c.cores}`);
  if (!SCHEDULING_POLICIES.includes(c.policy))
    throw new RangeError(`unknown scheduling policy "${String(c.policy)}"`);
  if (!Number.isSafeInteger(c.quantum) || c.quantum <= 0)
    throw new RangeError(`quantum must be an integer number of ns > 0, got ${c.quantum}`);
  if (!Number.isSafeInteger(c.contextSwitch) || c.contextSwitch < 0)
    throw new RangeError(
      `contextSwitch must be an integer number of ns >= 0, got ${c.contextSwitch}`,
    );
  return c;
}
