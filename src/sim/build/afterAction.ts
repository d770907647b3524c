// Runs an application's I/O as an engine event right after the machine action that asks for it,
// at the same simulated time. Sockets, and the TCP and DNS actors behind them, are then never
// created inside another machine's action, where XState wants no imperative work (it warns).

import type { Simulator } from '../../engine/simulator.ts';

/** Wraps `work` so that calling the result schedules it at the current time. */
export function afterAction<A extends unknown[]>(
  sim: Simulator,
  work: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    sim.schedule(0, () => work(...args));
  };
}
