// The scheduling policies as pure functions, with no simulator inside: a job's key in the ready
// queue, whether a ready job preempts a running one and which, quantum expiry, slice length, and
// when a core switches context. The conventions they follow are listed in cpuScheduler.ts.

import type { Nanos } from '../../engine/time.ts';
import type { SchedulingPolicy } from './cpuConfig.ts';
import type { PreemptReason } from './cpuTrace.ts';

/** True when a better ready job takes a running job's core (SRTF, preemptive priority). */
export function isPreemptive(policy: SchedulingPolicy): boolean {
  return policy === 'srtf' || policy === 'priorityPreemptive';
}

/** True when every job has the same key, so the ready queue is first-in first-out (FCFS, RR). */
export function isFifo(policy: SchedulingPolicy): boolean {
  return policy === 'fcfs' || policy === 'rr';
}

/**
 * A job's key under `policy`, lower first: what is left of its CPU burst (`remaining`) for SJF and
 * SRTF, its priority number for the priority policies, else 0. Among equal keys the ready queue
 * picks the job whose burst arrived first, then the one submitted first (a table's order); a
 * preempted job keeps its place by arrival. The key of a running job is the same function of what
 * it has left now.
 */
export function jobKey(policy: SchedulingPolicy, remaining: Nanos, priority: number): number {
  if (policy === 'sjf' || policy === 'srtf') return remaining;
  if (policy === 'priority' || policy === 'priorityPreemptive') return priority;
  return 0;
}

/**
 * Whether a ready job with key `readyKey` takes the core of a running job with key `runningKey`:
 * only under a preemptive policy, and only when strictly better (equal keys never preempt).
 */
export function preempts(policy: SchedulingPolicy, readyKey: number, runningKey: number): boolean {
  return isPreemptive(policy) && readyKey < runningKey;
}

/**
 * Which running job a better ready job would displace: the index of the largest key in
 * `runningKeys` (the worst running job), the lowest index among equals; null marks a core that is
 * not a candidate (idle, switching, or its slice just ended). -1 when there is none.
 */
export function victim(runningKeys: readonly (number | null)[]): number {
  let worst = -1;
  let worstKey = -Infinity;
  for (let i = 0; i < runningKeys.length; i++) {
    const key = runningKeys[i];
    if (key === null || key === undefined || !(key > worstKey)) continue;
    worst = i;
    worstKey = key;
  }
  return worst;
}

/** Why a better job took the core under a preemptive `policy`: a shorter burst, or a priority. */
export function preemptReason(policy: SchedulingPolicy): PreemptReason {
  return policy === 'srtf' ? 'shorter' : 'priority';
}

/**
 * Whether a job whose quantum expired goes back to the tail of the ready queue: only when more
 * jobs are ready than cores are idle, so someone would otherwise wait. Else it keeps its core.
 */
export function quantumGoesBack(readyJobs: number, idleCores: number): boolean {
  return readyJobs > idleCores;
}

/** How long a job runs before its core's timer fires: one quantum at most under RR, else all. */
export function sliceLength(policy: SchedulingPolicy, quantum: Nanos, remaining: Nanos): Nanos {
  return policy === 'rr' && quantum < remaining ? quantum : remaining;
}

/**
 * Whether a core switches context before running a job of `process`: only when it has run
 * something before (`lastProcess` is not null: the first job on a core has no context to save)
 * and that was another process. A process coming back after an idle gap, or after its own I/O,
 * to the core it last ran on needs no switch. What a switch costs is the CPU's contextSwitch time,
 * which may be 0: the switch still happens (and is counted), it takes no time.
 */
export function isContextSwitch(process: string, lastProcess: string | null): boolean {
  return lastProcess !== null && process !== lastProcess;
}
