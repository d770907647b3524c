// A job inside the CPU scheduler: the submitted JobSpec, which burst it is on and how much of it is
// left, and its place in the ready queue. Cores hold one in their machine's context. Its figures
// are folded from the trace (cpuLedger.ts).

import type { JobSpec } from './cpuConfig.ts';
import type { ReadyEntry } from './readyQueue.ts';

export interface CpuJob extends ReadyEntry {
  readonly spec: JobSpec;
  readonly id: string;
  readonly priority: number;
  /** The process whose context the job runs in (a core switches only between processes). */
  readonly process: string;
  /** Index into spec.bursts of the current CPU burst. */
  index: number;
  /** ns left of the current CPU burst (as of the last dispatch, slice end or preemption). */
  remaining: number;
}

/** Checks a submitted job's bursts; throws RangeError naming the job. */
export function checkJobSpec(spec: JobSpec): void {
  const b = spec.bursts;
  if (b.length % 2 !== 1)
    throw new RangeError(`job ${spec.id}: bursts must alternate CPU, I/O, ..., CPU (odd length)`);
  for (const x of b)
    if (!Number.isSafeInteger(x) || x < 0)
      throw new RangeError(`job ${spec.id}: bursts must be integers >= 0 ns, got ${x}`);
}

/** A new job, before its first CPU burst. */
export function newJob(spec: JobSpec): CpuJob {
  const priority = spec.priority ?? 0;
  const process = spec.process ?? spec.id;
  return { spec, id: spec.id, priority, process, index: 0, remaining: 0, key: 0, seq: 0 };
}
