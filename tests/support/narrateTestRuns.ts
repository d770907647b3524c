// For the narration tests: run a scenario document, narrate its trace, and find the log entry of
// any record; records of one type with their fields typed.

import type { TraceRecord } from '../../src/engine/trace.ts';
import { runScenario, validateScenario, type Scenario } from '../../src/sim/index.ts';
import { narrate } from '../../src/viz/log/index.ts';
import { networkNames } from '../../src/viz/names/index.ts';

/** A scenario document, validated; throws with the issues if it is not valid. */
export function validated(doc: unknown): Scenario {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(`invalid test scenario: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/**
 * Runs a scenario document and narrates its whole trace. `alter` may change the validated
 * scenario first, to provoke what validation refuses (two servers on one port).
 */
export function runNarrated(doc: unknown, alter?: (scenario: Scenario) => void) {
  const scenario = validated(doc);
  alter?.(scenario);
  const records = runScenario(scenario).simulation.sim.trace.records;
  const entries = narrate(records, networkNames(scenario.nodes));
  const entry = (r: TraceRecord) => entries[records.indexOf(r)]!;
  return { scenario, records, entries, entry, text: (r: TraceRecord) => entry(r).text };
}

/** The records of one type, in trace order. */
export function ofType<T extends TraceRecord['type']>(
  records: readonly TraceRecord[],
  type: T,
): TraceRecord<T>[] {
  return records.filter((r): r is TraceRecord<T> => r.type === type);
}
