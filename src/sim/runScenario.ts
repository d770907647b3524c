// Runs a scenario headless: build, run to the time limit, summarise. Used by the CLI, the tests
// and the browser alike, so all three see the same trace for the same scenario and seed.

import type { RunResult } from '../engine/simulator.ts';
import { buildSimulation, type BuildOptions, type Simulation } from './buildSimulation.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import type { RunSummary } from './summary/runSummary.ts';

/** Default simulated time limit when the scenario gives none. */
export const DEFAULT_UNTIL_NS = 60_000_000_000;
/** Default cap on events, so a runaway scenario stops with a message instead of hanging. */
export const DEFAULT_MAX_EVENTS = 50_000_000;

export interface RunScenarioOptions extends BuildOptions {
  /** Overrides the scenario's time limit (ns). */
  until?: number;
  maxEvents?: number;
}

export interface ScenarioRun {
  simulation: Simulation;
  result: RunResult;
  summary: RunSummary;
}

/** Builds and runs a validated scenario to its time limit. */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioRun {
  const simulation = buildSimulation(scenario, options);
  const { sim } = simulation;
  const until = options.until ?? scenario.until ?? DEFAULT_UNTIL_NS;
  const result = sim.run({ until, maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS });
  sim.record({ t: sim.now(), type: 'sim.end', reason: result.reason, events: result.events });
  return { simulation, result, summary: summarise(simulation) };
}

/** The summary of a simulation after a run (or at any moment of it): its figures so far. */
export function summarise(simulation: Simulation): RunSummary {
  return simulation.figures.result(simulation.sim.trace.length);
}
