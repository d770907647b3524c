// A scenario run cut into slices of events, so a Web Worker can post records and progress between
// slices. It gives exactly the trace and summary of runScenario (the core's ScenarioSlices does the
// stepping), and stops between slices at the page's own limits: its record budget (memory) and its
// time limit (real time, read from a clock the caller may pass). With less detail it keeps only the
// packet records (PACKET_RECORD_TYPES) and its summary, folded live, is the one to show.

import type { Trace, TraceRecord } from '../../engine/trace.ts';
import { deltaCursor, type TraceStoreDelta } from '../../engine/traceStoreDelta.ts';
import {
  kindsLoaded,
  loadKinds,
  ScenarioSlices,
  SLICE_EVENTS,
  type CallerStop,
  type RunSummary,
  type Scenario,
  type Simulation,
} from '../../sim/index.ts';
import { PACKET_RECORD_TYPES, packedRecords } from '../../viz/trace/index.ts';
import type { WorkerMessage } from './messages.ts';
import { traceSha256 } from './traceHash.ts';

export { SLICE_EVENTS } from '../../sim/index.ts';

import { DEFAULT_MAX_RECORDS, type RunDetail } from './runLimits.ts';
export { DEFAULT_MAX_RECORDS, type RunDetail } from './runLimits.ts';

export interface SlicedRunOptions {
  seed: number;
  /** Stop after this many events in all (runScenario's maxEvents). */
  maxEvents?: number;
  /** Stop once this many records are kept (the page's memory budget). */
  maxRecords?: number;
  /** Stop once the run has taken this much real time, in ms, from its build (default: none). */
  maxWallMs?: number;
  /** Real time in ms, for the time limit (default performance.now; tests pass their own). */
  clock?: () => number;
  /** Keep every record (default) or only packet records. */
  detail?: RunDetail;
}

/**
 * Trace records a run in the page may make by default: the page's memory limit, counted in
 * records. The page keeps a packed copy of the trace, its index and its narration (about 220 bytes
 * a record in all) and the worker its own packed trace and the simulation. Measured in Chromium
 * (`npm run bench -- browser`, the database example for 300 s, until the log has told it all):
 * the renderer grew by about 570 MB at 500,000 records, 730 MB at 1,000,000 and 880 MB at
 * 1,500,000, and the page's JS heap peaked at 75, 119 and 165 MB. At 1,000,000 the renderer
 * grows as much as it did at 500,000 when every record was an object in the page (718 MB).
 */

/** Builds a scenario and runs it a slice at a time; `records()` hands out what is new. */
export class SlicedRun {
  readonly simulation: Simulation;
  readonly maxRecords: number;
  readonly maxWallMs: number;
  readonly detail: RunDetail;
  private readonly slices: ScenarioSlices;
  private readonly clock: () => number;
  private readonly started: number;
  /** With less detail, the records kept (packed); else the simulation's own trace. */
  private readonly kept: Trace;
  /** How much of the kept records `delta()` has handed out. */
  private readonly cursor = deltaCursor();

  constructor(scenario: Scenario, options: SlicedRunOptions) {
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.maxWallMs = options.maxWallMs ?? Infinity;
    this.detail = options.detail ?? 'full';
    this.clock = options.clock ?? (() => performance.now());
    this.started = this.clock();
    const keep = new Set<string>(PACKET_RECORD_TYPES);
    const kept = packedRecords();
    const packetsOnly = {
      trace: false,
      onRecord: (record: TraceRecord) => {
        if (keep.has(record.type)) kept.append(record);
      },
    };
    this.slices = new ScenarioSlices(scenario, {
      seed: options.seed,
      ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
      ...(this.detail === 'packets' ? packetsOnly : {}),
    });
    this.simulation = this.slices.simulation;
    this.kept = this.detail === 'packets' ? kept : this.simulation.sim.trace;
  }

  /** The simulated time limit (ns). */
  get until(): number {
    return this.slices.until;
  }

  get maxEvents(): number {
    return this.slices.maxEvents;
  }

  /** Events processed so far. */
  get events(): number {
    return this.slices.events;
  }

  /** Simulated time reached so far. */
  get now(): number {
    return this.slices.now;
  }

  /** Records kept so far (handed out or not). */
  get recordCount(): number {
    return this.kept.length;
  }

  /** The summary once the run is over (its trace records: those kept), else null. */
  get summary(): RunSummary | null {
    const summary = this.slices.summary;
    return summary && { ...summary, traceRecords: this.recordCount };
  }

  get done(): boolean {
    return this.slices.summary !== null;
  }

  /**
   * Runs up to `sliceEvents` more events; returns true when the whole run is over. The page's
   * limits are checked between slices, so a run may pass its budget by one slice's records.
   */
  step(sliceEvents = SLICE_EVENTS): boolean {
    return this.slices.step(sliceEvents, () => this.limitReached());
  }

  private limitReached(): CallerStop | null {
    if (this.recordCount >= this.maxRecords) return 'recordLimit';
    if (this.clock() - this.started >= this.maxWallMs) return 'wallLimit';
    return null;
  }

  /** Records kept and not yet handed out by `delta()`. */
  get pendingRecords(): number {
    return this.kept.length - this.cursor.records;
  }

  /**
   * The records kept since the last call, packed (`TraceStoreDelta`): the page applies it to its
   * copy (`packedRecords().applyDelta`), so no record travels as an object.
   */
  delta(): TraceStoreDelta {
    return this.kept.delta(this.cursor);
  }
}

/** The `done` message of a run that is over, with its summary (null while it is not over). */
export function doneMessage(run: SlicedRun): WorkerMessage | null {
  const summary = run.summary;
  return summary ? { type: 'done', summary } : null;
}

/** The `fingerprint` message of a run over that kept every record, else null. */
export function fingerprintMessage(run: SlicedRun): WorkerMessage | null {
  if (!run.done || run.detail !== 'full') return null;
  const trace = run.simulation.sim.trace;
  return { type: 'fingerprint', hex: traceSha256(trace.length, (i) => trace.get(i)) };
}

/** Whether the worker has more to say after `message`: a fingerprint follows a full run's done. */
export function moreAfter(message: WorkerMessage, detail: RunDetail | undefined): boolean {
  return message.type === 'progress' || (message.type === 'done' && (detail ?? 'full') === 'full');
}

/**
 * Calls `then` once the behaviours of the scenario's kinds are loaded: at once (before returning)
 * when they are, else after loading them (kindBehaviours.ts); `fail` hears a failed load.
 */
export function whenKindsLoaded(
  scenario: Scenario,
  then: () => void,
  fail: (message: string) => void,
): void {
  if (kindsLoaded(scenario)) return then();
  loadKinds(scenario).then(then, (error: unknown) => fail(kindsFailed(error)));
}

/** What a run says when its kinds' code could not be loaded (a dropped connection, mostly). */
export function kindsFailed(error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `the code for this scenario's apps could not be loaded (${why}): is the connection down? Try again.`;
}
