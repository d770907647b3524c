// The CPU scheduler of a node at time t, from its cpu.* records: the Gantt chart cut at t (a job
// still running ends at t), the ready-queue length as a step series, per-core utilization, and
// per-job waiting, turnaround and response times. Pure functions of (records, t).

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { recordsWithPrefix } from '../../engine/traceRecords.ts';
import '../../machines/cpu/cpuTrace.ts';
import { cpuLedger, jobResponse, jobTurnaround, jobWaiting } from '../../machines/cpu/cpuLedger.ts';
import { ganttFromTrace, type GanttSegment } from '../../machines/cpu/gantt.ts';
import type { Points } from '../charts/index.ts';

export type { GanttSegment } from '../../machines/cpu/gantt.ts';

/** The cpu.* records of one node, in trace order. */
export function cpuRecords(records: TraceRecords, node: string): TraceRecord[] {
  return recordsWithPrefix(records, 'cpu.').filter((r) => 'node' in r && r.node === node);
}

/** Whether any cpu.* record names the node (it has a scheduler that did something). */
export function hasCpu(records: readonly TraceRecord[], node: string): boolean {
  return records.some((r) => r.type.startsWith('cpu.') && 'node' in r && r.node === node);
}

/**
 * The whole Gantt chart of a node, segments still open at the end of the records running on to
 * infinity; `ganttAt` cuts it at a time. Compute once per trace.
 */
export function fullGantt(records: readonly TraceRecord[], node: string): GanttSegment[] {
  return ganttFromTrace(records, node, Number.POSITIVE_INFINITY);
}

/** The segments begun by `t`, each ending at `min(end, t)`. */
export function ganttAt(full: readonly GanttSegment[], t: number): GanttSegment[] {
  const out: GanttSegment[] = [];
  for (const s of full) {
    if (s.start > t) continue;
    out.push(s.end <= t ? s : { ...s, end: t });
  }
  return out;
}

/** How many cores the chart needs: one more than the highest core index seen (at least 1). */
export function coreCount(records: readonly TraceRecord[]): number {
  let max = 0;
  for (const r of records)
    if ('core' in r && typeof r.core === 'number') max = Math.max(max, r.core);
  return max + 1;
}

/**
 * The ready-queue length as a step series: +1 when a job arrives or is preempted, -1 when a core
 * takes it (its cpu.switch, or its cpu.dispatch when no switch came first). One point per change,
 * the last of several at one instant winning.
 */
export function readyQueueSeries(cpu: readonly TraceRecord[]): Points {
  const points: Points = { t: [], v: [] };
  const switching = new Map<number, string>();
  let length = 0;
  for (const r of cpu) {
    let delta = 0;
    if (r.type === 'cpu.arrive' || r.type === 'cpu.preempt') delta = 1;
    else if (r.type === 'cpu.switch') {
      switching.set(r.core, r.job);
      delta = -1;
    } else if (r.type === 'cpu.dispatch') {
      if (switching.get(r.core) !== r.job) delta = -1;
      switching.delete(r.core);
    }
    if (delta === 0) continue;
    length = Math.max(0, length + delta);
    const n = points.t.length;
    if (n > 0 && points.t[n - 1] === r.t) points.v[n - 1] = length;
    else {
      points.t.push(r.t);
      points.v.push(length);
    }
  }
  return points;
}

/** The value of a step series at t (0 before its first point). */
export function stepValueAt(p: Points, t: number): number {
  let lo = 0;
  let hi = p.t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((p.t[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : (p.v[lo - 1] as number);
}

/**
 * Each core's utilization over [0, t]: time running jobs (context switches are overhead, not
 * counted) divided by t. `segments` are those of `ganttAt(full, t)`.
 */
export function utilizationAt(
  segments: readonly GanttSegment[],
  cores: number,
  t: number,
): number[] {
  const busy = new Array<number>(cores).fill(0);
  for (const s of segments) {
    if (s.kind !== 'run' || s.core >= cores) continue;
    busy[s.core] = (busy[s.core] as number) + Math.max(0, Math.min(s.end, t) - s.start);
  }
  return busy.map((b) => (t > 0 ? b / t : 0));
}

/** The cores running or switching to a job at t. */
export function busyCoresAt(full: readonly GanttSegment[], t: number): number {
  const cores = new Set<number>();
  for (const s of full) if (s.start <= t && t < s.end) cores.add(s.core);
  return cores.size;
}

/** One job's figures at t (ns; -1 where not yet known). */
export interface JobRow {
  job: string;
  arrival: number;
  firstRun: number;
  completion: number;
  cpu: number;
  io: number;
  /** completion - arrival. */
  turnaround: number;
  /** turnaround - CPU time - I/O time: time in the ready queue or being switched to. */
  waiting: number;
  /** first run - arrival. */
  response: number;
}

/**
 * Per-job figures from the records up to t (the CPU's ledger, as the run summary and job tables
 * fold it), in order of arrival; the textbook definitions
 * (Silberschatz, Operating System Concepts, 6.2): turnaround = completion - arrival, waiting =
 * time spent in the ready queue, response = first run - arrival. Only `finished` rows when asked.
 */
export function jobRows(cpu: readonly TraceRecord[], t: number, finished = false): JobRow[] {
  const ledger = cpuLedger(coreCount(cpu), { keepJobs: true });
  for (const r of cpu) {
    if (r.t > t) break;
    ledger.add(r);
  }
  const { jobs, running } = ledger.result();
  // A job running at t has had the CPU since its dispatch.
  const extra = new Map(running.map((r) => [r.job, t - r.since]));
  const rows = jobs.map((j): JobRow => {
    const done = j.completion >= 0;
    return {
      job: j.id,
      arrival: j.arrival,
      firstRun: j.firstRun,
      completion: j.completion,
      cpu: j.cpu + (extra.get(j.id) ?? 0),
      io: j.io,
      turnaround: done ? jobTurnaround(j) : -1,
      waiting: done ? jobWaiting(j) : -1,
      response: jobResponse(j),
    };
  });
  return finished ? rows.filter((j) => j.completion >= 0) : rows;
}

/** What one core is doing at t: its machine's state (cpuCoreMachine) and the job it holds. */
export interface CoreAt {
  state: 'idle' | 'switching' | 'running';
  job: string | null;
}

/**
 * Each core's state at t, lit from the trace the way its machine moved: a cpu.switch puts it in
 * switching, a cpu.dispatch in running, a preemption, a block or a completion back to idle (at
 * one instant the last record wins: a core that ends a burst and takes the next job runs).
 */
export function coreStatesAt(cpu: readonly TraceRecord[], cores: number, t: number): CoreAt[] {
  const states: CoreAt[] = Array.from({ length: cores }, () => ({ state: 'idle', job: null }));
  for (const r of cpu) {
    if (r.t > t) break;
    if (!('core' in r) || typeof r.core !== 'number' || r.core >= cores) continue;
    if (r.type === 'cpu.switch') states[r.core] = { state: 'switching', job: r.job };
    else if (r.type === 'cpu.dispatch') states[r.core] = { state: 'running', job: r.job };
    else if (r.type === 'cpu.preempt' || r.type === 'cpu.block' || r.type === 'cpu.complete')
      states[r.core] = { state: 'idle', job: null };
  }
  return states;
}
