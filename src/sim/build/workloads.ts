// Workloads of client apps: one user; a closed loop of N users who each visit, think and visit
// again; or an open loop of visits arriving at random (Poisson) at a rate, each a user of its own.

import type { RandomStream } from '../../engine/random.ts';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { sample } from '../../machines/cpu/distributions.ts';
import type { Workload } from '../scenario/workloadSchema.ts';

/** Starts a user labelled `label` making `visits` visits, the first after `delayNs`. */
export type StartUser = (label: string, visits: number, delayNs: number) => void;

/**
 * Starts the users of a workload: `prefix` alone for one user, `prefix/u1..uN` for a closed
 * loop, `prefix/v1, v2, ...` for open-loop arrivals (exponential gaps from a named stream).
 */
export function startWorkload(
  sim: Simulator,
  node: string,
  prefix: string,
  workload: Workload | undefined,
  startNs: number,
  startUser: StartUser,
): void {
  if (!workload) return startUser(prefix, 1, startNs);
  if (workload.kind === 'closed') {
    for (let u = 1; u <= workload.users; u++)
      startUser(`${prefix}/u${u}`, workload.visits ?? Infinity, startNs);
    return;
  }
  const arrivals = sim.random.stream(`node:${node}/${prefix}/arrivals`);
  const meanGap = NS_PER_S / workload.rate;
  let arrived = 0;
  const arrive = (): void => {
    arrived++;
    startUser(`${prefix}/v${arrived}`, 1, 0);
    if (workload.visits === undefined || arrived < workload.visits)
      sim.schedule(Math.round(arrivals.exponential(meanGap)), arrive);
  };
  sim.schedule(startNs + Math.round(arrivals.exponential(meanGap)), arrive);
}

/** One think time of a closed-loop user, in ms (what XState's delays take); 0 without one. */
export function thinkTimeMs(workload: Workload | undefined, stream: RandomStream): number {
  return workload?.kind === 'closed' && workload.thinkTime
    ? sample(workload.thinkTime, stream) / NS_PER_MS
    : 0;
}
