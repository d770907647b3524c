// The discrete-event simulator: simulated time, the event queue, random streams and the trace.
// Small on purpose (SimPy's idea): everything else is built from schedule, cancel and the trace.

import { EventQueue, type EventId } from './eventQueue.ts';
import { RandomStreams } from './random.ts';
import { Trace, type TraceRecord } from './trace.ts';
import { createSimulatedClock, type SimulatedClock } from './xstateClock.ts';
import type { Nanos } from './time.ts';

export type { EventId } from './eventQueue.ts';

/** Options for `run`. */
export interface RunOptions {
  /** Process events with time <= until, then advance the clock to `until`. */
  until?: Nanos;
  /** Stop after this many events (a guard against runaway scenarios). */
  maxEvents?: number;
}

/**
 * Why a run ended. `run` itself returns the first four; the others are a caller stopping a run
 * between slices at a limit of its own: `recordLimit` when its trace reached the memory it may use
 * (the page's record budget), `wallLimit` at a limit of real (wall-clock) time, `memoryLimit` at a
 * limit of the process's resident memory (the command line's --max-memory).
 */
export type StopReason =
  'empty' | 'until' | 'maxEvents' | 'stopped' | 'recordLimit' | 'wallLimit' | 'memoryLimit';

export interface RunResult {
  reason: StopReason;
  /** Events processed by this call. */
  events: number;
  /** Simulated time when the call returned. */
  now: Nanos;
}

export interface SimulatorOptions {
  seed?: number;
  /** Record the trace (default true). Off only for benchmarks and bulk statistics. */
  trace?: boolean;
}

/** A deterministic discrete-event simulator on integer-nanosecond time. */
export class Simulator {
  readonly trace: Trace;
  readonly random: RandomStreams;
  /** Pass as `createActor(machine, { clock: sim.clock })` to run XState on simulated time. */
  readonly clock: SimulatedClock;
  private readonly queue = new EventQueue();
  private time: Nanos = 0;
  private processed = 0;
  private stopRequested = false;

  constructor(options: SimulatorOptions = {}) {
    this.random = new RandomStreams(options.seed ?? 0);
    this.trace = new Trace(options.trace ?? true);
    this.clock = createSimulatedClock(this);
  }

  /** Current simulated time in ns. */
  now(): Nanos {
    return this.time;
  }

  /** Events processed since the simulator was created. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events waiting in the queue. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or Infinity. */
  nextEventTime(): Nanos {
    return this.queue.peekTime();
  }

  /** Schedules `handler(arg)` to run `delay` ns from now. Ties run in the order scheduled. */
  schedule<A>(delay: Nanos, handler: (arg: A) => void, arg?: A): EventId {
    if (!Number.isSafeInteger(delay) || delay < 0) {
      throw new RangeError(`delay must be a non-negative integer number of ns, got ${delay}`);
    }
    return this.queue.push(this.time + delay, handler as (arg: unknown) => void, arg);
  }

  /** Schedules `handler(arg)` at absolute time `time` (not in the past). */
  scheduleAt<A>(time: Nanos, handler: (arg: A) => void, arg?: A): EventId {
    if (!Number.isSafeInteger(time) || time < this.time) {
      throw new RangeError(`time must be an integer >= now (${this.time}), got ${time}`);
    }
    return this.queue.push(time, handler as (arg: unknown) => void, arg);
  }

  /** Cancels a pending event; false if it already ran or was cancelled. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** True while the event is still pending. */
  isPending(id: EventId): boolean {
    return this.queue.isPending(id);
  }

  /** Appends a trace record; callers stamp it with `t: sim.now()`. */
  record(record: TraceRecord): void {
    this.trace.append(record);
  }

  /** Runs exactly one event. Returns false when there was none. */
  step(): boolean {
    const handler = this.queue.pop();
    if (handler === undefined) return false;
    this.time = this.queue.poppedTime;
    this.processed++;
    handler(this.queue.poppedArg);
    return true;
  }

  /** Asks a running `run` to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Processes events until the queue empties, `until` passes, `maxEvents` or `stop()`. */
  run(options: RunOptions = {}): RunResult {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    if (until !== Infinity && (!Number.isSafeInteger(until) || until < this.time)) {
      throw new RangeError(`until must be an integer >= now (${this.time}), got ${until}`);
    }
    this.stopRequested = false;
    const queue = this.queue;
    let events = 0;
    let reason: StopReason = 'empty';
    for (;;) {
      if (this.stopRequested) {
        reason = 'stopped';
        break;
      }
      if (events >= maxEvents) {
        reason = 'maxEvents';
        break;
      }
      const next = queue.peekTime();
      if (next === Infinity) break;
      if (next > until) {
        reason = 'until';
        break;
      }
      const handler = queue.pop() as (arg: unknown) => void;
      this.time = queue.poppedTime;
      events++;
      this.processed++;
      handler(queue.poppedArg);
    }
    if (until !== Infinity && (reason === 'until' || reason === 'empty')) {
      this.time = until;
      reason = 'until';
    }
    return { reason, events, now: this.time };
  }
}
