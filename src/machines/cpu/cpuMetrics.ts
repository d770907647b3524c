// Figures of a CPU scheduler's run: per job (arrival, first run, completion, CPU and I/O time) and
// aggregate (busy time per core, ready-queue length), with the textbook summary measures.

import { NS_PER_S, type Nanos } from '../../engine/time.ts';

/** One job's figures; -1 means "not yet" (never ran, not completed). */
export interface JobMetrics {
  id: string;
  priority: number;
  arrival: Nanos;
  firstRun: Nanos;
  completion: Nanos;
  /** CPU time received so far (all bursts). */
  cpuTotal: Nanos;
  /** I/O time waited so far. */
  ioTotal: Nanos;
}

/**
 * A scheduler's live figures, as a plain object. `busyNs` counts time spent running jobs (context
 * switches are overhead, counted in `switchNs`). Sums cover completed jobs only.
 */
export interface CpuMetrics {
  node: string;
  cores: number;
  /** Simulated time the scheduler was created: the start of the utilization window. */
  startedAt: Nanos;
  jobsSubmitted: number;
  jobsCompleted: number;
  busyNs: number[];
  switchNs: number[];
  contextSwitches: number;
  preemptions: number;
  /** Per-job figures in submission order (empty when the scheduler was told not to keep them). */
  jobs: JobMetrics[];
  sumWaiting: number;
  sumTurnaround: number;
  sumResponse: number;
  /** Time of the last completion (-1 before any). */
  lastCompletion: Nanos;
  readyLength: number;
  maxReady: number;
  /** Integral of the ready-queue length over time, up to `readyChangedAt`. */
  readyArea: number;
  readyChangedAt: Nanos;
}

/** Turnaround = completion - arrival (-1 while running). */
export function jobTurnaround(job: JobMetrics): number {
  return job.completion < 0 ? -1 : job.completion - job.arrival;
}

/** Waiting = turnaround - CPU time - I/O time: time spent in the ready queue or being switched to. */
export function jobWaiting(job: JobMetrics): number {
  return job.completion < 0 ? -1 : job.completion - job.arrival - job.cpuTotal - job.ioTotal;
}

/** Response = first run - arrival (-1 before the first run). */
export function jobResponse(job: JobMetrics): number {
  return job.firstRun < 0 ? -1 : job.firstRun - job.arrival;
}

/** The summary measures of a run. Times in ns; throughput in jobs per simulated second. */
export interface CpuSummary {
  jobsCompleted: number;
  avgWaiting: number;
  avgTurnaround: number;
  avgResponse: number;
  /** Busy time / (cores x window); the window runs from `startedAt` to `end`. */
  utilization: number;
  throughputPerSecond: number;
  maxReady: number;
  avgReady: number;
  /** The end of the window used. */
  end: Nanos;
}

/**
 * Summarises the metrics over [startedAt, end]; `end` defaults to the last completion, which is
 * what textbook exercises mean by "the schedule".
 */
export function summarizeCpu(m: CpuMetrics, end: Nanos = m.lastCompletion): CpuSummary {
  const span = Math.max(0, end - m.startedAt);
  const n = m.jobsCompleted;
  const busy = m.busyNs.reduce((a, b) => a + b, 0);
  const readyArea = m.readyArea + m.readyLength * Math.max(0, end - m.readyChangedAt);
  return {
    jobsCompleted: n,
    avgWaiting: n > 0 ? m.sumWaiting / n : 0,
    avgTurnaround: n > 0 ? m.sumTurnaround / n : 0,
    avgResponse: n > 0 ? m.sumResponse / n : 0,
    utilization: span > 0 ? busy / (m.cores * span) : 0,
    throughputPerSecond: span > 0 ? (n * NS_PER_S) / span : 0,
    maxReady: m.maxReady,
    avgReady: span > 0 ? readyArea / span : 0,
    end,
  };
}

/** Records a change of the ready-queue length at `now` (for its maximum and time average). */
export function noteReadyLength(m: CpuMetrics, now: Nanos, delta: number): void {
  m.readyArea += m.readyLength * (now - m.readyChangedAt);
  m.readyChangedAt = now;
  m.readyLength += delta;
  if (m.readyLength > m.maxReady) m.maxReady = m.readyLength;
}

/** Records a job's completion at `now` into its figures and the sums. */
export function noteCompletion(m: CpuMetrics, job: JobMetrics, now: Nanos): void {
  job.completion = now;
  m.jobsCompleted++;
  m.lastCompletion = now;
  const turnaround = now - job.arrival;
  m.sumTurnaround += turnaround;
  m.sumWaiting += turnaround - job.cpuTotal - job.ioTotal;
  m.sumResponse += job.firstRun - job.arrival;
}
