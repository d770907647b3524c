// Shared by the narration tests of narrate.ts: run a scenario document with a seed, narrate its
// trace, and find a record's log entry.
import type { Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { runScenario, validateScenario, type Scenario } from '../../sim/index.ts';
import { narrate, type LogEntry } from './narrate.ts';
import { networkNames } from '../names/index.ts';

/** A scenario document, validated; throws with the issues if it is not valid. */
export function checked(doc: unknown): Scenario {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(`invalid test scenario: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** Runs a scenario document (with `seed`, if given) and narrates its whole trace in `language`. */
export function run(doc: unknown, seed?: number, language?: Language) {
  const scenario = checked(doc);
  const result = runScenario(scenario, seed === undefined ? {} : { seed });
  const records = result.simulation.sim.trace.records;
  return {
    records,
    summary: result.summary,
    entries: narrate(records, networkNames(scenario.nodes), undefined, language),
  };
}

/** The sentences of log entries. */
export const texts = (entries: readonly LogEntry[]) => entries.map((e) => e.text);
/** The log entry of `record`, one of `records`. */
export const entryOf = (
  entries: readonly LogEntry[],
  record: TraceRecord,
  records: readonly TraceRecord[],
) => entries[records.indexOf(record)];
