// Runs a scenario headless: build, run to the time limit, summarise. Used by the CLI, the tests
// and the browser alike, so all three see the same trace for the same scenario and seed.

import type { RunResult } from '../engine/simulator.ts';
import { buildSimulation, type BuildOptions, type Simulation } from './buildSimulation.ts';
import type { Scenario } from './scenario/scenarioSchema.ts';
import { summarisePinger, type RunSummary } from './summary.ts';
import {
  summariseCpu,
  summariseDnsFtp,
  summariseQueryServices,
  summariseServer,
  summariseWebClient,
} from './serviceSummary.ts';

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
  return { simulation, result, summary: summarise(simulation, result) };
}

/** The summary of a simulation after a run. */
export function summarise(simulation: Simulation, result: RunResult): RunSummary {
  return {
    scenario: simulation.scenario.name,
    seed: simulation.seed,
    reason: result.reason,
    events: simulation.sim.eventsProcessed,
    simulatedNs: simulation.sim.now(),
    traceRecords: simulation.sim.trace.length,
    pingers: simulation.pingers.map(summarisePinger),
    servers: simulation.servers.map((s) => ({ ...s })),
    bulkSenders: simulation.bulkSenders.map((b) => ({ ...b })),
    sinks: simulation.sinks.map((k) => ({ ...k })),
    webServers: simulation.httpServers.map(summariseServer),
    webClients: simulation.httpClients.map(summariseWebClient),
    cpus: [...simulation.cpus.values()].map((cpu) => summariseCpu(cpu, simulation.sim.now())),
    links: [...simulation.links.values()].map((link) => {
      const spec = simulation.scenario.links.find((l) => l.id === link.config.id);
      const [ab, ba] = link.counters();
      return {
        link: link.config.id,
        a: spec?.a ?? '',
        b: spec?.b ?? '',
        latency: link.config.delay,
        bandwidth: link.config.bandwidth,
        loss: link.config.loss ?? 0,
        directions: [{ ...ab }, { ...ba }],
      };
    }),
    ...summariseQueryServices(simulation.services, simulation.serviceClients),
    ...summariseDnsFtp({
      ...simulation,
      resolvers: [...simulation.resolvers.values()].map((r) => r.metrics),
    }),
  };
}
