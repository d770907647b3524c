// What `handshake run` tells people on standard error about the run's limits: a warning before a
// run whose simulated time is over a day, and the message when the run stopped at its event cap.

import { formatDuration, NS_PER_S, type Nanos } from '../engine/time.ts';

/** A day of simulated time, in ns: longer runs get a warning (they still run). */
export const LONG_UNTIL_NS = 24 * 3600 * NS_PER_S;

/** The warning for a run to `until` ns, set by `source` (`--until`, `the scenario's "until"`). */
export function untilWarning(until: Nanos, source: string): string | undefined {
  if (until <= LONG_UNTIL_NS) return undefined;
  const hours = Number((until / (3600 * NS_PER_S)).toFixed(1));
  return `handshake: warning: ${source} is ${formatDuration(until)} (${hours} h), over a day of simulated time; it still runs, but may take long and stops at the event limit (--max-events; --max-wall limits its real time)`;
}

/** The message of a run that stopped at its event limit, `events` events and `at` ns in. */
export function eventLimitMessage(events: number, at: Nanos): string {
  return `handshake: the run reached its event limit (${events.toLocaleString('en-US')} events) at ${formatDuration(at)} of simulated time and stopped there; the summary and files written are up to then; raise the limit with --max-events`;
}
