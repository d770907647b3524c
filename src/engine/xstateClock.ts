// Puts XState on simulated time: `after` delays and delayed `sendTo` become engine events.
// Every root actor in the core is created with `{ clock: sim.clock }`; no real timer ever runs.

import type { EventId } from './eventQueue.ts';
import { msToNs } from './time.ts';

/** The clock shape XState calls (XState does not export its `Clock` type). */
export interface SimulatedClock {
  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): EventId;
  clearTimeout(id: EventId): void;
}

/** What the clock needs from the engine. */
export interface ClockHost {
  schedule(delayNs: number, handler: () => void): EventId;
  cancel(id: EventId): boolean;
}

/** Creates an XState clock whose timeouts (in ms, as XState gives them) fire on `host`'s time. */
export function createSimulatedClock(host: ClockHost): SimulatedClock {
  return {
    setTimeout(fn, timeoutMs) {
      const delay = Math.max(0, msToNs(Number.isFinite(timeoutMs) ? timeoutMs : 0));
      return host.schedule(delay, () => fn());
    },
    clearTimeout(id) {
      host.cancel(id);
    },
  };
}
