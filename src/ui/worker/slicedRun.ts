// A scenario run cut into slices of events, so a Web Worker can post records and progress between
// slices. It gives exactly the trace and summary of runScenario: the same build, the same
// `run({ until, maxEvents })` steps without advancing the clock between them, the same `sim.end`.

import type { TraceRecord } from '../../engine/trace.ts';
import {
  DEFAULT_MAX_EVENTS,
  DEFAULT_UNTIL_NS,
  buildSimulation,
  summarise,
  type RunSummary,
  type Scenario,
  type Simulation,
} from '../../sim/index.ts';

export interface SlicedRunOptions {
  seed: number;
  /** Stop after this many events in all (runScenario's maxEvents). */
  maxEvents?: number;
  /** Stop once the trace holds this many records (the page's memory budget). */
  maxRecords?: number;
}

/** Events per slice by default: a few milliseconds of work. */
export const SLICE_EVENTS = 5000;

/**
 * Trace records a run in the page may make by default. The page holds each record as an object
 * (with its packet) and the worker holds them too: measured in Chromium (`npm run bench --
 * browser`, the database example for 300 s), the renderer grew by about 400 MB at 500,000 records
 * (650 MB at 1,000,000), so this keeps a tab within a 500 MB budget.
 */
export const DEFAULT_MAX_RECORDS = 500_000;

/** Builds a scenario and runs it a slice at a time; `records()` hands out what is new. */
export class SlicedRun {
  readonly simulation: Simulation;
  readonly until: number;
  readonly maxEvents: number;
  readonly maxRecords: number;
  /** Events processed so far. */
  events = 0;
  /** The summary once the run is over, else null. */
  summary: RunSummary | null = null;
  private taken = 0;

  constructor(scenario: Scenario, options: SlicedRunOptions) {
    this.simulation = buildSimulation(scenario, { seed: options.seed });
    this.until = scenario.until ?? DEFAULT_UNTIL_NS;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  }

  /** Simulated time reached so far. */
  get now(): number {
    return this.simulation.sim.now();
  }

  get done(): boolean {
    return this.summary !== null;
  }

  /** Runs up to `sliceEvents` more events; returns true when the whole run is over. */
  step(sliceEvents = SLICE_EVENTS): boolean {
    if (this.summary) return true;
    const { sim } = this.simulation;
    const result = sim.run({
      until: this.until,
      maxEvents: Math.min(sliceEvents, this.maxEvents - this.events),
    });
    this.events += result.events;
    // A slice ends on its own event budget; the run goes on unless that was the whole budget,
    // or the trace has reached the records it may hold (checked between slices, so a run may
    // pass its budget by one slice's records).
    const full = sim.trace.length >= this.maxRecords;
    if (result.reason === 'maxEvents' && this.events < this.maxEvents && !full) return false;
    const reason =
      full && result.reason === 'maxEvents' && this.events < this.maxEvents
        ? 'recordLimit'
        : result.reason;
    sim.record({ t: sim.now(), type: 'sim.end', reason, events: this.events });
    this.summary = summarise(this.simulation);
    return true;
  }

  /** Records appended and not yet handed out by `records()`. */
  get pendingRecords(): number {
    return this.simulation.sim.trace.length - this.taken;
  }

  /** The records appended since the last call, as `trace.records` builds them. */
  records(): TraceRecord[] {
    const trace = this.simulation.sim.trace;
    const out: TraceRecord[] = [];
    for (let i = this.taken; i < trace.length; i++) out.push(trace.get(i));
    this.taken = trace.length;
    return out;
  }
}
