// What the whole-stack benchmarks share: a scenario timed inside its run (building and summing
// up not counted), best of a few runs, and the same-run baseline every figure is printed beside:
// the bare event heap's rate, measured in this process just before, so a loaded machine shows.

import { performance } from 'node:perf_hooks';
import {
  DEFAULT_MAX_EVENTS,
  DEFAULT_UNTIL_NS,
  buildSimulation,
  summarise,
  validateScenario,
  type RunSummary,
  type Scenario,
} from '../src/sim/index.ts';
import { bareLoop, print } from './engineBench.ts';

export interface TimedRun {
  /** Wall seconds inside `sim.run`. */
  wallS: number;
  events: number;
  summary: RunSummary;
}

/** Validates a benchmark scenario document, or throws with its issues. */
export function scenario(document: unknown): Scenario {
  const result = validateScenario(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** Builds `scenario` and times its run; the summary comes from the trace folds as always. */
export function timedRun(scenario: Scenario, trace: boolean): TimedRun {
  const simulation = buildSimulation(scenario, { trace });
  const { sim } = simulation;
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  const until = scenario.until ?? DEFAULT_UNTIL_NS;
  const result = sim.run({ until, maxEvents: DEFAULT_MAX_EVENTS });
  const wallS = (performance.now() - start) / 1000;
  sim.record({ t: sim.now(), type: 'sim.end', reason: result.reason, events: result.events });
  return { wallS, events: result.events, summary: summarise(simulation) };
}

/** The run with the shortest wall time of `runs` (the least disturbed on a shared machine). */
export function bestRun(runs: number, run: () => TimedRun): TimedRun {
  let best: TimedRun | undefined;
  for (let i = 0; i < runs; i++) {
    const attempt = run();
    if (!best || attempt.wallS < best.wallS) best = attempt;
  }
  return best as TimedRun;
}

/**
 * The same-run baseline: events per wall second of the bare event heap (1,000 pending, no-op
 * handlers), best of three, printed as `GROUP.baseline.bareHeap`. Returned so a group can print
 * its figures per bare-heap event too, a ratio a loaded machine does not move.
 */
export function bareHeapBaseline(group: string): number {
  bareLoop(200_000); // warm-up
  let best = 0;
  for (let i = 0; i < 3; i++) best = Math.max(best, bareLoop(1_000_000));
  print(`${group}.baseline.bareHeap`, best, 'events/s');
  return best;
}
