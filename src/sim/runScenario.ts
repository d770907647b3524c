// Runs a scenario headless: build, run to the time limit, summarise. Used by the CLI, the tests
// and the browser alike, so all three see the same trace for the same scenario and seed. A run may
// go in slices of events (`ScenarioSlices`), so that its caller can stop it between slices at a
// limit of its own (real time, memory): the core never reads a clock, the caller's `shouldStop`
// does. Slices change nothing else: the same `run({ until, maxEvents })` steps without advancing
// the clock between them, so the trace is byte for byte the one of a run in one go.

import type { RunResult, StopReason } from '../engine/simulator.ts';
import { buildSimulation, type BuildOptions, type Simulation } from './buildSimulation.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import type { RunSummary } from './summary/runSummary.ts';

/** Default simulated time limit when the scenario gives none. */
export const DEFAULT_UNTIL_NS = 60_000_000_000;
import { DEFAULT_MAX_EVENTS } from './scenario/defaults.ts';
/** Events per slice by default when a caller checks limits between slices: a few ms of work. */
export const SLICE_EVENTS = 5000;

/** Why a caller stops a run between slices: a limit of its own, not the simulation's. */
export type CallerStop = Extract<StopReason, 'recordLimit' | 'wallLimit' | 'memoryLimit'>;

/** Asked between slices: the limit the caller has reached, or null to go on. */
export type ShouldStop = () => CallerStop | null;

export interface RunScenarioOptions extends BuildOptions {
  /** Overrides the scenario's time limit (ns). */
  until?: number;
  maxEvents?: number;
  /**
   * Asked between slices of `sliceEvents` events; a limit it names ends the run there, with that
   * reason in `sim.end`. Without it the run goes in one slice.
   */
  shouldStop?: ShouldStop;
  /** Events per slice when `shouldStop` is given (default SLICE_EVENTS). */
  sliceEvents?: number;
}

export interface ScenarioRun {
  simulation: Simulation;
  result: RunResult;
  summary: RunSummary;
}

/** Builds and runs a validated scenario to its time limit (or a limit that stops it earlier). */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioRun {
  const run = new ScenarioSlices(scenario, options);
  const slice = options.shouldStop ? (options.sliceEvents ?? SLICE_EVENTS) : Infinity;
  while (!run.step(slice, options.shouldStop));
  const { simulation } = run;
  const result = { reason: run.reason as StopReason, events: run.events, now: run.now };
  return { simulation, result, summary: run.summary as RunSummary };
}

/** The summary of a simulation after a run (or at any moment of it): its figures so far. */
export function summarise(simulation: Simulation): RunSummary {
  return simulation.figures.result(simulation.sim.trace.length);
}

/** A built scenario run a slice of events at a time; `sim.end` is recorded when it is over. */
export class ScenarioSlices {
  readonly simulation: Simulation;
  /** The simulated time limit (ns) and the cap on events of the whole run. */
  readonly until: number;
  readonly maxEvents: number;
  /** Events processed so far. */
  events = 0;
  /** Why the run ended, once it has. */
  reason: StopReason | null = null;
  /** The summary once the run is over, else null. */
  summary: RunSummary | null = null;

  constructor(scenario: Scenario, options: RunScenarioOptions = {}) {
    this.simulation = buildSimulation(scenario, options);
    this.until = options.until ?? scenario.until ?? DEFAULT_UNTIL_NS;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  }

  /** Simulated time reached so far. */
  get now(): number {
    return this.simulation.sim.now();
  }

  /**
   * Runs up to `sliceEvents` more events; returns true when the whole run is over. A slice that
   * ends on its own budget leaves the run going, unless `shouldStop` names a limit reached.
   */
  step(sliceEvents = SLICE_EVENTS, shouldStop?: ShouldStop): boolean {
    if (this.summary) return true;
    const { sim } = this.simulation;
    const result = sim.run({
      until: this.until,
      maxEvents: Math.min(sliceEvents, this.maxEvents - this.events),
    });
    this.events += result.events;
    let reason: StopReason = result.reason;
    if (reason === 'maxEvents' && this.events < this.maxEvents) {
      const limit = shouldStop?.() ?? null;
      if (limit === null) return false;
      reason = limit;
    }
    this.end(reason);
    return true;
  }

  /** Ends the run now with `reason`: records `sim.end` and sums up. */
  private end(reason: StopReason): void {
    const { sim } = this.simulation;
    sim.record({ t: sim.now(), type: 'sim.end', reason, events: this.events });
    this.reason = reason;
    this.summary = summarise(this.simulation);
  }
}
