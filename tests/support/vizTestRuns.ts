// For the view tests: run a scenario file of simulations/ headless, as the browser would, and
// give its trace records; runs are cached so several tests share one.

import { readFileSync } from 'node:fs';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { parseScenarioText, runScenario, type Scenario } from '../../src/sim/index.ts';

const runs = new Map<string, { scenario: Scenario; records: readonly TraceRecord[] }>();

/** Runs `simulations/<name>` (once) and returns its scenario and whole trace. */
export function runSimulationFile(name: string): {
  scenario: Scenario;
  records: readonly TraceRecord[];
} {
  const cached = runs.get(name);
  if (cached) return cached;
  const text = readFileSync(new URL(`../../simulations/${name}`, import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  const run = runScenario(parsed.scenario);
  const result = { scenario: parsed.scenario, records: run.simulation.sim.trace.records };
  runs.set(name, result);
  return result;
}

/** The records of one type, in trace order. */
export function recordsOfType<T extends TraceRecord['type']>(
  records: readonly TraceRecord[],
  type: T,
): TraceRecord<T>[] {
  return records.filter((r): r is TraceRecord<T> => r.type === type);
}
