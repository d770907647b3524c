// Trace records of the CPU scheduler: arrivals to the ready queue, context switches, dispatches,
// preemptions, I/O waits and completions. The Gantt chart and the per-job table are built from them.

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A job (or its next CPU burst, after I/O) entered the ready queue; `burst` is that burst in ns. */
    'cpu.arrive': { node: string; job: string; burst: number; priority: number };
    /**
     * A context switch to `job` started on `core` (its process differs from the last one the core
     * ran); it ends with `job`'s cpu.dispatch, at the same instant when switching costs nothing,
     * or with a cpu.preempt when a better job takes the core as the switch ends.
     */
    'cpu.switch': { node: string; core: number; job: string };
    /** `job` started running on `core`, with `remaining` ns of its current CPU burst left. */
    'cpu.dispatch': { node: string; core: number; job: string; remaining: number };
    /** `job` was taken off `core` (running, or as its switch ended) and put back in the ready queue. */
    'cpu.preempt': {
      node: string;
      core: number;
      job: string;
      remaining: number;
      reason: PreemptReason;
    };
    /** `job` finished a CPU burst and waits `io` ns for I/O. */
    'cpu.block': { node: string; core: number; job: string; io: number };
    /** `job`'s I/O finished (a cpu.arrive of its next burst follows). */
    'cpu.wake': { node: string; job: string };
    /** `job`'s last CPU burst finished on `core`. */
    'cpu.complete': { node: string; core: number; job: string };
  }
}

/** Why a running job lost its core: its quantum ran out, a higher priority or a shorter job came. */
export type PreemptReason = 'quantum' | 'priority' | 'shorter';

/** The CPU record types, for filters and tests. */
export const CPU_RECORD_TYPES = [
  'cpu.arrive',
  'cpu.switch',
  'cpu.dispatch',
  'cpu.preempt',
  'cpu.block',
  'cpu.wake',
  'cpu.complete',
] as const;
