// The parts of a server process a learner sees from outside: its threads, each an XState actor
// whose states are traced as `app.state` (app `web/w1`). The run summary's figures come from the
// trace (sim/summary/serverFigures.ts), not from counters kept here.

import type { Simulator } from '../../engine/simulator.ts';
import { createFlatActor, type FlatActor } from '../flatActor.ts';
import { serverWorkerMachine } from './serverWorkerMachine.ts';

/** A server thread. */
export interface Worker {
  name: string;
  actor: FlatActor<typeof serverWorkerMachine>;
}

/** Starts a thread `name` of server `app` on `node`, tracing its states. */
export function startWorker(sim: Simulator, node: string, app: string, name: string): Worker {
  const actor = createFlatActor(serverWorkerMachine, { clock: sim.clock });
  let last = '';
  actor.subscribe((snapshot) => {
    const state = String(snapshot.value);
    if (state === last) return;
    last = state;
    sim.record({ t: sim.now(), type: 'app.state', node, app: `${app}/${name}`, state });
  });
  actor.start();
  return { name, actor };
}
