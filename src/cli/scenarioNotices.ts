// What `handshake validate` and `handshake run` say on standard error about a valid scenario's
// warnings (src/sim/scenario/scenarioWarnings.ts, such as switches cabled in a loop): a line each
// once the file is loaded, and the likely cause after the message of a run stopped at its event
// limit. Warnings never change the exit status.

import type { ScenarioWarning } from '../sim/index.ts';
import { eventLimitCause } from '../sim/index.ts';

/** "handshake: warning: FILE: $.links: ...", one line per warning. */
export function scenarioWarningLines(file: string, warnings: readonly ScenarioWarning[]): string[] {
  return warnings.map((w) => `handshake: warning: ${file}: ${w.path}: ${w.message}`);
}

/** The line after the event-limit message when a warning explains it, else undefined. */
export function eventLimitCauseLine(warnings: readonly ScenarioWarning[]): string | undefined {
  const cause = eventLimitCause(warnings);
  return cause === undefined ? undefined : `handshake: the likely cause: ${cause}`;
}
